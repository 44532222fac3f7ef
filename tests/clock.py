"""Tests of what a page says on a given day: move the site's clock, and a channel about to turn stale."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def move_clock_to(monkeypatch, day: dt.date) -> None:
    """Late on `day`: every "today" of the site comes from timezone.now()."""
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(23, 59)))
    monkeypatch.setattr(timezone, "now", lambda: moment)


def channel_turning_stale():
    """Fairwork's public website channel, not yet stale, and the last day it is not (ADR 016)."""
    from directory.models import ContactChannel

    channel = ContactChannel.objects.get(organisation__slug="fairwork", kind="website")
    assert channel.is_public and not channel.is_stale and channel.taken_over
    return channel, channel.taken_over + dt.timedelta(days=365)
