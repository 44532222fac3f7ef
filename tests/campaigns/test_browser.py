"""The library in Debian's Chromium: works without JavaScript, and axe finds no WCAG 2.2 A/AA violation."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu", "--no-first-run"]
        )
        yield browser
        browser.close()


@pytest.fixture
def library(transactional_db):
    from campaigns.models import Campaign
    from campaigns.seed import load_campaigns

    Campaign.objects.all().delete()
    load_campaigns()


@pytest.fixture
def no_js_page(chromium, library):
    context = chromium.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10000)
    yield page
    context.close()


def _violations(chromium, url: str) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    context = chromium.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(url)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    context.close()
    return [f"{item['id']}: {item['help']}" for item in results.response["violations"]]


class LibraryInBrowserTestCase:
    def test_filter_open_a_campaign_and_come_back_without_javascript(self, no_js_page, live_server):
        page = no_js_page
        page.goto(f"{live_server.url}/nl/campagnes/")
        page.locator("#f-doelgroep-jongeren").check()
        page.locator("#f-vorm-criminal").check()
        page.locator(".facets button[type=submit]").click()
        page.wait_for_url("**doelgroep=jongeren**")
        assert "vorm=criminal" in page.url
        titles = page.locator("ol.result-list > li h3 a")
        assert sorted(titles.all_inner_texts()) == ["Chaterover.nl", "wiljegeldverdienen.nl"]
        titles.first.click()
        assert page.locator("h1").inner_text() in {"Chaterover.nl", "wiljegeldverdienen.nl"}

    def test_a_proposal_with_an_error_then_sent_without_javascript(self, no_js_page, live_server):
        from campaigns.models import Campaign

        page = no_js_page
        page.goto(f"{live_server.url}/nl/campagnes/voorstellen/")
        page.locator("#id_title").fill("Browsercampagne")
        page.locator("#id_goal").fill("Mensen bewust maken.")
        page.locator("#id_audiences_0").check()
        page.locator("button[type=submit]").last.click()
        assert page.locator(".error-summary").is_visible()
        assert page.locator("#id_title").input_value() == "Browsercampagne"
        assert page.locator("#id_audiences_0").is_checked()
        page.locator(".error-summary a").first.click()
        page.locator("#id_senders").fill("Stichting Browser")
        page.locator("#id_contact_name").fill("Kim")
        page.locator("#id_contact_email").fill("kim@example.org")
        page.locator("button[type=submit]").last.click()
        page.wait_for_url("**/voorstellen/ontvangen/")
        assert not page.context.cookies()
        draft = Campaign.objects.get(title_nl="Browsercampagne")
        assert not draft.published


class LibraryAccessibilityTestCase:
    @pytest.mark.parametrize(
        "path",
        [
            "/nl/campagnes/",
            "/nl/campagnes/?vorm=sexual&pagina=abc",
            "/nl/campagnes/onzichtbaar-maar-waar/",
            "/nl/campagnes/boef-je/",
            "/nl/campagnes/dekking/",
            "/nl/campagnes/dekking/?provincie=PV23",
            "/nl/campagnes/voorstellen/",
            "/ar/campagnes/",
        ],
    )
    def test_axe_finds_no_violation(self, chromium, library, live_server, path):
        assert _violations(chromium, live_server.url + path) == []

    def test_axe_finds_no_violation_on_a_form_with_errors(self, chromium, library, live_server):
        from axe_playwright_python.sync_playwright import Axe

        context = chromium.new_context(bypass_csp=True)
        page = context.new_page()
        page.goto(f"{live_server.url}/nl/campagnes/voorstellen/")
        page.locator("button[type=submit]").last.click()
        page.wait_for_selector(".error-summary")
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        context.close()
        assert [item["id"] for item in results.response["violations"]] == []
