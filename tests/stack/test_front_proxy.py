"""The production stack for real, on loopback: Debian's nginx in front of gunicorn (DJANGO_ENV=production)
and the project's PostgreSQL (issue 13 §3). Run alone with `make stack-test`; `make test` runs it too.

nginx gets a generated main config with its own pid, log and temp paths in a temporary directory and
includes the very files a deployment uses (deploy/nginx/http.conf, site.conf); gunicorn runs with
deploy/gunicorn.conf.py.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]
NGINX = "/usr/sbin/nginx"
HOST = "portal.test"
VISITOR = "127.0.0.2"  # the client's own loopback address; nginx reaches gunicorn from 127.0.0.1
FORGED = "192.0.2.1"
MB = 1024 * 1024


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(check, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, http.client.HTTPException):
            if check():
                return
        time.sleep(0.2)
    raise AssertionError(f"{what} did not come up within {timeout:.0f} s")


@dataclass
class Stack:
    port: int
    tls_port: int
    certificate: Path
    database_url: str
    gunicorn_log: Path
    gunicorn: subprocess.Popen | None  # None: nginx alone, the app down

    def https_get(self, path: str) -> tuple[http.client.HTTPResponse, bytes]:
        """Over TLS that nginx itself terminates, without any forwarding header from the client."""
        context = ssl.create_default_context(cafile=str(self.certificate))
        context.check_hostname = False  # the certificate names portal.test; we dial 127.0.0.1
        connection = http.client.HTTPSConnection("127.0.0.1", self.tls_port, timeout=10, context=context)
        try:
            connection.request("GET", path, headers={"Host": HOST})
            response = connection.getresponse()
            return response, response.read()
        finally:
            connection.close()

    def request(self, method: str, path: str, headers: dict | None = None, body: bytes | None = None,
                source: str = VISITOR, timeout: float = 10.0) -> tuple[http.client.HTTPResponse, bytes]:  # fmt: skip
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout, source_address=(source, 0))
        try:
            connection.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
            response = connection.getresponse()
            return response, response.read()
        finally:
            connection.close()

    def get(self, path: str, **headers: str) -> tuple[http.client.HTTPResponse, bytes]:
        return self.request("GET", path, {key.replace("_", "-"): value for key, value in headers.items()})


def _database(base_url: str, name: str) -> str:
    parts = urlsplit(base_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _nginx_conf(workdir: Path, nginx_port: int, tls_port: int, app_port: int) -> str:
    temp = "\n".join(
        f"    {kind}_temp_path {workdir / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # nginx refuses to run its workers as root; when the tests run as root they get `nobody`.
    user = "user nobody nogroup;" if os.geteuid() == 0 else ""
    return f"""{user}
