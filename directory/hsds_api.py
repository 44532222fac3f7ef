"""The HSDS 3.0 API (/api/hsds/…), next to our own search API, as described in
directory/schemas/hsds-openapi.json (derived from the official template by
scripts/derive_hsds_openapi.py).

Read-only and public: no cookies, the same security headers and page cache as every public
answer (ADR 015). A parameter that cannot be read gets a JSON 400 naming it, an unknown id a
JSON 404; nothing a client sends can cause a 500.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable
from functools import wraps
from pathlib import Path

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt

from directory.hsds import (
    HSDS_VERSION,
    PROFILE,
    TAXONOMIES,
    History,
    all_taxonomy_terms,
    hsds_id,
    hsds_organisations,
    hsds_organization,
    hsds_service,
    organization_summary,
    service_summary,
    with_hsds_data,
    with_last_modified,
)
from directory.models import Organisation
from directory.open_data import records
from directory.search import matching
from portal.api_errors import json_error, json_methods
from portal.input import NUL, REPLACEMENT, page_number

SCHEMAS = Path(__file__).resolve().parent / "schemas"
SCHEMA_FILES = {path.name for path in (SCHEMAS / "hsds3").glob("*.json")}
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
MAX_SEARCH = 200
MAX_PAGE = 999_999_999  # what portal.input.page_number reads


class BadParameter(Exception):
    """A parameter that cannot be read. Its message is put into words only when the answer is
    written, in the API's language (portal.api_errors.api_language): the view reads the data in
    Dutch meanwhile, and a message made there would be Dutch whatever the request asked for."""

    def __init__(self, parameter: str, message: Promise | str, **values):
        super().__init__(parameter)
        self.parameter = parameter
        self._message, self._values = message, values

    @property
    def message(self) -> str:
        text = str(self._message)
        return text % self._values if self._values else text


def _json(data, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def hsds_view(view: Callable[..., JsonResponse]) -> Callable[..., HttpResponse]:
    """GET/HEAD only, Dutch data, and unreadable input as a JSON 400 that names the parameter.
    Read-only, so exempt from the CSRF check: a POST gets the JSON 405, not an HTML 403."""

    @csrf_exempt
    @json_methods("GET", "HEAD")
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            # ReadableQueryMiddleware has turned every NUL into U+FFFD: refuse either.
            for name, values in request.GET.lists():
                if any(NUL in value or REPLACEMENT in value for value in [name, *values]):
                    raise BadParameter(
                        name.replace("\x00", ""), _("A parameter contains a character that is not allowed.")
                    )
            with translation.override("nl"):
                return view(request, *args, **kwargs)
        except BadParameter as error:
            return json_error(400, error.message, parameter=error.parameter)
        except Http404:
            return json_error(404, _("There is no published record with this id."))

    return wrapped


# --- Reading parameters --------------------------------------------------------------------


def _number(request: HttpRequest, name: str, default: int, high: int) -> int:
    value = request.GET.get(name, "")
    if value.strip() == "":
        return default
    number = page_number(value, high)
    if number is None:
        raise BadParameter(
            name, gettext_lazy("%(name)s must be a whole number from 1 to %(high)d."), name=name, high=high
        )
    return number


def _boolean(request: HttpRequest, name: str) -> bool:
    value = request.GET.get(name, "").lower()
    if value in ("", "false", "0"):
        return False
    if value in ("true", "1"):
        return True
    raise BadParameter(name, gettext_lazy("%(name)s must be true or false."), name=name)


def _text(request: HttpRequest, name: str) -> str:
    value = request.GET.get(name, "").strip()
    if len(value) > MAX_SEARCH:
        raise BadParameter(
            name, gettext_lazy("%(name)s is too long (at most %(count)d characters)."), name=name, count=MAX_SEARCH
        )
    return value


def _format(request: HttpRequest) -> None:
    if request.GET.get("format", "json") != "json":
        raise BadParameter("format", gettext_lazy("Only the json format is offered."))


MODIFIED_AFTER_HELP = gettext_lazy("modified_after must be a date and time such as 2026-11-01T00:00:00+01:00.")


def _modified_after(request: HttpRequest) -> dt.datetime | None:
    value = request.GET.get("modified_after", "").strip()
    if not value:
        return None
    try:
        moment = parse_datetime(value)
        if moment is None and (day := parse_date(value)) is not None:
            moment = dt.datetime.combine(day, dt.time())
    except ValueError:
        moment = None  # a well-formed but impossible date or time, such as 2026-02-30
    if moment is None:
        raise BadParameter("modified_after", MODIFIED_AFTER_HELP)
    try:
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)  # the directory's own time zone (Europe/Amsterdam)
        # In UTC: PostgreSQL refuses offsets beyond ±15:59 that RFC 3339 syntax allows.
        return moment.astimezone(dt.UTC)
    except (OverflowError, ValueError) as error:  # e.g. 0001-01-01T00:00:00+01:00 is before year 1 in UTC
        raise BadParameter("modified_after", MODIFIED_AFTER_HELP) from error


def _page(request: HttpRequest, items, serialise: Callable[[list], list[dict]]) -> JsonResponse:
    """An HSDS Page: total_items, total_pages, page_number, size, first_page, last_page, empty, contents."""
    _format(request)
    page_number = _number(request, "page", 1, MAX_PAGE)
    size = _number(request, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)
    total = items.count() if isinstance(items, QuerySet) else len(items)
    total_pages = math.ceil(total / size)
    start = (page_number - 1) * size
    contents = serialise(list(items[start : start + size])) if page_number <= total_pages else []
    return _json(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": page_number,
            "size": size,
            "first_page": page_number == 1,
            "last_page": page_number >= total_pages,
            "empty": not contents,
            "contents": contents,
        }
    )


def _summaries(
    request: HttpRequest, organisations: QuerySet, kind: str, summary: Callable[[Organisation, HttpRequest], dict]
) -> JsonResponse:
    """A page of summaries: the page's ids in one query, each summary built once per content
    generation, language and day (ADR 023), so only organisations not seen since are fetched."""
    return _page(
        request,
        organisations.values_list("pk", flat=True),
        lambda ids: records(kind, request, _records_of(organisations), ids, summary),
    )


# --- Endpoints -----------------------------------------------------------------------------


@hsds_view
def meta(request: HttpRequest) -> JsonResponse:
    """GET /api/hsds/: the HSDS version, profile and API description of this API."""
    return _json(
        {
            "version": HSDS_VERSION,
            "profile": PROFILE,
            "openapi_url": request.build_absolute_uri(reverse("hsds-openapi")),
        }
    )


@csrf_exempt
@json_methods("GET", "HEAD")
def openapi(request: HttpRequest) -> JsonResponse:
    return _json(json.loads((SCHEMAS / "hsds-openapi.json").read_text()))


@csrf_exempt
@json_methods("GET", "HEAD")
def schema_file(request: HttpRequest, name: str) -> JsonResponse:
    """The vendored official HSDS schemas the API description refers to."""
    if name not in SCHEMA_FILES:
        return json_error(404, _("There is no published record with this id."))
    return _json(json.loads((SCHEMAS / "hsds3" / name).read_text()))


def _filtered_organisations(request: HttpRequest) -> QuerySet:
    """The published organisations the request asks for, in the export's order; without the
    last-modified aggregate unless it filters on it (counting and paging ids need no join)."""
    organisations = Organisation.objects.published().order_by("name", "pk")
    if query := _text(request, "search"):
        organisations = organisations.filter(pk__in=matching(Organisation.objects.published(), query).values("pk"))
    if (moment := _modified_after(request)) is not None:
        organisations = organisations.filter(pk__in=hsds_organisations().filter(hsds_modified__gte=moment).values("pk"))
    return organisations


def _records_of(organisations: QuerySet) -> QuerySet:
    """`organisations` with what their HSDS records need."""
    return with_hsds_data(with_last_modified(organisations))


def _organisation(kind: str, identifier: str) -> Organisation:
    """The published organisation whose organization or service has this id, else 404."""
    pks = {hsds_id(kind, pk): pk for pk in Organisation.objects.published().values_list("pk", flat=True)}
    if identifier not in pks:
        raise Http404
    return with_hsds_data(hsds_organisations()).get(pk=pks[identifier])


@hsds_view
def organizations(request: HttpRequest) -> JsonResponse:
    full, full_service = _boolean(request, "full"), _boolean(request, "full_service")
    organisations = _filtered_organisations(request)
    if not (full or full_service):
        return _summaries(request, organisations, "hsds-organization", organization_summary)

    def serialise(page: list[Organisation]) -> list[dict]:
        history = History.of(page)
        return [hsds_organization(o, request, history, full_service=full_service) for o in page]

    return _page(request, _records_of(organisations), serialise)


@hsds_view
def organization(request: HttpRequest, identifier: str) -> JsonResponse:
    full_service = _boolean(request, "full_service")
    return _json(hsds_organization(_organisation("organization", identifier), request, full_service=full_service))


def _term_ids(request: HttpRequest) -> tuple[str, str]:
    return _text(request, "taxonomy_term_id"), _text(request, "taxonomy_id")


@hsds_view
def services(request: HttpRequest) -> JsonResponse:
    full = _boolean(request, "full")
    organisations = _filtered_organisations(request)
    if organisation_id := _text(request, "organization_id"):
        pks = [
            pk for pk in organisations.values_list("pk", flat=True) if hsds_id("organization", pk) == organisation_id
        ]
        organisations = organisations.filter(pk__in=pks)
    term_id, taxonomy_id = _term_ids(request)
    if term_id or taxonomy_id:
        wanted = [(taxonomy, item) for taxonomy in TAXONOMIES for item in taxonomy.model.objects.all()
                  if (not taxonomy_id or taxonomy.id == taxonomy_id)
                  and (not term_id or hsds_id("taxonomy_term", taxonomy.key, item.code) == term_id)]  # fmt: skip
        pks: set[int] = set()
        for _taxonomy, item in wanted:
            pks |= set(item.organisation_set.values_list("pk", flat=True))
        organisations = organisations.filter(pk__in=pks)

    if not full:
        return _summaries(request, organisations, "hsds-service", service_summary)

    def serialise(page: list[Organisation]) -> list[dict]:
        history = History.of(page)
        return [hsds_service(o, request, history) for o in page]

    return _page(request, _records_of(organisations), serialise)


@hsds_view
def service(request: HttpRequest, identifier: str) -> JsonResponse:
    return _json(hsds_service(_organisation("service", identifier), request))


def _matches(record: dict, query: str) -> bool:
    query = query.lower()
    return query in record["name"].lower() or query in record["description"].lower()


@hsds_view
def taxonomies(request: HttpRequest) -> JsonResponse:
    query = _text(request, "search")
    records = [t.as_hsds() for t in TAXONOMIES if not query or _matches(t.as_hsds(), query)]
    return _page(request, records, lambda page: page)


@hsds_view
def taxonomy(request: HttpRequest, identifier: str) -> JsonResponse:
    for record in (t.as_hsds() for t in TAXONOMIES):
        if record["id"] == identifier:
            return _json(record)
    raise Http404


@hsds_view
def taxonomy_terms(request: HttpRequest) -> JsonResponse:
    query, taxonomy_id, parent_id = _text(request, "search"), _text(request, "taxonomy_id"), _text(request, "parent_id")
    _boolean(request, "top_only")  # every term is a top-level term: our taxonomies are flat
    terms = [
        term
        for term in all_taxonomy_terms()
        if (not query or _matches(term, query)) and (not taxonomy_id or term["taxonomy_id"] == taxonomy_id)
    ]
    if parent_id:
        terms = []  # no term has a parent
    return _page(request, terms, lambda page: page)


@hsds_view
def taxonomy_term(request: HttpRequest, identifier: str) -> JsonResponse:
    for term in all_taxonomy_terms():
        if term["id"] == identifier:
            return _json(term)
    raise Http404
