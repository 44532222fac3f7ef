"""No dead ends: every result leads, among its first three desks, to one the person can contact."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from directory.models import ContactChannel, Municipality
from referral import flow
from referral.coverage import answer_combinations, check_coverage, full_directory_snapshot
from referral.routing import FIRST_DESKS, Desk, DirectorySnapshot, Rule, route
from referral.services import directory_snapshot, published_rules

pytestmark = pytest.mark.django_db

FALLBACK_DESKS = ("coordinatiecentrum-tegen-mensenhandel-comensha", "meld-misdaad-anoniem-m", "nationale-politie")


def test_every_answer_combination_has_a_reachable_desk_among_the_first_three():
    """Walks every combination, in every municipality, abroad and unsaid, through the real routing."""
    rules = published_rules()
    directory = full_directory_snapshot(rules)
    places = [flow.PLACE_ABROAD, flow.PLACE_UNSAID, *Municipality.objects.values_list("slug", flat=True)]
    walked = 0
    for answers in answer_combinations(places):
        first = route(answers, rules, directory)[:FIRST_DESKS]
        assert any(r.desk.reachable for r in first), answers
        walked += 1
    assert walked > 200_000  # 720 combinations of answers in 344 places


def test_the_wizard_and_the_check_see_the_same_desks():
    rules = published_rules()
    everywhere = full_directory_snapshot(rules)
    for place in ("amsterdam", "leeuwarden", "tilburg"):
        here = directory_snapshot(place, rules)
        for answers in answer_combinations([place]):
            wizard = [(r.desk.slug, r.desk.reachable) for r in route(answers, rules, here)]
            check = [(r.desk.slug, r.desk.reachable) for r in route(answers, rules, everywhere)]
            assert wizard == check, answers


def test_the_amsterdam_shelter_route_names_who_arranges_shelter():
    answers = {"danger": "no", "who": "self", "need": "opvang", "form": "sex", "minor": "no", "place": "amsterdam"}
    desks = [r.desk for r in route(answers, published_rules(), directory_snapshot("amsterdam"))]
    slugs = [d.slug for d in desks]
    assert slugs[:3] == [
        "hvo-queridoamsterdams-coordinatiepunt-tegen-mensenhandel",  # the regional zorgcoördinator
        "coordinatiecentrum-tegen-mensenhandel-comensha",  # CoMensha's helpdesk: COSM, B8
        "nationale-politie",  # a safe place right now
    ]
    assert all(d.reachable for d in desks[1:3])


def test_fier_is_the_zorgcoordinator_of_fryslan():
    answers = {"danger": "no", "who": "self", "need": "hulp", "form": "work", "minor": "no", "place": "leeuwarden"}
    slugs = [r.desk.slug for r in route(answers, published_rules(), directory_snapshot("leeuwarden"))]
    assert slugs[0] == "fier"


def test_check_routes_fails_when_unpublishing_a_channel_creates_a_dead_end():
    out = io.StringIO()
    call_command("check_routes", stdout=out)
    assert "Every combination leads to a reachable desk" in out.getvalue()
    # The fallbacks are the last resort; without their channels some results lead nowhere.
    ContactChannel.objects.filter(organisation__slug__in=FALLBACK_DESKS).update(status=ContactChannel.Status.TO_CHECK)
    out = io.StringIO()
    with pytest.raises(CommandError, match="dead ends"):
        call_command("check_routes", stdout=out)
    assert "No reachable desk among the first three for: {" in out.getvalue()
    report = check_coverage()
    assert report.without_reachable and not report.ok
    # The report lists every such combination, per place.
    assert len({answers["place"] for answers in report.without_reachable}) > 300


class PlainReachTestCase:
    unreachable = Desk("care-north", "Care North", False, frozenset({"zorgcoordinator"}), frozenset({"town"}))
    police = Desk("nationale-politie", "Politie", is_national=True, reachable=True)
    helpdesk = Desk("coordinatiecentrum-tegen-mensenhandel-comensha", "CoMensha", is_national=True, reachable=True)

    def test_a_reachable_fallback_joins_the_first_three(self):
        rules = [Rule(f"r{n}", n, {}, organisation=f"o{n}") for n in range(4)]
        desks = {f"o{n}": Desk(f"o{n}", f"Desk {n}", is_national=n == 0) for n in range(4)}
        directory = DirectorySnapshot(desks={**desks, "nationale-politie": self.police})
        slugs = [r.desk.slug for r in route({"need": "melden"}, rules, directory)]
        assert slugs == ["o0", "o1", "nationale-politie", "o2", "o3"]

    def test_a_later_reachable_recommendation_moves_up_instead(self):
        rules = [Rule(f"r{n}", n, {}, organisation=f"o{n}") for n in range(4)]
        desks = {f"o{n}": Desk(f"o{n}", f"Desk {n}", is_national=True, reachable=n == 3) for n in range(4)}
        directory = DirectorySnapshot(desks={**desks, "nationale-politie": self.police})
        slugs = [r.desk.slug for r in route({"need": "melden"}, rules, directory)]
        assert slugs == ["o0", "o1", "o3", "o2"]

    def test_help_falls_back_to_the_helpdesk_even_when_an_unreachable_national_desk_is_there(self):
        rules = [Rule("care", 1, {}, role="zorgcoordinator")]
        directory = DirectorySnapshot(
            desks={"care-north": self.unreachable, "nationale-politie": self.police, self.helpdesk.slug: self.helpdesk}
        )
        slugs = [r.desk.slug for r in route({"need": "hulp", "place": "town"}, rules, directory)]
        assert slugs == ["care-north", "coordinatiecentrum-tegen-mensenhandel-comensha"]
