"""Editors in the admin: a test client logged in as a given user."""

from __future__ import annotations

from django.test import Client


def logged_in(user) -> Client:
    """A browser of its own (own cookies), logged in as this user."""
    client = Client()
    client.force_login(user)
    return client
