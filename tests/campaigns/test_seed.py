"""Seed 001: every B.1 campaign with every column, B.2 as named-by-respondents entries."""

from __future__ import annotations

import pytest

from campaigns.models import Campaign, Sender
from campaigns.seed import DATASETS, load_campaigns, parse_period

pytestmark = pytest.mark.django_db


def _campaign(title: str) -> Campaign:
    return Campaign.objects.prefetch_related(
        "audiences", "forms", "formats", "senders", "links", "results", "municipalities", "safety_regions", "provinces"
    ).get(title_nl=title)


class SeedDatasetTestCase:
    def test_it_is_registered_after_the_directory(self):
        dataset, *translations = DATASETS
        assert dataset.name == "campaigns.seed001"
        assert all(later.order > dataset.order for later in translations)
        assert dataset.order == 200
        assert Campaign in dataset.fills

    def test_it_loads_every_campaign_of_b1_and_b2(self, campaigns_loaded, rows):
        assert campaigns_loaded == len(rows) == 54
        assert Campaign.objects.filter(named_by_respondents=False).count() == 31
        assert Campaign.objects.filter(named_by_respondents=True).count() == 23
        assert Campaign.objects.published().count() == 54

    def test_slugs_are_unique_and_readable(self, campaigns_loaded):
        slugs = list(Campaign.objects.values_list("slug", flat=True))
        assert len(set(slugs)) == len(slugs)
        assert Campaign.objects.get(title_nl="Don't look away").slug == "dont-look-away"


class SeedColumnsTestCase:
    def test_every_b1_title_is_present_with_its_columns(self, campaigns_loaded, b1):
        for row in b1:
            campaign = _campaign(row["title"])
            assert campaign.source.endswith("bijlage B.1")
            assert not campaign.named_by_respondents
            assert campaign.goal_nl == row["goal"]
            assert [sender.name for sender in campaign.senders.all()] == row["senders"]
            assert {a.code for a in campaign.audiences.all()} == set(row["audiences"])
            assert {f.code for f in campaign.forms.all()} == set(row["forms"]) - {"general"}
            assert campaign.all_forms == ("general" in row["forms"])
            assert {f.code for f in campaign.formats.all()} == set(row["formats"])
            assert campaign.scope == row["scope"]
            assert campaign.region_text == (row["region"] or "")
            assert campaign.call_to_action_nl == (row["call_to_action"] or "")
            assert campaign.status == ("ongoing" if row["ongoing"] else "ended")
            assert (campaign.start_year, campaign.start_month) == parse_period(row["start"])
            assert (campaign.end_year, campaign.end_month) == parse_period(row["end"])
            assert [result.text_nl for result in campaign.results.all()] == [r["text"] for r in row["results"]]
            assert [link.url or link.label for link in campaign.links.all()] == row["urls"]
            for key in ("senders_source", "goal_source", "forms_source", "format_source", "period_source"):
                assert row[key] in campaign.source_text, (row["title"], key)

    def test_b2_entries_are_short_and_marked(self, campaigns_loaded, rows):
        for row in rows:
            if row["source_section"] != "B.2":
                continue
            campaign = _campaign(row["title"])
            assert campaign.named_by_respondents
            assert campaign.status == Campaign.Status.UNKNOWN
            assert campaign.scope == row.get("scope", "unknown")
            assert campaign.region_text == row.get("region", "")
            assert not campaign.senders.exists() and not campaign.goal_nl
            assert {f.code for f in campaign.forms.all()} == set(row.get("forms", []))

    def test_the_results_of_section_2_5_belong_to_their_campaign(self, campaigns_loaded):
        campaign = _campaign("Onzichtbaar maar waar")
        texts = [result.text_nl for result in campaign.results.all()]
        assert len(texts) == 5
        assert "450.000 en 940.000" in texts[1]
        assert all(result.source.endswith("§2.5") for result in campaign.results.all())
        assert Campaign.objects.filter(results__isnull=False).distinct().count() == 1

    def test_it_invents_no_addresses(self, campaigns_loaded):
        link = _campaign("Chaterover.nl").links.get()
        assert link.url == "" and link.label == "Chaterover.nl" and link.href == ""
        campaign = _campaign("Chaterover.nl")
        assert campaign.needs_review and "Chaterover.nl" in campaign.review_note
        assert (
            _campaign("Onzichtbaar maar waar").links.get().url == "https://mensenhandeltwente.nl/onzichtbaarmaarwaar/"
        )

    def test_damaged_source_columns_are_flagged_for_editors(self, campaigns_loaded):
        campaign = _campaign("Kijk op mensenhandel")
        assert campaign.needs_review
        assert "[reconstructie]" in campaign.source_text


