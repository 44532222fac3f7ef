"""Reach in a real Chromium: the shelter route leads to a desk you can tap to contact."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class ShelterRouteTestCase:
    def test_the_amsterdam_shelter_route_has_a_tappable_contact_among_the_first_three(self, phone_page, live_server):
        page = phone_page
        page.goto(f"{live_server.url}/nl/verwijswijzer/")
        page.locator("main form button[type=submit]").first.click()
        for value in ["no", "self", "opvang", "sex", "no"]:
            page.locator(f'input[name="answer"][value="{value}"]').check()
            page.locator("form[novalidate] button[type=submit]").click()
        page.locator("#place-municipality").check()
        page.locator("#place-name").fill("Amsterdam")
        page.locator("form[novalidate] button[type=submit]").click()
        page.locator('button[value="result"]').click()
        # The wizard's steps are swapped in place by fetch (ADR 017): wait for the result to arrive.
        page.locator("ol.route-card > li").first.wait_for()
        first_three = page.locator("ol.route-card > li").all()[:3]
        assert len(first_three) == 3
        links = [
            link
            for item in first_three
            for link in item.locator('.contact-list a[href^="tel:"], .contact-list a[href^="https://"]').all()
        ]
        assert links, "no tappable number or link among the first three desks"
        assert any(link.get_attribute("href") == "tel:0334481186" for link in links)  # CoMensha's helpdesk
        box = links[0].bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24, "big enough to tap (WCAG 2.5.8)"
        # Web links open without telling the other site where the person came from.
        for link in links:
            if link.get_attribute("href").startswith("https://"):
                assert link.get_attribute("rel") == "noopener noreferrer"
        # The route card sums it up; printed, it is all that is left.
        assert "033 448 11 86" in page.locator(".route-summary").inner_text()
        page.emulate_media(media="print")
        assert page.locator(".route-summary").is_visible()
        assert not page.locator("ol.route-card").is_visible()
