"""Arabic pages of every type (tests/i18n/page_types.py): every number (phone numbers, postcodes,
dates, counts) and every Latin-script name inside Arabic text is isolated left-to-right, so
"0900-8844" never reads "8844-0900"."""

from __future__ import annotations

import pytest
from django.test import Client

from portal.bidi import isolate_ltr_runs
from tests.changelog_history import HISTORY_PAGES, make_public_history
from tests.i18n.page_text import lone_brackets_in_isolates, unisolated_latin, unisolated_numbers
from tests.i18n.page_types import PAGES, WIZARD

pytestmark = pytest.mark.django_db

INFORMATION = [
    "wat-is-mensenhandel", "vormen-van-uitbuiting", "signalen-burgers", "signalen-professionals",
    "signalen-voor-jezelf", "rechten-van-slachtoffers", "veelgestelde-vragen", "begrippenlijst",
    "over-het-informatiepunt", "privacy", "toegankelijkheid", "veilig-internetten",
]  # fmt: skip


def assert_isolated(html: str, where: str) -> None:
    assert unisolated_numbers(html) == [], where
    assert unisolated_latin(html) == [], where
    assert lone_brackets_in_isolates(html) == [], where


@pytest.mark.parametrize("page_type", sorted(PAGES))
def test_every_number_and_latin_name_on_an_arabic_page_is_isolated(client: Client, seeded, page_type):
    for pattern in PAGES[page_type]:
        path = pattern.format(lang="ar")
        response = client.get(path)
        assert response.status_code in (200, 400), path
        html = response.content.decode()
        assert_isolated(html, path)
        if path == "/ar/":
            assert "<bdi>0900-8844</bdi>" in html  # the footer's police number, on every page


def test_every_arabic_information_page_isolates_numbers_and_names(client: Client):
    for slug in INFORMATION:
        response = client.get(f"/ar/informatie/{slug}/")
        assert response.status_code == 200
        assert_isolated(response.content.decode(), slug)


def test_arabic_wizard_pages_isolate_numbers_and_names(client: Client):
    for what, data in WIZARD.items():
        response = client.post("/ar/verwijswijzer/", data)
        html = response.content.decode()
        assert response.status_code in (200, 400), what
        if what.startswith("result"):
            assert "result-list" in html, what
        assert_isolated(html, what)


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


def test_a_bracket_next_to_a_number_stays_outside_the_isolation():
    html = "<p>بحث (سبتمبر وأكتوبر 2024)، الملحق B.3.2)</p><p>Fier (Leeuwarden) و (0800) 7000</p>"
    assert isolate_ltr_runs(html) == (
        "<p>بحث (سبتمبر وأكتوبر <bdi>2024</bdi>)، الملحق <bdi>B.3.2</bdi>)</p>"
        "<p><bdi>Fier (Leeuwarden)</bdi> و (<bdi>0800</bdi>) <bdi>7000</bdi></p>"
    )
    assert lone_brackets_in_isolates(isolate_ltr_runs(html)) == []
