#!/usr/bin/env python
"""Benchmarks (not part of the tests): `make bench` and `make bench-directory`.

Runs inside scripts/with-postgres (a throwaway PostgreSQL). Loads the seed data plus 10,000
synthetic organisations, starts gunicorn on 127.0.0.1 in production mode, drives a bounded load
at the main pages from a second process and prints throughput and median/p95 latency per page,
next to a static file served by whitenoise and a trivial Django view, as ratios. Results are
also written to bench-results/<time>.json so runs can be compared. `make bench` also runs
Lighthouse (npm) with Debian's Chromium when npx is available.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "portal.settings",
    "DJANGO_ENV": "production",
    "SECRET_KEY": "benchmark-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "DEBUG": "false",
}


def manage(*args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=ENV, check=True)


def prepare(synthetic: int) -> None:
    manage("migrate", "--noinput", "-v0")
    manage("compile_translations")
    manage("load_initial_data")
    manage("collectstatic", "--noinput", "-v0")
    code = (
        "import django; django.setup();"
        "from scripts.synthetic import create_synthetic_organisations as c;"
        f"print('synthetic organisations:', c({synthetic}))"
    )
    started = time.perf_counter()
    subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=ENV, check=True)
    print(f"  (loaded and indexed in {time.perf_counter() - started:.0f} s)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(port: int, workers: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "portal.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--log-level", "warning"],
        cwd=ROOT, env=ENV,
    )  # fmt: skip
    for _attempt in range(100):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/ping")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("gunicorn did not start")


def static_file_path() -> str:
    manifest = json.loads((ROOT / "staticfiles" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


WIZARD_RESULT = urlencode(
    {"a_danger": "no", "a_who": "other", "a_need": "melden", "a_anonymous": "yes", "a_form": "work",
     "a_minor": "no", "a_place": "westland", "action": "result"}
)  # fmt: skip


def targets(only: str | None) -> list[tuple[str, str, str, str | None]]:
    search = [
        ("search: loverboy", "GET", "/nl/organisaties/?q=loverboy", None),
        ("search: typo + facet", "GET", "/nl/organisaties/?q=arbeidsuitbuting&vorm=labour", None),
        ("search: municipality", "GET", "/nl/organisaties/?gemeente=westland&schaal=regional", None),
        ("search API", "GET", "/api/v1/organisaties/?q=mensenhandel&pagina=3", None),
    ]
    baseline = [
        ("trivial Django view", "GET", "/ping", None),
        ("static file (whitenoise)", "GET", static_file_path(), None),
    ]
    if only == "directory":
        return baseline + search
    return baseline + [
        ("home page", "GET", "/nl/", None),
        *search[:2],
        ("organisation page", "GET", "/nl/organisaties/veilig-thuis/", None),
        ("wizard result (POST)", "POST", "/nl/verwijswijzer/", WIZARD_RESULT),
        ("campaign library", "GET", "/nl/campagnes/", None),
    ]


def drive(port: int, method: str, path: str, body: str | None, seconds: float, concurrency: int) -> dict:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    headers = {"Accept-Encoding": "gzip"}
    if body:
        headers["Content-Type"] = "application/x-www-form-urlencoded"

    def worker() -> None:
        nonlocal errors
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        failed = 0
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)
            errors += failed

    for _warm_up in range(3):
        drive_once = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        drive_once.request(method, path, body=body, headers=headers)
        drive_once.getresponse().read()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "throughput": len(latencies) / elapsed if elapsed else 0.0,
        "median_ms": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000 if latencies else float("nan"),
    }


def lighthouse(port: int) -> dict:
    if not shutil.which("npx") or not Path("/usr/bin/chromium").exists():
        print("Lighthouse skipped: needs npx (Node.js) and /usr/bin/chromium.")
        return {}
    scores = {}
    for name, path in [("home", "/nl/"), ("search", "/nl/organisaties/?q=loverboy")]:
        out = ROOT / "bench-results" / f"lighthouse-{name}.json"
        command = [
            "npx", "--yes", "lighthouse@12", f"http://127.0.0.1:{port}{path}", "--quiet",
            "--only-categories=performance,accessibility,best-practices", "--output=json", f"--output-path={out}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
            "--disable-component-update --disable-sync --no-first-run",
        ]  # fmt: skip
        for _attempt in range(2):  # Lighthouse's trace recording is sometimes flaky (NO_NAVSTART)
            result = subprocess.run(command, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, timeout=600)
            if result.returncode == 0:
                break
        if result.returncode != 0 or not out.exists():
            print(f"Lighthouse failed for {name} (exit {result.returncode}).")
            continue
        report = json.loads(out.read_text())
        scores[name] = {key: round(cat["score"] * 100) for key, cat in report["categories"].items()}
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=["directory"], default=None)
    parser.add_argument("--synthetic", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=os.cpu_count() or 2, help="clients at once")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 2) * 2 + 1)
    parser.add_argument("--no-lighthouse", action="store_true")
    options = parser.parse_args()
    if "DATABASE_URL" not in os.environ or not os.environ["DATABASE_URL"].startswith("postgres"):
        raise SystemExit("Run me through scripts/with-postgres (make bench).")

    print(f"Preparing: seed data + {options.synthetic} synthetic organisations …")
    prepare(options.synthetic)
    port = free_port()
    server = start_gunicorn(port, options.workers)
    results = {}
    try:
        for name, method, path, body in targets(options.only):
            results[name] = drive(port, method, path, body, options.seconds, options.concurrency)
        scores = {} if (options.no_lighthouse or options.only) else lighthouse(port)
    finally:
        server.terminate()
        server.wait(timeout=30)

    trivial = results["trivial Django view"]
    static = results["static file (whitenoise)"]
    header = (
        f"{'page':28} {'req/s':>8} {'median ms':>10} {'p95 ms':>8} {'×trivial p95':>13} {'×static p95':>12}"
        f" {'errors':>7}"
    )
    print()
    print(f"gunicorn {options.workers} workers, {options.concurrency} clients, {options.seconds:.0f} s per page, "
          f"{options.synthetic} synthetic organisations")  # fmt: skip
    print(header)
    print("-" * len(header))
    for name, figures in results.items():
        print(
            f"{name:28} {figures['throughput']:8.0f} {figures['median_ms']:10.1f} {figures['p95_ms']:8.1f} "
            f"{figures['p95_ms'] / trivial['p95_ms']:13.1f} {figures['p95_ms'] / static['p95_ms']:12.1f} "
            f"{figures['errors']:7d}"
        )
    searches = [f for n, f in results.items() if n.startswith("search")]
    if searches:
        worst = max(f["p95_ms"] for f in searches)
        print(
            f"\nSearch p95 (worst query): {worst:.1f} ms — target under 100 ms: {'met' if worst < 100 else 'NOT met'}"
        )
    if scores:
        print("\nLighthouse scores (target ≥ 95 each):")
        for name, categories in scores.items():
            print(f"  {name}: " + ", ".join(f"{key} {value}" for key, value in categories.items()))
    out_dir = ROOT / "bench-results"
    out_dir.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    out = out_dir / f"{stamp}{'-' + options.only if options.only else ''}.json"
    out.write_text(json.dumps({"options": vars(options), "results": results, "lighthouse": scores}, indent=2))
    print(f"\nWritten to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
