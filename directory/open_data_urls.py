from django.urls import path

from directory import api, hsds_api

urlpatterns = [
    path("open-data/organisaties.csv", api.organisations_csv, name="directory-open-data-csv"),
    path("open-data/organisaties.hsds.json", api.organisations_hsds, name="directory-open-data-hsds"),
    path("open-data/organisaties.hsds.schema.json", api.hsds_schema, name="directory-open-data-hsds-schema"),
    path("api/v1/organisaties/", api.search_api, name="directory-api-search"),
    path("api/v1/openapi.json", api.openapi, name="directory-api-openapi"),
    # Open Referral HSDS 3.0 (directory/schemas/hsds-openapi.json)
    path("api/hsds/", hsds_api.meta, name="hsds-meta"),
    path("api/hsds/openapi.json", hsds_api.openapi, name="hsds-openapi"),
    path("api/hsds/hsds3/<str:name>", hsds_api.schema_file, name="hsds-schema-file"),
    path("api/hsds/organizations", hsds_api.organizations, name="hsds-organizations"),
    path("api/hsds/organizations/<str:identifier>", hsds_api.organization, name="hsds-organization"),
    path("api/hsds/services", hsds_api.services, name="hsds-services"),
    path("api/hsds/services/<str:identifier>", hsds_api.service, name="hsds-service"),
    path("api/hsds/taxonomies", hsds_api.taxonomies, name="hsds-taxonomies"),
    path("api/hsds/taxonomies/<str:identifier>", hsds_api.taxonomy, name="hsds-taxonomy"),
    path("api/hsds/taxonomy_terms", hsds_api.taxonomy_terms, name="hsds-taxonomy-terms"),
    path("api/hsds/taxonomy_terms/<str:identifier>", hsds_api.taxonomy_term, name="hsds-taxonomy-term"),
]
