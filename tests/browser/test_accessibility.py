"""axe-core on every page type, in every language, at 1280 and 320 px: no WCAG A/AA violation and
no best-practice finding. In the same sweep: every target at least 24 x 24 px (WCAG 2.5.8, only
links inside a sentence excepted) and no horizontal scrolling at 320 px (what 400 % zoom of a
1280 px screen gives). Each page is loaded once and checked at both widths, to keep the run short.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings

from tests.browser.pages import next_page
from tests.changelog_history import HISTORY_PAGES, make_public_history

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = [code for code, _name in settings.LANGUAGES]
WIDTHS = (1280, 320)
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
# One page of each type, in every language.
PAGE_TYPES = [
    "/{lang}/",
    "/{lang}/organisaties/",
    "/{lang}/organisaties/?q=zzzxxyq",
    "/{lang}/organisaties/veilig-thuis/",
    "/{lang}/verwijswijzer/",
    "/{lang}/meldroute/",
    "/{lang}/meldroute/westland/",
    "/{lang}/informatie/",
    "/{lang}/informatie/wat-is-mensenhandel/",
    "/{lang}/campagnes/",
    "/{lang}/campagnes/{campaign}/",
    "/{lang}/campagnes/dekking/",
    "/{lang}/campagnes/voorstellen/",
    "/{lang}/organisaties/open-data/",
    "/{lang}/bestaat-niet/",
    *HISTORY_PAGES,
]
# More pages of some types in Dutch (the default) and Arabic (right to left).
MORE_PAGES = [
    "/{lang}/organisaties/gemeente-westland/",
    "/{lang}/informatie/veilig-internetten/",
    "/{lang}/informatie/toegankelijkheid/",
    "/{lang}/informatie/rechten-van-slachtoffers/",
    "/{lang}/campagnes/dekking/?provincie=PV23",
    "/{lang}/meldroute/?gemeente=Aalst",
]

# Targets smaller than 24 x 24 CSS px. The only exception taken is WCAG's "inline" one: a link
# inside a sentence, whose size the line of text sets.
SMALL_TARGETS = """() => {
  const text = (el) => (el.textContent || el.value || '').replace(/\\s+/g, ' ').trim();
  const small = [];
  const targets = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  for (const el of document.querySelectorAll(targets)) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width === 0 && box.height === 0) continue;
    if (style.visibility === 'hidden' || el.closest('.visually-hidden, .skip-link, [aria-hidden=true]')) continue;
    if (style.display === 'inline') {
      const block = el.parentElement.closest('p, li, td, th, dd, dt, div, legend, label');
      if (block && text(block) !== text(el)) continue;
    }
    if (box.width < 24 || box.height < 24) {
      const size = `${Math.round(box.width)}x${Math.round(box.height)}`;
      small.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${text(el).slice(0, 30)}" ${size}`);
    }
  }
  return small;
}"""
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def violations(axe: Axe, page) -> list[str]:
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe.axe_script)  # once per page, not once per width
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})" for v in results["violations"]
    ]


def problems_at_each_width(axe: Axe, page) -> list[str]:
    found: list[str] = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        found += [f"{width}px {item}" for item in violations(axe, page)]
        found += [f"{width}px target under 24x24: {item}" for item in page.evaluate(SMALL_TARGETS)]
        overflow = page.evaluate(OVERFLOW)
        if overflow > 0:
            found.append(f"{width}px horizontal scrolling of {overflow}px")
    return found


def wizard_pages(page, base: str):
    """Yield after arriving on each kind of wizard page."""
    page.goto(f"{base}/verwijswijzer/")
    next_page(page, page.locator("main form button[type=submit]").first.click)
    page.wait_for_selector('input[name="step"][value="danger"]', state="attached")
    yield "question"
    next_page(page, page.locator("form[novalidate] button[type=submit]").click)
    page.wait_for_selector("[data-error-summary]")
    yield "question with error"
    for value in ["no", "professional", "hulp", "work", "no"]:
        page.locator(f'input[name="answer"][value="{value}"]').check()
        next_page(page, page.locator("form[novalidate] button[type=submit]").click)
    page.wait_for_selector("#place-name")
    yield "place question"
    page.locator("#place-municipality").check()
    page.locator("#place-name").fill("Qqqxxzz")
    next_page(page, page.locator("form[novalidate] button[type=submit]").click)
    page.wait_for_selector("#place-name[aria-invalid=true]")
    yield "place question with error"
    page.locator("#place-name").fill("Westland")
    next_page(page, page.locator("form[novalidate] button[type=submit]").click)
    page.locator('input[name="answer"][value="care"]').check()
    next_page(page, page.locator("form[novalidate] button[type=submit]").click)
    page.wait_for_selector('button[value="result"]')
    yield "check answers"
    next_page(page, page.locator('button[value="result"]').click)
    page.wait_for_selector("ol.route-card")
    yield "result"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_type_has_no_accessibility_finding(browser, seeded, live_server, lang):
    from campaigns.models import Campaign

    campaign = Campaign.objects.published().order_by("pk").first()
    make_public_history()
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10000)
    axe = Axe()
    problems: dict[str, list[str]] = {}
    checked = 0
    try:
        pages = PAGE_TYPES + (MORE_PAGES if lang in ("nl", "ar") else [])
        for path in pages:
            url = live_server.url + path.format(lang=lang, campaign=campaign.slug)
            page.set_viewport_size({"width": 1280, "height": 800})
            page.goto(url)
            checked += 1
            if found := problems_at_each_width(axe, page):
                problems[url] = found
        page.set_viewport_size({"width": 1280, "height": 800})
        for step in wizard_pages(page, f"{live_server.url}/{lang}"):
            checked += 1
            if found := problems_at_each_width(axe, page):
                problems[f"wizard: {step}"] = found
            page.set_viewport_size({"width": 1280, "height": 800})
    finally:
        context.close()
    report = "\n".join(f"{where}:\n  " + "\n  ".join(found) for where, found in problems.items())
    assert problems == {}, report
    assert checked == len(pages) + 6


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


def test_the_checkers_themselves_catch_a_problem(browser, seeded, live_server):
    """Guards against a silently broken run (for instance axe blocked by the CSP)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server.url}/nl/")
    page.evaluate(
        "() => { document.querySelector('main').insertAdjacentHTML('beforeend',"
        ' \'<img src="data:,"><h4>Kop</h4><button id="tiny">x</button>\');'
        " const tiny = document.getElementById('tiny'); tiny.style.padding = '0'; tiny.style.fontSize = '8px'; }"
    )
    found = problems_at_each_width(Axe(), page)
    context.close()
    assert any("image-alt" in item for item in found)
    assert any("heading-order" in item for item in found), "best-practice rules run too"
    assert any("target under 24x24: button#tiny" in item for item in found), found
