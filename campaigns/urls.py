from django.urls import path

from campaigns import views

urlpatterns = [
    path("", views.library, name="campaigns-library"),
    path("dekking/", views.coverage, name="campaigns-coverage"),
    path("voorstellen/", views.propose, name="campaigns-propose"),
    path("voorstellen/ontvangen/", views.proposal_received, name="campaigns-proposal-received"),
    path("materiaal/<int:pk>/", views.material, name="campaigns-material"),
    path("<slug:slug>/", views.detail, name="campaigns-detail"),
]
