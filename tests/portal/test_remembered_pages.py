"""What every page pays for is worked out once and remembered (issue 15), yet never shown stale.

With the page cache off, as for every first visitor after a change: the information pages, their
rendered Markdown and the language links are remembered per process, and an editor's edit,
publish or unpublish still shows on the very next request.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client

from portal.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def html(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_an_edited_information_page_shows_its_new_text_on_the_next_request(client: Client):
    path = "/nl/informatie/privacy/"
    html(client, path)  # remembered: the page and its rendered text
    page = Page.objects.get(slug="privacy")
    page.body_nl = "## Nieuwe kop\n\nEen zin die de redactie **net** schreef."
    page.save()
    shown = html(client, path)
    assert "<h2>Nieuwe kop</h2>" in shown and "<strong>net</strong> schreef" in shown
    page.body_nl = "## Nieuwe kop\n\nEen zin die de redactie **net** schreef."  # the same text again
    page.title_nl = "Privacy, herschreven"
    page.save()
    assert "Privacy, herschreven" in html(client, path)


def test_a_table_label_is_in_the_page_language_also_for_one_text_shown_in_two(client: Client):
    """The same Markdown (a fallback to Dutch) rendered in two languages: a table without a
    heading above it gets the label "Table" in each page's own language."""
    Page.objects.filter(slug="privacy").update(body_nl="| a | b |\n|---|---|\n| 1 | 2 |\n", body_en="")
    labels = {}
    for language in ("nl", "en"):
        shown = html(client, f"/{language}/informatie/privacy/")
        found = re.search(r'role="region" tabindex="0" aria-label="([^"]+)"', shown)
        labels[language] = found.group(1)
    assert labels == {"nl": "Tabel", "en": "Table"}


def test_publishing_and_unpublishing_an_information_page_show_on_the_next_request(client: Client):
    page = Page.objects.create(slug="nieuw-thema", title="Een nieuw thema", section=Page.Section.INFORMATION)
    assert "Een nieuw thema" not in html(client, "/nl/")
    assert client.get("/nl/informatie/nieuw-thema/").status_code == 404
    page.published = True
    page.save()
    assert 'href="/nl/informatie/nieuw-thema/"' in html(client, "/nl/")
    assert "Een nieuw thema" in html(client, "/nl/informatie/nieuw-thema/")
    Page.objects.filter(pk=page.pk).update(published=False)  # a bulk "unpublish" action
    assert "Een nieuw thema" not in html(client, "/nl/")
    assert client.get("/nl/informatie/nieuw-thema/").status_code == 404


def test_the_language_links_keep_each_request_s_own_query(client: Client):
    for query in ("q=loverboy", "q=uitbuiting&pagina=2"):
        shown = html(client, f"/nl/organisaties/?{query}")
        escaped = query.replace("&", "&amp;")
        for language in ("en", "ar"):
            assert f'href="/{language}/organisaties/?{escaped}" lang="{language}"' in shown
    shown = html(client, "/nl/organisaties/")
    assert 'href="/en/organisaties/" lang="en"' in shown


def test_the_layout_is_in_each_page_s_own_language_whichever_came_first(client: Client):
    """The skip link, the menu and the footer are rendered once per language ({% per_language %}):
    pages asked for in turn in Dutch, Arabic and Dutch again each get their own."""
    expected = {
        "nl": ("Naar de hoofdinhoud", 'aria-label="Hoofdmenu"', "Privacyverklaring", 'href="/nl/informatie/privacy/"'),
        "ar": (
            "انتقل إلى المحتوى الرئيسي",
            'aria-label="القائمة الرئيسية"',
            "بيان الخصوصية",
            'href="/ar/informatie/privacy/"',
        ),
    }
    for language, path in (("nl", "/nl/"), ("ar", "/ar/informatie/"), ("nl", "/nl/organisaties/wijzigingen/")):
        shown = html(client, path)
        for part in expected[language]:
            assert part in shown, (path, part)
