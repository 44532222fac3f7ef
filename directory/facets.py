"""The directory's filters (facets): reading them from a query string, applying them, counting.

A filter narrows the results; within one filter, several chosen values mean "any of these".
Counts per value are taken with every other filter applied (so a count says how many results
choosing that value would give), in one query per filter whatever the number of results.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from directory.models import (
    Audience,
    ContactChannel,
    ExploitationForm,
    Language,
    Municipality,
    Organisation,
)
from directory.search import MAX_QUERY_LENGTH
from portal.facets import Facet, Option
from portal.input import page_number

PAGE_SIZE = 20
MAX_PAGE = 99_999
YES = "ja"


def _verified_channels() -> QuerySet:
    return ContactChannel.objects.filter(last_verified__isnull=False).exclude(source="")


def _through_ids(relation, **lookup) -> QuerySet:
    return relation.through.objects.filter(**lookup).values("organisation_id")


def _kind_condition(values: list[str]) -> Q:
    kinds = set(values)
    if kinds & {Organisation.Kind.MELDPUNT, Organisation.Kind.KENNISCENTRUM}:
        kinds.add(Organisation.Kind.BOTH)
    return Q(kind__in=kinds)


def _kind_counter(base: QuerySet) -> dict[str, int]:
    counts = dict(base.order_by().values_list("kind").annotate(n=Count("pk")))
    both = counts.get(Organisation.Kind.BOTH, 0)
    return {
        Organisation.Kind.MELDPUNT: counts.get(Organisation.Kind.MELDPUNT, 0) + both,
        Organisation.Kind.KENNISCENTRUM: counts.get(Organisation.Kind.KENNISCENTRUM, 0) + both,
    }


def _m2m_counter(relation, code_path: str) -> Callable[[QuerySet], dict[str, int]]:
    def count(base: QuerySet) -> dict[str, int]:
        rows = (
            relation.through.objects.filter(organisation_id__in=base.order_by().values("pk"))
            .values_list(code_path)
            .annotate(n=Count("organisation_id", distinct=True))
        )
        return dict(rows)

    return count


def _channel_counter(base: QuerySet) -> dict[str, int]:
    rows = (
        _verified_channels()
        .filter(organisation_id__in=base.order_by().values("pk"))
        .order_by()
        .values_list("kind")
        .annotate(n=Count("organisation_id", distinct=True))
    )
    return dict(rows)


def _language_counter(base: QuerySet) -> dict[str, int]:
    rows = (
        ContactChannel.languages.through.objects.filter(
            contactchannel__in=_verified_channels().filter(organisation_id__in=base.order_by().values("pk"))
        )
        .values_list("language__code")
        .annotate(n=Count("contactchannel__organisation_id", distinct=True))
    )
    return dict(rows)


def _channel_flag(**flag) -> tuple[Callable[[list[str]], Q], Callable[[QuerySet], dict[str, int]]]:
    def condition(values: list[str]) -> Q:
        return Q(pk__in=_verified_channels().filter(**flag).values("organisation_id"))

    def count(base: QuerySet) -> dict[str, int]:
        return {YES: base.filter(condition([YES])).count()}

    return condition, count


def build_facets() -> list[Facet]:
    always_on, always_on_count = _channel_flag(is_24_7=True)
    anonymous, anonymous_count = _channel_flag(anonymous=True)
    return [
        Facet(
            "soort",
            _("Kind of organisation"),
            lambda: [
                (Organisation.Kind.MELDPUNT, _("Reporting point (meldpunt)")),
                (Organisation.Kind.KENNISCENTRUM, _("Knowledge centre (kenniscentrum)")),
            ],
            _kind_condition,
            _kind_counter,
        ),
        Facet(
            "vorm",
            _("Form of exploitation"),
            lambda: [(form.code, form.name) for form in ExploitationForm.objects.all()],
            lambda values: Q(pk__in=_through_ids(Organisation.forms, exploitationform__code__in=values)),
            _m2m_counter(Organisation.forms, "exploitationform__code"),
        ),
        Facet(
            "doelgroep",
            _("For whom"),
            lambda: [(audience.code, audience.name) for audience in Audience.objects.all()],
            lambda values: Q(pk__in=_through_ids(Organisation.audiences, audience__code__in=values)),
            _m2m_counter(Organisation.audiences, "audience__code"),
        ),
        Facet(
            "kanaal",
            _("Way to make contact"),
            lambda: list(ContactChannel.Kind.choices),
            lambda values: Q(pk__in=_verified_channels().filter(kind__in=values).values("organisation_id")),
            _channel_counter,
        ),
        Facet(
            "dag-en-nacht",
            _("Open day and night"),
            lambda: [(YES, _("Open 24 hours, 7 days a week"))],
            always_on,
            always_on_count,
            single=True,
        ),
        Facet(
            "anoniem",
            _("Anonymous"),
            lambda: [(YES, _("You can stay anonymous"))],
            anonymous,
            anonymous_count,
            single=True,
        ),
        Facet(
            "taal",
            _("Language"),
            lambda: [(language.code, language.name) for language in Language.objects.all()],
            lambda values: Q(pk__in=_verified_channels().filter(languages__code__in=values).values("organisation_id")),
            _language_counter,
        ),
        Facet(
            "schaal",
            _("Scale"),
            lambda: list(Organisation.Scale.choices),
            lambda values: Q(scale__in=values),
            lambda base: dict(base.order_by().values_list("scale").annotate(n=Count("pk"))),
        ),
    ]


@dataclass
class SearchRequest:
    """A search, as read from a query string, with what could not be used."""

    query: str = ""
    selected: dict[str, list[str]] = field(default_factory=dict)
    municipality: Municipality | None = None
    page: int = 1
    notices: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def as_params(self) -> list[tuple[str, str]]:
        params = [("q", self.query)] if self.query else []
        for param, values in self.selected.items():
            params.extend((param, value) for value in values)
        if self.municipality:
            params.append(("gemeente", self.municipality.slug))
        return params


def read_request(data: QueryDict, facets: list[Facet]) -> SearchRequest:
    """Read and check a query string. Bad values are dropped with a notice, never an error page."""
    search = SearchRequest()
    query = " ".join(data.get("q", "").split())
    if len(query) > MAX_QUERY_LENGTH:
        search.notices.append(
            str(_("Your search was very long. We searched for the first %(count)d characters."))
            % {"count": MAX_QUERY_LENGTH}
        )
        search.errors.append("q")
        query = query[:MAX_QUERY_LENGTH]
    search.query = query

    for facet in facets:
        raw_values = [value for value in data.getlist(facet.param) if value]
        if not raw_values:
            continue
        known = {value for value, _label in facet.get_choices()}
        values = [value for value in dict.fromkeys(raw_values) if value in known]
        if len(values) < len(set(raw_values)):
            search.notices.append(
                str(_("We ignored a filter value we do not know in “%(filter)s”.")) % {"filter": facet.legend}
            )
            search.errors.append(facet.param)
        if values:
            search.selected[facet.param] = values[:1] if facet.single else values

    place = data.get("gemeente", "").strip()
    if place:
        municipality = (
            Municipality.objects.select_related("safety_region", "province")
            .filter(Q(slug=place[:100]) | Q(code=place[:6].upper()))
            .first()
        )
        if municipality is None:
            search.notices.append(str(_("We do not know that municipality. We show organisations for all places.")))
            search.errors.append("gemeente")
        search.municipality = municipality

    page = page_number(data.get("pagina", "1"), MAX_PAGE)
    if page is not None:
        search.page = page
    else:
        search.notices.append(str(_("That page number does not exist. We show the first page.")))
        search.errors.append("pagina")
        search.page = 1
    return search


def apply_filters(queryset: QuerySet, search: SearchRequest, facets: list[Facet], skip: str = "") -> QuerySet:
    for facet in facets:
        if facet.param != skip and facet.param in search.selected:
            queryset = queryset.filter(facet.condition(search.selected[facet.param]))
    if search.municipality is not None and skip != "gemeente":
        queryset = queryset.filter(pk__in=Organisation.objects.serving(search.municipality).values("pk"))
    return queryset


def count_options(matched: QuerySet, search: SearchRequest, facets: list[Facet]) -> int | None:
    """Fill each facet's options with counts, applying every other filter.

    Returns the number of results when it was counted on the way, else None.
    """
    total = _count_with_bits(matched, search, facets)
    if total is not None:
        return total
    for facet in facets:
        base = apply_filters(matched, search, facets, skip=facet.param)
        counts = facet.counter(base)
        chosen = set(search.selected.get(facet.param, []))
        facet.options = [
            Option(value=value, label=str(label), count=counts.get(value, 0), selected=value in chosen)
            for value, label in facet.get_choices()
        ]
    return None


def _count_with_bits(matched: QuerySet, search: SearchRequest, facets: list[Facet]) -> int | None:
    from directory.facet_bits import Layout, count_with_bits

    matched_sql = matched.order_by().values("pk").query.sql_with_params() if search.query else None
    serving_sql = None
    if search.municipality is not None:
        serving_sql = Organisation.objects.serving(search.municipality).values("pk").query.sql_with_params()
    choices = {facet.param: [value for value, _label in facet.get_choices()] for facet in facets}
    counted = count_with_bits(
        Layout(), matched_sql, serving_sql, search.selected, [facet.param for facet in facets], choices
    )
    if counted is None:
        return None
    total, counts = counted
    for facet in facets:
        chosen = set(search.selected.get(facet.param, []))
        facet.options = [
            Option(value=value, label=str(label), count=counts[facet.param].get(value, 0), selected=value in chosen)
            for value, label in facet.get_choices()
        ]
    return total
