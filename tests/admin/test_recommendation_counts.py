"""The weekly recommendation counts: only for the Hoofdredacteur, and never a count that small."""

from __future__ import annotations

import datetime as dt

import pytest

from directory.models import ExploitationForm, Organisation, Province
from referral.models import RecommendationTally
from tests.editors import logged_in

pytestmark = pytest.mark.django_db
WEEKLY = "/beheer/referral/recommendationtally/"


@pytest.fixture
def counts():
    """One desk recommended 7 times in a week, another once (one visitor)."""
    monday = dt.date(2026, 11, 23)
    labour = ExploitationForm.objects.get(code="labour")
    zuid_holland = Province.objects.get(name="Zuid-Holland")
    often, once = Organisation.objects.order_by("name")[:2]
    for offset, count in enumerate([3, 4]):
        RecommendationTally.objects.create(
            day=monday + dt.timedelta(days=offset), organisation=often, form=labour, province=zuid_holland, count=count
        )
    single = RecommendationTally.objects.create(
        day=monday, organisation=once, form=labour, province=zuid_holland, count=1
    )
    return often, once, single


class WeeklyCountsTestCase:
    def test_the_hoofdredacteur_sees_weekly_totals_and_small_ones_only_as_below_five(self, hoofdredacteur, counts):
        often, once, _single = counts
        response = logged_in(hoofdredacteur).get(WEEKLY)
        assert response.status_code == 200
        html = response.content.decode()
        rows = html.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
        often_row = next(row for row in rows if often.name in row)
        once_row = next(row for row in rows if once.name in row)
        assert "<td>2026-11-23</td>" in often_row and "<td>7</td>" in often_row
        assert "<td>&lt; 5</td>" in once_row and "<td>1</td>" not in once_row

    def test_there_is_no_page_for_a_single_days_count(self, hoofdredacteur, counts):
        _often, _once, single = counts
        client = logged_in(hoofdredacteur)
        assert client.get(f"{WEEKLY}{single.pk}/change/").status_code in (403, 404)
        assert client.get(f"{WEEKLY}{single.pk}/history/").status_code in (403, 404)
        assert client.get(f"{WEEKLY}{single.pk}/delete/").status_code in (403, 404)

    def test_a_redacteur_can_neither_open_nor_find_them(self, redacteur, counts):
        client = logged_in(redacteur)
        assert client.get(WEEKLY).status_code == 403
        home = client.get("/beheer/").content.decode()
        assert WEEKLY not in home

    def test_the_admin_home_links_the_hoofdredacteur_to_them(self, hoofdredacteur):
        assert WEEKLY in logged_in(hoofdredacteur).get("/beheer/").content.decode()
