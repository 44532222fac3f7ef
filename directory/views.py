from __future__ import annotations

from collections.abc import Callable

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from directory import changelog
from directory import facets as facet_module
from directory.cards import ResultCard, result_cards
from directory.models import Municipality, Organisation
from directory.page_data import published_organisation
from directory.places import place_names as all_place_names
from directory.reach import reachable_alternatives
from directory.search import GENERAL_MATCH, Understanding, matching
from portal.facets import MAX_PAGE, plain_rows
from portal.fragments import Memo
from portal.input import page_number
from portal.page_cache import remembered


def _national_desks() -> list[ResultCard]:
    ids = Organisation.objects.published().filter(is_national_desk=True).order_by("name").values_list("pk", flat=True)
    return result_cards(list(ids))


def run_search(
    data, *, page_size: int = facet_module.PAGE_SIZE, items: Callable[[list[int]], list] = result_cards
) -> dict:
    """Everything a search page or the API shows, in a fixed number of queries.

    One query ranks every match (text, area), once per query, municipality and content generation
    in each worker (`_ranking`); the filters and their counts are applied to those
    ids in Python from the facts index (ADR 022); `items(ids)` gives what the shown page lists
    (objects with a `pk`, in the order of the ids): result cards built once per content
    generation (directory/cards.py), or the API's records.
    """
    facets = facet_module.build_facets()
    search = facet_module.read_request(data, facets)
    ranked, relevance, corrections, understanding = _ranking(search)
    index = facet_module.fact_index("directory", facets)
    results = facet_module.narrow(ranked, search, facets, index)
    # The count that drives the pages is the count the filters show.
    paginator = Paginator(results, page_size)
    if search.page > paginator.num_pages:
        if search.page > 1:
            search.refuse("pagina", gettext("That page number does not exist. We show the last page."))
        search.page = paginator.num_pages
    page = paginator.page(search.page)
    ids = list(page.object_list)
    page.object_list = items(ids)
    return {
        "search": search,
        "facets": facets,
        "page": page,
        "paginator": paginator,
        "corrections": corrections,
        "understanding": understanding,
        **(_tiers(results, relevance, ids, page.object_list) if understanding.terms else {}),
    }


# A query's ranked matches, kept per content generation (ADR 023): the filters, their counts and
# the page number are applied afterwards in Python, so paging and filtering one search, and many
# visitors asking the same thing, rank it once per worker and content change.
_rankings = Memo("SEARCH_RANKINGS_KEPT")


def _ranking(search: facet_module.SearchRequest) -> tuple[list[int], dict[int, float], list[str], Understanding]:
    """(ids best first, their relevance, the corrections, the query as understood) for the query
    and the chosen municipality; shared between requests, so never to be changed by a caller."""

    def rank() -> tuple[list[int], dict[int, float], list[str], Understanding]:
        corrections: list[str] = []
        understanding = Understanding()
        matched = facet_module.in_area(
            matching(Organisation.objects.published(), search.query, corrections, understanding), search
        )
        if not understanding.terms:
            return [pk for (pk,) in plain_rows(matched, "pk")], {}, corrections, understanding
        relevance: dict[int, float] = dict(plain_rows(matched, "pk", "relevance"))
        return list(relevance), relevance, corrections, understanding

    return _rankings.one((search.query, search.municipality.pk if search.municipality else None), rank)


def _tiers(results: list[int], relevance: dict[int, float], ids: list[int], items: list) -> dict:
    """Specific matches first; then those that match only because they list every form of
    exploitation, counted apart so a search for one form does not seem to find everything.
    `items` are what the page shows of `ids` (none missing, or no tiers)."""
    specific = sum(1 for pk in results if relevance[pk] >= GENERAL_MATCH)
    if not 0 < specific < len(results) or len(items) != len(ids):
        return {}
    shown = list(zip(ids, items, strict=True))
    return {
        "specific_count": specific,
        "general_count": len(results) - specific,
        "specific_items": [item for pk, item in shown if relevance[pk] >= GENERAL_MATCH],
        "general_items": [item for pk, item in shown if relevance[pk] < GENERAL_MATCH],
    }


def municipality_options(chosen: Municipality | None) -> str:
    """The <option>s of the municipality filter: 342 of them, escaped once per content generation
    (the template loop, then the escaping, were a large part of the search page's time). Names of
    municipalities are names, in every language (translate="no")."""
    chosen_slug = chosen.slug if chosen else None
    return mark_safe(  # noqa: S308 (every part was escaped when built)
        "".join(
            f"{start} selected{end}" if slug == chosen_slug else f"{start}{end}"
            for slug, start, end in remembered("municipality-options", _municipality_options)
        )
    )


