"""Dates read as a native speaker writes them: Django's own date format per language, with the
month in the genitive where the language needs it ("1 grudnia 2026", not "1 Grudzień 2026")."""

from __future__ import annotations

import datetime as dt

import pytest

from directory.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nl", "1 december 2026"), ("pl", "1 grudnia 2026"), ("uk", "01 грудня 2026 р."), ("en", "Dec. 1, 2026")],
)
def test_the_last_verified_date_uses_the_languages_date_format(client, language, expected):
    Organisation.objects.filter(slug="fairwork").update(last_verified=dt.date(2026, 12, 1))
    html = client.get(f"/{language}/organisaties/fairwork/").content.decode()
    assert f'<time datetime="2026-12-01">{expected}</time>' in html


def test_a_campaign_period_puts_the_month_in_the_genitive_after_from(client, seeded):
    from campaigns.models import Campaign

    campaign = Campaign.objects.published().first()
    Campaign.objects.filter(pk=campaign.pk).update(
        start_year=2022, start_month=5, end_year=2023, end_month=12, status="ended"
    )
    html = client.get(f"/pl/campagnes/{campaign.slug}/").content.decode()
    assert "od maja 2022 do grudnia 2023" in html
