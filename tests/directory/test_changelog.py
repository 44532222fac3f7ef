"""The public changelog of the directory and its Atom feed (issue 16 §3), made by editors' work in
the real admin: what was added, changed, confirmed or removed, and when; never who, never a value,
never anything unpublished, to be checked or kept for editors."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
import reversion
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from directory.models import ContactChannel, Organisation
from tests.editors import new_organisation_form

pytestmark = pytest.mark.django_db

CHANGES = "/nl/organisaties/wijzigingen/"
FEED = "/nl/organisaties/wijzigingen/atom.xml"
ATOM = "{http://www.w3.org/2005/Atom}"
EDITOR = "hoofdredacteur-jansen"
COMENSHA = "coordinatiecentrum-tegen-mensenhandel-comensha"
NAME = "Coördinatiecentrum tegen Mensenhandel (CoMensha)"


@pytest.fixture
def editor(db) -> Client:
    user = User.objects.create_user(username=EDITOR, password="a-long-editor-passphrase", is_staff=True)
    user.groups.add(Group.objects.get(name="Hoofdredacteur"))
    client = Client()
    client.force_login(user)
    return client


class _Form(HTMLParser):
    """The values an admin change form would send as it is (inputs, checked boxes, selections)."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select: str | None = None
        self._textarea: str | None = None
        self._in_form = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id", "").endswith("_form"):
            self._in_form = True
        if not self._in_form or "name" not in a and tag != "option":
            return
        if tag == "input" and a.get("type") not in ("submit", "button", "file", "image"):
            box = a.get("type") in ("checkbox", "radio")
            if box and "checked" not in a:
                return
            self.data.setdefault(a["name"], []).append(a.get("value", "on" if box else ""))
        elif tag == "select":
            self._select = a["name"]
            self.data.setdefault(a["name"], [])
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select].append(a.get("value", ""))
        elif tag == "textarea":
            self._textarea = a["name"]
            self.data[a["name"]] = [""]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._in_form = False

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data.removeprefix("\n") if not self.data[self._textarea][0] else data


def change_form(client: Client, organisation: Organisation) -> dict[str, list[str]]:
    response = client.get(f"/beheer/directory/organisation/{organisation.pk}/change/")
    assert response.status_code == 200
    form = _Form()
    form.feed(response.content.decode())
    form.data.pop("_addanother", None)
    form.data.pop("_continue", None)
    return form.data


def save_change_form(client: Client, organisation: Organisation, data: dict) -> None:
    response = client.post(f"/beheer/directory/organisation/{organisation.pk}/change/", data)
    assert response.status_code == 302, re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode())


def inline_prefix(data: dict, channel: ContactChannel) -> str:
    for name, values in data.items():
        if name.endswith("-id") and values == [str(channel.pk)]:
            return name.removesuffix("-id")
    raise AssertionError(f"channel {channel.pk} not in the form")


def changelog_text(path: str = CHANGES) -> str:
    response = Client().get(path)
    assert response.status_code == 200
    main = response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def lines(path: str = CHANGES) -> list[str]:
    """The changelog's lines as a visitor reads them, newest first."""
    html = Client().get(path).content.decode()
    items = re.findall(r'<li id="wijziging-\d+">\s*<p class="meta">.*?</p>(.*?)</li>', html, flags=re.S)
    return [" ".join(re.sub(r"<[^>]+>", "", item).split()) for item in items]


def parse_feed(content: bytes) -> ET.Element:
    """The standard library's parser, as any feed reader would read it (our own response, no
    entities: the defusedxml concerns do not apply)."""
    return ET.fromstring(content)  # noqa: S314


@pytest.fixture
def comensha() -> Organisation:
    return Organisation.objects.get(slug=COMENSHA)


def public_phone(organisation: Organisation) -> ContactChannel:
    return next(c for c in organisation.published_channels() if c.kind == ContactChannel.Kind.PHONE)


