"""/healthz tells the load balancer whether this container can reach the database."""

from __future__ import annotations

import subprocess

import pytest
from django.db import connection
from django.test import Client


class HealthzTestCase:
    @pytest.mark.django_db
    def test_it_answers_200_when_the_database_answers(self, client: Client):
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.content == b"ok\n"

    def test_it_answers_503_and_public_pages_stay_up_when_the_database_is_stopped(self, client: Client, own_postgres):
        assert client.get("/healthz").status_code == 200
        connection.close()
        own_postgres.stop()
        try:
            health = client.get("/healthz")
            page = client.get("/nl/informatie/privacy/")
        finally:
            own_postgres.start()
            connection.close()
        assert health.status_code == 503
        assert page.status_code == 503
        html = page.content.decode()
        assert "112" in html and "0800-7000" in html
        assert client.get("/healthz").status_code == 200


class ContainerHealthcheckTestCase:
    def test_the_image_healthcheck_asks_as_an_allowed_host(self, live_server, monkeypatch):
        import sys
        from pathlib import Path
        from urllib.parse import urlsplit

        port = urlsplit(live_server.url).port
        script = Path(__file__).resolve().parents[2] / "scripts" / "healthcheck.py"
        env = {"PORT": str(port), "ALLOWED_HOSTS": "localhost,example.org", "PATH": "/usr/bin:/bin"}
        assert subprocess.run([sys.executable, str(script)], env=env, timeout=30).returncode == 0
        env["PORT"] = "1"  # nothing listens there
        assert subprocess.run([sys.executable, str(script)], env=env, timeout=30).returncode == 1


class SlowDatabaseTestCase:
    def test_the_database_cancels_slow_queries(self, db):
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "5s"

    def test_a_cancelled_query_becomes_the_calm_503_page(self, db, rf):
        from django.db import transaction

        from portal.middleware import DatabaseUnavailableMiddleware

        def slow_view(request):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL statement_timeout = 100")
                cursor.execute("SELECT pg_sleep(3)")

        response = DatabaseUnavailableMiddleware(slow_view)(rf.get("/nl/"))
        assert response.status_code == 503
        assert "112" in response.content.decode()
