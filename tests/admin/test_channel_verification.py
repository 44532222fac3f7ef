"""The editors' verification queue for contact channels: one action confirms, as a recorded event."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from directory.models import ContactChannel

pytestmark = pytest.mark.django_db

FIER_PHONE = "058 - 215 70 84"  # `review` in contacts.json: only on an old, undated page


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def fier_page(client: Client) -> str:
    return client.get("/nl/organisaties/fier/").content.decode()


class VerificationQueueTestCase:
    def test_the_queue_shows_excerpt_source_link_and_reason(self, hoofdredacteur):
        response = logged_in(hoofdredacteur).get("/beheer/directory/contactchannel/?controle=wachtrij")
        html = response.content.decode()
        queued = {c.value for c in response.context["cl"].result_list}
        assert FIER_PHONE in queued
        assert all(c.status == ContactChannel.Status.TO_CHECK for c in response.context["cl"].result_list)
        assert 'href="https://www.wegwijzermensenhandel.nl/Zorgcoordinatoren/Zorgcoordinatoren.aspx"' in html
        assert "Provincie Friesland" in html  # the excerpt
        assert "only found on an old, undated version" in html  # the reason

    def test_one_action_confirms_publishes_and_records_who_and_when(self, hoofdredacteur):
        channel = ContactChannel.objects.get(organisation__slug="fier", value=FIER_PHONE)
        client = logged_in(hoofdredacteur)
        assert FIER_PHONE not in fier_page(Client())
        client.post("/beheer/directory/contactchannel/", {"action": "confirm", "_selected_action": [channel.pk]})
        channel.refresh_from_db()
        assert channel.status == ContactChannel.Status.CONFIRMED
        assert channel.confirmed_by == hoofdredacteur
        assert channel.last_verified == timezone.localdate()
        assert Version.objects.get_for_object(channel).first().revision.user == hoofdredacteur
        assert LogEntry.objects.filter(object_id=str(channel.pk), user=hoofdredacteur).exists()
        html = fier_page(Client())
        assert FIER_PHONE in html
        assert f'Laatst gecontroleerd door de redactie: <time datetime="{timezone.localdate():%Y-%m-%d}">' in html

    def test_a_redacteur_cannot_confirm(self, redacteur):
        channel = ContactChannel.objects.get(organisation__slug="fier", value=FIER_PHONE)
        logged_in(redacteur).post(
            "/beheer/directory/contactchannel/", {"action": "confirm", "_selected_action": [channel.pk]}
        )
        channel.refresh_from_db()
        assert channel.status == ContactChannel.Status.TO_CHECK


class TwelveMonthsTestCase:
    def test_after_twelve_months_the_page_says_not_confirmed_since_and_the_to_do_list_has_it(self, hoofdredacteur):
        old = timezone.now() - dt.timedelta(days=400)
        channel = ContactChannel.objects.get(organisation__slug="fier", value=FIER_PHONE)
        ContactChannel.objects.filter(pk=channel.pk).update(status="confirmed", confirmed_at=old)
        fresh = ContactChannel.objects.get(organisation__slug="fairwork", kind="website")
        ContactChannel.objects.filter(pk=fresh.pk).update(status="confirmed", confirmed_at=timezone.now())
        assert f"Niet bevestigd sinds {timezone.localtime(old):%-d}" in fier_page(Client())
        response = logged_in(hoofdredacteur).get("/beheer/directory/contactchannel/?controle=verlopen")
        listed = {c.pk for c in response.context["cl"].result_list}
        assert channel.pk in listed and fresh.pk not in listed
        assert "controle=verlopen" in logged_in(hoofdredacteur).get("/beheer/").content.decode()
