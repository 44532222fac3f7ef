"""The directory starts with the real seed data: regions of CBS 2025 and inventory B.3."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from directory.models import ContactChannel, Municipality, Organisation, PoliceUnit, Province, SafetyRegion

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "source"
pytestmark = pytest.mark.django_db


class RegionsTestCase:
    def test_it_has_every_dutch_region_of_2025(self, seeded):
        assert Province.objects.count() == 12
        assert SafetyRegion.objects.count() == 25
        assert PoliceUnit.objects.count() == 10
        assert Municipality.objects.count() == 342

    def test_every_safety_region_lies_in_one_province_and_one_police_unit(self, seeded):
        for region in SafetyRegion.objects.all():
            provinces = set(region.municipalities.values_list("province_id", flat=True))
            assert provinces == {region.province_id}, region.name
            assert region.police_unit_id is not None

    def test_municipalities_map_to_the_expected_regions(self, seeded):
        expected = {
            "Westland": ("Haaglanden", "Den Haag"),
            "Rotterdam": ("Rotterdam-Rijnmond", "Rotterdam"),
            "Enschede": ("Twente", "Oost-Nederland"),
            "Almere": ("Flevoland", "Midden-Nederland"),
            "Hilversum": ("Gooi en Vechtstreek", "Midden-Nederland"),
        }
        for name, (region, unit) in expected.items():
            municipality = Municipality.objects.get(name=name)
            assert municipality.safety_region.name == region
            assert municipality.police_unit.name == unit


class OrganisationSeedTestCase:
    def test_every_appendix_b_organisation_is_present_and_published(self, seeded):
        rows = json.loads((FIXTURES / "organisations.json").read_text())
        names = set(Organisation.objects.published().values_list("name", flat=True))
        missing = [row["name"] for row in rows if row["name"] not in names]
        assert missing == []
        assert len(rows) >= 115

    def test_each_record_names_its_source(self, seeded):
        assert not Organisation.objects.filter(source="").exists()
        politie = Organisation.objects.get(name="Nationale Politie")
        assert "bijlage B.3.1" in politie.source

    def test_rows_that_look_wrong_are_kept_as_written_and_flagged(self, seeded):
        ggd = Organisation.objects.get(name="GGD Drenthe")
        assert ggd.needs_review
        assert "Zuid-Holland" in ggd.source_text + ggd.review_note

    def test_no_contact_detail_is_invented(self, seeded):
        """Every channel comes from contacts.json or a seed document, with its source and date."""
        from directory.contacts import SEED_WEBSITES, normalised, read_file

        kinds = {"webform": "web_form"}
        known = {
            (entry["slug"], normalised(kinds.get(c["type"], c["type"]), c["value"]))
            for entry in read_file()
            for c in entry["channels"]
        } | {(slug, normalised("website", address)) for slug, address, _source in SEED_WEBSITES}
        channels = ContactChannel.objects.select_related("organisation")
        assert channels.count() == 84  # 97 in the file, one per value and organisation
        for channel in channels:
            assert (channel.organisation.slug, normalised(channel.kind, channel.value)) in known, channel
            assert channel.source
            if channel.is_public:
                assert channel.taken_over and not channel.last_verified  # nobody confirmed anything yet
        assert not Organisation.objects.exclude(website="").exists()

    def test_national_desks_have_their_public_numbers(self, seeded):
        anonymous = Organisation.objects.get(slug="meld-misdaad-anoniem-m").channels.get(kind="phone")
        assert anonymous.value == "0800-7000" and anonymous.anonymous and anonymous.free_of_charge
        assert anonymous.is_public
        child = Organisation.objects.get(slug="de-kindertelefoon").channels.get(kind="phone")
        assert child.value == "0800-0432" and child.is_public
        # Veilig Thuis's national line: from a Veilig Thuis organisation's own site (the file's own
        # sources for the national record are secondary). Fier's: secondary only, in the queue.
        national = Organisation.objects.get(slug="veilig-thuis").channels.get(kind="phone")
        assert national.is_public and national.source == "veiligthuisnoordoostgelderland.nl"
        assert not any(c.is_public for c in Organisation.objects.get(slug="fier").channels.all())
