"""Every public page shares one layout: skip link, language switcher, quick exit, 112."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client

from portal.templatetags.portal_tags import _PHONE_NUMBER

pytestmark = pytest.mark.django_db


class RootRedirectTestCase:
    def test_it_sends_the_root_to_the_dutch_site(self, client: Client):
        response = client.get("/")
        assert response.status_code == 302
        assert response["Location"] == "/nl/"


class BaseLayoutTestCase:
    def test_it_has_the_safety_and_navigation_parts(self, client: Client):
        html = client.get("/nl/").content.decode()
        assert '<html lang="nl" dir="ltr">' in html
        assert 'class="skip-link" href="#content"' in html
        assert 'id="content"' in html
        assert 'href="/weg/"' in html and "Snel weg" in html
        assert "112" in html
        assert 'href="/nl/informatie/privacy/"' in html
        assert 'href="/nl/informatie/toegankelijkheid/"' in html

    def test_the_language_switcher_names_each_language_in_itself(self, client: Client):
        html = client.get("/nl/").content.decode()
        for code, autonym in [("en", "English"), ("pl", "Polski"), ("ar", "العربية"), ("uk", "Українська")]:
            assert f'lang="{code}"' in html
            assert autonym in html

    def test_arabic_is_right_to_left(self, client: Client):
        html = client.get("/ar/").content.decode()
        assert '<html lang="ar" dir="rtl">' in html

    def test_public_pages_set_no_cookie(self, client: Client):
        response = client.get("/nl/")
        assert response.status_code == 200
        assert not response.cookies


class QuickExitTestCase:
    def test_it_leaves_for_a_neutral_site_without_a_referrer(self, client: Client, settings):
        response = client.get("/weg/")
        assert response.status_code == 302
        assert response["Location"] == settings.QUICK_EXIT_URL
        assert response["Referrer-Policy"] == "no-referrer"
        assert "no-store" in response["Cache-Control"]


class ErrorPagesTestCase:
    def test_an_unknown_page_gets_the_404_page_in_the_site_layout(self, client: Client):
        response = client.get("/nl/bestaat-niet/")
        assert response.status_code == 404
        html = response.content.decode()
        assert "Snel weg" in html and "112" in html

    def test_the_500_page_renders_without_a_database(self, rf, django_assert_num_queries):
        from portal.views import server_error

        request = rf.get("/nl/")
        with django_assert_num_queries(0):
            response = server_error(request)
        assert response.status_code == 500
        assert "112" in response.content.decode()

    def test_the_503_page_renders_without_a_database(self, rf, django_assert_num_queries):
        from portal.middleware import database_unavailable_response

        with django_assert_num_queries(0):
            response = database_unavailable_response(rf.get("/nl/"))
        html = response.content.decode()
        assert response.status_code == 503
        assert "0800-2000" in html and "112" in html
        assert response["Retry-After"] == "30"


class HomeAndInformationTestCase:
    def test_the_home_page_has_three_ways_in_search_112_and_information(self, client: Client):
        html = client.get("/nl/").content.decode()
        assert html.count('name="who"') == 2  # "about me" and "about someone" start the wizard …
        assert 'class="card-link" href="/nl/meldroute/"' in html  # … "I am a professional" opens the meldroute
        assert '<a href="tel:112" dir="ltr">112</a>' in html  # tap to call
        assert 'action="/nl/verwijswijzer/"' in html and 'method="post"' in html
        assert 'action="/nl/organisaties/"' in html
        assert "112" in html
        assert 'href="/nl/informatie/signalen-burgers/"' in html

    @pytest.mark.parametrize("language", ["nl", "en", "ar"])
    def test_every_number_on_the_home_page_and_in_the_footer_is_a_tap_to_call_link(self, client: Client, language):
        html = client.get(f"/{language}/").content.decode()
        assert 'href="tel:08007000"' in html and 'href="tel:09008844"' in html
        outside_links = re.sub(r"<a\b.*?</a>", "", html, flags=re.S)
        text = re.sub(r"<[^>]+>", " ", outside_links)
        assert _PHONE_NUMBER.findall(text) == []

    def test_the_information_index_lists_every_published_page(self, client: Client):
        from portal.models import Page

        html = client.get("/nl/informatie/").content.decode()
        for page in Page.objects.filter(published=True):
            assert f'href="/nl/informatie/{page.slug}/"' in html

    def test_editors_markdown_is_rendered_and_raw_html_removed(self, client: Client):
        from portal.models import Page

        Page.objects.filter(slug="privacy").update(
            body_nl="## Kop\n\n**vet** <script>alert(1)</script> <b onclick=x>b</b>"
        )
        html = client.get("/nl/informatie/privacy/").content.decode()
        assert "<h2>Kop</h2>" in html and "<strong>vet</strong>" in html
        assert "<script>alert" not in html and "onclick" not in html


def information_article(client: Client, language: str, slug: str) -> str:
    response = client.get(f"/{language}/informatie/{slug}/")
    assert response.status_code == 200, slug
    html = response.content.decode()
    return html[html.index("<article") : html.index("</article>")]


def numbers_outside_links(html: str) -> list[str]:
    outside_links = re.sub(r"<a\b.*?</a>", "", html, flags=re.S)
    return _PHONE_NUMBER.findall(re.sub(r"<[^>]+>", " ", outside_links))


class InformationPageNumbersTestCase:
    """Numbers on the information pages (tables and text) are tap-to-call links, as on the home
    page: every one the pages ship is a published, sourced channel (tests/quality/test_hard_coded_numbers.py)."""

    @pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
    def test_every_number_on_every_information_page_is_a_tap_to_call_link(self, client: Client, language):
        from portal.models import Page

        links = 0
        for slug in Page.objects.filter(published=True).values_list("slug", flat=True):
            article = information_article(client, language, slug)
            assert numbers_outside_links(article) == [], slug
            links += len(re.findall(r'<a href="tel:\d+" dir="ltr">', article))
        assert links == 41, links  # in every language (veelgestelde-vragen alone has 14)
        table_row = information_article(client, language, "signalen-burgers")
        assert re.search(r'<td><a href="tel:08007000" dir="ltr">0800-7000</a>', table_row)

    def test_a_number_that_is_no_published_channel_stays_plain_text(self, client: Client):
        from directory.models import ContactChannel
        from portal.models import Page

        Page.objects.filter(slug="privacy").update(body_nl="Bel 0800-1234 of 0800-7000.")
        article = information_article(client, "nl", "privacy")
        assert numbers_outside_links(article) == ["0800-1234"]
        assert '<a href="tel:08007000" dir="ltr">0800-7000</a>' in article

        ContactChannel.objects.filter(value__in=["0800-7000", "0800 7000"]).update(
            status=ContactChannel.Status.TO_CHECK
        )
        assert numbers_outside_links(information_article(client, "nl", "privacy")) == ["0800-1234", "0800-7000"]
