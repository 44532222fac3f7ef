"""Editors in the admin: a test client logged in as a given user."""

from __future__ import annotations

from django.test import Client


def logged_in(user) -> Client:
    """A browser of its own (own cookies), logged in as this user."""
    client = Client()
    client.force_login(user)
    return client


def new_organisation_form(name: str, slug: str, source: str) -> dict[str, str]:
    """What the admin's "add organisation" form sends for a local, published meldpunt without
    contact routes (the publish box is ignored for an editor who may not publish)."""
    return {
        "name": name, "slug": slug, "kind": "meldpunt", "scale": "local", "source": source, "published": "on",
        "channels-TOTAL_FORMS": "0", "channels-INITIAL_FORMS": "0",
    }  # fmt: skip
