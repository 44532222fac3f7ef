"""Barriers a keyboard or screen-reader user meets, in a real Chromium (issue 14 §2)."""

from __future__ import annotations

import pytest

from tests.browser.pages import next_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What the focused element is, and whether the sticky quick-exit bar covers any part of it.
FOCUS_COVERED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const bar = document.querySelector('[data-quick-exit-bar]').getBoundingClientRect();
  const box = el.getBoundingClientRect();
  const name = `${el.tagName.toLowerCase()} "${(el.textContent || el.value || '').trim().slice(0, 40)}"`;
  if (el.closest('[data-quick-exit-bar]') || el.classList.contains('skip-link')) return [name, false];
  return [name, box.top < bar.bottom - 0.5 || box.bottom > innerHeight + 0.5];
}"""


def focus_stops(page, key: str, limit: int = 250) -> list[tuple[str, bool]]:
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        state = page.evaluate(FOCUS_COVERED)
        if state is None:
            break
        stops.append(tuple(state))
    return stops


# Pages where, without the scroll padding, Shift+Tab leaves focused elements under the bar (checked
# by removing it: 22 covered stops on the search page, 8 on the organisation page). An information
# page is no test of it: its few links never end up under the bar, with or without the padding.
@pytest.mark.parametrize("path", ["/nl/organisaties/", "/nl/organisaties/veilig-thuis/"])
def test_no_focused_element_is_hidden_under_the_quick_exit_bar(browser, seeded, live_server, path):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(live_server.url + path)
        forward = focus_stops(page, "Tab")
        backward = focus_stops(page, "Shift+Tab")
    finally:
        context.close()
    assert len(forward) > 20 and len(backward) > 20, "the walk reached the whole page"
    covered = [name for name, hidden in forward + backward if hidden]
    assert covered == []


def test_at_320px_the_focused_skip_link_leaves_the_quick_exit_button_free(browser, seeded, live_server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/nl/")
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.className") == "skip-link"
        skip = page.locator(".skip-link").bounding_box()
        button = page.locator("[data-quick-exit]").bounding_box()
    finally:
        context.close()
    overlap_x = min(skip["x"] + skip["width"], button["x"] + button["width"]) - max(skip["x"], button["x"])
    overlap_y = min(skip["y"] + skip["height"], button["y"] + button["height"]) - max(skip["y"], button["y"])
    assert overlap_x <= 0 or overlap_y <= 0, (skip, button)


def test_after_a_submit_without_an_answer_focus_goes_to_the_error_summary(browser, seeded, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10000)
    active = "() => document.activeElement.id || document.activeElement.getAttribute('data-error-summary')"
    try:
        page.goto(f"{live_server.url}/nl/verwijswijzer/")
        next_page(page, page.locator("main form button[type=submit]").first.click)
        page.wait_for_selector('input[name="step"][value="danger"]', state="attached")
        next_page(page, page.locator("form[novalidate] button[type=submit]").click)
        page.wait_for_selector("[data-error-summary]")
        assert page.evaluate("() => document.activeElement.hasAttribute('data-error-summary')")
        page.locator("[data-error-summary] a").click()
        assert page.evaluate(active) == "answer-yes"
        assert page.url.endswith("/nl/verwijswijzer/"), "the link moved focus without a #fragment entry"

        for value in ["no", "self", "hulp", "work", "no"]:
            page.locator(f'input[name="answer"][value="{value}"]').check()
            next_page(page, page.locator("form[novalidate] button[type=submit]").click)
        page.wait_for_selector("#place-name")
        page.locator("#place-municipality").check()
        page.locator("#place-name").fill("Qqqxxzz")
        next_page(page, page.locator("form[novalidate] button[type=submit]").click)
        page.wait_for_selector("#place-name[aria-invalid=true]")
        assert page.evaluate("() => document.activeElement.hasAttribute('data-error-summary')")
        link = page.locator("[data-error-summary] a")
        assert link.get_attribute("href") == "#place-name", "the summary points to the text field, not the radio"
        described = page.locator("#place-name").get_attribute("aria-describedby").split()
        assert "place-name-error" in described
        assert link.inner_text() in page.locator("#place-name-error").inner_text()
        link.click()
        assert page.evaluate(active) == "place-name"
    finally:
        context.close()