def _municipality_options() -> list[tuple[str, str, str]]:
    return [
        (slug, format_html('<option value="{}" translate="no"', slug), format_html(">{}</option>", name))
        for slug, name in Municipality.objects.values_list("slug", "name")
    ]


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    context = run_search(request.GET)
    found = context["paginator"].count
    page = context["page"]
    context.update(
        {
            "municipality_options": municipality_options(context["search"].municipality),
            "national_desks": _national_desks() if not found else [],
            "previous_url": context["search"].url(page.number - 1) if page.has_previous() else "",
            "next_url": context["search"].url(page.number + 1) if page.has_next() else "",
            "has_filters": bool(context["search"].as_params()),
        }
    )
    return render(request, "directory/search.html", context)


@require_safe
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = published_organisation(slug)  # three queries straight from the cursor (directory/page_data.py)
    if organisation is None:
        raise Http404
    channels = organisation.published_channels()
    return render(
        request,
        "directory/organisation_detail.html",
        {
            "organisation": organisation,
            "channels": channels,
            "alternatives": [] if channels else reachable_alternatives(organisation),
            "structured_data": structured_data(request, organisation, channels),
        },
    )


def structured_data(request: HttpRequest, organisation: Organisation, channels) -> dict:
    """schema.org description of an organisation, with only its verified contact details."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisation.name,
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
    }
    if organisation.alias_list:
        data["alternateName"] = organisation.alias_list
    if organisation.role:
        data["description"] = organisation.role
    if organisation.website:
        data["sameAs"] = organisation.website
    points = []
    for channel in channels:
        point: dict = {"@type": "ContactPoint", "contactType": channel.label or channel.get_kind_display()}
        if channel.kind == channel.Kind.PHONE:
            point["telephone"] = channel.value
        elif channel.kind == channel.Kind.EMAIL:
            point["email"] = channel.value
        else:
            point["url"] = channel.href or channel.value
        if channel.is_24_7:
            point["hoursAvailable"] = {
                "@type": "OpeningHoursSpecification",
                "opens": "00:00",
                "closes": "23:59",
                "dayOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
            }
        languages = [language.code for language in channel.languages.all()]
        if languages:
            point["availableLanguage"] = languages
        points.append(point)
    if points:
        data["contactPoint"] = points
    if organisation.serves_nationally:
        data["areaServed"] = {"@type": "Country", "name": "Nederland"}
    return data


@require_safe
def open_data(request: HttpRequest) -> HttpResponse:
    """What the open data is, under which licence, in which formats, how fresh, and where to report errors."""
    return render(request, "directory/open_data.html")


@require_safe
def place_names(request: HttpRequest) -> JsonResponse:
    """The names the place fields offer as you type (static/js/place-names.js). Fetched whole,
    once, when a place field gets focus, so nothing typed ever leaves the browser; the pages
    themselves carry only the 342 municipality names."""
    return JsonResponse(all_place_names(), safe=False, json_dumps_params={"ensure_ascii": False})


def _changelog_page(request: HttpRequest, changes) -> dict:
    """One page of changelog lines; a page number that is wrong gives a notice, never an error."""
    notices = []
    number = page_number(request.GET.get("pagina", "1"), MAX_PAGE)
    if number is None:
        notices.append(gettext("That page number does not exist. We show the first page."))
        number = 1
    paginator = Paginator(changes, changelog.PAGE_SIZE)
    if number > paginator.num_pages:
        notices.append(gettext("That page number does not exist. We show the last page."))
        number = paginator.num_pages
    page = paginator.page(number)
    page.object_list = [changelog.describe(change) for change in page.object_list]
    return {
        "page": page,
        "paginator": paginator,
        "notices": notices,
        "previous_url": _page_url(page.number - 1) if page.has_previous() else "",
        "next_url": _page_url(page.number + 1) if page.has_next() else "",
    }


def _page_url(number: int) -> str:
    return f"?pagina={number}" if number > 1 else "?"


@require_safe
def changes(request: HttpRequest) -> HttpResponse:
    """The public changelog of the directory: what was added, changed, confirmed or removed, and when."""
    return render(request, "directory/changes.html", _changelog_page(request, changelog.public_lines()))


@require_safe
def organisation_changes(request: HttpRequest, slug: str) -> HttpResponse:
    """One published organisation's own public history."""
    organisation = get_object_or_404(Organisation.objects.published().only("name", "slug", "published"), slug=slug)
    context = _changelog_page(request, changelog.public_lines(organisation))
    context["organisation"] = organisation
    return render(request, "directory/changes.html", context)
