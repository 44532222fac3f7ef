"""Shared test setup. The suite runs on a real PostgreSQL (see scripts/with-postgres)."""

from __future__ import annotations

import pytest
from django.conf import settings


def pytest_configure(config: pytest.Config) -> None:
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine != "django.db.backends.postgresql":
        raise pytest.UsageError("The tests run on PostgreSQL only. Use `make test`, which starts a throwaway cluster.")


def _quiet(message: str) -> None:
    return None


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Once per test database (per worker with pytest -n): the whole shipped seed data, as
    `make run` loads it (pages, directory, routes, campaign library, content translations). Tests
    run in a transaction on top of it, so what a test changes is rolled back (ADR 013)."""
    from portal.seeding import load_datasets
    from tests import session_data

    with django_db_blocker.unblock():
        load_datasets(report=_quiet)
        session_data.take()


def _commits(item: pytest.Item) -> bool:
    """Does this test commit (and so flush the whole database afterwards)?"""
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return True
    return bool({"transactional_db", "live_server", "seeded_live"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    """A committing test ends with a flush of every table (in its fixtures' teardown, so only
    here, after all of them, is it done): put the session's data back, so the tests after it (in
    any order, on any worker) find the database as every test expects."""
    result = yield
    if nextitem is not None and _commits(item):
        from pytest_django.plugin import blocking_manager_key

        from tests import session_data

        with item.config.stash[blocking_manager_key].unblock():
            session_data.restore()
    return result


@pytest.fixture
def own_postgres(django_db_blocker):
    """A PostgreSQL of this test's own that it may stop, with Django's connection pointed at it.

    Stopping the suite's shared server would break every other test running at the same time
    (pytest -n 2); this one is started and stopped with the same programs (portal/pgcluster.py).
    """
    from django.db import connection

    from portal.pgcluster import Cluster

    with Cluster.throwaway_cluster() as cluster, django_db_blocker.unblock():
        saved = dict(connection.settings_dict)
        connection.close()
        connection.settings_dict.update(HOST=str(cluster.socket), NAME="portal", USER="portal", PASSWORD="")
        try:
            yield cluster
        finally:
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(saved)


@pytest.fixture
def seeded(db):
    """The whole shipped seed data, as `make run` loads it: the session's data (django_db_setup)."""


@pytest.fixture
def seeded_live(transactional_db):
    """The seed data for tests that need real commits (a live server): the session's data, put
    back after every committing test (pytest_runtest_teardown)."""


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's default language: a request leaves the language it served
    active in the thread, and a test must not depend on which test ran before it."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_repeat_filter():
    """The wizard counts one result per answer set per client per hour: each test starts afresh."""
    from referral.tally import repeat_filter

    repeat_filter.forget()


def _member(username: str, group: str):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username=username, password="a-long-editor-passphrase", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def redacteur(db):
    """An editor (group Redacteur): writes drafts, cannot publish, delete or restore."""
    return _member("redacteur", "Redacteur")


@pytest.fixture
def hoofdredacteur(db):
    """A chief editor (group Hoofdredacteur): also publishes, deletes and restores old versions."""
    return _member("hoofdredacteur", "Hoofdredacteur")
