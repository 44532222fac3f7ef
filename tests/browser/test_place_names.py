"""The place fields offer every Dutch place name as you type, fetched from our own origin only
when a place field is used, and work without JavaScript (issue 11 §4)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BEFORE_PLACE = ["no", "self", "opvang", "sex", "no"]
OFFERED = "() => Array.from(document.getElementById('municipality-names').options, option => option.value)"


def to_place_question(page, url: str) -> None:
    page.goto(f"{url}/nl/verwijswijzer/")
    page.locator("main form button[type=submit]").first.click()
    for value in BEFORE_PLACE:
        page.locator(f'input[name="answer"][value="{value}"]').check()
        page.locator("form[novalidate] button[type=submit]").click()
    page.locator("#place-municipality").check()


def wait_for_offer(page, name: str) -> None:
    page.wait_for_function(
        "name => Array.from(document.getElementById('municipality-names').options).some(o => o.value === name)",
        arg=name,
    )


# One test (one seed load for the live server): the browser tests must stay lean.
def test_place_fields_offer_every_place_as_you_type_and_work_without_javascript(browser, page, live_server):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    to_place_question(page, live_server.url)
    assert "Naaldwijk" not in page.evaluate(OFFERED)  # the page itself holds the municipalities only
    page.locator("#place-name").press_sequentially("Naaldw")
    wait_for_offer(page, "Naaldwijk")
    page.locator("#place-name").fill("")
    page.locator("#place-name").press_sequentially("apel")
    wait_for_offer(page, "Ter Apel")
    assert len(page.evaluate(OFFERED)) <= 40
    # The meldroute finder too, and names in Cyrillic script.
    page.goto(f"{live_server.url}/nl/meldroute/")
    page.locator("#gemeente").press_sequentially("Амсте")
    wait_for_offer(page, "Амстердам")
    fetched = [url for url in requests if "plaatsnamen" in url]
    assert fetched and set(fetched) == {f"{live_server.url}/plaatsnamen.json"}  # whole, without what was typed
    assert not [url for url in requests if "aldw" in url or "apel" in url.lower() or "%D0%90" in url]
    assert all(url.startswith(live_server.url) for url in requests)

    context = browser.new_context(java_script_enabled=False)
    no_script = context.new_page()
    try:
        to_place_question(no_script, live_server.url)
        no_script.locator("#place-name").fill("Ter Apel")
        no_script.locator("form[novalidate] button[type=submit]").click()
        assert no_script.locator("h1").inner_text().startswith("Controleer")
        assert "Westerwolde" in no_script.locator("main").inner_text()
    finally:
        context.close()
