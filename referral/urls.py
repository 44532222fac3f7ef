from django.urls import path

from referral import views

urlpatterns = [
    path("verwijswijzer/", views.start, name="referral-start"),
    path("meldroute/", views.meldroute_index, name="referral-meldroute-index"),
    path("meldroute/<slug:slug>/", views.meldroute, name="referral-meldroute"),
]
