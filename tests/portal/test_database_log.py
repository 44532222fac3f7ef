"""PostgreSQL's server log never holds what people typed (issue 13 §6; ADR 005).

A failing statement is logged as an error, but not the statement, its parameter values or the
DETAIL line that repeats a violated unique key: these could hold a search, a proposal or an
editor's data. The project's clusters are configured so by portal/pgcluster.py.
"""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

import pytest
from django.db import IntegrityError, OperationalError, connection, transaction

from directory.models import SearchWord

pytestmark = pytest.mark.django_db


def _server_log() -> Path:
    return Path(os.environ["PORTAL_PG_LOG"])


def _log_after(offset: int, expected: str) -> str:
    """The log written since `offset`, once it holds `expected` (the server writes it a bit later)."""
    text = ""
    for _ in range(50):
        with _server_log().open("rb") as log:
            log.seek(offset)
            text = log.read().decode(errors="replace")
        if expected in text:
            return text
        time.sleep(0.1)
    raise AssertionError(f"the server log never showed {expected!r}: {text[-2000:]}")


def test_a_unique_violation_is_logged_without_its_values():
    marker = f"visitor-typed-{uuid.uuid4().hex}"
    SearchWord.objects.create(word=marker)
    offset = _server_log().stat().st_size
    with pytest.raises(IntegrityError), transaction.atomic():
        SearchWord.objects.create(word=marker)
    log = _log_after(offset, "duplicate key value violates unique constraint")
    assert marker not in log


def test_a_cancelled_statement_is_logged_without_its_text():
    marker = f"visitor-typed-{uuid.uuid4().hex}"
    offset = _server_log().stat().st_size
    with pytest.raises(OperationalError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 50")
        cursor.execute(f"SELECT pg_sleep(2), '{marker}'")  # noqa: S608 - a fixed, harmless literal
    log = _log_after(offset, "canceling statement due to statement timeout")
    assert marker not in log
