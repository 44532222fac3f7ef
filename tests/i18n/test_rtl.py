"""Arabic pages: every number (phone numbers, postcodes, dates, counts) and every Latin-script
name inside Arabic text is isolated left-to-right, so "0900-8844" never reads "8844-0900"."""

from __future__ import annotations

import pytest
from django.test import Client

from portal.bidi import isolate_ltr_runs
from tests.changelog_history import HISTORY_PAGES, make_public_history
from tests.i18n.page_text import unisolated_latin, unisolated_numbers

pytestmark = pytest.mark.django_db

PAGES = [
    "/ar/", "/ar/organisaties/", "/ar/organisaties/nationale-politie/", "/ar/organisaties/fairwork/",
    "/ar/organisaties/veilig-thuis/", "/ar/meldroute/", "/ar/meldroute/enschede/", "/ar/verwijswijzer/",
    "/ar/informatie/",
]  # fmt: skip
INFORMATION = [
    "wat-is-mensenhandel", "vormen-van-uitbuiting", "signalen-burgers", "signalen-professionals",
    "signalen-voor-jezelf", "rechten-van-slachtoffers", "veelgestelde-vragen", "begrippenlijst",
    "over-het-informatiepunt", "privacy", "toegankelijkheid",
]  # fmt: skip


def assert_isolated(html: str, where: str) -> None:
    assert unisolated_numbers(html) == [], where
    assert unisolated_latin(html) == [], where


@pytest.mark.parametrize("path", PAGES + [f"/ar/informatie/{slug}/" for slug in INFORMATION])
def test_every_number_and_latin_name_on_an_arabic_page_is_isolated(client: Client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert_isolated(html, path)
    if path == "/ar/":
        assert "<bdi>0900-8844</bdi>" in html  # the footer's police number, on every page


def test_an_arabic_wizard_result_isolates_numbers_and_names(client: Client):
    answers = {"a_danger": "no", "a_who": "other", "a_need": "melden", "a_anonymous": "yes", "a_form": "work"}
    answers["a_minor"] = "no"
    html = client.post("/ar/verwijswijzer/", {**answers, "a_place": "westland", "action": "result"}).content.decode()
    assert "result-list" in html
    assert_isolated(html, "result")


def test_arabic_campaign_pages_isolate_numbers_and_names(client: Client, seeded):
    for path in ("/ar/campagnes/", "/ar/campagnes/onzichtbaar-maar-waar/", "/ar/campagnes/chaterovernl/"):
        html = client.get(path).content.decode()
        assert_isolated(html, path)


def test_the_arabic_changelog_isolates_dates_times_and_names(client: Client):
    make_public_history()
    for path in [page.format(lang="ar") for page in HISTORY_PAGES]:
        html = client.get(path).content.decode()
        assert 'id="wijziging-' in html, path
        assert_isolated(html, path)


def test_left_to_right_pages_are_left_as_they_are(client: Client):
    html = client.get("/nl/").content.decode()
    assert "<bdi>" not in html


def test_the_check_fails_on_a_number_that_is_not_isolated():
    html = '<html lang="ar" dir="rtl"><body><main><p>اتصل بـ 0900-8844</p></main></body></html>'
    assert unisolated_numbers(html) == ["اتصل بـ 0900-8844"]
    assert unisolated_numbers(isolate_ltr_runs(html)) == []


def test_isolation_never_touches_attributes_scripts_or_titles():
    html = '<title>RIEC 12</title><a href="tel:09008844" title="0900">0900-8844</a><script>var a = 1;</script>'
    assert isolate_ltr_runs(html) == (
        '<title>RIEC 12</title><a href="tel:09008844" title="0900"><bdi>0900-8844</bdi></a><script>var a = 1;</script>'
    )


def test_a_list_of_names_keeps_the_arabic_comma_outside_the_isolation():
    assert isolate_ltr_runs("<p>FairWork، Fier و CoMensha</p>") == (
        "<p><bdi>FairWork</bdi>، <bdi>Fier</bdi> و <bdi>CoMensha</bdi></p>"
    )
