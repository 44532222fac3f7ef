"""The wizard result's desk cards are rendered once per content generation, language and day and
reused (referral/cards.py on portal/fragments.py, ADR 023): never stale after an edit, in another
language or the next day, and never keyed by anything from the answers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from directory.models import ContactChannel, Organisation
from tests.clock import channel_turning_stale, move_clock_to

pytestmark = pytest.mark.django_db
URL = "/nl/verwijswijzer/"
# FairWork is among the desks for help with exploitation at work.
WORK_HELP = {"a_danger": "no", "a_who": "self", "a_need": "hulp", "a_form": "work", "a_minor": "no",
             "a_place": "westland", "action": "result"}  # fmt: skip


def result(client: Client, url: str = URL, **answers: str) -> tuple[str, list[str]]:
    """The result's HTML and the SQL it ran (the client's answer set is counted once an hour, so
    a repeated result writes no count)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, {**WORK_HELP, **answers})
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries]


def test_a_second_result_reuses_the_cards_and_is_the_same_page(client):
    first, _statements = result(client)
    second, statements = result(client)
    assert second == first
    assert first.count('<h2><a href="/nl/organisaties/') >= 3
    # No organisation, channel or information card read: the cards came from memory.
    assert statements == ["SELECT number FROM portal_contentgeneration WHERE id = 1"]


def test_an_edit_shows_in_the_next_result(client):
    before, _statements = result(client)
    assert before.count('href="https://www.fairwork.nu/"') == 2  # the card and the route card
    Organisation.objects.filter(slug="fairwork").update(what_happens_next_nl="Je hoort het net aangepast.")
    ContactChannel.objects.filter(organisation__slug="fairwork").update(status=ContactChannel.Status.TO_CHECK)
    after, _statements = result(client)
    assert "Je hoort het net aangepast." in after
    assert 'href="https://www.fairwork.nu/"' not in after


def test_a_result_in_another_language_has_cards_in_that_language(client):
    result(client)
    english, _statements = result(client, url="/en/verwijswijzer/")
    main = english.split("<main")[1]
    assert 'href="/en/organisaties/' in main and 'href="/nl/organisaties/' not in main


def test_a_card_says_not_confirmed_since_on_the_day_the_channel_turns_twelve_months_old(client, monkeypatch):
    channel, last_fresh_day = channel_turning_stale()
    move_clock_to(monkeypatch, last_fresh_day)
    assert "Niet bevestigd sinds" not in result(client)[0]
    move_clock_to(monkeypatch, last_fresh_day + dt.timedelta(days=1))  # nothing in the database changed
    assert f"Niet bevestigd sinds {channel.taken_over:%-d}" in result(client)[0]
