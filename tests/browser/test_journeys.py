"""What people do on the site, in a real Chromium."""

from __future__ import annotations

import re

import pytest

from tests.browser.pages import next_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class QuickExitTestCase:
    def test_it_leaves_the_site_and_back_does_not_return(self, page, live_server, neutral_site):
        page.goto(f"{live_server.url}/nl/organisaties/")
        page.get_by_role("link", name="Snel weg").click()
        page.wait_for_url(neutral_site)
        assert page.locator("h1").inner_text() == "Het weer vandaag"
        page.go_back()
        assert not page.url.startswith(live_server.url)

    def test_three_presses_of_shift_also_leave(self, page, live_server, neutral_site):
        page.goto(f"{live_server.url}/nl/")
        for _ in range(3):
            page.keyboard.press("Shift")
        page.wait_for_url(neutral_site)

    def test_it_works_without_javascript(self, browser, seeded_live, live_server, neutral_site):
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(f"{live_server.url}/nl/")
        page.get_by_role("link", name="Snel weg").click()
        page.wait_for_url(neutral_site)
        context.close()


class DirectoryTestCase:
    def test_search_with_a_facet_and_open_an_organisation(self, page, live_server):
        page.goto(f"{live_server.url}/nl/organisaties/")
        page.locator("#q").fill("loverboy")
        page.locator("#f-dag-en-nacht-ja").check()
        page.locator("#q").press("Enter")
        page.wait_for_url("**q=loverboy**")
        assert "dag-en-nacht=ja" in page.url
        results = page.locator("ol.result-list > li h3 a")
        assert results.count() == 4  # the Veilig Thuis desks whose public source says 24/7
        page.get_by_role(
            "link", name="Meldpunt loverboys/ Jeugdprostitutie (Veilig Thuis Noord Oost Gelderland)"
        ).click()
        page.wait_for_url("**/organisaties/meldpunt-loverboys-jeugdprostitutie-veilig-thuis-noord-oost-gelderland/")
        assert page.locator('a[href="tel:08002000"]').count() >= 1

    def test_on_a_phone_the_first_result_shows_without_scrolling_past_the_filters(
        self, browser, seeded_live, live_server
    ):
        # A common phone screen (390 × 844 CSS pixels).
        context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844}, is_mobile=True)
        phone = context.new_page()
        try:
            phone.goto(f"{live_server.url}/nl/organisaties/?q=schronienie")
            first = phone.locator("ol.result-list > li h3 a").first
            assert first.inner_text() == "Maatschappelijke Opvang Den Bosch"
            box = first.bounding_box()
            assert box is not None and box["y"] + box["height"] <= 844, box
            filters = phone.locator("#filters").bounding_box()
            assert filters is not None and filters["y"] > box["y"]
            # The number of results is a status message, read out by screen readers.
            heading = phone.locator('[role="status"] #results-title').inner_text()
            assert re.match(r"\d+ organisaties (gevonden|passen bij je zoekvraag)$", heading.strip()), heading
        finally:
            context.close()


class LanguageTestCase:
    def test_switching_to_arabic_turns_the_page_right_to_left(self, page, live_server):
        page.goto(f"{live_server.url}/nl/organisaties/")
        page.get_by_role("link", name="العربية").click()
        page.wait_for_url("**/ar/organisaties/")
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert page.locator("html").get_attribute("lang") == "ar"
        header = page.locator(".site-header__name").bounding_box()
        assert header["x"] > 640 - header["width"], "the site name sits on the right in Arabic"


