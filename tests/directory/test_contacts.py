"""The contact import (fixtures/source/contacts.json), on PostgreSQL: provenance, dedupe, reruns,
editors' changes, broken files; and that no `review` value ever reaches the public."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from directory.contacts import CONTACTS_FILE, SHARED_LINES, normalised, read_file
from directory.models import ContactChannel, ContactImportRecord, Organisation, UnlistedDesk

pytestmark = pytest.mark.django_db

KINDS = {"phone": "phone", "email": "email", "website": "website", "webform": "web_form", "chat": "chat",
         "whatsapp": "whatsapp"}  # fmt: skip


def file_groups() -> dict[tuple[str, str], set[str]]:
    """(organisation slug, normalised value) → the statuses the file gives it."""
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entry in read_file():
        for channel in entry["channels"]:
            groups[(entry["slug"], normalised(KINDS[channel["type"]], channel["value"]))].add(channel["status"])
    return groups


def shared_lines() -> set[tuple[str, str]]:
    """(organisation, value) that another entry gives from a primary source (SHARED_LINES)."""
    return {(slug, normalised("phone", value)) for slug, _giver, value, _page in SHARED_LINES}


def review_only_values() -> dict[str, list[str]]:
    """Per organisation, the values the file gives only as `review`: never public."""
    hidden: dict[str, list[str]] = defaultdict(list)
    for entry in read_file():
        for channel in entry["channels"]:
            key = (entry["slug"], normalised(KINDS[channel["type"]], channel["value"]))
            if file_groups()[key] == {"review"} and key not in shared_lines():
                hidden[entry["slug"]].append(channel["value"])
    return hidden


def channel_snapshot() -> list[tuple]:
    return sorted(
        ContactChannel.objects.values_list("organisation__slug", "kind", "value", "status", "label_nl", "source")
    )


class ImportedStateTestCase:
    def test_publish_channels_are_public_with_their_source_site_and_date(self):
        channel = ContactChannel.objects.get(organisation__slug="coordinatiecentrum-tegen-mensenhandel-comensha",
                                             kind="phone")  # fmt: skip
        assert channel.value == "033 448 11 86"
        assert channel.status == ContactChannel.Status.PUBLIC_SOURCE and channel.is_public
        assert channel.source == "wegwijzermensenhandel.nl"
        assert channel.source_url.startswith("https://www.wegwijzermensenhandel.nl/")
        assert channel.taken_over.isoformat() == "2026-12-01"
        assert channel.last_verified is None  # nobody confirmed it yet

    def test_review_channels_wait_unpublished_with_link_and_reason(self):
        channel = ContactChannel.objects.get(organisation__slug="fier", value="058 - 215 70 84")
        assert channel.status == ContactChannel.Status.TO_CHECK and not channel.is_public
        assert "oude" in channel.review_reason or "old" in channel.review_reason
        assert channel.source_url.startswith("https://")
        assert "058 - 215 70 84" in channel.excerpt

    def test_one_channel_per_value_and_organisation(self):
        police = ContactChannel.objects.filter(organisation__slug="nationale-politie", kind="phone")
        values = [normalised("phone", c.value) for c in police]
        assert values.count("09008844") == 1
        assert len(values) == len(set(values))
        # Every (organisation, value) of the file is one channel, and nothing more.
        groups = file_groups()
        imported = {
            (c.organisation.slug, normalised(c.kind, c.value))
            for c in ContactChannel.objects.select_related("organisation")
        }
        assert {key for key in groups if not key[0].startswith("additional-")} <= imported

    def test_a_value_given_as_publish_anywhere_for_that_organisation_is_public(self):
        channel = ContactChannel.objects.get(organisation__slug="meld-misdaad-anoniem-m", kind="phone")
        assert channel.status == ContactChannel.Status.PUBLIC_SOURCE  # publish and review sources: best wins
        assert channel.source == "politie.nl"

    def test_additional_entries_are_listed_for_editors_not_published(self, client: Client):
        assert UnlistedDesk.objects.count() == 6
        assert not Organisation.objects.filter(slug__startswith="additional-").exists()
        desk = UnlistedDesk.objects.get(key="additional-veilig-thuis-haaglanden")
        assert desk.channels[0]["value"] == "0800-2000"

    def test_at_least_37_organisations_have_a_published_route_in_the_open_data(self, client: Client):
        document = client.get("/open-data/organisaties.hsds.json").json()
        # Each route's provenance: a phone's in the phone's own metadata, others' in the organisation's.
        routes = {o["id"]: o["metadata"][1:] + [m for p in o["phones"] for m in p["metadata"]]
                  for o in document["organizations"]}  # fmt: skip
        with_route = [records for records in routes.values() if records]
        assert len(with_route) >= 37
        for records in with_route:
            for record in records:
                assert record["last_action_date"]
                assert record["last_action_type"] in ("taken over from a public source", "verified")
                assert record["updated_by"]
        rows = list(csv.DictReader(io.StringIO(client.get("/open-data/organisaties.csv").content.decode())))
        assert sum(1 for row in rows if row["contact_sources"]) >= 37
        comensha = next(row for row in rows if row["slug"] == "coordinatiecentrum-tegen-mensenhandel-comensha")
        assert "033 448 11 86: bron wegwijzermensenhandel.nl, overgenomen op 2026-12-01" in comensha["contact_sources"]


PLAIN_LABEL = re.compile(r"(Telefoon|E-mail|Website|Webformulier|Chat|WhatsApp)( \([a-z0-9 ,]+\))?", re.I)


class PlainLabelTestCase:
    def test_every_imported_label_is_short_and_plain_and_the_description_stays_for_editors(self, client: Client):
        records = ContactImportRecord.objects.select_related("channel").exclude(channel=None)
        assert records.count() >= 80
        for record in records:
            assert PLAIN_LABEL.fullmatch(record.channel.label_nl), record.channel.label_nl
        old_site = ContactChannel.objects.get(organisation__slug="centrum-tegen-kinderhandel-en-mensenhandel",
                                              value="www.ckm-fier.nl")  # fmt: skip
        assert old_site.label_nl == "Website"
        assert old_site.source_note.startswith("oudere website CKM (2014)")
        html = client.get("/nl/organisaties/centrum-tegen-kinderhandel-en-mensenhandel/").content.decode()
        assert "oudere website" not in html and '<span class="contact-kind">Website</span>' in html

    def test_a_label_says_what_its_source_says_in_every_language(self, client: Client):
        channel = ContactChannel.objects.get(organisation__slug="de-kindertelefoon", kind="phone")
        assert channel.label_nl == "Telefoon (landelijk, voor 8 tot 18 jaar)"
        expected = {"nl": "Telefoon (landelijk, voor 8 tot 18 jaar)", "en": "Phone (national, for ages 8 to 18)",
                    "pl": "Telefon (ogólnokrajowy", "ro": "Telefon (național", "bg": "Телефон (национален",
                    "uk": "Телефон (національний", "ar": "هاتف (وطني"}  # fmt: skip
        for language, label in expected.items():
            html = client.get(f"/{language}/organisaties/de-kindertelefoon/").content.decode()
            assert label in html, language


class VeiligThuisLineTestCase:
    def test_the_national_line_is_published_from_a_veilig_thuis_organisations_own_site(self, client: Client):
        channel = next(
            c for c in ContactChannel.objects.filter(organisation__slug="veilig-thuis", kind="phone")
            if normalised("phone", c.value) == "08002000"
        )  # fmt: skip
        assert channel.is_public and channel.status == ContactChannel.Status.PUBLIC_SOURCE
        assert channel.source == "veiligthuisnoordoostgelderland.nl"
        assert channel.source_url == next(page for slug, _g, _v, page in SHARED_LINES if slug == "veilig-thuis")
        assert "0800 2000" in channel.excerpt and channel.is_24_7 and channel.free_of_charge
        html = client.get("/nl/organisaties/veilig-thuis/").content.decode()
        assert 'href="tel:08002000"' in html and "veiligthuisnoordoostgelderland.nl" in html

    def test_a_regional_veilig_thuis_row_does_not_hide_the_national_line(self, client: Client):
        html = client.get("/nl/meldroute/utrecht/").content.decode()
        step = html.split("Veilig Thuis</h3>", 1)[1].split("<h3", 1)[0]
        regional, national = step.split('href="/nl/organisaties/veilig-thuis/"')
        assert 'href="/nl/organisaties/veilig-thuis-utrecht/"' in regional
        assert 'href="tel:08002000"' in national  # with its own source, not interface text


class NoReviewValueInPublicTestCase:
    """No `review` value on any public page, export or API."""

    def test_not_on_organisation_pages(self, client: Client):
        hidden = review_only_values()
        assert hidden["fier"]  # the test would prove nothing without hidden values
        for slug, values in hidden.items():
            if slug.startswith("additional-"):
                continue
            html = client.get(f"/nl/organisaties/{slug}/").content.decode()
            for value in values:
                assert value not in html, (slug, value)

    def test_not_in_open_data_or_api(self, client: Client):
        hidden = review_only_values()
        csv_text = client.get("/open-data/organisaties.csv").content.decode()
        hsds = json.loads(client.get("/open-data/organisaties.hsds.json").content)
        api_results, page = [], 1
        while True:
            data = client.get("/api/v1/organisaties/", {"pagina": page}).json()
            api_results += data["results"]
            if page >= data["pages"]:
                break
            page += 1
        assert len(api_results) == Organisation.objects.published().count()
        by_slug = {row["slug"]: row for row in csv.DictReader(io.StringIO(csv_text))}
        hsds_by_name = {o["name"]: json.dumps(o, ensure_ascii=False) for o in hsds["organizations"]}
        api_by_slug = {r["slug"]: json.dumps(r, ensure_ascii=False) for r in api_results}
        for slug, values in hidden.items():
            organisation = Organisation.objects.filter(slug=slug).first()
            if organisation is None:
                continue
            for value in values:
                assert value not in json.dumps(by_slug[slug], ensure_ascii=False), (slug, value)
                assert value not in hsds_by_name[organisation.name], (slug, value)
                if slug in api_by_slug:
                    assert value not in api_by_slug[slug], (slug, value)

    def test_excerpts_and_reasons_stay_with_the_editors(self, client: Client):
        channel = ContactChannel.objects.get(organisation__slug="coordinatiecentrum-tegen-mensenhandel-comensha",
                                             kind="phone")  # fmt: skip
        html = client.get("/nl/organisaties/coordinatiecentrum-tegen-mensenhandel-comensha/").content.decode()
        assert "033 448 11 86" in html and 'href="tel:0334481186"' in html
        assert channel.excerpt not in html
        assert "wegwijzermensenhandel.nl" in html and "nog niet bevestigd" in html


class RerunTestCase:
    def test_running_twice_changes_nothing(self):
        before = channel_snapshot()
        call_command("import_contacts", stdout=io.StringIO())
        out = io.StringIO()
        call_command("import_contacts", stdout=out)
        assert channel_snapshot() == before
        assert " 0 created, 0 updated" in out.getvalue()

    def test_an_editors_change_survives_a_rerun(self):
        channel = ContactChannel.objects.get(organisation__slug="fairwork", kind="website")
        channel.label_nl = "Website van FairWork (door de redactie herschreven)"
        channel.save()
        deleted = ContactChannel.objects.get(organisation__slug="fier", value="058 - 215 70 84")
        deleted.delete()
        out = io.StringIO()
        call_command("import_contacts", stdout=out)
        channel.refresh_from_db()
        assert channel.label_nl == "Website van FairWork (door de redactie herschreven)"
        assert not ContactChannel.objects.filter(organisation__slug="fier", value="058 - 215 70 84").exists()
        assert "Left as editors changed them: 2" in out.getvalue()

    def test_a_confirmed_channel_is_never_overwritten(self):
        from django.utils import timezone

        channel = ContactChannel.objects.get(organisation__slug="fier", value="058 - 215 70 84")
        channel.status = ContactChannel.Status.CONFIRMED
        channel.confirmed_at = timezone.now()
        channel.save()
        call_command("import_contacts", stdout=io.StringIO())
        channel.refresh_from_db()
        assert channel.status == ContactChannel.Status.CONFIRMED

    def test_an_untouched_imported_channel_follows_a_new_version_of_the_file(self, tmp_path):
        data = json.loads(CONTACTS_FILE.read_text(encoding="utf-8"))
        fairwork = next(e for e in data if e["slug"] == "fairwork")
        fairwork["channels"][0]["label"] = "Engelstalige website FairWork (nieuwe versie)"
        changed = tmp_path / "contacts.json"
        changed.write_text(json.dumps(data), encoding="utf-8")
        call_command("import_contacts", file=changed, stdout=io.StringIO())
        channel = ContactChannel.objects.get(organisation__slug="fairwork", kind="website")
        assert channel.label_nl == "Website (in het Engels)"
        assert channel.source_note == "Engelstalige website FairWork (nieuwe versie)"


class ImportHistoryTestCase:
    """What an import adds or changes is in the history: the public changelog and the HSDS metadata."""

    def test_the_seeds_first_import_and_an_unchanged_rerun_leave_no_history(self):
        from reversion.models import Revision

        from directory.models import DirectoryChange

        assert not DirectoryChange.objects.exists() and not Revision.objects.exists()  # the seeded database
        call_command("import_contacts", stdout=io.StringIO())
        assert not DirectoryChange.objects.exists() and not Revision.objects.exists()

    def test_a_route_the_import_adds_or_changes_is_in_the_changelog_and_the_hsds_metadata(self, client, tmp_path):
        data = json.loads(CONTACTS_FILE.read_text(encoding="utf-8"))
        fairwork = next(e for e in data if e["slug"] == "fairwork")
        website = next(c for c in fairwork["channels"] if c["type"] == "website" and c["status"] == "publish")
        fairwork["channels"].append({**website, "type": "email", "value": "nieuw-adres@fairwork.nu"})
        changed = tmp_path / "contacts.json"
        for page in ("nieuwe-pagina", "nog-een-pagina"):  # two new versions of the file
            website["source_url"] = f"https://www.fairwork.nu/en/{page}/"
            changed.write_text(json.dumps(data), encoding="utf-8")
            call_command("import_contacts", file=changed, stdout=io.StringIO())

        html = client.get("/nl/organisaties/fairwork/wijzigingen/").content.decode()
        assert html.count("Nieuwe contactroute: E-mail") == 1
        assert html.count("Contactroute gewijzigd (Website): bron") == 2
        # HSDS metadata compares two versions: the seed's routes have none before the first import
        # (ADR 019), so the second import's change is the one it can show.
        document = client.get("/open-data/organisaties.hsds.json").json()
        organisation = next(o for o in document["organizations"] if o["name"] == "FairWork")
        [update] = [m for m in organisation["metadata"] if m["last_action_type"] == "update"]
        assert (update["field_name"], update["previous_value"], update["replacement_value"]) == (
            "website.source_url", "https://www.fairwork.nu/en/nieuwe-pagina/",
            "https://www.fairwork.nu/en/nog-een-pagina/")  # fmt: skip


class BrokenFileTestCase:
    @pytest.mark.parametrize(
        "content, message",
        [
            ("{not json", "not valid JSON"),
            ('{"slug": "x"}', "expected a list"),
            ('[{"slug": "fier", "channels": [{"type": "fax", "value": "1", "label": "", "source_url": "https://a.nl",'
             ' "excerpt": "", "status": "publish"}]}]', "unknown type 'fax'"),
            ('[{"slug": "fier", "channels": [{"type": "phone", "value": "1", "label": "", "source_url": "https://a.nl",'
             ' "excerpt": "", "status": "review"}]}]', "needs a review_reason"),
        ],
    )  # fmt: skip
    def test_a_broken_file_gives_a_clear_error_and_writes_nothing(self, tmp_path, content, message):
        broken = tmp_path / "contacts.json"
        broken.write_text(content, encoding="utf-8")
        before = channel_snapshot()
        records = ContactImportRecord.objects.count()
        with pytest.raises(CommandError, match=message):
            call_command("import_contacts", file=broken, stdout=io.StringIO())
        assert channel_snapshot() == before
        assert ContactImportRecord.objects.count() == records

    def test_a_problem_late_in_a_file_leaves_the_earlier_entries_unwritten(self, tmp_path):
        data = json.loads(CONTACTS_FILE.read_text(encoding="utf-8"))
        first = next(e for e in data if e["channels"])
        first["channels"][0]["label"] = "gewijzigd in een kapot bestand"
        data[-1]["channels"] = [{"type": "phone"}]
        broken = tmp_path / "contacts.json"
        broken.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(CommandError, match="missing value"):
            call_command("import_contacts", file=broken, stdout=io.StringIO())
        assert not ContactChannel.objects.filter(label_nl="gewijzigd in een kapot bestand").exists()
