"""Victim safety in a real Chromium: after quick exit nothing of the site is left in Back, Shift
pressed while typing never throws the person out, and a language switch mid-wizard keeps the
answers. Without JavaScript the pages still do what they can (docs/arch/016)."""

from __future__ import annotations

import pytest

from tests.browser.pages import next_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARABIC = "العربية"


def answer(page, value: str) -> None:
    """Tick an answer and continue; wait until the next step has replaced this one."""
    page.locator(f'input[name="answer"][value="{value}"]').check()
    next_page(page, page.locator("form[novalidate] button[type=submit]").click)


def visit_then_quick_exit(page, base: str, lang: str, neutral_site: str, how: str) -> None:
    """Home, search, an organisation, the wizard and three answers; then the quick exit and Back."""
    before = neutral_site.replace("/weer", "/voor-het-bezoek")
    page.goto(before)
    page.goto(f"{base}/{lang}/")
    entries = page.evaluate("history.length")
    page.locator("#home-q").fill("Westland")
    page.locator("#home-q").press("Enter")
    page.wait_for_url("**/organisaties/?q=Westland")
    page.locator("ol.result-list > li h3 a").first.click()
    page.wait_for_url(f"**/{lang}/organisaties/*/")
    page.locator(".site-nav a[href$='/verwijswijzer/']").click()
    page.wait_for_url(f"**/{lang}/verwijswijzer/")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_selector('input[name="answer"][value="no"]')
    answer(page, "no")
    answer(page, "other")
    answer(page, "melden")
    assert page.locator('input[name="step"]').input_value() == "anonymous"
    # Six pages of the site seen, and still one entry in the history for the whole visit.
    assert page.evaluate("history.length") == entries
    if how == "button":
        page.locator("[data-quick-exit]").click()
    else:
        page.locator("main h1").click()
        for _ in range(3):
            page.keyboard.press("Shift")
    page.wait_for_url(neutral_site)
    page.go_back()
    page.wait_for_load_state()
    assert page.url == before, f"Back after the quick exit ({how}) shows the page before the visit"
    assert page.locator("h1").inner_text() == "Het weer vandaag"
    page.go_forward()
    page.wait_for_load_state()
    assert page.url == neutral_site, "Forward shows the neutral site, not the last step"
    page.go_back()
    page.go_back()
    assert not page.url.startswith(base), "no page of the site anywhere in the history"
    page.goto("about:blank")


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_after_quick_exit_back_shows_no_page_of_the_site(browser, seeded_live, live_server, neutral_site, lang):
    for how in ("button", "shift"):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(10000)
        try:
            visit_then_quick_exit(page, live_server.url, lang, neutral_site, how)
        finally:
            context.close()


def test_shift_while_typing_in_a_text_field_does_not_leave(page, live_server, neutral_site):
    page.goto(f"{live_server.url}/nl/organisaties/")
    field = page.locator("#q")
    field.click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.keyboard.type("Ter Apel")
    page.wait_for_timeout(300)
    assert page.url.startswith(live_server.url)
    assert field.input_value() == "Ter Apel"
    # Outside the field the same three presses do leave.
    page.locator("main h1").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(neutral_site)


def test_switching_language_mid_wizard_keeps_the_answers(page, live_server):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/nl/verwijswijzer/")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_selector('input[name="answer"][value="no"]')
    answer(page, "no")
    answer(page, "other")
    page.locator(".language-switcher").get_by_role("button", name=ARABIC).click()
    page.wait_for_function("() => document.documentElement.lang === 'ar'")
    assert page.url == f"{live_server.url}/ar/verwijswijzer/"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator('input[name="step"]').input_value() == "need", "the same question, now in Arabic"
    assert page.locator("main h1").inner_text() != "Wat wil je doen?"
    page.locator(".back-form button").click()
    page.wait_for_function("() => document.querySelector('input[name=step]').value === 'who'")
    assert page.locator('input[name="answer"][value="other"]').is_checked()
    assert all("?" not in url for url in requested if "/verwijswijzer/" in url)


def test_without_javascript_the_site_does_what_it_can(browser, seeded_live, live_server):
    """Back after a quick exit cannot be guaranteed without JavaScript; the pages say how to clear the
    history, ask the browser to keep and restore nothing, and hide the print button that cannot print."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    nojs = context.new_page()
    nojs.set_default_timeout(10000)
    try:
        nojs.goto(f"{live_server.url}/nl/verwijswijzer/")
        sentence = nojs.locator("main li", has_text="geschiedenis")
        assert sentence.count() == 1
        sentence.get_by_role("link").click()
        nojs.wait_for_url("**/nl/informatie/veilig-internetten/")
        assert nojs.locator("h1").inner_text() == "Veilig internetten"
        assert "Privé browsen" in nojs.locator("main").inner_text()

        nojs.goto(f"{live_server.url}/nl/verwijswijzer/")
        with nojs.expect_response(lambda r: r.request.method == "POST") as first:
            nojs.locator("main form button[type=submit]").first.click()
        steps = [first.value]
        for value in ["no", "self"]:
            nojs.locator(f'input[name="answer"][value="{value}"]').check()
            with nojs.expect_response(lambda r: r.request.method == "POST") as response:
                nojs.locator("form[novalidate] button[type=submit]").click()
            steps.append(response.value)
        for response in steps:
            assert "no-store" in response.headers["cache-control"]
        forms = nojs.locator("form")
        assert forms.count() >= 3
        assert all(form.get_attribute("autocomplete") == "off" for form in forms.all())
        # The language choice on a wizard step posts the answers: it works without JavaScript too.
        nojs.locator(".language-switcher").get_by_role("button", name="English").click()
        nojs.wait_for_url(f"{live_server.url}/en/verwijswijzer/")
        assert nojs.locator('input[name="step"]').input_value() == "need"
        assert nojs.locator('input[name="a_who"]').first.input_value() == "self"

        for value in ["hulp", "work", "no"]:
            nojs.locator(f'input[name="answer"][value="{value}"]').check()
            nojs.locator("form[novalidate] button[type=submit]").click()
        nojs.locator("#place-unsaid").check()
        nojs.locator("form[novalidate] button[type=submit]").click()
        nojs.locator('button[value="result"]').click()
        nojs.wait_for_selector("ol.route-card")
        assert nojs.locator("[data-print]").count() == 1
        assert not nojs.locator("[data-print]").is_visible(), "no print button that does nothing"
    finally:
        context.close()
