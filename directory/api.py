"""Open data downloads and the read-only JSON search API (same filters as the search page)."""

from __future__ import annotations

import json
from pathlib import Path

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.urls import reverse
from django.utils import translation

from directory.hsds import hsds_document
from directory.models import Organisation
from directory.open_data import api_record, directory_csv, records, with_record_data
from directory.views import run_search
from portal.api_errors import json_methods

SCHEMAS = Path(__file__).resolve().parent / "schemas"
API_PAGE_SIZE = 50


def _json(data, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@json_methods("GET", "HEAD")
def organisations_csv(request: HttpRequest) -> HttpResponse:
    with translation.override("nl"):
        body = directory_csv(request)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="organisaties.csv"'
    return response


@json_methods("GET", "HEAD")
def organisations_hsds(request: HttpRequest) -> JsonResponse:
    with translation.override("nl"):
        return _json(hsds_document(request))


@json_methods("GET", "HEAD")
def hsds_schema(request: HttpRequest) -> HttpResponse:
    """The download follows the official HSDS 3.0 schema now: its old address leads there."""
    return HttpResponsePermanentRedirect(reverse("hsds-schema-file", args=["organization.schema.json"]))


@json_methods("GET", "HEAD")
def openapi(request: HttpRequest) -> JsonResponse:
    return _json(json.loads((SCHEMAS / "openapi.json").read_text()))


@json_methods("GET", "HEAD")
def search_api(request: HttpRequest) -> JsonResponse:
    """GET /api/v1/organisaties/?q=…&vorm=…&gemeente=…&pagina=… (see openapi.json)."""
    language = request.GET.get("taal_tekst", "nl")
    if language not in {"nl", "en", "pl", "ro", "bg", "uk", "ar"}:
        language = "nl"
    with translation.override(language):
        context = run_search(
            request.GET,
            page_size=API_PAGE_SIZE,
            items=lambda ids: records("api-v1", request, with_record_data(Organisation.objects), ids, api_record),
        )
        search = context["search"]
        if search.errors:
            return _json({"errors": search.notices, "parameters": sorted(set(search.errors))}, status=400)
        page = context["page"]
        return _json(
            {
                "count": context["paginator"].count,
                "page": page.number,
                "pages": context["paginator"].num_pages,
                "corrections": context["corrections"],
                "results": page.object_list,
                "facets": {
                    facet.param: {option.value: option.count for option in facet.options} for facet in context["facets"]
                },
            }
        )
