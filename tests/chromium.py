"""The one way the tests start a browser: Debian's Chromium (/usr/bin/chromium), never a downloaded one."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Playwright's sync API runs an event loop in the thread that drives it; the ORM calls the tests
# make there are ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def launch(playwright: Any) -> Any:
    """A headless Chromium from Playwright's sync API (`sync_playwright()`)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: apt-get install chromium (see .ci/run)")
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
