"""Migration 0014 gives existing databases the plain channel labels, never over an editor's text."""

from __future__ import annotations

import pytest

from portal.models import MachineTranslation
from tests.migrating import latest, migrate

pytestmark = pytest.mark.django_db
BEFORE = [("directory", "0013_public_changelog")]
AFTER = [("directory", "0014_plain_channel_labels")]
KINDERTELEFOON = "landelijk gratis nummer voor kinderen en jongeren van 8 tot 18 jaar"


def channel(apps, slug: str, kind: str):
    return apps.get_model("directory", "ContactChannel").objects.get(organisation__slug=slug, kind=kind)


def english_label(channel, text: str, *, reviewed: bool) -> None:
    """An English label made by machine, with or without a native speaker's review."""
    channel.label_en = text
    channel.save()
    MachineTranslation.objects.update_or_create(
        model="directory.contactchannel", object_id=str(channel.pk), field="label", language="en",
        defaults={"reviewed": reviewed},
    )  # fmt: skip


def test_untouched_labels_become_plain_and_editors_texts_stay_and_it_migrates_back():
    old = migrate(BEFORE)  # a database as the last release left it: the file's descriptions
    untouched = channel(old, "de-kindertelefoon", "phone")
    assert untouched.label_nl.startswith(KINDERTELEFOON)
    english_label(untouched, "National free number for children (machine-made)", reviewed=False)
    reviewed = channel(old, "slachtofferhulp-nederland", "phone")  # a native speaker reviewed its English
    english_label(reviewed, "Call Victim Support (local rate), reviewed", reviewed=True)
    edited = channel(old, "fairwork", "website")
    edited.label_nl = edited.label = "Website van FairWork, door de redactie geschreven"
    edited.save()

    new = migrate(AFTER)
    untouched = channel(new, "de-kindertelefoon", "phone")
    assert untouched.label_nl == "Telefoon (landelijk, voor 8 tot 18 jaar)"
    assert untouched.label_en == "Phone (national, for ages 8 to 18)"
    assert untouched.label_ar == "هاتف (وطني، للأعمار من 8 إلى 18 سنة)"
    assert untouched.source_note.startswith(KINDERTELEFOON)
    Record = new.get_model("directory", "ContactImportRecord")
    assert Record.objects.get(channel_id=untouched.pk).written["label_nl"] == untouched.label_nl
    reviewed = channel(new, "slachtofferhulp-nederland", "phone")
    assert reviewed.label_nl == "Telefoon (lokaal tarief)"
    assert reviewed.label_en == "Call Victim Support (local rate), reviewed"
    assert channel(new, "fairwork", "website").label_nl == "Website van FairWork, door de redactie geschreven"

    back = migrate(BEFORE)
    assert channel(back, "de-kindertelefoon", "phone").label_nl.startswith(KINDERTELEFOON)
    assert channel(back, "fairwork", "website").label_nl == "Website van FairWork, door de redactie geschreven"
    migrate(latest("directory"))
