"""Shared test setup. The suite runs on a real PostgreSQL (see scripts/with-postgres)."""

from __future__ import annotations

import pytest
from django.conf import settings

# Loaded once per test database: the directory (regions, organisations) and the routes. Tests run
# in transactions on top of it, so what a test changes is rolled back.
SESSION_DATASETS = ("portal.", "directory.", "referral.")


def pytest_configure(config: pytest.Config) -> None:
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine != "django.db.backends.postgresql":
        raise pytest.UsageError("The tests run on PostgreSQL only. Use `make test`, which starts a throwaway cluster.")


def _quiet(message: str) -> None:
    return None


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from portal.seeding import load_datasets

    with django_db_blocker.unblock():
        load_datasets(report=_quiet, include=lambda dataset: dataset.name.startswith(SESSION_DATASETS))


@pytest.fixture
def seeded(db):
    """The whole shipped seed data, as `make run` loads it (tops up what a flush removed)."""
    from portal.seeding import load_datasets

    load_datasets(report=_quiet)


@pytest.fixture
def seeded_live(transactional_db):
    """The seed data for tests that need real commits (a live server): loaded again after flushes."""
    from portal.seeding import load_datasets

    load_datasets(report=_quiet)


@pytest.fixture(autouse=True)
def _fresh_repeat_filter():
    """The wizard counts one result per answer set per client per hour: each test starts afresh."""
    from referral.tally import repeat_filter

    repeat_filter.forget()
