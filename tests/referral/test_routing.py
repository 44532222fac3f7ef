"""The routing engine over scenarios from the seeds: which desks, in which order."""

from __future__ import annotations

import pytest

from referral.routing import Desk, DirectorySnapshot, Rule, rights, route
from referral.services import directory_snapshot, published_rules
from tests.referral.scenarios import SCENARIOS

pytestmark = pytest.mark.django_db


def test_there_are_at_least_thirty_scenarios():
    assert len(SCENARIOS) >= 30


@pytest.mark.parametrize(("description", "answers", "expected"), SCENARIOS, ids=[s[0][:50] for s in SCENARIOS])
def test_each_scenario_gets_its_desks_in_order(description, answers, expected):
    recommendations = route({"danger": "no", **answers}, published_rules(), directory_snapshot(answers["place"]))
    assert [r.desk.slug for r in recommendations] == expected
    assert any(r.desk.is_national for r in recommendations), "every route ends at a national desk"


class PlainRoutingTestCase:
    """Routing needs no database: plain rules over a plain directory."""

    directory = DirectorySnapshot(
        desks={
            "police": Desk("police", "Police", is_national=True),
            "anonymous-line": Desk("anonymous-line", "Anonymous line", is_national=True),
            "care-north": Desk("care-north", "Care North", False, frozenset({"zorgcoordinator"}), frozenset({"town"})),
            "care-south": Desk("care-south", "Care South", False, frozenset({"zorgcoordinator"}), frozenset({"city"})),
        }
    )

    def test_regional_roles_resolve_to_the_desk_of_the_persons_place(self):
        rules = [Rule("care", 10, {"need": ("hulp",)}, role="zorgcoordinator")]
        result = route({"need": "hulp", "place": "town"}, rules, self.directory)
        assert [r.desk.slug for r in result][0] == "care-north"

    def test_a_route_without_a_national_desk_gets_the_national_fallback(self):
        rules = [Rule("care", 10, {"need": ("hulp",)}, role="zorgcoordinator")]
        result = route({"need": "hulp", "place": "town"}, rules, DirectorySnapshot(desks=self.directory.desks))
        assert [r.desk.slug for r in result] == ["care-north"]  # no fallback slugs known in this directory
        police = Desk("nationale-politie", "Politie", is_national=True)
        directory = DirectorySnapshot(desks={**self.directory.desks, "nationale-politie": police})
        assert [r.desk.slug for r in route({"need": "hulp", "place": "town"}, rules, directory)] == [
            "care-north",
            "nationale-politie",
        ]

    def test_priority_orders_and_a_desk_appears_once(self):
        rules = [
            Rule("b", 20, {}, organisation="police"),
            Rule("a", 10, {"anonymous": ("yes",)}, organisation="anonymous-line"),
            Rule("c", 30, {}, organisation="police"),
        ]
        assert [r.desk.slug for r in route({"anonymous": "yes"}, rules, self.directory)] == ["anonymous-line", "police"]

    def test_rules_for_unknown_organisations_are_skipped(self):
        rules = [Rule("gone", 1, {}, organisation="closed-down"), Rule("p", 2, {}, organisation="police")]
        assert [r.desk.slug for r in route({}, rules, self.directory)] == ["police"]

    def test_a_place_condition_distinguishes_municipality_abroad_and_unsaid(self):
        rule = Rule("x", 1, {"place": ("municipality",)}, organisation="police")
        assert rule.applies_to({"place": "town"})
        assert not rule.applies_to({"place": "buitenland"})
        assert not rule.applies_to({"place": "zeg-ik-liever-niet"})


class RightsTestCase:
    def test_forced_crime_shows_non_punishment(self):
        assert "non_punishment" in rights({"who": "self", "need": "hulp", "form": "crime"})

    def test_shelter_shows_the_reflection_period_and_help_regardless_of_papers(self):
        shown = rights({"who": "self", "need": "opvang", "form": "work"})
        assert {"reflection_period", "help_regardless_of_status", "help_without_report"} <= set(shown)

    def test_a_citizen_passing_on_a_signal_gets_no_victim_rights(self):
        assert rights({"who": "other", "need": "melden", "form": "work"}) == []