class WhatTheChangelogShowsTestCase:
    def test_adding_an_organisation_makes_it_appear(self, editor):
        assert "Meldpunt Nieuwdorp" not in changelog_text()
        response = editor.post(
            "/beheer/directory/organisation/add/",
            new_organisation_form("Meldpunt Nieuwdorp", "meldpunt-nieuwdorp", "gemeente Nieuwdorp"),
        )
        assert response.status_code == 302
        assert lines()[0] == "Meldpunt Nieuwdorp: Toegevoegd aan de gids"
        assert 'href="/nl/organisaties/meldpunt-nieuwdorp/"' in Client().get(CHANGES).content.decode()

    def test_editing_a_phone_number_names_the_field_never_the_numbers(self, editor, comensha):
        phone = public_phone(comensha)
        data = change_form(editor, comensha)
        prefix = inline_prefix(data, phone)
        old_number = data[f"{prefix}-value"][0]
        data[f"{prefix}-value"] = ["033 448 11 99"]
        save_change_form(editor, comensha, data)
        assert lines()[0] == f"{NAME}: Contactroute gewijzigd (Telefoon): telefoonnummer"
        assert len(lines()) == 1, "the channels the form sent back unchanged are no change"
        text = changelog_text()
        assert "448 11 99" not in text and old_number not in text

    def test_changing_the_english_description_and_the_area_names_both_in_plain_words(self, editor, comensha):
        data = change_form(editor, comensha)
        # The English text only: a change in any language is a change of the description.
        data["role_en"] = [data["role_en"][0] + " Also for questions about exploitation at work."]
        data["serves_nationally"] = []
        save_change_form(editor, comensha, data)
        assert lines()[0] == f"{NAME}: Gewijzigd: beschrijving, werkgebied"

    def test_confirming_a_channel_shows_confirmed(self, editor):
        channel = ContactChannel.objects.get(organisation__slug="fier", value="058 - 215 70 84")  # to be checked
        editor.post("/beheer/directory/contactchannel/", {"action": "confirm", "_selected_action": [channel.pk]})
        assert lines()[0] == "Fier: Contactroute gecontroleerd en bevestigd door de redactie (Telefoon)"

    def test_confirming_an_organisation_shows_confirmed(self, editor, comensha):
        Organisation.objects.filter(pk=comensha.pk).update(last_verified=None)
        editor.post("/beheer/directory/organisation/", {"action": "mark_verified", "_selected_action": [comensha.pk]})
        assert lines()[0] == f"{NAME}: Gecontroleerd en bevestigd door de redactie"

    def test_unpublishing_shows_removed_without_details(self, editor, comensha):
        data = change_form(editor, comensha)
        data["role_nl"] = [data["role_nl"][0] + " Extra zin."]
        save_change_form(editor, comensha, data)
        assert (
            Client().get("/nl/organisaties/coordinatiecentrum-tegen-mensenhandel-comensha/wijzigingen/").status_code
            == 200
        )
        editor.post("/beheer/directory/organisation/", {"action": "unpublish", "_selected_action": [comensha.pk]})
        assert lines() == [f"{NAME}: Verwijderd uit de gids"]
        html = Client().get(CHANGES).content.decode()
        assert 'href="/nl/organisaties/coordinatiecentrum-tegen-mensenhandel-comensha/"' not in html
        assert "beschrijving" not in changelog_text(), "its earlier changes are gone with it"
        assert (
            Client().get("/nl/organisaties/coordinatiecentrum-tegen-mensenhandel-comensha/wijzigingen/").status_code
            == 404
        )

    def test_deleting_a_public_contact_route_shows_removed(self, editor, comensha):
        phone = public_phone(comensha)
        data = change_form(editor, comensha)
        data[f"{inline_prefix(data, phone)}-DELETE"] = ["on"]
        save_change_form(editor, comensha, data)
        assert lines()[0] == f"{NAME}: Contactroute verwijderd (Telefoon)"

    def test_deleting_an_organisation_shows_removed(self, editor):
        doomed = Organisation.objects.create(name="Meldpunt Weg", slug="meldpunt-weg", kind="meldpunt", scale="local",
                                             source="test", published=True)  # fmt: skip
        response = editor.post(f"/beheer/directory/organisation/{doomed.pk}/delete/", {"post": "yes"})
        assert response.status_code == 302
        assert lines() == ["Meldpunt Weg: Verwijderd uit de gids"]

    @pytest.mark.django_db(transaction=True)
    def test_deleting_an_organisation_with_a_public_route_commits(self, editor):
        """The deletion really commits (foreign keys are checked at commit, which a rolled-back
        test never reaches): the editor is not shown an error and the organisation is gone."""
        doomed = Organisation.objects.create(name="Meldpunt Weg", slug="meldpunt-weg", kind="meldpunt", scale="local",
                                             source="test", published=True)  # fmt: skip
        ContactChannel.objects.create(organisation=doomed, kind="phone", value="0800-1234567", source="test.nl",
                                      status="public_source", taken_over="2026-11-01")  # fmt: skip
        response = editor.post(f"/beheer/directory/organisation/{doomed.pk}/delete/", {"post": "yes"})
        assert response.status_code == 302
        assert not Organisation.objects.filter(slug="meldpunt-weg").exists()
        assert lines() == ["Meldpunt Weg: Verwijderd uit de gids"]


