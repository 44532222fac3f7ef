"""The public page cache: never stale after an editor's change, same headers, never the wizard
or the admin, and gzip for public pages only."""

from __future__ import annotations

import datetime as dt
import gzip

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from directory.models import Audience, ContactChannel, Organisation
from portal.models import Page
from portal.page_cache import content_tables, generation
from tests.clock import channel_turning_stale, move_clock_to

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    caches[settings.PAGE_CACHE_ALIAS].clear()
    yield
    caches[settings.PAGE_CACHE_ALIAS].clear()


def served_from_cache(client: Client, path: str, **headers) -> tuple[bool, object]:
    """(whether the page came from the cache, the response): a cached page renders no template
    and asks the database only for the content generation."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    return response.context is None and len(queries) == 1, response


def text(response) -> str:
    return response.content.decode()


def shows_at_once(client: Client, path: str, edit, new_text: str) -> None:
    """A page in the cache shows an editor's edit on the very next request."""
    client.get(path)
    assert served_from_cache(client, path)[0]
    edit()
    assert new_text in text(client.get(path))


class NeverStaleTestCase:
    def test_a_published_page_shows_on_the_next_request(self, client):
        page = Page.objects.create(slug="nieuw-bericht", title="Nieuw bericht voor iedereen", published=False)
        assert "Nieuw bericht voor iedereen" not in text(client.get("/nl/informatie/"))
        hit, response = served_from_cache(client, "/nl/informatie/")
        assert hit and "Nieuw bericht voor iedereen" not in text(response)

        page.published = True
        page.save()
        hit, response = served_from_cache(client, "/nl/informatie/")
        assert not hit
        assert "Nieuw bericht voor iedereen" in text(response)

        Page.objects.filter(pk=page.pk).update(published=False)  # what a bulk "unpublish" action does
        assert "Nieuw bericht voor iedereen" not in text(client.get("/nl/informatie/"))

    def test_an_edited_organisation_and_a_verified_channel_show_at_once(self, client):
        path = "/nl/organisaties/veilig-thuis/"
        edited = Organisation.objects.filter(slug="veilig-thuis")
        shows_at_once(client, path, lambda: edited.update(role_nl="Een rol die net is aangepast."), "net is aangepast")

        organisation = Organisation.objects.get(slug="veilig-thuis")
        channel = organisation.channels.public().first()
        ContactChannel.objects.filter(pk=channel.pk).update(status=ContactChannel.Status.TO_CHECK)  # back in the queue
        assert channel.value not in text(client.get(path))

    def test_a_channel_says_not_confirmed_since_on_the_day_it_turns_twelve_months_old(self, client, monkeypatch):
        path = "/nl/organisaties/fairwork/"
        channel, last_fresh_day = channel_turning_stale()
        move_clock_to(monkeypatch, last_fresh_day)
        assert "Niet bevestigd sinds" not in text(client.get(path))
        hit, response = served_from_cache(client, path)
        assert hit and "Niet bevestigd sinds" not in text(response)
        before = generation()

        move_clock_to(monkeypatch, last_fresh_day + dt.timedelta(days=1))  # nothing in the database changed
        assert generation() == before
        hit, response = served_from_cache(client, path)
        assert not hit
        assert f"Niet bevestigd sinds {channel.taken_over:%-d}" in text(response)

    def test_a_vocabulary_change_reaches_the_search_page(self, client):
        audience = Audience.objects.filter(code="burgers")
        shows_at_once(client, "/nl/organisaties/", lambda: audience.update(name="Inwoners van Nederland"), "Inwoners")
        organisation = Organisation.objects.get(slug="veilig-thuis")
        before = generation()
        organisation.audiences.clear()  # a many-to-many table
        assert generation() != before

    def test_a_restored_deleted_page_shows_again(self, client):
        import reversion
        from reversion.models import Version

        with reversion.create_revision():
            page = Page.objects.create(slug="terug", title="Een pagina die terugkomt", published=True)
        assert "Een pagina die terugkomt" in text(client.get("/nl/informatie/"))
        page.delete()
        assert "Een pagina die terugkomt" not in text(client.get("/nl/informatie/"))
        Version.objects.get_deleted(Page).first().revision.revert()
        assert "Een pagina die terugkomt" in text(client.get("/nl/informatie/"))

    def test_every_content_table_changes_the_generation(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = %s",
                ["portal_content_changed"],
            )
            triggered = {row[0] for row in cursor.fetchall()}
        tables = content_tables()
        assert {
            "directory_organisation",
            "directory_organisation_audiences",
            "campaigns_campaign",
            "portal_page",
        } <= set(tables)
        assert "referral_recommendationtally" not in tables  # counting a result must not empty the cache
        assert set(tables) <= triggered


class SameResponseTestCase:
    @pytest.mark.parametrize(
        "path", ["/nl/", "/ar/organisaties/?q=loverboy", "/nl/campagnes/", "/api/v1/organisaties/?q=politie"]
    )
    def test_a_cached_page_has_the_same_headers_and_body_and_no_cookie(self, client, path):
        first = client.get(path)
        hit, second = served_from_cache(client, path)
        assert first.status_code == second.status_code == 200
        assert hit
        assert second.content == first.content
        assert dict(second.items()) == dict(first.items())
        assert "default-src 'self'" in second["Content-Security-Policy"]
        assert not second.cookies and "Set-Cookie" not in second

    def test_an_unchanged_cached_page_is_answered_with_304(self, client):
        first = client.get("/nl/")
        again = client.get("/nl/", headers={"if-none-match": first["ETag"]})
        assert again.status_code == 304


class NeverCachedTestCase:
    def test_the_wizard_is_never_served_from_the_cache(self, client):
        answers = {"a_danger": "no", "a_who": "other", "a_need": "melden", "a_anonymous": "yes", "a_form": "work",
                   "a_minor": "no", "a_place": "westland", "action": "result"}  # fmt: skip
        for _time in range(2):
            response = client.post("/nl/verwijswijzer/", answers)
            assert response.status_code == 200 and response.context is not None
            assert "no-store" in response["Cache-Control"]
        assert not served_from_cache(client, "/nl/verwijswijzer/")[0]

    def test_the_admin_and_editors_are_never_served_from_the_cache(self, client):
        client.get("/beheer/login/")
        assert not served_from_cache(client, "/beheer/login/")[0]
        client.get("/nl/")
        client.cookies["sessionid"] = "an-editor-session"
        assert not served_from_cache(client, "/nl/")[0]


class CompressionTestCase:
    def test_public_pages_are_gzipped(self, client):
        response = client.get("/nl/organisaties/?q=loverboy", headers={"accept-encoding": "gzip"})
        assert response["Content-Encoding"] == "gzip"
        assert "Veilig Thuis" in gzip.decompress(response.content).decode()
        plain = client.get("/nl/organisaties/?q=loverboy")
        assert not plain.has_header("Content-Encoding") and "Veilig Thuis" in text(plain)
        hit, cached = served_from_cache(client, "/nl/organisaties/?q=loverboy", accept_encoding="gzip")
        assert hit and cached["Content-Encoding"] == "gzip"

    def test_the_admin_is_not_gzipped(self, client):
        response = client.get("/beheer/login/", headers={"accept-encoding": "gzip"})
        assert response.status_code == 200
        assert not response.has_header("Content-Encoding")
