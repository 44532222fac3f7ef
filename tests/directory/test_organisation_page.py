"""An organisation's page: ways to make contact first, area, what happens next, JSON-LD."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.test import Client

from directory.models import ContactChannel, Organisation

pytestmark = pytest.mark.django_db


def page(client: Client, slug: str) -> str:
    response = client.get(f"/nl/organisaties/{slug}/")
    assert response.status_code == 200
    return response.content.decode()


class ContactFirstTestCase:
    def test_contact_comes_before_the_description_with_tel_links_and_badges(self, client):
        html = page(client, "veilig-thuis-flevoland")
        assert 'href="tel:0882220500"' in html
        assert "24/7" in html
        main = html[html.index("<main") :]
        assert main.index("tel:0882220500") < main.index("<h2", main.index("tel:0882220500"))
        assert main.index("tel:0882220500") < main.index("Wat deze organisatie doet")

    def test_a_desk_without_verified_contact_points_to_the_national_desks(self, client):
        html = page(client, "gemeente-westland")
        assert "0800-7000" in html and "0900-8844" in html
        assert "Westland" in html

    def test_unverified_channels_are_never_shown(self, client):
        westland = Organisation.objects.get(slug="gemeente-westland")
        ContactChannel.objects.create(organisation=westland, kind="phone", value="0174-000000", source="")
        assert "0174-000000" not in page(client, "gemeente-westland")

    def test_a_shelter_walk_in_address_is_never_published(self, client):
        shelter = Organisation.objects.filter(is_shelter=True).first()
        ContactChannel.objects.create(
            organisation=shelter,
            kind="walk_in",
            value="Geheimstraat 1",
            status="confirmed",
            confirmed_at=dt.datetime(2026, 11, 1, 12, tzinfo=dt.UTC),
        )
        assert "Geheimstraat" not in page(client, shelter.slug)

    def test_it_shows_source_and_verification_state(self, client):
        html = page(client, "nationale-politie")
        assert "bijlage B.3.1" in html


class StructuredDataTestCase:
    def test_it_describes_the_organisation_in_json_ld(self, client):
        html = page(client, "meld-misdaad-anoniem-m")
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
        data = json.loads(block)
        assert data["@type"] == "Organization"
        assert data["name"] == "Meld Misdaad Anoniem (M.)"
        assert data["contactPoint"][0]["telephone"] == "0800-7000"

    def test_json_ld_cannot_be_broken_out_of(self, client):
        Organisation.objects.filter(slug="fier").update(role_nl="</script><script>alert(1)</script>")
        html = page(client, "fier")
        assert "<script>alert(1)</script>" not in html


class UnknownOrganisationTestCase:
    def test_an_unknown_or_unpublished_organisation_is_a_404(self, client):
        assert client.get("/nl/organisaties/bestaat-niet/").status_code == 404
        Organisation.objects.filter(slug="fier").update(published=False)
        assert client.get("/nl/organisaties/fier/").status_code == 404


class NoDeadEndPageTestCase:
    def test_every_page_without_a_route_offers_two_or_three_reachable_desks_that_fit(self, client):
        from directory.reach import reachable_alternatives

        without_route = [o for o in Organisation.objects.published().prefetch_related("channels")
                         if not o.published_channels()]  # fmt: skip
        assert len(without_route) > 50
        for organisation in without_route:
            alternatives = reachable_alternatives(organisation)
            assert 2 <= len(alternatives) <= 3, organisation.slug
            assert all(o.published_channels() for o in alternatives), organisation.slug
        westland = [o.slug for o in reachable_alternatives(Organisation.objects.get(slug="gemeente-westland"))]
        assert westland[0] == "zorg-en-veiligheidshuis-haaglanden"  # its own region first, not a generic list
        html = page(client, "gemeente-westland")
        assert 'href="/nl/organisaties/zorg-en-veiligheidshuis-haaglanden/"' in html


class VocabularyLinksTestCase:
    """The page's forms, audiences, roles and areas come from vocabularies remembered per content
    generation (directory/links.py): an edit shows on the very next request."""

    def test_a_renamed_vocabulary_and_a_new_link_show_on_the_next_request(self, client, settings):
        from directory.models import Audience, Municipality

        settings.PAGE_CACHE_SECONDS = 0  # as for every first visitor after a change
        html = page(client, "fairwork")
        assert "Arbeidsmigranten van morgen" not in html
        audience = Audience.objects.filter(organisation__slug="fairwork").first()
        Audience.objects.filter(pk=audience.pk).update(name_nl="Arbeidsmigranten van morgen")
        assert "Arbeidsmigranten van morgen" in page(client, "fairwork")
        Organisation.objects.filter(slug="fairwork").update(serves_nationally=False)
        assert "gemeente Westland" not in page(client, "fairwork")
        Organisation.objects.get(slug="fairwork").municipalities.add(Municipality.objects.get(slug="westland"))
        assert "gemeente Westland" in page(client, "fairwork")

    def test_each_relation_is_listed_in_its_vocabulary_s_order(self, client):
        from directory.models import Municipality

        organisation = Organisation.objects.get(slug="fairwork")
        organisation.serves_nationally = False
        organisation.save()
        for slug in ("zwolle", "westland", "aa-en-hunze"):  # linked in another order than their names'
            organisation.municipalities.add(Municipality.objects.get(slug=slug))
        html = page(client, "fairwork")
        places = re.findall(r"gemeente (Aa en Hunze|Westland|Zwolle)", html)
        assert places == ["Aa en Hunze", "Westland", "Zwolle"]


class ChannelRowsTestCase:
    """The page's channels come straight from the cursor (directory/page_data.py), their languages
    from a vocabulary remembered per content generation and language (portal/rows.py)."""

    def test_a_channel_s_languages_are_in_the_page_language_s_order_and_an_edit_shows_at_once(self, client, settings):
        from directory.models import Language

        settings.PAGE_CACHE_SECONDS = 0  # as for every first visitor after a change
        channel = ContactChannel.objects.get(organisation__slug="veilig-thuis", kind="phone")
        channel.languages.set(Language.objects.filter(code__in=["de", "en"]))
        assert "Talen: <span>Duits</span>, <span>Engels</span>" in page(client, "veilig-thuis")
        english = client.get("/en/organisaties/veilig-thuis/").content.decode()
        assert "Languages: <span>English</span>, <span>German</span>" in english
        Language.objects.filter(code="de").update(name_nl="Zweeds")  # now after Engels
        assert "Talen: <span>Engels</span>, <span>Zweeds</span>" in page(client, "veilig-thuis")
        ContactChannel.objects.filter(pk=channel.pk).update(value="0800 2001")
        assert ">0800 2001</a>" in page(client, "veilig-thuis")


def test_the_information_card_is_in_each_page_s_language_and_shows_an_edit_at_once(client, settings):
    """The card's HTML is remembered by what it shows (directory_tags._card): never another
    language's card, never an old answer."""
    from directory.models import InformationPractice

    settings.PAGE_CACHE_SECONDS = 0
    assert "Kun je anoniem blijven?" in page(client, "slachtofferhulp-nederland")  # a kind without a note
    english = client.get("/en/organisaties/slachtofferhulp-nederland/").content.decode()
    assert "Can you stay anonymous?" in english and "Kun je anoniem blijven?" not in english
    InformationPractice.objects.filter(code="veilig_thuis").update(note_nl="Bel gerust, ook 's nachts.")
    html = page(client, "veilig-thuis")
    assert "Bel gerust, ook &#x27;s nachts." in html and "Via de chat kun je anoniem advies vragen." not in html