class WhatItNeverShowsTestCase:
    def test_an_unpublished_organisations_edits_never_appear(self, editor):
        draft = Organisation.objects.create(name="Geheim Concept", slug="geheim-concept", kind="meldpunt",
                                            scale="local", source="test", published=False)  # fmt: skip
        ContactChannel.objects.create(organisation=draft, kind="phone", value="0800-1234567", source="test.nl",
                                      status="public_source", taken_over="2026-11-01")  # fmt: skip
        data = change_form(editor, draft)
        data["role_nl"] = ["Een nieuwe beschrijving."]
        prefix = next(n.removesuffix("-id") for n, v in data.items() if n.endswith("-id") and v and v[0])
        data[f"{prefix}-value"] = ["0800-7654321"]
        save_change_form(editor, draft, data)
        assert "Geheim Concept" not in changelog_text()
        assert "Geheim Concept" not in Client().get(FEED).content.decode()

    def test_to_be_checked_channels_and_editors_notes_never_appear(self, editor, comensha):
        queued = ContactChannel.objects.create(organisation=comensha, kind="email", value="geheim@example.org",
                                               status="to_check", review_reason="Nog bellen")  # fmt: skip
        data = change_form(editor, comensha)
        prefix = inline_prefix(data, queued)
        data[f"{prefix}-value"] = ["nog-geheimer@example.org"]
        data[f"{prefix}-review_reason"] = ["Gebeld, geen antwoord"]
        data["review_note"] = ["Interne notitie van de redactie"]
        data["needs_review"] = ["on"]
        save_change_form(editor, comensha, data)
        assert lines() == [], "only private things changed"

    def test_a_shelters_walk_in_address_never_appears(self):
        # The admin refuses a shelter's walk-in address; an import or a script could still store one.
        shelter = Organisation.objects.filter(published=True, is_shelter=True).first()
        with reversion.create_revision():
            walk_in = ContactChannel.objects.create(organisation=shelter, kind="walk_in", value="Geheimstraat 1",
                                                    source="x.nl", status="confirmed",
                                                    confirmed_at=timezone.now())  # fmt: skip
        with reversion.create_revision():
            walk_in.value = "Geheimstraat 2"
            walk_in.save()
        with reversion.create_revision():
            walk_in.delete()
        assert lines() == []

    def test_no_editor_is_named(self, editor):
        channel = ContactChannel.objects.get(organisation__slug="fier", value="058 - 215 70 84")
        editor.post("/beheer/directory/contactchannel/", {"action": "confirm", "_selected_action": [channel.pk]})
        assert lines()
        assert EDITOR not in Client().get(CHANGES).content.decode()
        assert EDITOR not in Client().get(FEED).content.decode()
        assert EDITOR not in Client().get("/nl/organisaties/fier/wijzigingen/").content.decode()


class FeedTestCase:
    def test_the_feed_mirrors_the_page_and_has_the_required_atom_elements(self, editor, comensha):
        editor.post("/beheer/directory/organisation/", {"action": "mark_verified", "_selected_action": [comensha.pk]})
        data = change_form(editor, comensha)
        data[f"{inline_prefix(data, public_phone(comensha))}-value"] = ["033 448 11 99"]
        save_change_form(editor, comensha, data)

        page = Client().get(CHANGES)
        assert '<link rel="alternate" type="application/atom+xml" href="/nl/organisaties/wijzigingen/atom.xml"' in (
            page.content.decode()
        )
        response = Client().get(FEED)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
        assert not response.cookies and "Set-Cookie" not in response
        feed = parse_feed(response.content)
        assert feed.tag == f"{ATOM}feed"
        for required in ("id", "title", "updated"):
            assert (feed.findtext(f"{ATOM}{required}") or "").strip(), required
        assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Informatiepunt Mensenhandel (CoMensha)"
        links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
        assert links["self"] == "http://testserver/nl/organisaties/wijzigingen/atom.xml"
        assert links["alternate"] == "http://testserver/nl/organisaties/wijzigingen/"
        entries = feed.findall(f"{ATOM}entry")
        for entry in entries:
            for required in ("id", "title", "updated"):
                assert (entry.findtext(f"{ATOM}{required}") or "").strip(), required
            assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/nl/organisaties/")
        titles = [entry.findtext(f"{ATOM}title") for entry in entries]
        assert titles == lines()
        assert titles[0] == f"{NAME}: Contactroute gewijzigd (Telefoon): telefoonnummer"
        assert len({entry.findtext(f"{ATOM}id") for entry in entries}) == len(entries) == 2

    def test_the_feed_is_in_the_pages_language(self, editor, comensha):
        editor.post("/beheer/directory/organisation/", {"action": "mark_verified", "_selected_action": [comensha.pk]})
        feed = parse_feed(Client().get("/en/organisaties/wijzigingen/atom.xml").content)
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
        assert feed.find(f"{ATOM}entry").findtext(f"{ATOM}title") == f"{NAME}: Checked and confirmed by the editors"