class WizardTestCase:
    def test_the_whole_wizard_with_back_and_change_and_no_answer_in_any_url(self, page, live_server):
        seen_urls: list[str] = []
        page.on("request", lambda request: seen_urls.append(request.url))
        page.goto(f"{live_server.url}/nl/verwijswijzer/")
        submit = page.locator("form[novalidate] button[type=submit]")
        next_page(page, page.locator("main form button[type=submit]").first.click)
        for value in ["no", "other", "melden", "yes", "work", "no"]:
            page.locator(f'input[name="answer"][value="{value}"]').check()
            next_page(page, submit.click)
        page.locator("#place-municipality").check()
        page.locator("#place-name").fill("Westland")
        next_page(page, submit.click)
        # Check-your-answers: go back one step, then change an answer.
        next_page(page, page.locator(".back-form button").click)
        assert page.locator("#place-name").input_value() == "Westland"
        next_page(page, submit.click)
        next_page(page, page.locator('button[value="show:need"]').click)
        assert page.locator('input[name="answer"][value="melden"]').is_checked()
        next_page(page, submit.click)
        page.locator('input[name="answer"][value="yes"]').check()
        next_page(page, submit.click)
        next_page(page, page.locator('button[value="result"]').click)
        assert page.locator("ol.route-card > li").count() >= 3
        assert "Meld Misdaad Anoniem" in page.locator("ol.route-card > li").first.inner_text()
        requested = " ".join(seen_urls)
        for answer in ("melden", "westland", "Westland", "anonymous", "work"):
            assert answer not in requested, answer
        assert all("?" not in url for url in seen_urls if "/verwijswijzer/" in url)
        assert page.url == f"{live_server.url}/nl/verwijswijzer/"

    def test_the_wizard_by_keyboard_alone(self, page, live_server):
        page.goto(f"{live_server.url}/nl/verwijswijzer/")
        page.locator("main form button").first.focus()
        page.keyboard.press("Enter")
        page.wait_for_selector('input[name="answer"][value="no"]')

        def answer_with_keys(value: str):
            radio = page.locator(f'input[name="answer"][value="{value}"]')
            page.keyboard.press("Tab")
            while not page.evaluate("document.activeElement && document.activeElement.name === 'answer'"):
                page.keyboard.press("Tab")
            # Arrow keys move through a radio group and select.
            for _ in range(10):
                if radio.evaluate("el => el === document.activeElement"):
                    break
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Space")
            assert radio.is_checked()
            page.keyboard.press("Tab")
            while page.evaluate("document.activeElement.type") != "submit":
                page.keyboard.press("Tab")
            page.keyboard.press("Enter")

        answer_with_keys("no")
        page.wait_for_selector('input[name="answer"][value="self"]')
        answer_with_keys("self")
        page.wait_for_selector('input[name="answer"][value="hulp"]')
        answer_with_keys("hulp")
        page.wait_for_selector('input[name="answer"][value="crime"]')
        answer_with_keys("crime")
        page.wait_for_selector('input[name="answer"][value="yes"]')
        answer_with_keys("yes")
        page.wait_for_selector("#place-unsaid")
        page.locator("#place-unsaid").focus()
        page.keyboard.press("Space")
        page.keyboard.press("Enter")
        page.wait_for_selector('button[value="result"]')
        page.locator('button[value="result"]').focus()
        page.keyboard.press("Enter")
        page.wait_for_selector("ol.route-card")
        assert "Kindertelefoon" in page.locator("main").inner_text()


class CampaignLibraryTestCase:
    def test_filter_open_a_campaign_and_download_its_material(self, page, live_server, settings, tmp_path):
        from django.core.files.uploadedfile import SimpleUploadedFile

        from campaigns.forms import MaterialAdminForm
        from campaigns.models import Campaign, Material

        settings.MEDIA_ROOT = tmp_path / "media"
        pdf = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
        campaign = Campaign.objects.published().filter(forms__code="labour").order_by("pk").first()
        form = MaterialAdminForm(
            data={"title": "Affiche", "kind": "poster", "order": 0},
            files={"file": SimpleUploadedFile("Affiche.pdf", pdf, content_type="application/pdf")},
            instance=Material(campaign=campaign),
        )
        assert form.is_valid(), form.errors
        form.save()

        page.goto(f"{live_server.url}/nl/campagnes/")
        page.locator('input[name="vorm"][value="labour"]').check()
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_url("**vorm=labour**")
        page.get_by_role("link", name=campaign.title, exact=True).first.click()
        page.wait_for_url(f"**/campagnes/{campaign.slug}/")
        with page.expect_download() as download_info:
            page.locator("a[download]").first.click()
        download = download_info.value
        assert download.suggested_filename == "affiche.pdf"
        with open(download.path(), "rb") as downloaded:
            assert downloaded.read() == pdf
