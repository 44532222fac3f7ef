"""Data-migration tests: move this test's database to a state in the migration graph and back."""

from __future__ import annotations

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets: list[tuple[str, str]]):
    """Migrate to `targets` and return the historical apps of that state. The test's rows were
    inserted in this same transaction: their foreign keys are checked now, as a real migration
    would find them (committed long ago), so the tables can be altered."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest(app: str) -> list[tuple[str, str]]:
    """The app's newest migrations: where a test leaves the database for the next one."""
    return [(app, leaf) for _app, leaf in MigrationExecutor(connection).loader.graph.leaf_nodes(app)]
