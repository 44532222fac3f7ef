"""Bridges between the database and the plain routing functions."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from directory.models import ExploitationForm, Municipality, Organisation
from referral import tally
from referral.flow import FORM, PLACE, Answers
from referral.models import RouteRule
from referral.routing import Desk, DirectorySnapshot, Recommendation, Rule

FORM_CODES = {"work": "labour", "sex": "sexual", "crime": "criminal", "organs": "organ"}


def published_rules() -> list[Rule]:
    """Published rules whose target still exists: a rule never points to an unpublished desk."""
    rules = RouteRule.objects.filter(published=True).filter(
        Q(organisation__published=True) | Q(chain_role__isnull=False)
    )
    return [rule.to_rule() for rule in rules.select_related("organisation", "chain_role")]


def directory_snapshot(place: str | None = None, rules: list[Rule] | None = None) -> DirectorySnapshot:
    """The part of the published directory that routing can reach for this place.

    That is the organisations the rules name, plus the organisations with a chain role that serve
    the place: a handful of rows, however large the directory grows.
    """
    rules = published_rules() if rules is None else rules
    named = {rule.organisation for rule in rules if rule.organisation}
    roles = {rule.role for rule in rules if rule.role}
    reachable = Q(slug__in=named)
    served: set[int] = set()
    municipality = Municipality.objects.select_related("safety_region").filter(slug=place).first() if place else None
    if municipality is not None:
        served = set(
            Organisation.objects.serving(municipality).filter(chain_roles__code__in=roles).values_list("pk", flat=True)
        )
        reachable |= Q(pk__in=served)
    organisations = Organisation.objects.published().filter(reachable).prefetch_related("chain_roles").distinct()
    desks = {
        o.slug: Desk(
            slug=o.slug,
            name=o.name,
            is_national=o.serves_nationally or o.is_national_desk,
            roles=frozenset(role.code for role in o.chain_roles.all()),
            places=frozenset({place}) if o.pk in served else frozenset(),
        )
        for o in organisations
    }
    return DirectorySnapshot(desks=desks)


def count_recommendations(recommendations: list[Recommendation], answers: Answers, client: str) -> bool:
    """Keep only anonymous totals: desk × day × form × province. Never the answers themselves.

    Counted at most once per answer set per client per hour, and never at the cost of the
    result: see referral.tally. True if it was counted.
    """
    if not recommendations or not tally.repeat_filter.first_in_window(client, answers):
        return False

    def count() -> None:
        form_id = (
            ExploitationForm.objects.filter(code=FORM_CODES.get(answers.get(FORM, ""), ""))
            .values_list("pk", flat=True)
            .first()
        )
        province_id = (
            Municipality.objects.filter(slug=answers.get(PLACE, "")).values_list("province_id", flat=True).first()
        )
        slugs = [r.desk.slug for r in recommendations]
        ids = Organisation.objects.filter(slug__in=slugs).values_list("pk", flat=True)
        tally.add(timezone.localdate(), [(organisation_id, form_id, province_id) for organisation_id in ids])

    return tally.without_waiting(count)
