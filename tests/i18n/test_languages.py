"""Every public page in all seven languages, with the right lang and dir, and honest fallbacks."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from directory.models import Organisation

pytestmark = pytest.mark.django_db

LANGUAGES = {"nl": "ltr", "en": "ltr", "pl": "ltr", "ro": "ltr", "bg": "ltr", "uk": "ltr", "ar": "rtl"}
PAGES = [
    "/{lang}/",
    "/{lang}/organisaties/",
    "/{lang}/organisaties/veilig-thuis/",
    "/{lang}/verwijswijzer/",
    "/{lang}/meldroute/westland/",
    "/{lang}/campagnes/",
    "/{lang}/campagnes/dekking/",
    "/{lang}/informatie/wat-is-mensenhandel/",
    "/{lang}/informatie/begrippenlijst/",
    "/{lang}/informatie/veelgestelde-vragen/",
]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_the_right_lang_and_dir(client: Client, lang, path):
    response = client.get(path.format(lang=lang))
    assert response.status_code == 200
    assert f'<html lang="{lang}" dir="{LANGUAGES[lang]}">' in response.content.decode()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_alternates_name_every_language(client: Client, lang):
    html = client.get(f"/{lang}/organisaties/").content.decode()
    for other in LANGUAGES:
        assert re.search(
            rf'<link rel="alternate" hreflang="{other}" href="http://testserver/{other}/organisaties/">', html
        )


@pytest.mark.parametrize("lang", ["pl", "ro", "bg", "uk", "ar"])
def test_information_pages_are_written_in_the_language_itself(client: Client, lang):
    dutch = client.get("/nl/informatie/wat-is-mensenhandel/").context["page"].title
    page = client.get(f"/{lang}/informatie/wat-is-mensenhandel/").context["page"]
    assert page.title and page.title != dutch


class FallbackTestCase:
    def test_a_missing_translation_falls_back_to_dutch_marked_with_its_language(self, client: Client):
        Organisation.objects.filter(slug="fier").update(role_pl="", role_en="")
        fier = Organisation.objects.get(slug="fier")
        html = client.get("/pl/organisaties/fier/").content.decode()
        assert f'<p lang="nl" dir="ltr">{fier.role_nl}' in html

    def test_english_comes_before_dutch_as_a_fallback(self, client: Client):
        Organisation.objects.filter(slug="fier").update(role_ro="", role_en="Help with sexual exploitation.")
        html = client.get("/ro/organisaties/fier/").content.decode()
        assert '<p lang="en" dir="ltr">Help with sexual exploitation.</p>' in html

    def test_text_in_the_page_language_carries_no_extra_lang(self, client: Client):
        Organisation.objects.filter(slug="fier").update(role_ar="مساعدة")
        html = client.get("/ar/organisaties/fier/").content.decode()
        assert "<p>مساعدة</p>" in html

    def test_an_empty_field_never_shows_an_empty_page_section(self, client: Client):
        for lang in LANGUAGES:
            html = client.get(f"/{lang}/organisaties/nationale-politie/").content.decode()
            assert "B.3.1" in html
