"""Admin security: two-factor login, throttling and lockout, and a record of logins."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt, AccessLog
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-editor-passphrase"


class TwoFactorTestCase:
    def test_without_a_one_time_code_a_password_is_not_enough(self, settings, hoofdredacteur):
        settings.ADMIN_REQUIRE_2FA = True
        client = Client()
        response = client.post("/beheer/login/?next=/beheer/", {"username": "hoofdredacteur", "password": PASSWORD})
        assert response.status_code == 200  # the form again, with an error
        assert client.get("/beheer/").status_code == 302

    def test_with_the_code_from_the_app_the_editor_gets_in(self, settings, hoofdredacteur):
        settings.ADMIN_REQUIRE_2FA = True
        device = TOTPDevice.objects.create(user=hoofdredacteur, name="app", confirmed=True)
        token = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
        client = Client()
        response = client.post(
            "/beheer/login/?next=/beheer/",
            {"username": "hoofdredacteur", "password": PASSWORD, "otp_device": device.persistent_id,
             "otp_token": f"{token:06d}"},
        )  # fmt: skip
        assert response.status_code == 302
        assert client.get("/beheer/").status_code == 200


class LockoutTestCase:
    def test_repeated_failures_lock_the_account_even_for_the_right_password(self, settings, hoofdredacteur):
        settings.ADMIN_REQUIRE_2FA = False
        client = Client()
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            client.post("/beheer/login/", {"username": "hoofdredacteur", "password": "wrong"})
        assert AccessAttempt.objects.filter(username="hoofdredacteur").exists()
        response = client.post("/beheer/login/", {"username": "hoofdredacteur", "password": PASSWORD})
        assert response.status_code == 429
        assert client.get("/beheer/").status_code == 302

    def test_logins_are_recorded(self, settings, hoofdredacteur):
        settings.ADMIN_REQUIRE_2FA = False
        Client().post("/beheer/login/", {"username": "hoofdredacteur", "password": PASSWORD})
        assert AccessLog.objects.filter(username="hoofdredacteur").exists()


class SessionTestCase:
    def test_admin_sessions_expire(self, settings):
        assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
        assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