worker_processes 1;
pid {workdir / "nginx.pid"};
error_log {workdir / "nginx-error.log"} warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
{temp}
    include {ROOT / "deploy/nginx/http.conf"};
    upstream portal_app {{ server 127.0.0.1:{app_port}; }}
    server {{
        listen 127.0.0.1:{nginx_port};
        include {ROOT / "deploy/nginx/site.conf"};
    }}
    server {{
        listen 127.0.0.1:{tls_port} ssl;
        ssl_certificate {workdir / "cert.pem"};
        ssl_certificate_key {workdir / "key.pem"};
        include {ROOT / "deploy/nginx/site.conf"};
    }}
}}
"""


def _self_signed_certificate(workdir: Path) -> Path:
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(workdir / "key.pem"), "-out", str(workdir / "cert.pem"), "-days", "1",
         "-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST}"],
        check=True, capture_output=True, timeout=30,
    )  # fmt: skip
    (workdir / "key.pem").chmod(0o644)  # nginx's master reads it (as root it is readable anyway)
    return workdir / "cert.pem"


def _stop(process: subprocess.Popen, sig: int) -> None:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _start_nginx(workdir: Path, app_port: int) -> tuple[subprocess.Popen, int, int, Path]:
    """Debian's nginx with the deployment's configuration, in front of whatever listens on app_port."""
    nginx_port, tls_port = free_port(), free_port()
    certificate = _self_signed_certificate(workdir)
    conf = workdir / "nginx.conf"
    conf.write_text(_nginx_conf(workdir, nginx_port, tls_port, app_port))
    error_log = str(workdir / "nginx-error.log")
    subprocess.run([NGINX, "-t", "-q", "-p", str(workdir), "-c", str(conf), "-e", error_log], check=True)
    nginx = subprocess.Popen([NGINX, "-p", str(workdir), "-c", str(conf), "-e", error_log, "-g", "daemon off;"])
    return nginx, nginx_port, tls_port, certificate


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.fail("Debian's nginx is missing: apt-get install nginx (see .ci/run)")
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres"):
        pytest.fail("The stack test needs the project's PostgreSQL: run it with `make stack-test` or `make test`.")
    workdir = tmp_path_factory.mktemp("stack")
    workdir.chmod(0o755)
    name = f"stack_{secrets.token_hex(4)}"
    with psycopg.connect(base_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    database_url = _database(base_url, name)
    app_port = free_port()
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "DEBUG"}}
    env.update(
        DJANGO_ENV="production",
        SECRET_KEY="stack-test-" + secrets.token_urlsafe(40),
        ALLOWED_HOSTS=HOST,
        DATABASE_URL=database_url,
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        BIND_HOST="127.0.0.1",
        PORT=str(app_port),
        WEB_CONCURRENCY="2",
    )
    for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, timeout=180)
    gunicorn_log = workdir / "gunicorn.log"
    processes: list[tuple[subprocess.Popen, int]] = []
    try:
        with gunicorn_log.open("wb") as log:
            gunicorn = subprocess.Popen(
                [str(Path(sys.executable).with_name("gunicorn")), "--config", "deploy/gunicorn.conf.py",
                 "portal.wsgi:application"],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        processes.append((gunicorn, signal.SIGTERM))
        nginx, nginx_port, tls_port, certificate = _start_nginx(workdir, app_port)
        processes.append((nginx, signal.SIGQUIT))
        running = Stack(
            port=nginx_port,
            tls_port=tls_port,
            certificate=certificate,
            database_url=database_url,
            gunicorn_log=gunicorn_log,
            gunicorn=gunicorn,
        )
        wait_until(lambda: running.get("/healthz")[0].status == 200, 60, "gunicorn behind nginx")
        yield running
    finally:
        for process, sig in reversed(processes):
            _stop(process, sig)
        with psycopg.connect(base_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(workdir, ignore_errors=True)


class SlowClientsTestCase:
    def test_slow_clients_do_not_keep_others_out(self, stack):
        """Six clients each send one header line every 2 s (slowloris), and three more send a form
        body a few bytes every 2 s; gunicorn has two workers."""
        stop = threading.Event()
        slow_headers, slow_bodies = [], []
        for _client in range(6):
            slow = socket.create_connection(("127.0.0.1", stack.port), timeout=5)
            slow.sendall(f"GET /nl/ HTTP/1.1\r\nHost: {HOST}\r\n".encode())
            slow_headers.append(slow)
        for _client in range(3):
            slow = socket.create_connection(("127.0.0.1", stack.port), timeout=5)
            slow.sendall(
                f"POST /nl/campagnes/voorstellen/ HTTP/1.1\r\nHost: {HOST}\r\nX-Forwarded-Proto: https\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\ntitle=".encode()
            )
            slow_bodies.append(slow)
        sockets = slow_headers + slow_bodies

        def dawdle():
            line = 0
            while not stop.wait(2):
                line += 1
                for slow in slow_headers:
                    with contextlib.suppress(OSError):
                        slow.sendall(f"X-Slow-{line}: still here\r\n".encode())
                for slow in slow_bodies:
                    with contextlib.suppress(OSError):
                        slow.sendall(b"abcdefghij")

        thread = threading.Thread(target=dawdle, daemon=True)
        thread.start()
        try:
            time.sleep(1)
            # Straight to gunicorn these visits would wait until a worker is killed (30 s); through
            # nginx each one is answered at once (8 s leaves room for a busy test machine).
            for _visit in range(4):
                response, body = stack.request("GET", "/nl/", {"X-Forwarded-Proto": "https"}, timeout=8)
                assert response.status == 200 and b"112" in body
                time.sleep(1)
        finally:
            stop.set()
            thread.join()
            for slow in sockets:
                slow.close()


class ClientAddressTestCase:
    def test_a_failed_login_is_recorded_with_the_visitors_address(self, stack):
        https = {"X-Forwarded-Proto": "https", "X-Forwarded-For": FORGED}
        response, body = stack.request("GET", "/beheer/login/", https)
        assert response.status == 200
        cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie", "")).group(1)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
        form = f"csrfmiddlewaretoken={token}&username=stack-editor&password=wrong&otp_token=123456"
        headers = {
            **https,
            "Cookie": f"csrftoken={cookie}",
            "Origin": f"https://{HOST}",
            "Content-Type": "application/x-www-form-urlencoded",
        }
        response, _body = stack.request("POST", "/beheer/login/", headers, form.encode())
        assert response.status == 200  # the form again, with the error
        with psycopg.connect(stack.database_url) as connection:
            rows = connection.execute(
                "SELECT host(ip_address) FROM axes_accessattempt WHERE username = 'stack-editor'"
            ).fetchall()
        assert rows == [(VISITOR,)]  # not nginx's 127.0.0.1, not the forged address


class HostHeaderTestCase:
    def test_an_unknown_host_gets_the_designed_400_page_and_one_log_line(self, stack):
        for _attempt in range(3):
            response, body = stack.get("/nl/", Host="evil.example", X_Forwarded_Proto="https")
            assert response.status == 400
            assert b"112" in body and b"evil.example" not in body
        log = stack.gunicorn_log.read_text()
        assert "Traceback" not in log
        assert log.count("Invalid HTTP_HOST header: 'evil.example'") == 3


class HttpsTestCase:
    def test_plain_http_is_redirected_to_https(self, stack):
        response, _body = stack.get("/nl/organisaties/?q=arbeid")
        assert response.status == 301
        assert response.getheader("Location") == f"https://{HOST}/nl/organisaties/?q=arbeid"

    def test_when_nginx_ends_tls_itself_the_app_knows_it_is_https(self, stack):
        response, body = stack.https_get("/nl/")
        assert response.status == 200 and b"112" in body
        assert response.getheader("Strict-Transport-Security") == "max-age=63072000; includeSubDomains; preload"

    def test_over_https_the_page_comes_with_hsts(self, stack):
        response, _body = stack.get("/nl/", X_Forwarded_Proto="https")
        assert response.status == 200
        assert response.getheader("Strict-Transport-Security") == "max-age=63072000; includeSubDomains; preload"


class ProxyBehaviourTestCase:
    def test_html_is_compressed(self, stack):
        response, body = stack.get("/nl/", X_Forwarded_Proto="https", Accept_Encoding="gzip")
        assert response.getheader("Content-Encoding") == "gzip"
        assert "Accept-Encoding" in response.getheader("Vary", "")
        import gzip

        assert b"112" in gzip.decompress(body)

    def test_a_body_over_the_upload_limit_is_refused_before_it_reaches_the_app(self, stack):
        connection = http.client.HTTPConnection("127.0.0.1", stack.port, timeout=10)
        try:
            connection.putrequest("POST", "/nl/campagnes/voorstellen/", skip_host=True)
            connection.putheader("Host", HOST)
            connection.putheader("X-Forwarded-Proto", "https")
            connection.putheader("Content-Type", "multipart/form-data; boundary=x")
            connection.putheader("Content-Length", str(22 * MB))
            connection.endheaders()
            response = connection.getresponse()
            body = response.read().decode()
            assert response.status == 413
            assert "Wat je stuurt is te groot" in body and "112" in body  # the site's page, not nginx's
        finally:
            connection.close()

    def test_the_server_does_not_name_its_version(self, stack):
        response, _body = stack.get("/nl/", X_Forwarded_Proto="https")
        assert re.fullmatch(r"nginx", response.getheader("Server", "")), response.getheader("Server")


class ConfigurationTestCase:
    def test_the_body_limit_is_the_largest_upload_plus_room_for_the_form(self):
        from campaigns.uploads import EDITOR_MAX_UPLOAD_BYTES, PUBLIC_MAX_UPLOAD_BYTES

        conf = (ROOT / "deploy/nginx/http.conf").read_text()
        limit = int(re.search(r"^client_max_body_size (\d+)m;", conf, re.M).group(1)) * MB
        largest = max(EDITOR_MAX_UPLOAD_BYTES, PUBLIC_MAX_UPLOAD_BYTES)
        assert largest < limit <= largest + 2 * MB


@pytest.fixture
def nginx_without_app(tmp_path_factory):
    """nginx alone, its upstream port unused: the app is down. A stack of its own, so that the
    shared stack keeps its gunicorn whatever order the tests run in."""
    if not Path(NGINX).exists():
        pytest.fail("Debian's nginx is missing: apt-get install nginx (see .ci/run)")
    workdir = tmp_path_factory.mktemp("nginx-alone")
    workdir.chmod(0o755)
    nginx, nginx_port, tls_port, certificate = _start_nginx(workdir, app_port=free_port())
    try:
        alone = Stack(port=nginx_port, tls_port=tls_port, certificate=certificate, database_url="",
                      gunicorn_log=workdir / "no-gunicorn.log", gunicorn=None)  # fmt: skip
        wait_until(lambda: alone.get("/healthz")[0].status == 503, 30, "nginx without the app")
        yield alone
    finally:
        _stop(nginx, signal.SIGQUIT)
        shutil.rmtree(workdir, ignore_errors=True)


class AppDownTestCase:
    def test_without_gunicorn_nginx_shows_a_calm_page_with_112(self, nginx_without_app):
        stack = nginx_without_app
        response, body = stack.get("/nl/", X_Forwarded_Proto="https")
        html = body.decode()
        assert response.status == 503
        assert response.getheader("Retry-After") == "30"
        tap_to_call = '<a href="tel:112">112</a>'
        assert f"Bel {tap_to_call}" in html and f"Call {tap_to_call}" in html and "Snel weg" in html
        assert "nginx" not in html
