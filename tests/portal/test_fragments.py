"""Result cards built once per content generation, language and day (portal/fragments.py, ADR 023):
reused while nothing changes, and never stale after an edit, in another language or the next day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from directory.models import ContactChannel, Organisation
from tests.clock import channel_turning_stale, move_clock_to

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_kept():
    """A test run in the same process may have left this generation's cards and rankings (a
    rolled-back test returns to the generation it started from, with the same content)."""
    from portal.fragments import Memo

    Memo.forget_all()


SEARCH = "/nl/organisaties/?q=loverboy"


def get(client: Client, path: str) -> tuple[str, list[str]]:
    """The page's HTML and the SQL it ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries]


def reads_channels(statements: list[str]) -> bool:
    return any('FROM "directory_contactchannel"' in sql for sql in statements)


def test_a_second_search_reuses_the_cards_and_shows_the_same_page(client, seeded):
    first, statements = get(client, SEARCH)
    assert reads_channels(statements)
    second, statements = get(client, SEARCH)
    assert not reads_channels(statements)  # the cards came from memory
    assert second == first
    assert first.count('<li>\n  <h3><a href="/nl/organisaties/') == 20


def test_an_edited_organisation_shows_on_the_next_search(client, seeded):
    get(client, "/nl/organisaties/?q=fairwork")
    Organisation.objects.filter(slug="fairwork").update(role_nl="Een rol die net is aangepast.")
    assert "Een rol die net is aangepast." in get(client, "/nl/organisaties/?q=fairwork")[0]
    ContactChannel.objects.filter(organisation__slug="fairwork").update(status=ContactChannel.Status.TO_CHECK)
    assert 'href="https://www.fairwork.nu' not in get(client, "/nl/organisaties/?q=fairwork")[0]


def test_a_card_in_another_language_is_built_in_that_language(client, seeded):
    get(client, SEARCH)
    english, _statements = get(client, "/en/organisaties/?q=loverboy")
    assert 'href="/en/organisaties/' in english and 'href="/nl/organisaties/' not in english.split("<main")[1]


def test_a_card_says_not_confirmed_since_on_the_day_the_channel_turns_twelve_months_old(client, seeded, monkeypatch):
    channel, last_fresh_day = channel_turning_stale()
    move_clock_to(monkeypatch, last_fresh_day)
    assert "Niet bevestigd sinds" not in get(client, "/nl/organisaties/?q=fairwork")[0]
    move_clock_to(monkeypatch, last_fresh_day + dt.timedelta(days=1))  # nothing in the database changed
    assert f"Niet bevestigd sinds {channel.taken_over:%-d}" in get(client, "/nl/organisaties/?q=fairwork")[0]


def test_a_page_is_whole_when_memory_holds_fewer_cards_than_it_shows(client, seeded, settings):
    from portal import fragments

    full, _statements = get(client, SEARCH)
    Organisation.objects.filter(slug="fairwork").update(name="Fairwork")  # a new generation: built afresh
    settings.FRAGMENT_CACHE_MAX_ENTRIES = 3
    assert get(client, SEARCH)[0] == full
    assert len(fragments._fragments.store) <= 3


def ranks(statements: list[str]) -> bool:
    return any("ts_rank" in sql for sql in statements)


def test_paging_and_filtering_a_search_rank_it_once(client, seeded):
    first, statements = get(client, SEARCH)
    assert ranks(statements)
    for path in (f"{SEARCH}&pagina=2", f"{SEARCH}&vorm=sexual", "/en/organisaties/?q=loverboy"):
        page, statements = get(client, path)
        assert not ranks(statements), path
    assert page.count('<li>\n  <h3><a href="/en/organisaties/') == 20


def test_a_new_organisation_is_found_by_the_next_search(client, seeded):
    from directory.search import reindex

    before = client.get(SEARCH).context["paginator"].count
    created = Organisation.objects.create(
        name="Stichting Stop Loverboys Zeeland", slug="stop-loverboys-zeeland", kind="kenniscentrum", scale="regional"
    )
    reindex([created.pk])
    response = client.get(SEARCH)
    assert response.context["paginator"].count == before + 1
    assert "Stichting Stop Loverboys Zeeland" in response.content.decode()


def test_a_search_in_a_municipality_is_ranked_for_that_municipality(client, seeded):
    everywhere = client.get(SEARCH).context["paginator"].count
    in_westland = client.get(f"{SEARCH}&gemeente=westland").context["paginator"].count
    assert 0 < in_westland < everywhere


API = "/api/v1/organisaties/?q=mensenhandel&pagina=2"
HSDS = "/api/hsds/organizations?per_page=100"


def test_the_apis_reuse_their_records_and_show_an_edit_at_once(client, seeded):
    for path in (API, HSDS, "/api/hsds/services?per_page=100"):
        first, statements = get(client, path)
        assert reads_channels(statements), path
        second, statements = get(client, path)
        assert not reads_channels(statements) and second == first, path
    Organisation.objects.filter(slug="fairwork").update(role_nl="Een rol die net is aangepast.")
    for path in ("/api/v1/organisaties/?q=fairwork", HSDS, "/api/hsds/services?per_page=100"):
        assert "Een rol die net is aangepast." in get(client, path)[0], path


def test_an_api_record_links_to_the_address_it_was_asked_on(client, seeded):
    assert "http://testserver/nl/organisaties/" in get(client, HSDS)[0]
    response = client.get(HSDS, secure=True)
    assert "https://testserver/nl/organisaties/" in response.content.decode()
    assert "http://testserver/" not in response.content.decode()


def test_the_campaign_library_reuses_its_cards_and_shows_an_edit_at_once(client, seeded):
    from campaigns.models import Campaign

    def reads_senders(statements: list[str]) -> bool:
        return any('FROM "campaigns_sender"' in sql for sql in statements)

    first, statements = get(client, "/nl/campagnes/")
    assert reads_senders(statements)
    second, statements = get(client, "/nl/campagnes/")
    assert not reads_senders(statements) and second == first
    first_slug = first.split('<h3><a href="/nl/campagnes/', 1)[1].split("/", 1)[0]
    shown = Campaign.objects.get(slug=first_slug)
    Campaign.objects.filter(pk=shown.pk).update(goal_nl="Een doel dat net is aangepast.")
    assert "Een doel dat net is aangepast." in get(client, "/nl/campagnes/")[0]
