"""axe-core on every page type, in Dutch and Arabic, at desktop and 320 px: no WCAG A/AA violation.

Also: no horizontal scrolling at 320 px (which is what 400 % zoom of a 1280 px screen gives).
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
PAGES = [
    "/{lang}/",
    "/{lang}/organisaties/",
    "/{lang}/organisaties/?q=zzzxxyq",
    "/{lang}/organisaties/veilig-thuis/",
    "/{lang}/organisaties/gemeente-westland/",
    "/{lang}/verwijswijzer/",
    "/{lang}/meldroute/",
    "/{lang}/meldroute/westland/",
    "/{lang}/informatie/",
    "/{lang}/informatie/wat-is-mensenhandel/",
    "/{lang}/informatie/privacy/",
    "/{lang}/campagnes/",
    "/{lang}/bestaat-niet/",
]


def violations(page) -> list[str]:
    results = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


def wizard_pages(page, base: str):
    """Yield after arriving on each kind of wizard page."""
    page.goto(f"{base}/verwijswijzer/")
    page.locator("main form button[type=submit]").first.click()
    yield "question"
    page.locator("form[novalidate] button[type=submit]").click()
    yield "question with error"
    for value in ["no", "professional", "hulp", "work", "no"]:
        page.locator(f'input[name="answer"][value="{value}"]').check()
        page.locator("form[novalidate] button[type=submit]").click()
    yield "place question"
    page.locator("#place-municipality").check()
    page.locator("#place-name").fill("Westland")
    page.locator("form[novalidate] button[type=submit]").click()
    page.locator('input[name="answer"][value="care"]').check()
    page.locator("form[novalidate] button[type=submit]").click()
    yield "check answers"
    page.locator('button[value="result"]').click()
    yield "result"


@pytest.mark.parametrize("lang", ["nl", "ar"])
@pytest.mark.parametrize("width", [1280, 320])
def test_every_page_type_has_no_accessibility_violations(browser, seeded, live_server, lang, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    problems: dict[str, list[str]] = {}
    try:
        for path in PAGES:
            url = live_server.url + path.format(lang=lang)
            page.goto(url)
            found = violations(page)
            if found:
                problems[url] = found
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                problems.setdefault(url, []).append(f"horizontal scrolling of {overflow}px at {width}px wide")
        for step in wizard_pages(page, f"{live_server.url}/{lang}"):
            found = violations(page)
            if found:
                problems[f"wizard: {step}"] = found
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                problems.setdefault(f"wizard: {step}", []).append(f"horizontal scrolling of {overflow}px")
    finally:
        context.close()
    assert problems == {}


def test_focus_is_clearly_visible(browser, seeded, live_server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server.url}/nl/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [document.activeElement.className, s.outlineStyle, s.boxShadow,"
        " document.activeElement.getBoundingClientRect().top]; })()"
    )
    context.close()
    assert focused[0] == "skip-link"
    assert focused[3] >= 0, "the skip link comes into view when focused"
    assert focused[1] == "solid" or focused[2] != "none", "a visible focus indicator"


def test_the_checker_itself_catches_a_violation(browser, seeded, live_server):
    """Guards against a silently broken axe run (for instance blocked by the CSP)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server.url}/nl/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"data:,\">')")
    found = violations(page)
    context.close()
    assert any(item.startswith("image-alt") for item in found)
