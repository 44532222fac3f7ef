"""Coverage of the routes: does every combination of answers lead to a desk the person can contact?

The check routes every combination through the same code and the same kind of directory snapshot
as the wizard (services.directory_snapshot, here for every place at once). Places whose regional
desks are the same route the same way, so each such group is routed once and its result stands
for each of its municipalities: seconds, not minutes, for 344 places.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from directory.models import Municipality
from referral import flow
from referral.meldroute import ROUTE_ORDER
from referral.models import RouteRule
from referral.routing import DirectorySnapshot, Rule, has_reachable_first, route
from referral.services import directory_snapshot, published_rules


@dataclass
class CoverageReport:
    combinations: int = 0
    without_desk: list[dict] = field(default_factory=list)
    without_reachable: list[dict] = field(default_factory=list)  # none reachable among the first three
    without_national: list[dict] = field(default_factory=list)
    unpublished_targets: list[str] = field(default_factory=list)
    regional_gaps: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.without_desk or self.without_reachable or self.without_national or self.unpublished_targets)


def full_directory_snapshot(rules: list[Rule] | None = None) -> DirectorySnapshot:
    return directory_snapshot(rules=rules, every_place=True)


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


def place_groups(places: list[str], rules: list[Rule], directory: DirectorySnapshot) -> dict[tuple, list[str]]:
    """Places grouped by what routing can see of them: their regional desks for the rules' roles."""
    roles = sorted({rule.role for rule in rules if rule.role})
    groups: dict[tuple, list[str]] = {}
    for place in places:
        special = place in (flow.PLACE_ABROAD, flow.PLACE_UNSAID)
        signature = (place,) if special else tuple(tuple(d.slug for d in directory.regional(r, place)) for r in roles)
        groups.setdefault(signature, []).append(place)
    return groups


def check_coverage(places: list[str] | None = None) -> CoverageReport:
    report = CoverageReport()
    report.unpublished_targets = list(
        RouteRule.objects.filter(published=True, organisation__published=False).values_list("key", flat=True)
    )
    rules = published_rules()
    directory = full_directory_snapshot(rules)
    if places is None:
        places = [flow.PLACE_ABROAD, flow.PLACE_UNSAID, *Municipality.objects.values_list("slug", flat=True)]
    for members in place_groups(places, rules, directory).values():
        for answers in answer_combinations(members[:1]):
            recommendations = route(answers, rules, directory)
            found = []
            if not recommendations:
                found.append(report.without_desk)
            elif not has_reachable_first(recommendations):
                found.append(report.without_reachable)
            if recommendations and not any(r.desk.is_national for r in recommendations):
                found.append(report.without_national)
            report.combinations += len(members)
            for place in members:
                for gaps in found:
                    gaps.append({**answers, flow.PLACE: place})
    for municipality in Municipality.objects.order_by("name"):
        for role in ("zorgcoordinator", "zorg_en_veiligheidshuis", "riec"):
            if role in ROUTE_ORDER and not directory.regional(role, municipality.slug):
                report.regional_gaps.append(f"{municipality.name}: {role}")
    return report
