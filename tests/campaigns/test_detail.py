"""The campaign page: every column, senders linked to the directory, material, call to action."""

from __future__ import annotations

import pytest
from django.utils.html import escape

from campaigns.models import Campaign, Material, Sender

pytestmark = pytest.mark.django_db


class CampaignPageTestCase:
    def test_every_b1_campaign_has_a_page_with_its_columns(self, client, campaigns_loaded, b1):
        for row in b1:
            campaign = Campaign.objects.get(title_nl=row["title"])
            response = client.get(f"/nl/campagnes/{campaign.slug}/")
            assert response.status_code == 200
            html = response.content.decode()
            assert f'<h1 translate="no">{escape(row["title"])}</h1>' in html
            assert escape(row["goal"]) in html
            for sender in row["senders"]:
                assert escape(sender) in html
            if row["call_to_action"]:
                assert escape(row["call_to_action"]) in html
            for result in row["results"]:
                assert escape(result["text"]) in html
            assert not response.cookies

    def test_it_shows_audiences_forms_formats_period_and_scope(self, client, campaigns_loaded):
        html = client.get("/en/campagnes/hotels-en-vakantieparken-tegen-seksuele-uitbuiting/").content.decode()
        for text in ["Professionals", "Sexual exploitation", "Event", "Training", "Flyer or brochure"]:
            assert text in html
        assert "December 2019 to December 2022" in html
        assert "The whole country" in html

    def test_period_wording(self, client, campaigns_loaded):
        assert (
            "Since May 2022, still running"
            in client.get(
                "/en/campagnes/animatie-over-het-voorkomen-van-stereotypen-van-binnenlandse-seksuele-uitbuiting/"
            ).content.decode()
        )
        assert "Still running; start date not known" in client.get("/en/campagnes/eerlijk-werk/").content.decode()
        assert ">2021<" in client.get("/en/campagnes/this-song-will-free-a-girl/").content.decode()

    def test_named_by_respondents_entries_say_so(self, client, campaigns_loaded):
        html = client.get("/en/campagnes/boef-je/").content.decode()
        assert "Only the name of this campaign is known" in html
        assert 'href="/en/campagnes/voorstellen/"' in html

    def test_a_sender_in_the_directory_links_to_its_page(self, client, campaigns_loaded):
        from directory.models import Organisation

        organisation = Organisation.objects.create(
            name="Test Free a girl", slug="test-free-a-girl", kind="meldpunt", scale="national", source="t"
        )
        Sender.objects.filter(name="Free a girl").update(organisation=organisation)
        html = client.get("/nl/campagnes/this-song-will-free-a-girl/").content.decode()
        assert 'href="/nl/organisaties/test-free-a-girl/">Free a girl</a>' in html
        Organisation.objects.filter(pk=organisation.pk).update(published=False)
        html = client.get("/nl/campagnes/this-song-will-free-a-girl/").content.decode()
        assert "/nl/organisaties/test-free-a-girl/" not in html

    def test_the_call_to_action_links_to_the_referral_guide_or_the_directory(self, client, campaigns_loaded):
        html = client.get("/nl/campagnes/jouw-twijfel-iemands-kans/").content.decode()
        assert "Doe bij vermoedens van mensenhandel een melding." in html
        assert 'href="/nl/verwijswijzer/"' in html
        Campaign.objects.filter(slug="jouw-twijfel-iemands-kans").update(action_link="directory")
        html = client.get("/nl/campagnes/jouw-twijfel-iemands-kans/").content.decode()
        assert 'class="button" href="/nl/organisaties/"' in html

    def test_a_link_without_an_address_is_text_not_a_link(self, client, campaigns_loaded):
        campaign = Campaign.objects.get(title_nl="Chaterover.nl")
        html = client.get(campaign.get_absolute_url()).content.decode()
        assert "<li>Chaterover.nl</li>" in html
        assert 'href="Chaterover.nl"' not in html

    def test_material_is_listed_with_type_language_size_and_terms(self, client, campaigns_loaded, media_root):
        from django.core.files.base import ContentFile

        from directory.models import Language

        english, _created = Language.objects.get_or_create(code="en", defaults={"name": "English"})
        campaign = Campaign.objects.get(slug="out-of-the-shadows")
        Material.objects.create(
            campaign=campaign,
            title_en="Poster A3",
            title_nl="Poster A3",
            kind="poster",
            file=ContentFile(b"%PDF-1.4 poster" + b"0" * 2000, name="poster-a3.pdf"),
            original_name="poster-a3.pdf",
            content_type="application/pdf",
            size_bytes=2015,
            language=english,
            reuse_terms_en="Free to reuse with attribution.",
        )
        Material.objects.create(campaign=campaign, title_en="Film", kind="video", url="https://example.org/film")
        html = client.get("/en/campagnes/out-of-the-shadows/").content.decode()
        assert "Poster A3" in html and "PDF" in html and "2.0\xa0KB" in html
        assert "Free to reuse with attribution." in html
        assert "/campagnes/materiaal/" in html
        assert 'href="https://example.org/film" rel="noopener noreferrer"' in html

    @pytest.mark.parametrize("slug", ["bestaat-niet", "out-of-the-shadows-2"])
    def test_an_unknown_campaign_is_404(self, client, campaigns_loaded, slug):
        assert client.get(f"/nl/campagnes/{slug}/").status_code == 404

    def test_an_unpublished_campaign_is_404(self, client, campaigns_loaded):
        Campaign.objects.filter(slug="out-of-the-shadows").update(published=False)
        assert client.get("/nl/campagnes/out-of-the-shadows/").status_code == 404

    def test_the_page_uses_a_bounded_number_of_queries(self, client, campaigns_loaded, django_assert_max_num_queries):
        with django_assert_max_num_queries(15):
            client.get("/nl/campagnes/onze-ogen-op-mensenhandel/")
