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
        assert Page.objects.filter(published=True).count() == 11
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
