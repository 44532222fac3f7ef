from django.urls import path

from directory import views

urlpatterns = [
    path("", views.search, name="directory-search"),
    path("open-data/", views.open_data, name="directory-open-data"),
    path("<slug:slug>/", views.organisation_detail, name="directory-organisation"),
]
