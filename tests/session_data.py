"""The test database as it stands after the migrations and the session seed, kept in a schema of
its own, and put back after a committing test has flushed every table (ADR 013).

Reloading the seed from `fixtures/` after each flush took 20–60 s on the shared machine (the
organisations alone are ~10 s of Python); copying the rows back is one statement per table.
Everything the flush removes comes back as it was, also what no seed loader makes: the editors'
groups and their rights from the migrations, content types and permissions with the same ids.
"""

from __future__ import annotations

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

SCHEMA = "test_session_snapshot"


def _quoted(name: str) -> str:
    return connection.ops.quote_name(name)


def _flushed_tables() -> list[str]:
    """The tables a flush empties (the same list Django's `flush` uses)."""
    return connection.introspection.django_table_names(only_existing=True, include_views=False)


def take() -> None:
    """Copy every non-empty table into the snapshot schema (replacing an older snapshot)."""
    schema = _quoted(SCHEMA)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        cursor.execute(f"CREATE SCHEMA {schema}")
        for table in _flushed_tables():
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {_quoted(table)})")  # noqa: S608 - our own table names
            if cursor.fetchone()[0]:
                cursor.execute(f"CREATE TABLE {schema}.{_quoted(table)} AS TABLE {_quoted(table)}")


def restore() -> None:
    """Empty every table and copy the snapshot back, in one transaction, as the snapshot was: no
    trigger fires (the content generation keeps its number) and no foreign key is checked
    until the end, so the order of the tables does not matter (the suite's role is the cluster's
    superuser, portal/pgcluster.py)."""
    schema = _quoted(SCHEMA)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = %s", [SCHEMA])
        saved = [row[0] for row in cursor.fetchall()]
        cursor.execute("SET LOCAL session_replication_role = replica")
        # The flush's post_migrate handlers made new content types and permissions: replace them too.
        cursor.execute(f"TRUNCATE {', '.join(_quoted(table) for table in _flushed_tables())}")
        for table in saved:
            cursor.execute(f"INSERT INTO {_quoted(table)} SELECT * FROM {schema}.{_quoted(table)}")  # noqa: S608
        # A flush may have restarted the id sequences (`flush` does by default): new rows must
        # never get the id of a restored one.
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True)):
            cursor.execute(statement)


def is_intact() -> bool:
    """Is the session's data there (no flush since the snapshot or the last restore)?"""
    with connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM portal_loadeddataset)")
        return cursor.fetchone()[0]
