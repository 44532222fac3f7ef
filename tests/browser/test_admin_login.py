"""An editor logs in to the admin in Chromium with a real one-time code (issue 13 §1)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-editor-passphrase"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}


@pytest.fixture
def device(settings, transactional_db) -> TOTPDevice:
    settings.ADMIN_REQUIRE_2FA = True
    editor = User.objects.create_superuser("hoofdredacteur", password=PASSWORD)
    return TOTPDevice.objects.create(user=editor, name="Telefoon", confirmed=True)


@pytest.fixture
def admin_page(browser, live_server, device):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10000)
    page.goto(f"{live_server.url}/beheer/")
    yield page
    context.close()


def code_now(device: TOTPDevice) -> str:
    device.refresh_from_db()
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def wrong_code(device: TOTPDevice) -> str:
    return "000000" if code_now(device) != "000000" else "111111"


def log_in(page, code: str) -> None:
    page.get_by_label("Gebruikersnaam").fill("hoofdredacteur")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_label("Code uit je authenticator-app").fill(code)
    page.get_by_role("button", name="Aanmelden").click()


class TwoFactorLoginTestCase:
    def test_a_wrong_code_is_refused_and_the_real_one_lets_the_editor_in(self, admin_page, device):
        page = admin_page
        assert "/beheer/login/" in page.url
        code_field = page.get_by_label("Code uit je authenticator-app")
        assert code_field.get_attribute("autocomplete") == "one-time-code"
        log_in(page, wrong_code(device))
        refused = page.get_by_role("alert").inner_text()
        assert refused.startswith("De gebruikersnaam, het wachtwoord of de code klopt niet")
        assert page.get_by_label("Wachtwoord").input_value() == ""  # never sent back in the page
        problems = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        assert [problem["id"] for problem in problems] == []
        page.wait_for_timeout(1100)  # django-otp slows down guessing: 1 s after one wrong code
        log_in(page, code_now(device))
        page.wait_for_url("**/beheer/")
        assert page.get_by_role("button", name="Afmelden").is_visible()

    def test_five_wrong_codes_lock_the_account(self, admin_page, device, settings):
        page = admin_page
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            log_in(page, wrong_code(device))
        assert page.get_by_role("heading", name="Te vaak verkeerd ingelogd").is_visible()
        page.goto(page.url.split("/beheer/")[0] + "/beheer/login/")
        device.throttle_reset()  # not django-otp's slowdown but the lockout must refuse the right code
        log_in(page, code_now(device))
        assert page.get_by_role("heading", name="Te vaak verkeerd ingelogd").is_visible()
        assert "/beheer/login/" in page.url
