from django.urls import path

from directory import views

urlpatterns = [
    path("", views.search, name="directory-search"),
    path("<slug:slug>/", views.organisation_detail, name="directory-organisation"),
]
