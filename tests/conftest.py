"""Shared test setup. The suite runs on a real PostgreSQL (see scripts/with-postgres)."""

from __future__ import annotations

import pytest
from django.conf import settings


def pytest_configure(config: pytest.Config) -> None:
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine != "django.db.backends.postgresql":
        raise pytest.UsageError("The tests run on PostgreSQL only. Use `make test`, which starts a throwaway cluster.")


@pytest.fixture
def seeded(db):
    """The shipped seed data, loaded the way `make run` loads it."""
    from portal.seeding import load_datasets

    load_datasets(report=lambda message: None)
