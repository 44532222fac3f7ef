"""End-to-end tests in Debian's Chromium (/usr/bin/chromium), driven by Playwright.

Never a downloaded browser. The browser has no network but this machine's loopback, so any
request to another host would fail loudly.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.chromium import launch


# Module scope: Playwright's sync API keeps an event loop running while a browser is open, and
# other test modules (and Django's async-safety checks) must not run inside it.
@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, seeded_live):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10000)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, seeded_live):
    context = browser.new_context(locale="nl-NL", viewport={"width": 320, "height": 640}, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(10000)
    yield page
    context.close()


class _NeutralSite(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        body = b"<!doctype html><title>Het weer</title><h1>Het weer vandaag</h1>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        return None


@pytest.fixture
def neutral_site(settings):
    """A stand-in for the neutral site the quick exit leaves for (another origin on loopback)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NeutralSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/weer"
    settings.QUICK_EXIT_URL = url
    yield url
    server.shutdown()
