"""The wizard's anonymous counts: how often each desk was recommended, per day, form and province.

Three promises (docs/arch/009-anonymous-recommendation-counts.md):

- Counting never makes a result fail or wait. One upsert (`INSERT … ON CONFLICT DO UPDATE`) on
  the unique key (day, organisation, form, province), in a savepoint with a short lock and
  statement timeout; if the table is slow or locked the count is dropped and a warning without
  any answer is logged, and the person gets the result at once.
- A scripted client cannot inflate the counts: one result per answer set per client per hour is
  counted. What is remembered is a keyed hash of (client address, answers) with a random key
  made in memory and replaced every day, kept in this process's memory only, never stored.
- Counts below SMALL_COUNT are never shown (see `weekly_counts`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable

from django.db import DatabaseError, connection, transaction
from django.db.models import Sum
from django.db.models.functions import TruncWeek
from django.utils import timezone

logger = logging.getLogger(__name__)

# Short enough that nobody notices; long enough for a burst of first results of a day to queue.
LOCK_TIMEOUT = "250ms"
STATEMENT_TIMEOUT = "500ms"
SMALL_COUNT = 5  # counts below this could point to one person: shown as "< 5"
TALLY_KEY = "referral_tally_one_row_per_key"

TallyKey = tuple[int, int | None, int | None]  # organisation, form, province


class RepeatFilter:
    """Remembers, for an hour and in memory only, which (client, answers) pairs were counted.

    Nothing stored identifies anyone: entries are BLAKE2b digests keyed with a random secret that
    exists only in this process and is replaced (with all entries) when the day changes, so they
    cannot be linked to an address afterwards, nor across days. Each web process has its own
    memory, so with N worker processes a client is counted at most N times an hour per answer set.
    """

    def __init__(
        self,
        window_seconds: float = 3600,
        max_entries: int = 50_000,
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], dt.date] = timezone.localdate,
    ) -> None:
        self.window = window_seconds
        self.max_entries = max_entries
        self.clock = clock
        self.today = today
        self._lock = threading.Lock()
        self._day: dt.date | None = None
        self._key = b""
        self._seen: dict[bytes, float] = {}

    def forget(self) -> None:
        with self._lock:
            self._day = None
            self._seen.clear()

    def first_in_window(self, client: str, answers: dict[str, str]) -> bool:
        """True if this client's answer set was not counted in the last hour (and remember it)."""
        now = self.clock()
        with self._lock:
            today = self.today()
            if today != self._day:
                self._day, self._key = today, secrets.token_bytes(32)
                self._seen.clear()
            digest = hashlib.blake2b(_canonical(client, answers), key=self._key, digest_size=16).digest()
            seen = self._seen.get(digest)
            if seen is not None and now - seen < self.window:
                return False
            if len(self._seen) >= self.max_entries:
                self._seen = {d: t for d, t in self._seen.items() if now - t < self.window}
                if len(self._seen) >= self.max_entries:
                    return False  # a flood: counting it would be inflation anyway
            self._seen[digest] = now
            return True


def _canonical(client: str, answers: dict[str, str]) -> bytes:
    parts = [client, *(f"{key}={value}" for key, value in sorted(answers.items()))]
    return "\x1f".join(parts).encode()


repeat_filter = RepeatFilter()


def _sort_key(key: TallyKey) -> tuple[int, int, int]:
    return tuple(-1 if part is None else part for part in key)  # type: ignore[return-value]


def add(day: dt.date, keys: Iterable[TallyKey]) -> None:
    """Add one to each key's count of `day`, atomically, whatever runs at the same time.

    Rows are written in a fixed order, so two results never wait for each other in a cycle.
    """
    counted = Counter(keys)
    if not counted:
        return
    ordered = sorted(counted, key=_sort_key)
    values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(ordered))
    params: list = []
    for organisation, form, province in ordered:
        params += [day, organisation, form, province, counted[(organisation, form, province)]]
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO referral_recommendationtally (day, organisation_id, form_id, province_id, count) "  # noqa: S608 - placeholders only
            f"VALUES {values} ON CONFLICT ON CONSTRAINT {TALLY_KEY} "
            "DO UPDATE SET count = referral_recommendationtally.count + EXCLUDED.count",
            params,
        )


def without_waiting(count: Callable[[], None]) -> bool:
    """Run `count` in a savepoint that gives up quickly; never raise. True if it was counted."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('lock_timeout', %s, true), set_config('statement_timeout', %s, true)",
                [LOCK_TIMEOUT, STATEMENT_TIMEOUT],
            )
            count()
            # Inside a longer transaction the short timeouts must not outlive the count.
            cursor.execute("SET LOCAL lock_timeout TO DEFAULT")
            cursor.execute("SET LOCAL statement_timeout TO DEFAULT")
    except DatabaseError as error:
        # Only the kind of error: its text could hold values, and the answers are never logged.
        logger.warning("A recommendation was not counted (%s).", type(error).__name__)
        return False
    return True


def weekly_counts(limit: int = 500) -> list[dict]:
    """Totals per week, desk, form and province for the Hoofdredacteur; totals < SMALL_COUNT hidden."""
    rows = (
        _tally_model()
        .objects.annotate(week=TruncWeek("day"))
        .values("week", "organisation__name", "form__name", "province__name")
        .annotate(total=Sum("count"))
        .order_by("-week", "-total", "organisation__name")[:limit]
    )
    return [{**row, "total": row["total"] if row["total"] >= SMALL_COUNT else None} for row in rows]


def _tally_model():
    from referral.models import RecommendationTally

    return RecommendationTally