class PagesTestCase:
    def test_an_organisations_page_links_to_its_own_history(self, editor, comensha):
        html = Client().get("/nl/organisaties/coordinatiecentrum-tegen-mensenhandel-comensha/").content.decode()
        assert 'href="/nl/organisaties/coordinatiecentrum-tegen-mensenhandel-comensha/wijzigingen/"' in html
        editor.post("/beheer/directory/organisation/", {"action": "mark_verified", "_selected_action": [comensha.pk]})
        fier = ContactChannel.objects.get(organisation__slug="fier", value="058 - 215 70 84")
        editor.post("/beheer/directory/contactchannel/", {"action": "confirm", "_selected_action": [fier.pk]})
        assert lines("/nl/organisaties/coordinatiecentrum-tegen-mensenhandel-comensha/wijzigingen/") == [
            "Gecontroleerd en bevestigd door de redactie"
        ]
        assert len(lines()) == 2

    def test_an_unpublished_or_unknown_organisation_has_no_history_page(self):
        Organisation.objects.filter(slug=COMENSHA).update(published=False)
        assert (
            Client().get("/nl/organisaties/coordinatiecentrum-tegen-mensenhandel-comensha/wijzigingen/").status_code
            == 404
        )
        assert Client().get("/nl/organisaties/bestaat-niet/wijzigingen/").status_code == 404

    @pytest.mark.parametrize("value", ["abc", "²", "0", "-1", "%00", "9" * 30, "1.5"])
    def test_a_bad_page_number_gives_a_notice_never_an_error(self, value):
        response = Client().get(f"{CHANGES}?pagina={value}")
        assert response.status_code == 200
        assert "Dat paginanummer bestaat niet. We laten de eerste pagina zien." in response.content.decode()

    def test_a_page_after_the_last_shows_the_last_page(self, editor, comensha):
        editor.post("/beheer/directory/organisation/", {"action": "mark_verified", "_selected_action": [comensha.pk]})
        response = Client().get(f"{CHANGES}?pagina=7")
        assert response.status_code == 200
        assert "Dat paginanummer bestaat niet. We laten de laatste pagina zien." in response.content.decode()
        assert lines(f"{CHANGES}?pagina=7") == lines()

    @pytest.mark.parametrize("lang", ["nl", "en", "pl", "ro", "bg", "uk", "ar"])
    def test_every_language_has_the_page_and_the_feed(self, lang, editor, comensha):
        editor.post("/beheer/directory/organisation/", {"action": "mark_verified", "_selected_action": [comensha.pk]})
        response = Client().get(f"/{lang}/organisaties/wijzigingen/")
        assert response.status_code == 200
        assert f'<html lang="{lang}"' in response.content.decode()
        assert Client().get(f"/{lang}/organisaties/wijzigingen/atom.xml").status_code == 200


class PageCacheTestCase:
    def test_a_change_appears_on_the_very_next_request(self, settings, editor, comensha):
        from django.core.cache import caches

        settings.PAGE_CACHE_SECONDS = 600
        caches[settings.PAGE_CACHE_ALIAS].clear()
        try:
            assert lines() == [] and Client().get(FEED).status_code == 200
            assert Client().get(CHANGES).context is None, "the second request comes from the cache"
            editor.post(
                "/beheer/directory/organisation/", {"action": "mark_verified", "_selected_action": [comensha.pk]}
            )
            assert lines() == [f"{NAME}: Gecontroleerd en bevestigd door de redactie"]
            entries = parse_feed(Client().get(FEED).content).findall(f"{ATOM}entry")
            assert [entry.findtext(f"{ATOM}title") for entry in entries] == lines()
        finally:
            caches[settings.PAGE_CACHE_ALIAS].clear()
