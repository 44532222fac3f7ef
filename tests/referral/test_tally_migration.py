"""Migration 0002 merges the duplicate tally rows that the old get_or_create could make."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from directory.models import Organisation
from tests.migrating import migrate

pytestmark = pytest.mark.django_db
BEFORE = [("referral", "0001_initial")]
AFTER = [("referral", "0002_one_tally_row_per_key")]


def test_duplicates_are_merged_into_one_row_with_their_sum_and_it_migrates_back():
    organisation = Organisation.objects.order_by("pk").first()
    old = migrate(BEFORE)
    Tally = old.get_model("referral", "RecommendationTally")
    day = dt.date(2026, 11, 20)
    for count in (1, 4, 2):  # three rows for one key (form and province empty), as the bug made them
        Tally.objects.create(day=day, organisation_id=organisation.pk, count=count)
    Tally.objects.create(day=day + dt.timedelta(days=1), organisation_id=organisation.pk, count=3)
    assert Group.objects.get(name="Redacteur").permissions.filter(codename="view_recommendationtally").exists()

    new = migrate(AFTER)
    Tally = new.get_model("referral", "RecommendationTally")
    assert sorted(Tally.objects.values_list("day", "count")) == [(day, 7), (day + dt.timedelta(days=1), 3)]
    assert not Group.objects.get(name="Redacteur").permissions.filter(codename="view_recommendationtally").exists()
    assert Group.objects.get(name="Hoofdredacteur").permissions.filter(codename="view_recommendationtally").exists()

    back = migrate(BEFORE)
    Tally = back.get_model("referral", "RecommendationTally")
    Tally.objects.create(day=day, organisation_id=organisation.pk, count=1)  # no unique key any more
    assert Tally.objects.filter(day=day).count() == 2
    assert Group.objects.get(name="Redacteur").permissions.filter(codename="view_recommendationtally").exists()
    migrate(AFTER)
