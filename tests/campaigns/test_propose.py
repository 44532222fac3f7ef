"""The public proposal form: a draft for editors, spam and flood protection, uploads that keep the rest."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from campaigns import uploads
from campaigns.models import Campaign, Material, ProposalAttempt

from .conftest import PDF_BYTES, proposals

pytestmark = pytest.mark.django_db

URL = "/en/campagnes/voorstellen/"
RECEIVED = "/en/campagnes/voorstellen/ontvangen/"


def proposal(**changes) -> dict:
    data = {
        "title": "Kijk verder dan je neus",
        "senders": "Fier, Stichting Voorbeeld",
        "goal": "Jongeren leren signalen van criminele uitbuiting te herkennen.",
        "audiences": ["jongeren", "ouders"],
        "forms_of_exploitation": ["criminal", "general"],
        "formats": ["video"],
        "scope": "regional",
        "region": "Twente",
        "start_year": "2025",
        "end_year": "",
        "status": "ongoing",
        "call_to_action": "Praat erover met iemand die je vertrouwt.",
        "campaign_url": "https://example.org/campagne",
        "reuse_terms": "Vrij te gebruiken met bronvermelding.",
        "contact_name": "Sam de Vries",
        "contact_organisation": "Stichting Voorbeeld",
        "contact_email": "sam@example.org",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


class ProposalFormTestCase:
    def test_the_form_is_accessible_and_sets_no_cookie(self, client, vocabularies):
        response = client.get(URL)
        assert response.status_code == 200
        assert not response.cookies
        html = response.content.decode()
        assert 'enctype="multipart/form-data"' in html
        assert "csrfmiddlewaretoken" not in html
        assert "<legend>Audience" in html and 'type="checkbox" name="audiences"' in html
        assert '<label for="id_title">' in html
        assert 'aria-describedby="id_senders_helptext"' in html
        assert 'class="honeypot" aria-hidden="true"' in html

    def test_a_proposal_becomes_an_unpublished_draft(self, client, vocabularies, media_root):
        upload = SimpleUploadedFile("Poster Twente.pdf", PDF_BYTES, content_type="application/pdf")
        response = client.post(URL, proposal(material=upload))
        assert response.status_code == 303
        assert response["Location"] == RECEIVED
        assert not response.cookies
        campaign = Campaign.objects.get(title_nl="Kijk verder dan je neus")
        assert not campaign.published and campaign.needs_review
        assert campaign.proposer_email == "sam@example.org" and campaign.proposed_at
        assert {a.code for a in campaign.audiences.all()} == {"jongeren", "ouders"}
        assert {f.code for f in campaign.forms.all()} == {"criminal"} and campaign.all_forms
        assert campaign.scope == "regional" and campaign.region_text == "Twente"
        assert campaign.start_year == 2025 and campaign.status == "ongoing"
        assert [s.name for s in campaign.senders.all()] == ["Fier", "Stichting Voorbeeld"]
        assert campaign.links.get().url == "https://example.org/campagne"
        material = campaign.materials.get()
        assert material.content_type == "application/pdf" and material.original_name == "poster-twente.pdf"
        assert material.file.name.startswith("campaigns/")
        assert client.get(RECEIVED).status_code == 200

    def test_a_draft_is_not_public_until_an_editor_publishes_it(self, client, admin_client, vocabularies, media_root):
        client.post(URL, proposal())
        campaign = Campaign.objects.get(title_nl="Kijk verder dan je neus")
        assert client.get(campaign.get_absolute_url()).status_code == 404
        assert client.get("/nl/campagnes/?q=neus").context["paginator"].count == 0

        changelist = admin_client.get("/beheer/campaigns/campaign/?published__exact=0")
        assert "Kijk verder dan je neus" in changelist.content.decode()
        response = admin_client.post(
            "/beheer/campaigns/campaign/", {"action": "publish", "_selected_action": [campaign.pk]}
        )
        assert response.status_code == 302

        assert client.get(campaign.get_absolute_url()).status_code == 200
        assert client.get("/nl/campagnes/?q=neus").context["paginator"].count == 1

    def test_missing_answers_show_an_error_summary_linking_to_the_fields(self, client, vocabularies):
        response = client.post(URL, proposal(title="", contact_email="not-an-address", scope=None, region=""))
        assert response.status_code == 400
        html = response.content.decode()
        assert 'class="error-summary"' in html
        assert 'href="#id_title">Enter the name of the campaign.</a>' in html
        assert 'href="#id_contact_email">Enter an e-mail address such as name@example.nl.</a>' in html
        assert 'href="#id_scope_0">' in html
        assert 'aria-describedby="id_title_error"' in html and 'id="id_title_error"' in html
        assert 'aria-invalid="true"' in html
        assert "<title>Error:" in html
        # What was typed is kept.
        assert 'value="Fier, Stichting Voorbeeld"' in html
        assert not proposals().exists()

    def test_a_regional_campaign_needs_its_region(self, client, vocabularies):
        response = client.post(URL, proposal(region=""))
        assert response.status_code == 400
        assert 'href="#id_region">' in response.content.decode()

    def test_cross_site_posts_are_refused(self, client, vocabularies):
        response = client.post(URL, proposal(), HTTP_ORIGIN="https://evil.example", HTTP_SEC_FETCH_SITE="cross-site")
        assert response.status_code == 403
        assert not proposals().exists()


class ProposalUploadTestCase:
    def test_a_file_of_the_wrong_type_is_refused_and_the_rest_is_kept(self, client, vocabularies, media_root):
        upload = SimpleUploadedFile("poster.pdf", b"<html><script>alert(1)</script>", content_type="application/pdf")
        response = client.post(URL, proposal(material=upload))
        assert response.status_code == 400
        html = response.content.decode()
        assert "This file type is not accepted" in html
        assert 'href="#id_material">' in html
        for kept in ['value="Kijk verder dan je neus"', "Jongeren leren signalen", 'value="sam@example.org"',
                     'value="Twente"']:  # fmt: skip
            assert kept in html, kept
        assert re.search(r'value="jongeren"[^>]* checked', html)
        assert re.search(r'value="regional"[^>]* checked', html)
        assert "choose it again" in html
        assert not proposals().exists() and not Material.objects.exists()

    def test_an_oversize_file_gets_413_and_the_rest_is_kept(self, client, vocabularies, media_root):
        big = SimpleUploadedFile("film.pdf", PDF_BYTES + b"0" * uploads.PUBLIC_MAX_UPLOAD_BYTES)
        response = client.post(URL, proposal(material=big))
        assert response.status_code == 413
        html = response.content.decode()
        assert "The file is larger than 10 MB" in html
        assert 'value="Kijk verder dan je neus"' in html and 'value="sam@example.org"' in html
        assert not proposals().exists()
        assert not list(media_root.rglob("*"))

    def test_oversize_wins_over_other_errors_but_reports_them_too(self, client, vocabularies, monkeypatch):
        monkeypatch.setattr(uploads, "PUBLIC_MAX_UPLOAD_BYTES", 100)
        big = SimpleUploadedFile("film.pdf", PDF_BYTES + b"0" * 200)
        response = client.post(URL, proposal(material=big, title=""))
        assert response.status_code == 413
        html = response.content.decode()
        assert 'href="#id_title">' in html and 'href="#id_material">' in html


class ProposalSpamTestCase:
    def test_the_honeypot_pretends_success_and_stores_nothing(self, client, vocabularies):
        response = client.post(URL, proposal(website="http://spam.example"))
        assert response.status_code == 303 and response["Location"] == RECEIVED
        assert not proposals().exists()

    def test_more_than_five_proposals_an_hour_get_429_and_keep_the_fields(self, client, vocabularies):
        for number in range(5):
            assert client.post(URL, proposal(title=f"Campagne {number}")).status_code == 303
        response = client.post(URL, proposal(title="Nummer zes"))
        assert response.status_code == 429
        assert response["Retry-After"] == "3600"
        html = response.content.decode()
        assert "You have sent several proposals in a short time" in html
        assert 'value="Nummer zes"' in html
        assert proposals().count() == 5
        # Another client is not affected.
        assert client.post(URL, proposal(title="Ander adres"), REMOTE_ADDR="192.0.2.7").status_code == 303

    def test_only_a_salted_hash_of_the_address_is_stored(self, client, vocabularies):
        client.post(URL, proposal(), REMOTE_ADDR="203.0.113.9")
        attempt = ProposalAttempt.objects.get()
        assert "203.0.113.9" not in attempt.client and len(attempt.client) == 64
        import hashlib

        assert attempt.client != hashlib.sha256(b"203.0.113.9").hexdigest()

    def test_old_attempts_are_forgotten(self, client, vocabularies):
        import datetime as dt

        from django.utils import timezone

        for _number in range(5):
            client.post(URL, proposal())
        ProposalAttempt.objects.update(created_at=timezone.now() - dt.timedelta(hours=2))
        assert client.post(URL, proposal(title="Later")).status_code == 303
        ProposalAttempt.objects.update(created_at=timezone.now() - dt.timedelta(days=2))
        client.post(URL, proposal(title="Nog later"))
        assert ProposalAttempt.objects.count() == 1


class ProposalBadInputTestCase:
    @pytest.mark.parametrize(
        "changes",
        [
            {"start_year": "abc"},
            {"start_year": "99999999999999999999"},
            {"start_year": "2024", "end_year": "2020"},
            {"audiences": ["nonsense"]},
            {"forms_of_exploitation": ["<script>"]},
            {"scope": "mars"},
            {"status": ""},
            {"campaign_url": "javascript:alert(1)"},
            {"title": "x" * 5000},
            {"goal": "\x00 nul"},
            {"senders": "<b>bold</b>"},
        ],
    )
    def test_it_never_fails(self, client, vocabularies, changes):
        response = client.post(URL, proposal(**changes))
        assert response.status_code in {303, 400}
        if response.status_code == 400:
            body = response.content.decode().split("</head>")[1]
            assert "<script>" not in body  # what was typed comes back escaped; the site's own JS has src=

    def test_html_in_answers_is_escaped_when_shown_again(self, client, vocabularies):
        response = client.post(URL, proposal(title="", senders='"><script>alert(1)</script>'))
        html = response.content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html

    def test_a_malformed_body_is_a_400_not_a_500(self, client, vocabularies):
        response = client.generic(
            "POST", URL, b"--broken\r\nContent-Disposition: form-data", content_type="multipart/form-data; boundary=x"
        )
        assert response.status_code in {400, 413}


class ProposalBehindProxiesTestCase:
    def test_behind_a_trusted_proxy_the_forwarded_address_counts(self, client, vocabularies, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        for number in range(5):
            client.post(URL, proposal(title=f"C{number}"), HTTP_X_FORWARDED_FOR="198.51.100.1", REMOTE_ADDR="10.0.0.1")
        blocked = client.post(URL, proposal(), HTTP_X_FORWARDED_FOR="198.51.100.1", REMOTE_ADDR="10.0.0.1")
        assert blocked.status_code == 429
        # A spoofed left-most entry does not help; another real client behind the same proxy is fine.
        spoofed = client.post(URL, proposal(), HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.1", REMOTE_ADDR="10.0.0.1")
        assert spoofed.status_code == 429
        other = client.post(URL, proposal(), HTTP_X_FORWARDED_FOR="198.51.100.2", REMOTE_ADDR="10.0.0.1")
        assert other.status_code == 303

    def test_rotating_forwarded_addresses_do_not_help_a_client_that_reaches_the_app_directly(
        self, client, vocabularies, settings
    ):
        settings.TRUSTED_PROXY_COUNT = 1
        direct = {"REMOTE_ADDR": "203.0.113.50"}  # not a proxy of ours: its X-Forwarded-For is its own invention
        for number in range(5):
            forged = f"198.51.100.{number + 10}"
            response = client.post(URL, proposal(title=f"D{number}"), HTTP_X_FORWARDED_FOR=forged, **direct)
            assert response.status_code == 303
        blocked = client.post(URL, proposal(title="D5"), HTTP_X_FORWARDED_FOR="198.51.100.99", **direct)
        assert blocked.status_code == 429
        assert proposals().count() == 5
