"""A professional's regional reporting route (meldroute) for one municipality."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, Value
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from directory.models import ChainRole, ContactChannel, Municipality, Organisation, PoliceUnit
from directory.search import with_listing_data
from portal.fragments import fragments
from portal.page_cache import recalled, remembered

ROUTE_ORDER = [
    "zorgcoordinator",
    "ketenregisseur",
    "zorg_en_veiligheidshuis",
    "police_team",
    "riec",
    "veilig_thuis",
    "municipal_meldpunt",
]
NATIONAL_VEILIG_THUIS = "veilig-thuis"
STEPS_TEMPLATE = "referral/_meldroute_steps.html"
# A step shows at most this many desks in full (name, caveat, contact channels): the seed data's
# busiest step has 5 (Tilburg's zorgcoördinators), so every real route is shown whole. A large
# directory can give a region dozens of organisations with one role (58 cards for Westland with
# 10,000 organisations): a reader cannot use that, and the page got ten times slower (issue 15).
SHOWN_PER_STEP = 5
# After those, at most this many more are named with a link each; past that, the page points to
# the directory's list for the municipality.
NAMED_PER_STEP = 10
# Which of a region's organisations a full step shows first: those that can be contacted, then
# the most local area: the municipality itself (0), its safety region, its police unit, its
# province (3); NOT_BY_AREA for an organisation that serves it only nationally.
NOT_BY_AREA = 4


@dataclass(frozen=True)
class OtherDesk:
    """An organisation a full step names without its channels."""

    slug: str
    name: str


@dataclass
class RouteStep:
    role: ChainRole
    organisations: list[Organisation]
    regional: bool
    police_unit: PoliceUnit | None = None  # the police step: the unit's AVIM mensenhandel team
    others: list[OtherDesk] = field(default_factory=list)  # more with this role, named only
    more_in_directory: bool = False  # more than the page names: the directory lists them all


@dataclass(frozen=True)
class _Candidate:
    pk: int
    slug: str
    name: str
    order: int  # by name, as PostgreSQL sorts names
    reachable: bool
    locality: int  # 0 = the municipality itself … NOT_BY_AREA

    @property
    def by_area(self) -> bool:
        return self.locality < NOT_BY_AREA


def _candidates(municipality: Municipality) -> dict[str, list[_Candidate]]:
    """role code → the published organisations serving the municipality with that role, as plain
    rows ordered by name: only what is needed to choose which to show. Two queries: the areas'
    organisations with how local each is, then the route roles of those and the national ones
    (asked in one query, PostgreSQL read the whole organisation table: 28 ms at 10,000)."""
    region = municipality.safety_region
    links = [
        Organisation.municipalities.through.objects.filter(municipality=municipality),
        Organisation.safety_regions.through.objects.filter(safetyregion=region.pk),
        Organisation.police_units.through.objects.filter(policeunit=region.police_unit_id),
        Organisation.provinces.through.objects.filter(province=municipality.province_id),
    ]
    by_level = [area.annotate(level=Value(level)).values_list("organisation_id", "level") for level, area in
                enumerate(links)]  # fmt: skip
    locality: dict[int, int] = {}
    for pk, level in by_level[0].union(*by_level[1:], all=True):
        locality[pk] = min(level, locality.get(pk, level))
    national = _national_ids()
    rows = (
        Organisation.chain_roles.through.objects.filter(
            chainrole__code__in=ROUTE_ORDER,
            organisation__published=True,
            organisation_id__in=sorted(set(locality) | set(national)),
        )
        .annotate(reachable=Exists(ContactChannel.objects.public().filter(organisation=OuterRef("organisation_id"))))
        .order_by("organisation__name", "organisation_id")
        .values_list(
            "chainrole__code",
            "organisation_id",
            "organisation__slug",
            "organisation__name",
            "organisation__serves_nationally",
            "reachable",
        )  # fmt: skip
    )
    prefix = f"gemeente {municipality.name.lower()}"
    by_role: dict[str, list[_Candidate]] = {code: [] for code in ROUTE_ORDER}
    for order, (code, pk, slug, name, serves_nationally, reachable) in enumerate(rows):
        level = locality.get(pk, NOT_BY_AREA)
        if code == "municipal_meldpunt" and not (level == 0 or name.lower().startswith(prefix)):
            continue  # a municipality's own meldpunt serves that municipality only
        if level == NOT_BY_AREA and not serves_nationally:
            continue  # a national desk that does not serve nationally: shown only for its area
        by_role[code].append(_Candidate(pk, slug, name, order, reachable, level))
    return by_role


def _national_ids() -> list[int]:
    """The organisations that serve the whole country or are a national desk, remembered per
    content generation (ADR 022): finding them in the query read the whole organisation table
    (17 of its 28 ms with 10,000 organisations, EXPLAIN ANALYZE)."""
    national = Q(serves_nationally=True) | Q(is_national_desk=True)
    return remembered(
        "referral.national_ids", lambda: list(Organisation.objects.filter(national).values_list("pk", flat=True))
    )


def meldroute(municipality: Municipality, *, remember: bool = True) -> list[RouteStep]:
    """Each chain role with the organisations that fill it for this municipality.

    Regional organisations are those whose own area covers the municipality (Fier for Fryslân),
    whatever else they do nationally. Where the region has none, the national organisation with
    that role; the police step names the police unit's AVIM team with the national police desk;
    Veilig Thuis's national desk is always there next to a regional one; else an empty step,
    which the page shows as "not known yet". A step shows at most SHOWN_PER_STEP desks in full
    and names NAMED_PER_STEP more, so the page costs the same however large the directory is.

    Remembered per municipality and content generation (ADR 022): the route is the same for
    every visitor and every language until an editor changes something (7 of its 10 queries and
    their model instances were most of the page). What depends on the day (a channel "not
    confirmed since") is worked out when the page is rendered, not here.

    The wizard passes `remember=False`: there the municipality is a person's answer, and an answer
    never chooses what is kept in memory (ADR 001, 026). It uses the route the meldroute page keeps if
    there is one, and else builds it for this request only.
    """
    key = ("referral.meldroute", municipality.pk)
    if not remember:
        return recalled(key) or _build(municipality)  # type: ignore[return-value]
    return remembered(key, lambda: _build(municipality))


def _build(municipality: Municipality) -> list[RouteStep]:
    roles = {role.code: role for role in ChainRole.objects.filter(code__in=ROUTE_ORDER)}
    candidates = _candidates(municipality)
    chosen: list[tuple[str, list[_Candidate], list[_Candidate], bool]] = []
    for code in ROUTE_ORDER:
        if code not in roles:
            continue
        regional = [c for c in candidates[code] if c.by_area]
        national = [c for c in candidates[code] if not c.by_area]
        if code == "veilig_thuis":
            national = [c for c in national if c.slug == NATIONAL_VEILIG_THUIS] or national
            shown, others = _shown_first(regional)
            shown += national
            is_regional = bool(regional)
        elif code == "police_team":
            shown, others = _shown_first(regional or national)
            is_regional = True
        else:
            shown, others = _shown_first(regional or national)
            is_regional = bool(regional)
        chosen.append((code, shown, others, is_regional))

    ids = {c.pk for _code, shown, _others, _regional in chosen for c in shown}
    full = {
        organisation.pk: organisation
        for organisation in with_listing_data(Organisation.objects.filter(pk__in=ids))
        .select_related("information_practice")
        .prefetch_related("chain_roles")
    }
    steps = []
    for code, shown, others, is_regional in chosen:
        steps.append(
            RouteStep(
                roles[code],
                [full[c.pk] for c in shown if c.pk in full],
                regional=is_regional,
                police_unit=municipality.safety_region.police_unit if code == "police_team" else None,
                others=[OtherDesk(c.slug, c.name) for c in others[:NAMED_PER_STEP]],
                more_in_directory=len(others) > NAMED_PER_STEP,
            )
        )
    return steps


def route_html(municipality: Municipality) -> SafeString:
    """The route's steps as HTML (STEPS_TEMPLATE), built once per municipality, language, content
    generation and day (portal/fragments.py, ADR 023): the same for every visitor, and the day is
    in the key for a channel's "not confirmed since". Rendering its cards was most of the page."""

    def build(ids: list[int]) -> dict[int, SafeString]:
        html = render_to_string(STEPS_TEMPLATE, {"steps": meldroute(municipality), "municipality": municipality})
        return {municipality.pk: mark_safe(html)}  # noqa: S308 (an autoescaped template)

    (html,) = fragments(STEPS_TEMPLATE, [municipality.pk], build)
    return html


def _shown_first(candidates: list[_Candidate]) -> tuple[list[_Candidate], list[_Candidate]]:
    """(the desks shown in full, in name order; the others, in name order)."""
    ranked = sorted(candidates, key=lambda c: (not c.reachable, c.locality, c.order))
    shown = {c.pk for c in ranked[:SHOWN_PER_STEP]}
    return [c for c in candidates if c.pk in shown], [c for c in candidates if c.pk not in shown]
