"""The library in Debian's Chromium: works without JavaScript, and axe finds no WCAG 2.2 A/AA violation.

Each test drives its own Chromium in a separate thread, so it never clashes with a Playwright
instance other browser tests keep running in the main thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest

from tests.chromium import launch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def in_chromium(work: Callable[[Any], Any]) -> Any:
    """Run `work(browser)` with a fresh headless Chromium in its own thread; re-raise its failures."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as playwright:
                browser = launch(playwright)
                try:
                    outcome["value"] = work(browser)
                finally:
                    browser.close()
        except BaseException as error:  # noqa: BLE001 - handed to the test thread
            outcome["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(180)
    if thread.is_alive():
        pytest.fail("the browser did not finish in time")
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


@pytest.fixture
def library(transactional_db):
    """The seeded campaign library (the session's data, back after every committing test)."""


def _no_js_page(browser):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10000)
    return context, page


def _axe(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [f"{item['id']}: {item['help']}" for item in results.response["violations"]]


class LibraryInBrowserTestCase:
    def test_filter_open_a_campaign_and_come_back_without_javascript(self, library, live_server):
        def work(browser):
            context, page = _no_js_page(browser)
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
            context.close()

        in_chromium(work)

    def test_a_proposal_with_an_error_then_sent_without_javascript(self, library, live_server):
        from campaigns.models import Campaign

        def work(browser):
            context, page = _no_js_page(browser)
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
            cookies = context.cookies()
            context.close()
            return cookies

        assert in_chromium(work) == []
        assert not Campaign.objects.get(title_nl="Browsercampagne").published


PAGES = [
    "/nl/campagnes/",
    "/nl/campagnes/?vorm=sexual&pagina=abc",
    "/nl/campagnes/onzichtbaar-maar-waar/",
    "/nl/campagnes/boef-je/",
    "/nl/campagnes/dekking/",
    "/nl/campagnes/dekking/?provincie=PV23",
    "/nl/campagnes/voorstellen/",
    "/ar/campagnes/",
]


class LibraryAccessibilityTestCase:
    def test_axe_finds_no_violation(self, library, live_server):
        def work(browser):
            context = browser.new_context(bypass_csp=True)
            page = context.new_page()
            found = {}
            for path in PAGES:
                page.goto(live_server.url + path)
                found[path] = _axe(page)
            # The proposal form with errors.
            page.goto(f"{live_server.url}/nl/campagnes/voorstellen/")
            page.locator("button[type=submit]").last.click()
            page.wait_for_selector(".error-summary")
            found["form with errors"] = _axe(page)
            context.close()
            return found

        found = in_chromium(work)
        assert {path: violations for path, violations in found.items() if violations} == {}
        assert len(found) == len(PAGES) + 1
