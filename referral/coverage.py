"""Coverage of the routes: does every combination of answers lead somewhere sensible?"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from directory.models import Municipality, Organisation
from referral import flow
from referral.meldroute import ROUTE_ORDER
from referral.models import RouteRule
from referral.routing import Desk, DirectorySnapshot, route
from referral.services import published_rules


@dataclass
class CoverageReport:
    combinations: int = 0
    without_desk: list[dict] = field(default_factory=list)
    without_national: list[dict] = field(default_factory=list)
    unpublished_targets: list[str] = field(default_factory=list)
    regional_gaps: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.without_desk or self.without_national or self.unpublished_targets)


def full_directory_snapshot() -> DirectorySnapshot:
    """Every published organisation with every municipality it serves."""
    municipalities = list(Municipality.objects.select_related("safety_region"))
    all_places = frozenset(m.slug for m in municipalities)
    by_region: dict[int, set[str]] = {}
    by_province: dict[int, set[str]] = {}
    by_unit: dict[int, set[str]] = {}
    for m in municipalities:
        by_region.setdefault(m.safety_region_id, set()).add(m.slug)
        by_province.setdefault(m.province_id, set()).add(m.slug)
        by_unit.setdefault(m.safety_region.police_unit_id, set()).add(m.slug)
    desks = {}
    organisations = Organisation.objects.published().prefetch_related(
        "chain_roles", "municipalities", "safety_regions", "provinces", "police_units"
    )
    for o in organisations:
        national = o.serves_nationally or o.is_national_desk
        places: set[str] = set(all_places) if national else set()
        places |= {m.slug for m in o.municipalities.all()}
        for region in o.safety_regions.all():
            places |= by_region.get(region.pk, set())
        for province in o.provinces.all():
            places |= by_province.get(province.pk, set())
        for unit in o.police_units.all():
            places |= by_unit.get(unit.pk, set())
        desks[o.slug] = Desk(o.slug, o.name, national, frozenset(r.code for r in o.chain_roles.all()),
                             frozenset(places))  # fmt: skip
    return DirectorySnapshot(desks=desks)


def answer_combinations(places: list[str]):
    """Every relevant combination of answers (danger does not change the route)."""
    q = flow.QUESTIONS
    for who, need, form, minor in itertools.product(
        q[flow.WHO].choices, q[flow.NEED].choices, q[flow.FORM].choices, q[flow.MINOR].choices
    ):
        base = {flow.DANGER: "no", flow.WHO: who, flow.NEED: need, flow.FORM: form, flow.MINOR: minor}
        anonymous_options = q[flow.ANONYMOUS].choices if need == "melden" else (None,)
        sectors = q[flow.SECTOR].choices if who == "professional" else (None,)
        for anonymous, sector, place in itertools.product(anonymous_options, sectors, places):
            answers = {**base, flow.PLACE: place}
            if anonymous:
                answers[flow.ANONYMOUS] = anonymous
            if sector:
                answers[flow.SECTOR] = sector
            yield answers


def check_coverage(places: list[str] | None = None) -> CoverageReport:
    report = CoverageReport()
    report.unpublished_targets = list(
        RouteRule.objects.filter(published=True, organisation__published=False).values_list("key", flat=True)
    )
    directory = full_directory_snapshot()
    rules = published_rules()
    if places is None:
        places = [flow.PLACE_ABROAD, flow.PLACE_UNSAID, *Municipality.objects.values_list("slug", flat=True)]
    for answers in answer_combinations(places):
        report.combinations += 1
        recommendations = route(answers, rules, directory)
        if not recommendations:
            report.without_desk.append(answers)
        elif not any(r.desk.is_national for r in recommendations):
            report.without_national.append(answers)
    for municipality in Municipality.objects.order_by("name"):
        for role in ("zorgcoordinator", "zorg_en_veiligheidshuis", "riec"):
            if role in ROUTE_ORDER and not directory.regional(role, municipality.slug):
                report.regional_gaps.append(f"{municipality.name}: {role}")
    return report
