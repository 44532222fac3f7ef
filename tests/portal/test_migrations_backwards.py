"""Every migration of the project's apps can be undone, and applied again on top.

Run on the test database inside the test's transaction: PostgreSQL's DDL is transactional, so
everything (the seed data included) is back as it was afterwards.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db
APPS = ("referral", "campaigns", "directory", "portal")


def test_all_project_migrations_go_back_to_zero_and_forward_again():
    with connection.cursor() as cursor:
        # Foreign keys are checked at once, so tables can be altered after rows changed.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    executor = MigrationExecutor(connection)
    leaves = [node for node in executor.loader.graph.leaf_nodes() if node[0] in APPS]
    backwards = executor.migration_plan([(app, None) for app in APPS])
    assert backwards and all(undo for _migration, undo in backwards)
    # One migration at a time, as `manage.py migrate APP PREVIOUS` would undo it.
    for migration, _undo in backwards:
        earlier = [parent for parent in executor.loader.graph.node_map[migration.app_label, migration.name].parents
                   if parent.key[0] == migration.app_label]  # fmt: skip
        target = earlier[0].key if earlier else (migration.app_label, None)
        MigrationExecutor(connection).migrate([target])
    tables = connection.introspection.table_names()
    assert not [table for table in tables if table.startswith(tuple(f"{app}_" for app in APPS))]

    executor = MigrationExecutor(connection)
    executor.migrate(leaves)
    tables = connection.introspection.table_names()
    assert {"directory_organisation", "campaigns_campaign", "referral_recommendationtally"} <= set(tables)
    assert not MigrationExecutor(connection).migration_plan(leaves)
