"""Bridges between the database and the plain routing functions."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language

from directory.models import ContactChannel, ExploitationForm, Municipality, Organisation
from portal.page_cache import remembered
from referral import tally
from referral.flow import FORM, PLACE, Answers
from referral.models import RouteRule
from referral.routing import ALL_FALLBACKS, Desk, DirectorySnapshot, Recommendation, Rule

FORM_CODES = {"work": "labour", "sex": "sexual", "crime": "criminal", "organs": "organ"}


def published_rules() -> list[Rule]:
    """Published rules whose target still exists: a rule never points to an unpublished desk."""
    rules = RouteRule.objects.filter(published=True).filter(
        Q(organisation__published=True) | Q(chain_role__isnull=False)
    )
    return [rule.to_rule() for rule in rules.select_related("organisation", "chain_role")]


@dataclass(frozen=True)
class RoutingFacts:
    """What the wizard needs that changes only when content changes, read for every place at once
    and kept per content generation (`routing_facts`). Never keyed by an answer: the person's
    place is looked up in it, it does not choose what is read (ADR 001, 026)."""

    directory: DirectorySnapshot  # every place: the snapshot check_routes walks
    municipalities: dict[str, Municipality]  # by slug, in name order, with province and police unit
    organisation_ids: dict[str, int]  # each desk's id by slug, for the anonymous tally
    form_ids: dict[str, int]  # exploitation form ids by code

    @property
    def places(self) -> set[str]:
        return set(self.municipalities)


def routing_facts() -> RoutingFacts:
    """The routing facts of the current content generation (portal.page_cache.remembered)."""
    return remembered("referral.routing-facts", _read_routing_facts)


def current_rules() -> list[Rule]:
    """`published_rules()` in the active language (their explanations are translated), kept per
    content generation."""
    return remembered(("referral.rules", get_language()), published_rules)


def _read_routing_facts() -> RoutingFacts:
    directory = directory_snapshot(every_place=True)
    municipalities = Municipality.objects.select_related("province", "safety_region__police_unit")
    return RoutingFacts(
        directory=directory,
        municipalities={m.slug: m for m in municipalities},
        organisation_ids=dict(Organisation.objects.filter(slug__in=list(directory.desks)).values_list("slug", "pk")),
        form_ids=dict(ExploitationForm.objects.values_list("code", "pk")),
    )


def reachable_ids(organisation_ids) -> set[int]:
    """Organisations with a published channel the public can use (a shelter's address never counts)."""
    channels = ContactChannel.objects.public().filter(organisation_id__in=organisation_ids)
    channels = channels.exclude(kind=ContactChannel.Kind.WALK_IN, organisation__is_shelter=True)
    return set(channels.values_list("organisation_id", flat=True))


def directory_snapshot(
    place: str | None = None, rules: list[Rule] | None = None, *, every_place: bool = False
) -> DirectorySnapshot:
    """The part of the published directory that routing can reach: the organisations the rules
    name, the national fallbacks, and the organisations with a rule's regional role whose own area
    covers the place (or, with `every_place`, any place: the snapshot check_routes walks).

    The wizard asks for one place: a handful of rows, however large the directory grows.
    """
    rules = published_rules() if rules is None else rules
    named = {rule.organisation for rule in rules if rule.organisation} | ALL_FALLBACKS
    roles = {rule.role for rule in rules if rule.role}
    places_of: dict[int, set[str]] = {}
    if every_place:
        places_of = _areas_by_organisation(roles)
    else:
        municipality = Municipality.objects.select_related("safety_region").filter(slug=place or "").first()
        if municipality is not None:
            served = Organisation.objects.serving_by_area(municipality).filter(chain_roles__code__in=roles)
            places_of = {pk: {municipality.slug} for pk in served.values_list("pk", flat=True)}
    # Plain rows, not model instances: at 10,000 organisations every place's snapshot holds ~1,300
    # desks, and their instances with prefetched roles were half of building the routing facts.
    organisations = list(
        Organisation.objects.published()
        .filter(Q(slug__in=named) | Q(pk__in=list(places_of)))
        .values_list("pk", "slug", "name", "serves_nationally", "is_national_desk")
        .order_by("name", "pk")
    )
    ids = [pk for pk, *_rest in organisations]
    roles_of: dict[int, set[str]] = {}
    chain_roles = Organisation.chain_roles.through.objects.filter(organisation_id__in=ids)
    for pk, code in chain_roles.values_list("organisation_id", "chainrole__code"):
        roles_of.setdefault(pk, set()).add(code)
    reachable = reachable_ids(ids)
    desks = {
        slug: Desk(
            slug=slug,
            name=name,
            is_national=serves_nationally or is_national_desk,
            roles=frozenset(roles_of.get(pk, ())),
            places=frozenset(places_of.get(pk, ())),
            reachable=pk in reachable,
        )
        for pk, slug, name, serves_nationally, is_national_desk in organisations
    }
    return DirectorySnapshot(desks=desks)


def _areas_by_organisation(roles: set[str]) -> dict[int, set[str]]:
    """Per organisation with one of these roles, every municipality its own area covers (plain
    rows from the four area tables: no model instances)."""
    by_region: dict[int, set[str]] = {}
    by_province: dict[int, set[str]] = {}
    by_unit: dict[int, set[str]] = {}
    slugs: dict[int, str] = {}
    rows = Municipality.objects.values_list(
        "pk", "slug", "safety_region_id", "province_id", "safety_region__police_unit_id"
    )
    for pk, slug, region, province, unit in rows:
        slugs[pk] = slug
        by_region.setdefault(region, set()).add(slug)
        by_province.setdefault(province, set()).add(slug)
        by_unit.setdefault(unit, set()).add(slug)
    with_role = Organisation.objects.published().filter(chain_roles__code__in=roles).values("pk")
    places_of: dict[int, set[str]] = {}
    areas = [
        (Organisation.municipalities.through, "municipality_id", {pk: {slug} for pk, slug in slugs.items()}),
        (Organisation.safety_regions.through, "safetyregion_id", by_region),
        (Organisation.provinces.through, "province_id", by_province),
        (Organisation.police_units.through, "policeunit_id", by_unit),
    ]
    for through, area, places in areas:
        for organisation, area_id in through.objects.filter(organisation_id__in=with_role).values_list(
            "organisation_id", area
        ):
            places_of.setdefault(organisation, set()).update(places.get(area_id, ()))
    return {pk: places for pk, places in places_of.items() if places}


def count_recommendations(
    recommendations: list[Recommendation], answers: Answers, client: str, facts: RoutingFacts | None = None
) -> bool:
    """Keep only anonymous totals: desk × day × form × province. Never the answers themselves.

    Counted at most once per answer set per client per hour, and never at the cost of the
    result: see referral.tally. True if it was counted. The ids come from the routing facts, so
    counting is one write.
    """
    if not recommendations or not tally.repeat_filter.first_in_window(client, answers):
        return False
    facts = routing_facts() if facts is None else facts

    def count() -> None:
        form_id = facts.form_ids.get(FORM_CODES.get(answers.get(FORM, ""), ""))
        municipality = facts.municipalities.get(answers.get(PLACE, ""))
        province_id = municipality.province_id if municipality else None
        ids = [facts.organisation_ids[r.desk.slug] for r in recommendations if r.desk.slug in facts.organisation_ids]
        tally.add(timezone.localdate(), [(organisation_id, form_id, province_id) for organisation_id in ids])

    return tally.without_waiting(count)
