"""Bridges between the database and the plain routing functions."""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Q
from django.utils import timezone

from directory.models import ExploitationForm, Municipality, Organisation
from referral.flow import FORM, PLACE, Answers
from referral.models import RecommendationTally, RouteRule
from referral.routing import Desk, DirectorySnapshot, Recommendation, Rule

FORM_CODES = {"work": "labour", "sex": "sexual", "crime": "criminal", "organs": "organ"}


def published_rules() -> list[Rule]:
    """Published rules whose target still exists: a rule never points to an unpublished desk."""
    rules = RouteRule.objects.filter(published=True).filter(
        Q(organisation__published=True) | Q(chain_role__isnull=False)
    )
    return [rule.to_rule() for rule in rules.select_related("organisation", "chain_role")]


def directory_snapshot(place: str | None = None) -> DirectorySnapshot:
    """The published directory as routing sees it. With a place, regional desks serve only it."""
    organisations = Organisation.objects.published().prefetch_related("chain_roles")
    served: dict[int, set[str]] = {}
    if place:
        municipality = Municipality.objects.select_related("safety_region").filter(slug=place).first()
        if municipality is not None:
            for pk in Organisation.objects.serving(municipality).values_list("pk", flat=True):
                served[pk] = {place}
    desks = {
        o.slug: Desk(
            slug=o.slug,
            name=o.name,
            is_national=o.serves_nationally or o.is_national_desk,
            roles=frozenset(role.code for role in o.chain_roles.all()),
            places=frozenset(served.get(o.pk, set())),
        )
        for o in organisations
    }
    return DirectorySnapshot(desks=desks)


def count_recommendations(recommendations: list[Recommendation], answers: Answers) -> None:
    """Keep only anonymous totals: desk × day × form × province. Never the answers themselves."""
    today: dt.date = timezone.localdate()
    form = ExploitationForm.objects.filter(code=FORM_CODES.get(answers.get(FORM, ""), "")).first()
    municipality = Municipality.objects.filter(slug=answers.get(PLACE, "")).only("province_id").first()
    province_id = municipality.province_id if municipality else None
    ids = dict(Organisation.objects.filter(slug__in=[r.desk.slug for r in recommendations]).values_list("slug", "pk"))
    for recommendation in recommendations:
        organisation_id = ids.get(recommendation.desk.slug)
        if organisation_id is None:
            continue
        tally, _created = RecommendationTally.objects.get_or_create(
            day=today, organisation_id=organisation_id, form=form, province_id=province_id
        )
        RecommendationTally.objects.filter(pk=tally.pk).update(count=F("count") + 1)
