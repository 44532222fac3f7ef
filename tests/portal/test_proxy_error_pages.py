"""Error pages for what reaches the app through nginx: an unknown Host (400), a too-large body (413)."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


class UnknownHostTestCase:
    def test_it_gets_the_400_page_with_the_emergency_number(self, settings):
        settings.ALLOWED_HOSTS = ["portal.test"]
        response = Client(HTTP_HOST="evil.example").get("/nl/")
        assert response.status_code == 400
        html = response.content.decode()
        assert "Er klopte iets niet in je verzoek" in html
        assert "112" in html
        assert "evil.example" not in html

    def test_each_refusal_is_logged_in_one_line_without_a_traceback(self, settings, caplog):
        settings.ALLOWED_HOSTS = ["portal.test"]
        with caplog.at_level(logging.WARNING, logger="django.security.DisallowedHost"):
            Client(HTTP_HOST="evil.example").get("/nl/")
        records = [record for record in caplog.records if record.name == "django.security.DisallowedHost"]
        assert len(records) == 1
        assert records[0].exc_info is None and records[0].exc_text is None


class TooLargeTestCase:
    def test_the_page_nginx_shows_for_a_too_large_body(self, client):
        response = client.get("/te-groot", HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 413
        html = response.content.decode()
        assert "What you sent is too large" in html and "112" in html
        assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
