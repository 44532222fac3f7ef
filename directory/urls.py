from django.urls import path

from directory import views
from directory.feeds import ChangesFeed

urlpatterns = [
    path("", views.search, name="directory-search"),
    path("open-data/", views.open_data, name="directory-open-data"),
    path("wijzigingen/", views.changes, name="directory-changes"),
    path("wijzigingen/atom.xml", ChangesFeed(), name="directory-changes-feed"),
    path("<slug:slug>/", views.organisation_detail, name="directory-organisation"),
    path("<slug:slug>/wijzigingen/", views.organisation_changes, name="directory-organisation-changes"),
]
