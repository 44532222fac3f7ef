"""`make run` loads the seed data into an empty database once, and never over editors' work."""

from __future__ import annotations

import pytest

from campaigns.models import Campaign
from directory.models import Municipality, Organisation
from portal.models import LoadedDataset, Page
from portal.seeding import load_datasets
from referral.models import RouteRule

pytestmark = pytest.mark.django_db


def empty_database() -> None:
    for model in (RouteRule, Campaign, Organisation, Page, LoadedDataset):
        model.objects.all().delete()


class SeedingTestCase:
    def test_the_fixtures_load_into_an_empty_database(self):
        empty_database()
        loaded = load_datasets(report=lambda message: None)
        assert {"portal.pages", "directory.organisations", "referral.rules", "campaigns.seed001"} <= set(loaded)
        assert Organisation.objects.count() >= 120
        assert Municipality.objects.count() == 342
        assert Page.objects.filter(published=True).count() == 12
        assert RouteRule.objects.exists() and Campaign.objects.exists()

    def test_a_second_run_keeps_what_an_editor_changed(self, seeded):
        politie = Organisation.objects.get(slug="nationale-politie")
        politie.role_nl = "Door de redactie herschreven."
        politie.save()
        Page.objects.filter(slug="privacy").update(title_nl="Onze privacy")
        Organisation.objects.filter(slug="leger-des-heils").delete()
        assert load_datasets(report=lambda message: None) == []
        assert Organisation.objects.get(slug="nationale-politie").role_nl == "Door de redactie herschreven."
        assert Page.objects.get(slug="privacy").title_nl == "Onze privacy"
        assert not Organisation.objects.filter(slug="leger-des-heils").exists()

    def test_a_dataset_is_not_loaded_into_tables_editors_already_filled(self):
        LoadedDataset.objects.filter(name="portal.pages").delete()
        Page.objects.exclude(slug="privacy").delete()
        load_datasets(report=lambda message: None)
        assert Page.objects.count() == 1
        assert LoadedDataset.objects.filter(name="portal.pages", rows=0).exists()

    def test_the_safe_browsing_page_comes_once_to_a_site_that_already_has_pages(self, seeded):
        """A site loaded before the page existed gets it on the next run, in all seven languages;
        an editor who removes it afterwards does not get it back."""
        Page.objects.filter(slug="veilig-internetten").delete()
        LoadedDataset.objects.filter(name="portal.pages.veilig-internetten").delete()
        privacy_title = Page.objects.get(slug="privacy").title_nl
        assert load_datasets(report=lambda message: None) == ["portal.pages.veilig-internetten"]
        page = Page.objects.get(slug="veilig-internetten")
        assert page.title_nl == "Veilig internetten"
        assert all(getattr(page, f"body_{code}") for code in ("nl", "en", "pl", "ro", "bg", "uk", "ar"))
        assert Page.objects.get(slug="privacy").title_nl == privacy_title
        page.delete()
        assert load_datasets(report=lambda message: None) == []
        assert not Page.objects.filter(slug="veilig-internetten").exists()
