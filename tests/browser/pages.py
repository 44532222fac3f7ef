"""Helpers for pages that change without a navigation: one-entry.js sends wizard steps with fetch
and puts the answer in place of the page (docs/arch/016)."""

from __future__ import annotations

from collections.abc import Callable


def next_page(page, action: Callable[[], object]) -> None:
    """Do `action` (a click that submits or follows a link) and wait until another page is shown,
    whether it came by a navigation or by a fetch that replaced the body."""
    page.evaluate("() => { document.body.dataset.pageBefore = 'yes'; }")
    action()
    page.wait_for_function("() => document.body && !document.body.dataset.pageBefore")
