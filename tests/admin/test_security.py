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


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def login_with_code(client: Client, code: str, password: str = PASSWORD):
    return client.post(
        "/beheer/login/?next=/beheer/",
        {"username": "hoofdredacteur", "password": password, "otp_token": code},
        HTTP_ACCEPT_LANGUAGE="en",
    )


class TwoFactorLoginPageTestCase:
    """The page an editor sees: one form with username, password and the code (issue 13 §1)."""

    @pytest.fixture
    def device(self, settings, hoofdredacteur) -> TOTPDevice:
        settings.ADMIN_REQUIRE_2FA = True
        return TOTPDevice.objects.create(user=hoofdredacteur, name="app", confirmed=True)

    def test_the_login_page_asks_for_the_code(self, device):
        html = Client().get("/beheer/login/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
        assert 'name="otp_token"' in html
        assert 'autocomplete="one-time-code"' in html
        assert '<label for="id_otp_token">Code uit je authenticator-app:</label>' in html

    def test_username_password_and_code_in_one_go_let_the_editor_in(self, device):
        client = Client()
        response = login_with_code(client, current_code(device))
        assert response.status_code == 302 and response["Location"] == "/beheer/"
        assert client.get("/beheer/").status_code == 200

    def test_a_wrong_code_gets_the_same_answer_as_a_wrong_password(self, device):
        wrong_code = login_with_code(Client(), "000000" if current_code(device) != "000000" else "111111")
        wrong_password = login_with_code(Client(), current_code(device), password="not-the-password")
        assert wrong_code.status_code == wrong_password.status_code == 200
        message = "The username, password or code is not right."
        assert message in wrong_code.content.decode() and message in wrong_password.content.decode()
        assert "OTP" not in wrong_code.content.decode()

    def test_a_wrong_code_counts_as_a_failed_login_and_is_not_stored(self, device):
        login_with_code(Client(), "123456" if current_code(device) != "123456" else "654321")
        attempt = AccessAttempt.objects.get(username="hoofdredacteur")
        assert attempt.failures_since_start == 1
        assert "123456" not in attempt.post_data and "654321" not in attempt.post_data

    def test_five_wrong_codes_lock_the_account_even_for_the_right_code(self, settings, device):
        client = Client()
        wrong = "000000" if current_code(device) != "000000" else "111111"
        statuses = [login_with_code(client, wrong).status_code for _attempt in range(settings.AXES_FAILURE_LIMIT)]
        assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
        device.throttle_reset()
        locked = login_with_code(client, current_code(device))
        assert locked.status_code == 429
        assert client.get("/beheer/").status_code == 302

    def test_a_recovery_code_also_works(self, settings, hoofdredacteur):
        from django_otp.plugins.otp_static.models import StaticDevice

        settings.ADMIN_REQUIRE_2FA = True
        recovery = StaticDevice.objects.create(user=hoofdredacteur, name="backup", confirmed=True)
        recovery.token_set.create(token="kq7b2mzx")
        client = Client()
        assert login_with_code(client, "kq7b2mzx").status_code == 302
        assert not recovery.token_set.exists()  # each recovery code works once


class AdminReferrerPolicyTestCase:
    def test_admin_pages_let_the_browser_name_their_own_origin(self, client):
        # With no-referrer, Chromium posts the login form with `Origin: null` and CSRF refuses it.
        assert client.get("/beheer/login/")["Referrer-Policy"] == "same-origin"
        assert client.get("/nl/")["Referrer-Policy"] == "no-referrer"


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
