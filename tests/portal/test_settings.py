"""Settings come from the environment with safe defaults; production refuses unsafe ones."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    ignored = {"DJANGO_ENV", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean_env = {key: value for key, value in os.environ.items() if key not in ignored}
    clean_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
    "ALLOWED_HOSTS": "informatiepuntmensenhandel.nl",
}


class ProductionSettingsTestCase:
    def test_it_refuses_to_start_without_a_secret_key(self):
        env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
        result = run_manage("check", env=env)
        assert result.returncode != 0
        assert "SECRET_KEY must be set in production" in result.stderr

    def test_it_refuses_sqlite_in_production(self):
        env = {**PRODUCTION_ENV, "DATABASE_URL": "sqlite:///tmp/x.sqlite3"}
        result = run_manage("check", env=env)
        assert result.returncode != 0
        assert "DATABASE_URL must point to PostgreSQL" in result.stderr

    def test_it_refuses_to_start_without_a_database_url(self):
        result = run_manage("check", env={**PRODUCTION_ENV, "DATABASE_URL": ""})
        assert result.returncode != 0
        assert "DATABASE_URL must be set in production" in result.stderr

    def test_it_refuses_debug_in_production(self):
        result = run_manage("check", env={**PRODUCTION_ENV, "DEBUG": "true"})
        assert result.returncode != 0
        assert "DEBUG must be off in production" in result.stderr

    def test_it_rejects_a_malformed_boolean(self):
        result = run_manage("check", env={"DEBUG": "perhaps"})
        assert result.returncode != 0
        assert "DEBUG must be true or false" in result.stderr

    def test_check_deploy_reports_nothing_in_production(self):
        result = run_manage("check", "--deploy", "--fail-level", "DEBUG", env=PRODUCTION_ENV)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "System check identified no issues" in result.stdout


class DevelopmentDefaultsTestCase:
    def test_it_defaults_to_the_checkouts_own_postgresql_and_debug_on(self):
        code = (
            "from django.conf import settings; db = settings.DATABASES['default'];"
            "print(db['ENGINE'], db['HOST'], settings.DEBUG, bool(settings.SECRET_KEY))"
        )
        clean_env = {
            k: v for k, v in os.environ.items() if k not in {"DJANGO_ENV", "SECRET_KEY", "DATABASE_URL", "DEBUG"}
        }
        clean_env["DJANGO_SETTINGS_MODULE"] = "portal.settings"
        result = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {code}"],
            cwd=ROOT,
            env=clean_env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        from portal.pgcluster import socket_dir_for

        make_run_socket = str(socket_dir_for(ROOT / ".postgres"))
        assert result.stdout.split() == ["django.db.backends.postgresql", make_run_socket, "True", "True"]

    def test_it_refuses_a_database_other_than_postgresql(self):
        result = run_manage("check", env={"DATABASE_URL": "sqlite:///tmp/x.sqlite3"})
        assert result.returncode != 0
        assert "DATABASE_URL must point to PostgreSQL" in result.stderr

    def test_the_generated_secret_key_is_stable_per_checkout(self, tmp_path):
        from portal.env import local_secret_key

        key_file = tmp_path / ".secret_key"
        first = local_secret_key(key_file)
        assert len(first) >= 50
        assert local_secret_key(key_file) == first
        assert oct(key_file.stat().st_mode)[-3:] == "600"


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("yes", True), ("off", False), ("", False)])
def test_envbool_reads_common_spellings(monkeypatch, raw, expected):
    from portal.env import envbool

    monkeypatch.setenv("SOME_FLAG", raw)
    assert envbool("SOME_FLAG", default=not expected) is expected
