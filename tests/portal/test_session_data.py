"""The suite's own promise (ADR 013): after a committing test's flush, the next test finds the
session's data exactly as before — also the editors' groups, which only the migrations make."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from campaigns.models import Campaign
from directory.models import ContactChannel, Organisation, Place
from portal.models import LoadedDataset
from tests import session_data


def census() -> dict[str, object]:
    return {
        "groups": sorted(
            (group.name, sorted(group.permissions.values_list("codename", flat=True))) for group in Group.objects.all()
        ),
        "permissions": Permission.objects.count(),
        "organisations": sorted(Organisation.objects.values_list("pk", "slug", "published")),
        "channels": ContactChannel.objects.count(),
        "places": Place.objects.count(),
        "campaigns": sorted(Campaign.objects.values_list("pk", "slug")),
        "datasets": sorted(LoadedDataset.objects.values_list("name", flat=True)),
    }


@pytest.mark.django_db(transaction=True)
def test_the_session_data_comes_back_after_a_flush():
    before = census()
    assert before["groups"] and before["organisations"] and before["campaigns"] and before["places"]
    call_command("flush", interactive=False, verbosity=0)  # also restarts every id sequence
    assert not Organisation.objects.exists() and not Group.objects.exists()
    session_data.restore()
    assert session_data.is_intact()
    assert census() == before
    # New rows get new ids, not those of restored rows.
    assert Campaign.objects.create(title_nl="Na het terugzetten", slug="na-het-terugzetten").pk > max(
        pk for pk, _slug in before["campaigns"]
    )
