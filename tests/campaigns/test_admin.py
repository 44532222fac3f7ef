"""Editors: the admin lists, filters and edits campaigns, and checks uploaded material."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from campaigns.models import Campaign, Material

from .conftest import PDF_BYTES

pytestmark = pytest.mark.django_db

ADD = "/beheer/campaigns/campaign/add/"


def _inline_management(**totals: int) -> dict:
    data = {}
    for prefix in ("senders", "materials", "links", "results"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(totals.get(prefix, 0)),
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    return data


def campaign_data(**extra) -> dict:
    return {
        "title_nl": "Nieuwe campagne",
        "slug": "nieuwe-campagne",
        "scope": "national",
        "status": "ongoing",
        "action_link": "referral",
        "published": "on",
        **_inline_management(senders=1, materials=1),
        "senders-0-name": "Stichting Test",
        "senders-0-order": "0",
        "materials-0-title_nl": "Affiche",
        "materials-0-kind": "poster",
        "materials-0-order": "0",
        **extra,
    }


class CampaignAdminTestCase:
    @pytest.mark.parametrize(
        "url",
        [
            "/beheer/campaigns/campaign/",
            "/beheer/campaigns/campaign/?published__exact=0&needs_review__exact=1",
            "/beheer/campaigns/campaign/?material=yes",
            "/beheer/campaigns/campaign/?q=twente",
            ADD,
            "/beheer/campaigns/audience/",
            "/beheer/campaigns/format/",
        ],
    )
    def test_the_admin_pages_open(self, admin_client, campaigns_loaded, url):
        assert admin_client.get(url).status_code == 200

    def test_a_seeded_campaign_opens_for_editing_with_its_source_text(self, admin_client, campaigns_loaded):
        campaign = Campaign.objects.get(slug="onzichtbaar-maar-waar")
        html = admin_client.get(f"/beheer/campaigns/campaign/{campaign.pk}/change/").content.decode()
        assert "Kenniscentrum mensenhandel Twente, ontworpen door Catapult" in html
        assert 'name="title_en"' in html and 'name="materials-TOTAL_FORMS"' in html

    def test_an_editor_adds_a_campaign_with_a_checked_upload(self, admin_client, campaigns_loaded, media_root):
        upload = SimpleUploadedFile("Affiche A3.pdf", PDF_BYTES, content_type="application/pdf")
        response = admin_client.post(ADD, campaign_data(**{"materials-0-file": upload}))
        assert response.status_code == 302, response.context["errors"] if response.context else response
        campaign = Campaign.objects.get(slug="nieuwe-campagne")
        material = campaign.materials.get()
        assert material.content_type == "application/pdf" and material.original_name == "affiche-a3.pdf"
        assert "stichting test" in campaign.search_text  # reindexed after the inlines were saved

    def test_an_editor_upload_of_the_wrong_type_is_refused(self, admin_client, campaigns_loaded, media_root):
        upload = SimpleUploadedFile("affiche.pdf", b"<svg onload=alert(1)>", content_type="application/pdf")
        response = admin_client.post(ADD, campaign_data(**{"materials-0-file": upload}))
        assert response.status_code == 200
        from django.utils import translation

        with translation.override("nl"):
            message = translation.gettext("This file type is not accepted. Upload a %(types)s file.")
        assert message.split("%(types)s")[0] in response.content.decode()
        assert not Campaign.objects.filter(slug="nieuwe-campagne").exists()
        assert not Material.objects.exists()

    def test_publish_and_unpublish_actions(self, admin_client, campaigns_loaded):
        ids = list(Campaign.objects.values_list("pk", flat=True)[:3])
        admin_client.post("/beheer/campaigns/campaign/", {"action": "unpublish", "_selected_action": ids})
        assert Campaign.objects.filter(pk__in=ids, published=False).count() == 3
        admin_client.post("/beheer/campaigns/campaign/", {"action": "publish", "_selected_action": ids})
        assert Campaign.objects.filter(pk__in=ids, published=True).count() == 3
