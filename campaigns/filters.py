"""The library's filters: read from the query string, applied, and counted.

Within one filter several values mean "any of these"; different filters must all hold. The count
beside a value says how many campaigns choosing it would give (every other filter applied). The
number of queries is fixed, whatever the number of campaigns. Bad values never cause an error:
they are dropped with a notice.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.models import Audience, Campaign, Format, Material
from campaigns.text import normalise
from campaigns.vocabulary import GENERAL
from directory.models import ExploitationForm, Language, Province
from portal.facets import Facet as Filter
from portal.facets import Option
from portal.input import page_number

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
MAX_PAGE = 10_000
YES = "ja"
_WORD = re.compile(r"\w+", re.UNICODE)


def _through(relation, **lookup) -> QuerySet:
    return relation.through.objects.filter(**lookup).values("campaign_id")


def _m2m_counter(relation, code_path: str) -> Callable[[QuerySet], dict[str, int]]:
    def count(base: QuerySet) -> dict[str, int]:
        rows = (
            relation.through.objects.filter(campaign_id__in=base.order_by().values("pk"))
            .values_list(code_path)
            .annotate(n=Count("campaign_id", distinct=True))
        )
        return dict(rows)

    return count


def _form_condition(values: list[str]) -> Q:
    condition = Q(pk__in=_through(Campaign.forms, exploitationform__code__in=values))
    if GENERAL in values:
        condition |= Q(all_forms=True)
    return condition


def _form_counter(base: QuerySet) -> dict[str, int]:
    counts = _m2m_counter(Campaign.forms, "exploitationform__code")(base)
    counts[GENERAL] = base.filter(all_forms=True).count()
    return counts


def _province_condition(values: list[str]) -> Q:
    """Campaigns that reach the province: national ones, and regional ones there."""
    return Q(scope=Campaign.Scope.NATIONAL) | Q(pk__in=Campaign.objects.in_province_codes(values).values("pk"))


def _province_counter(base: QuerySet) -> dict[str, int]:
    ids = base.filter(scope=Campaign.Scope.REGIONAL).order_by().values("pk")
    pairs: set[tuple[str, int]] = set()
    pairs.update(
        Campaign.provinces.through.objects.filter(campaign_id__in=ids).values_list("province__code", "campaign_id")
    )
    pairs.update(
        Campaign.safety_regions.through.objects.filter(campaign_id__in=ids).values_list(
            "safetyregion__province__code", "campaign_id"
        )
    )
    pairs.update(
        Campaign.municipalities.through.objects.filter(campaign_id__in=ids).values_list(
            "municipality__province__code", "campaign_id"
        )
    )
    national = base.filter(scope=Campaign.Scope.NATIONAL).count()
    counts = dict.fromkeys(Province.objects.values_list("code", flat=True), national)
    for code, _campaign in pairs:
        counts[code] = counts.get(code, national) + 1
    return counts


def _material_exists() -> Exists:
    return Exists(Material.objects.filter(campaign=OuterRef("pk")))


def _language_condition(values: list[str]) -> Q:
    return Q(pk__in=_through(Campaign.languages, language__code__in=values)) | Q(
        pk__in=Material.objects.filter(language__code__in=values).values("campaign_id")
    )


def _language_counter(base: QuerySet) -> dict[str, int]:
    ids = base.order_by().values("pk")
    pairs = set(
        Campaign.languages.through.objects.filter(campaign_id__in=ids).values_list("language__code", "campaign_id")
    )
    pairs.update(
        Material.objects.filter(campaign_id__in=ids, language__isnull=False).values_list(
            "language__code", "campaign_id"
        )
    )
    counts: dict[str, int] = {}
    for code, _campaign in pairs:
        counts[code] = counts.get(code, 0) + 1
    return counts


def build_filters() -> list[Filter]:
    return [
        Filter(
            "doelgroep",
            gettext_lazy("Audience"),
            lambda: [(audience.code, audience.name) for audience in Audience.objects.all()],
            lambda values: Q(pk__in=_through(Campaign.audiences, audience__code__in=values)),
            _m2m_counter(Campaign.audiences, "audience__code"),
        ),
        Filter(
            "vorm",
            gettext_lazy("Form of exploitation"),
            lambda: (
                [(form.code, form.name) for form in ExploitationForm.objects.all()]
                + [(GENERAL, gettext_lazy("Human trafficking in general"))]
            ),
            _form_condition,
            _form_counter,
        ),
        Filter(
            "middel",
            gettext_lazy("Format"),
            lambda: [(item.code, item.name) for item in Format.objects.all()],
            lambda values: Q(pk__in=_through(Campaign.formats, format__code__in=values)),
            _m2m_counter(Campaign.formats, "format__code"),
        ),
        Filter(
            "bereik",
            gettext_lazy("Scope"),
            lambda: [(Campaign.Scope.NATIONAL, _("National")), (Campaign.Scope.REGIONAL, _("Regional"))],
            lambda values: Q(scope__in=values),
            lambda base: dict(base.order_by().values_list("scope").annotate(n=Count("pk"))),
        ),
        Filter(
            "provincie",
            gettext_lazy("Reaches the province"),
            lambda: [(province.code, province.name) for province in Province.objects.all()],
            _province_condition,
            _province_counter,
        ),
        Filter(
            "looptijd",
            gettext_lazy("Running or ended"),
            lambda: [(Campaign.Status.ONGOING, _("Still running")), (Campaign.Status.ENDED, _("Ended"))],
            lambda values: Q(status__in=values),
            lambda base: dict(base.order_by().values_list("status").annotate(n=Count("pk"))),
        ),
        Filter(
            "materiaal",
            gettext_lazy("Material"),
            lambda: [(YES, _("Has material to reuse"))],
            lambda values: Q(_material_exists()),
            lambda base: {YES: base.filter(_material_exists()).count()},
        ),
        Filter(
            "taal",
            gettext_lazy("Language"),
            lambda: [(language.code, language.name) for language in Language.objects.all()],
            _language_condition,
            _language_counter,
            hide_empty=True,
        ),
    ]


@dataclass
class LibraryRequest:
    """A library search as read from the query string, with what could not be used."""

    query: str = ""
    terms: list[str] = field(default_factory=list)
    selected: dict[str, list[str]] = field(default_factory=dict)
    page: int = 1
    notices: list[str] = field(default_factory=list)

    def as_params(self) -> list[tuple[str, str]]:
        params = [("q", self.query)] if self.query else []
        for param, values in self.selected.items():
            params.extend((param, value) for value in values)
        return params

    def url(self, page: int = 1, **replace: list[str]) -> str:
        params = [(key, value) for key, value in self.as_params() if key not in replace]
        for key, values in replace.items():
            params.extend((key, value) for value in values)
        if page > 1:
            params.append(("pagina", str(page)))
        return "?" + urlencode(params) if params else "?"


def search_terms(query: str) -> list[str]:
    words = [word for word in _WORD.findall(normalise(query)) if len(word) > 1 or word.isdigit()]
    return list(dict.fromkeys(words))[:MAX_TERMS]


def read_request(data: QueryDict, filters: list[Filter]) -> LibraryRequest:
    """Read and check a query string. Bad values are dropped with a notice, never an error page."""
    request = LibraryRequest()
    query = " ".join(data.get("q", "").split())
    if len(query) > MAX_QUERY_LENGTH:
        request.notices.append(
            _("Your search was very long. We searched for the first %(count)d characters.")
            % {"count": MAX_QUERY_LENGTH}
        )
        query = query[:MAX_QUERY_LENGTH]
    request.query = query
    request.terms = search_terms(query)

    for item in filters:
        raw_values = [value for value in data.getlist(item.param) if value]
        if not raw_values:
            continue
        known = {value for value, _label in item.get_choices()}
        values = [value for value in dict.fromkeys(raw_values) if value in known]
        if len(values) < len(set(raw_values)):
            request.notices.append(
                _("We ignored a filter value we do not know in “%(filter)s”.") % {"filter": item.legend}
            )
        if values:
            request.selected[item.param] = values

    page = page_number(data.get("pagina", "1"), MAX_PAGE)
    if page is not None:
        request.page = page
    else:
        request.notices.append(_("That page number does not exist. We show the first page."))
    return request


def matching(queryset: QuerySet, terms: list[str]) -> QuerySet:
    for term in terms:
        queryset = queryset.filter(search_text__contains=term)
    return queryset


def apply_filters(queryset: QuerySet, request: LibraryRequest, filters: list[Filter], skip: str = "") -> QuerySet:
    for item in filters:
        if item.param != skip and item.param in request.selected:
            queryset = queryset.filter(item.condition(request.selected[item.param]))
    return queryset


def count_options(matched: QuerySet, request: LibraryRequest, filters: list[Filter]) -> None:
    """Fill each filter's options with counts, applying every other filter."""
    for item in filters:
        counts = item.counter(apply_filters(matched, request, filters, skip=item.param))
        chosen = set(request.selected.get(item.param, []))
        item.options = [
            Option(value=value, label=label, count=counts.get(value, 0), selected=value in chosen)
            for value, label in item.get_choices()
        ]