class SeedLinkingTestCase:
    def test_senders_stay_free_text_without_the_directory(self, no_organisations):
        Campaign.objects.all().delete()
        load_campaigns()
        assert Sender.objects.count() > 0
        assert not Sender.objects.filter(organisation__isnull=False).exists()

    def test_senders_link_to_directory_organisations_by_name_or_alias(self, no_organisations):
        from directory.models import Organisation

        def organisation(name: str, slug: str, aliases: str = "") -> Organisation:
            return Organisation.objects.create(
                name=name, slug=slug, aliases=aliases, kind="meldpunt", scale="national", source="test"
            )

        fier = organisation("Fier", "fier-test")
        comensha = organisation("Coördinatiecentrum tegen Mensenhandel (CoMensha)", "comensha-test", "CoMensha")
        organisation("RIEC Noord", "riec-noord-test", "RIEC")
        organisation("RIEC Zuid", "riec-zuid-test", "RIEC")
        Campaign.objects.all().delete()
        load_campaigns()
        senders = Sender.objects.select_related("organisation")
        # "Fier!" in the source is Fier: punctuation and case are ignored.
        assert {s.organisation for s in senders.filter(name__in=["Fier", "Fier!"])} == {fier}
        assert {s.organisation for s in senders.filter(name="CoMensha")} == {comensha}
        # Unknown names stay free text.
        assert senders.get(name="Bridge2Hope").organisation is None

    def test_an_ambiguous_alias_links_nothing(self, no_organisations):
        from campaigns.seed import OrganisationIndex
        from directory.models import Organisation

        for slug in ("test-a", "test-b"):
            Organisation.objects.create(
                name=f"RIEC {slug}", slug=slug, aliases="RIEC", kind="meldpunt", scale="regional", source="t"
            )
        assert OrganisationIndex().find("RIEC") is None
        assert OrganisationIndex().find("riec TEST-a!").slug == "test-a"

    def test_regions_link_to_provinces_safety_regions_and_municipalities(self, regions, campaigns_loaded):
        animatie = _campaign("Animatie: Wat kunt u doen bij vermoedens van arbeidsuitbuiting?")
        assert sorted(m.name for m in animatie.municipalities.all()) == ["Hillegom", "Lisse", "Teylingen"]
        assert [r.name for r in _campaign("Onzichtbaar maar waar").safety_regions.all()] == ["Twente"]
        assert [m.name for m in _campaign("Kijk op mensenhandel").municipalities.all()] == ["'s-Gravenhage"]
        limburg = _campaign("Horen, zien, melden")
        assert [p.name for p in limburg.provinces.all()] == ["Limburg"]
        assert limburg.needs_review and "Limburg" in limburg.review_note
        assert [p.name for p in _campaign("Meld- en adviespunt Mensenhandel Flevoland").provinces.all()] == [
            "Flevoland"
        ]

    def test_an_unknown_region_is_kept_as_text_for_editors(self, db):
        from campaigns.seed import RegionIndex

        region = RegionIndex().resolve("Qqqxxzz en Tilburg")
        assert region.unresolved == ["Qqqxxzz"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2021", (2021, None)), ("2022-05", (2022, 5)), (None, (None, None)), ("mei 2022", (None, None))],
)
def test_parse_period_reads_years_and_months(raw, expected):
    assert parse_period(raw) == expected
