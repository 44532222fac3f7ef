from django.urls import path

from directory import api

urlpatterns = [
    path("open-data/organisaties.csv", api.organisations_csv, name="directory-open-data-csv"),
    path("open-data/organisaties.hsds.json", api.organisations_hsds, name="directory-open-data-hsds"),
    path("open-data/organisaties.hsds.schema.json", api.hsds_schema, name="directory-open-data-hsds-schema"),
    path("api/v1/organisaties/", api.search_api, name="directory-api-search"),
    path("api/v1/openapi.json", api.openapi, name="directory-api-openapi"),
]
