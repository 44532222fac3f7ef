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


class LockoutBehindTheProxyTestCase:
    """Behind nginx every request comes from 127.0.0.1; the lockout must still be per real client."""

    ATTACKER = "203.0.113.66"
    EDITOR = "198.51.100.7"

    def post_login(self, client, forwarded: str, password: str):
        return client.post(
            "/beheer/login/",
            {"username": "hoofdredacteur", "password": password},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    def test_an_attacker_elsewhere_cannot_lock_the_editor_out(self, settings, hoofdredacteur):
        settings.ADMIN_REQUIRE_2FA = False
        settings.TRUSTED_PROXY_COUNT = 1
        attacker = Client()
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            self.post_login(attacker, self.ATTACKER, "wrong")
        assert self.post_login(attacker, self.ATTACKER, PASSWORD).status_code == 429
        # Forging an address in front of the real one does not get the attacker a fresh count.
        assert self.post_login(attacker, f"192.0.2.1, {self.ATTACKER}", PASSWORD).status_code == 429
        editor = Client()
        assert self.post_login(editor, self.EDITOR, PASSWORD).status_code == 302
        assert editor.get("/beheer/").status_code == 200

    def test_the_records_show_the_client_and_not_the_proxy(self, settings, hoofdredacteur):
        settings.ADMIN_REQUIRE_2FA = False
        settings.TRUSTED_PROXY_COUNT = 1
        self.post_login(Client(), f"192.0.2.1, {self.ATTACKER}", "wrong")
        self.post_login(Client(), self.EDITOR, PASSWORD)
        assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [self.ATTACKER]
        assert list(AccessLog.objects.values_list("ip_address", flat=True)) == [self.EDITOR]
