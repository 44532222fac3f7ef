"""The wizard's routing facts (desks per role and place, reachability, rules, municipalities) are
kept per content generation (referral.services.routing_facts): an editor's change reaches the very
next result, and a step reads the database once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from directory.models import ChainRole, ContactChannel, Municipality, Organisation
from referral.models import RouteRule

pytestmark = pytest.mark.django_db
URL = "/nl/verwijswijzer/"
HELP_IN_WESTLAND = {"a_danger": "no", "a_who": "self", "a_need": "hulp", "a_form": "work", "a_minor": "no",
                    "a_place": "westland", "action": "result"}  # fmt: skip


def result(client: Client, **language) -> str:
    response = client.post(language.get("url", URL), HELP_IN_WESTLAND)
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_regional_desk_and_an_edited_explanation_show_in_the_next_result(client):
    before = result(client)
    assert "Zorgcoördinator Westland test" not in before
    desk = Organisation.objects.create(
        name="Zorgcoördinator Westland test", slug="zorgcoordinator-westland-test", published=True, source="test"
    )
    desk.chain_roles.add(ChainRole.objects.get(code="zorgcoordinator"))
    desk.municipalities.add(Municipality.objects.get(slug="westland"))
    ContactChannel.objects.create(
        organisation=desk,
        kind="phone",
        value="0800-1234567",
        source="test",
        status=ContactChannel.Status.PUBLIC_SOURCE,
        taken_over=dt.date(2026, 11, 1),
    )
    rule = RouteRule.objects.get(key="care-coordinator")
    rule.explanation_nl = "Deze uitleg is net door een redacteur veranderd."
    rule.save()

    after = result(client)
    assert "Zorgcoördinator Westland test" in after
    assert "Deze uitleg is net door een redacteur veranderd." in after
    assert "0800-1234567" in after


def test_each_language_gets_its_own_explanations(client):
    rule = RouteRule.objects.get(key="care-coordinator")
    assert rule.explanation_nl in result(client)
    english = result(client, url="/en/verwijswijzer/")
    assert rule.explanation_en in english
    assert rule.explanation_nl not in english


def offered(client: Client, answers: dict) -> str:
    """The place question's datalist: the municipalities offered as you type."""
    html = client.post(URL, {**answers, "action": "show:place"}).content.decode()
    return html.split('<datalist id="municipality-names">', 1)[1].split("</datalist>", 1)[0]


def test_a_renamed_municipality_shows_in_the_next_check_page_and_place_question(client):
    answers = {key: value for key, value in HELP_IN_WESTLAND.items() if key != "action"}
    assert "Westland" in client.post(URL, {**answers, "action": "continue"}).content.decode()
    assert offered(client, answers).count("<option ") == Municipality.objects.count() == 342
    assert '<option value="Westland">' in offered(client, answers)
    Municipality.objects.filter(slug="westland").update(name="Westland & Co")
    assert "Westland &amp; Co" in client.post(URL, {**answers, "action": "continue"}).content.decode()
    assert '<option value="Westland &amp; Co">' in offered(client, answers)
    assert '<option value="Westland">' not in offered(client, answers)


def test_a_wizard_step_reads_the_database_once(client):
    """The place step looks the place up, checks every carried answer and shows the check page:
    three uses of the routing facts, one read of the content generation, nothing else."""
    answers = {key: value for key, value in HELP_IN_WESTLAND.items() if key not in ("action", "a_place")}
    client.post(URL, {**answers, "step": "place", "place_kind": "municipality", "place_choice": "westland"})
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            URL, {**answers, "step": "place", "place_kind": "municipality", "place_choice": "westland"}
        )
    assert response.templates[0].name == "referral/check.html"
    assert [query["sql"] for query in queries] == ["SELECT number FROM portal_contentgeneration WHERE id = 1"]


def test_nothing_the_wizard_keeps_in_memory_is_chosen_by_an_answer(client):
    """A professional's result in Vlieland keeps, besides the routing facts and rules, only desk
    cards by organisation id: no meldroute, no fragment, no key for the place (ADR 001)."""
    from portal import fragments, page_cache
    from referral.cards import KIND

    answers = {**HELP_IN_WESTLAND, "a_who": "professional", "a_sector": "care", "a_place": "vlieland"}
    # An edit that changes nothing starts a new content generation: all that is kept under the
    # new number after the result was kept by the result.
    Municipality.objects.filter(slug="vlieland").update(name="Vlieland")
    response = client.post(URL, answers)
    assert response.status_code == 200 and response.context["meldroute"]
    number = page_cache.generation()
    kept = {key for key, (generation, _value) in page_cache._remembered.items() if generation == number}
    assert kept <= {"referral.routing-facts", ("referral.rules", "nl"), "referral.national_ids"}
    assert fragments._fragments.scope[0] == number
    assert {key[0] for key in fragments._fragments.store} == {KIND}


def test_a_professional_result_uses_the_route_the_meldroute_page_keeps(client):
    """The same page either way; after the meldroute page of the place, the route comes from
    memory (read, not kept, by the wizard)."""
    answers = {**HELP_IN_WESTLAND, "a_who": "professional", "a_sector": "care", "a_place": "vlieland"}
    # An edit that changes nothing starts a new content generation: what earlier tests left in
    # this process's memory (a route of Vlieland's meldroute page) no longer counts.
    Municipality.objects.filter(slug="vlieland").update(name="Vlieland")
    client.post(URL, answers)  # the desk cards of this result are built
    with CaptureQueriesContext(connection) as queries:
        alone = client.post(URL, answers).content.decode()
    built = len(queries)  # now: the next request empties the connection's query log
    assert client.get("/nl/meldroute/vlieland/").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        after_the_page = client.post(URL, answers).content.decode()
    assert after_the_page == alone
    assert len(queries) == 1 < built
