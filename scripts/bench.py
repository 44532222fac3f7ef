#!/usr/bin/env python
"""Benchmarks (not part of the tests): `make bench` and `make bench-directory`.

Runs inside scripts/with-postgres (a throwaway PostgreSQL). Starts gunicorn on 127.0.0.1 in
production mode twice, once with the page cache off (uncached) and once on (cached), and drives
each page with `wrk` (a compiled load generator, so the client does not steal the server's
Python time), first with the seed data, then again after adding 10,000 synthetic organisations.
Every figure is also given as a ratio to the trivial view `/ping` and to a whitenoise static file
measured in the same round: on a shared machine absolute figures drift, the ratios much less.
With --rounds N every page is measured N times (interleaved) and the median ratio is reported.

Results go to bench-results/<time>.json and .md; `make bench` also runs Lighthouse (npm) with
Debian's Chromium for five pages and reports its four category scores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
RESULTS = ROOT / "bench-results"
WRK = shutil.which("wrk") or "/usr/bin/wrk"
CHROMIUM = "/usr/bin/chromium"

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "portal.settings",
    "DJANGO_ENV": "production",
    "SECRET_KEY": "benchmark-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_HSTS_SECONDS": "0",
    "DEBUG": "false",
}

WIZARD_RESULT = urlencode(
    {"a_danger": "no", "a_who": "other", "a_need": "melden", "a_anonymous": "yes", "a_form": "work",
     "a_minor": "no", "a_place": "westland", "action": "result"}
)  # fmt: skip
BASELINES = ("trivial view /ping", "static file (whitenoise)")


def manage(*args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=ENV, check=True)


def prepare() -> None:
    manage("migrate", "--noinput", "-v0")
    manage("compile_translations")
    manage("load_initial_data")
    manage("collectstatic", "--noinput", "-v0")


def add_synthetic(count: int) -> None:
    code = (
        "import django; django.setup();"
        "from scripts.synthetic import create_synthetic_organisations as c;"
        f"print('  synthetic organisations:', c({count}))"
    )
    started = time.perf_counter()
    subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=ENV, check=True)
    print(f"  (loaded and indexed in {time.perf_counter() - started:.0f} s)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(workers: int, cached: bool) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**ENV, "PAGE_CACHE_SECONDS": "3600" if cached else "0"}
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "portal.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    for _attempt in range(150):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/ping")
            if connection.getresponse().status == 200:
                return process, port
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("gunicorn did not start")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def static_file_path() -> str:
    manifest = json.loads((ROOT / "staticfiles" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


def targets(only: str | None) -> list[tuple[str, str, str, str | None]]:
    """(name, method, path, body) of every page measured; the two baselines first."""
    search = [
        ("search: loverboy", "GET", "/nl/organisaties/?q=loverboy", None),
        ("search: typo + facet", "GET", "/nl/organisaties/?q=arbeidsuitbuting&vorm=labour", None),
        ("search: municipality + facet", "GET", "/nl/organisaties/?gemeente=westland&schaal=regional", None),
        ("search API", "GET", "/api/v1/organisaties/?q=mensenhandel&pagina=3", None),
    ]
    baseline = [(BASELINES[0], "GET", "/ping", None), (BASELINES[1], "GET", static_file_path(), None)]
    if only == "directory":
        return baseline + search
    return baseline + [
        ("home", "GET", "/nl/", None),
        *search,
        ("organisation page", "GET", "/nl/organisaties/veilig-thuis/", None),
        ("meldroute page", "GET", "/nl/meldroute/westland/", None),
        ("campaign library", "GET", "/nl/campagnes/", None),
        ("information page", "GET", "/nl/informatie/wat-is-mensenhandel/", None),
        ("wizard start (never cached)", "GET", "/nl/verwijswijzer/", None),
        ("wizard result POST (never cached)", "POST", "/nl/verwijswijzer/", WIZARD_RESULT),
    ]


LUA = """
wrk.method = "%(method)s"
wrk.headers["Accept-Encoding"] = "gzip"
wrk.headers["Accept-Language"] = "nl"
%(body)s
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def drive(port: int, method: str, path: str, body: str | None, seconds: float, connections: int) -> dict:
    """One wrk run: requests per second and latency percentiles in ms (errors include non-2xx/3xx)."""
    body_lua = ""
    if body:
        body_lua = f'wrk.body = "{body}"\nwrk.headers["Content-Type"] = "application/x-www-form-urlencoded"'
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % {"method": method, "body": body_lua})
    try:
        output = subprocess.run(
            [WRK, "-t2", f"-c{connections}", f"-d{seconds:.0f}s", "--timeout", "10s", "-s", script.name,
             f"http://127.0.0.1:{port}{path}"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    finally:
        os.unlink(script.name)
    found = re.search(r"RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)", output)
    if not found:
        raise SystemExit(f"wrk gave no result for {path}:\n{output}")
    requests, duration_us, p50, p95, p99, errors = (int(value) for value in found.groups())
    return {
        "requests": requests,
        "rps": requests / (duration_us / 1e6),
        "p50_ms": p50 / 1000,
        "p95_ms": p95 / 1000,
        "p99_ms": p99 / 1000,
        "errors": errors,
    }


def check(port: int, method: str, path: str, body: str | None) -> None:
    """Every page must answer 200 before it is measured (a fast error page proves nothing)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise SystemExit(f"{method} {path} answered {response.status}")


def measure(port: int, pages: list, options: argparse.Namespace, cached: bool) -> dict[str, list[dict]]:
    """Each page `rounds` times; every round measures the baselines too, so ratios are same-round."""
    runs: dict[str, list[dict]] = {name: [] for name, *_rest in pages}
    for _name, method, path, body in pages:
        check(port, method, path, body)
        if options.warm_up and cached:
            # Every worker keeps its own cache: fill each before measuring hits (a miss costs what
            # the uncached run measures).
            drive(port, method, path, body, options.warm_up, options.connections)
    for _round in range(options.rounds):
        for name, method, path, body in pages:
            runs[name].append(drive(port, method, path, body, options.seconds, options.connections))
        trivial, static = runs[BASELINES[0]][-1]["rps"], runs[BASELINES[1]][-1]["rps"]
        for name, *_rest in pages:
            runs[name][-1]["x_trivial"] = runs[name][-1]["rps"] / trivial
            runs[name][-1]["x_static"] = runs[name][-1]["rps"] / static
    return runs


def summary(runs: list[dict]) -> dict:
    """Median over the rounds of every figure."""
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def lighthouse(port: int) -> dict:
    if not shutil.which("npx") or not Path(CHROMIUM).exists():
        print("Lighthouse skipped: needs npx (Node.js) and /usr/bin/chromium.")
        return {}
    RESULTS.mkdir(exist_ok=True)  # Lighthouse does not create the folder it writes to
    scores = {}
    pages = [
        ("home", "/nl/"),
        ("search", "/nl/organisaties/?q=loverboy"),
        ("organisation", "/nl/organisaties/veilig-thuis/"),
        ("wizard start", "/nl/verwijswijzer/"),
        ("campaign library", "/nl/campagnes/"),
    ]
    for name, path in pages:
        out = RESULTS / f"lighthouse-{name.replace(' ', '-')}.json"
        out.unlink(missing_ok=True)
        with tempfile.TemporaryDirectory() as profile:
            command = [
                "npx", "--yes", "lighthouse@12", f"http://127.0.0.1:{port}{path}", "--quiet",
                "--only-categories=performance,accessibility,best-practices,seo", "--output=json",
                f"--output-path={out}", "--max-wait-for-load=30000",
                f"--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
                f"--disable-background-networking --disable-component-update --disable-sync --no-first-run "
                f"--user-data-dir={profile}",
            ]  # fmt: skip
            for _attempt in range(2):  # Lighthouse's trace recording is sometimes flaky (NO_NAVSTART)
                result = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=600)
                if result.returncode == 0 and out.exists():
                    break
        if not out.exists():
            print(f"Lighthouse failed for {name} (exit {result.returncode}).")
            continue
        report = json.loads(out.read_text())
        scores[name] = {key: round((cat["score"] or 0) * 100) for key, cat in report["categories"].items()}
    return scores


def machine() -> str:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        model = found.group(1).strip() if found else ""
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    system = f"{platform.system()} {platform.release()}"
    return f"{os.cpu_count()} cores ({model or platform.processor()}), {system}, load average at start {load}"


def table(results: dict) -> str:
    lines = [
        "| data | cache | page | req/s | p50 ms | p95 ms | p99 ms | × /ping | × static | errors |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for data, modes in results.items():
        for mode, pages in modes.items():
            for name, figures in pages.items():
                lines.append(
                    f"| {data} | {mode} | {name} | {figures['rps']:,.0f} | {figures['p50_ms']:.1f} | "
                    f"{figures['p95_ms']:.1f} | {figures['p99_ms']:.1f} | {figures['x_trivial']:.3f} | "
                    f"{figures['x_static']:.3f} | {figures['errors']:.0f} |"
                )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=["directory"], default=None)
    parser.add_argument("--synthetic", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument(
        "--warm-up", type=float, default=2.0, help="seconds of load per page before measuring it cached"
    )
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--no-seed-round", action="store_true", help="only measure with the synthetic directory")
    options = parser.parse_args()
    if "DATABASE_URL" not in os.environ or not os.environ["DATABASE_URL"].startswith("postgres"):
        raise SystemExit("Run me through scripts/with-postgres (make bench).")
    if not Path(WRK).exists():
        raise SystemExit("wrk is missing: apt-get install wrk")

    where = machine()
    print(f"Machine: {where}")
    print("Preparing: migrations, seed data, static files …")
    prepare()
    pages = targets(options.only)
    results: dict[str, dict[str, dict]] = {}
    scores: dict = {}
    sizes = [] if options.no_seed_round else [("seed data", 0)]
    if options.synthetic:
        sizes.append((f"+{options.synthetic:,} organisations", options.synthetic))
    for data, synthetic in sizes:
        if synthetic:
            print(f"Adding {synthetic} synthetic organisations …")
            add_synthetic(synthetic)
        results[data] = {}
        for mode, cached in (("uncached", False), ("cached", True)):
            print(f"Measuring: {data}, {mode} …")
            server, port = start_gunicorn(options.workers, cached)
            try:
                runs = measure(port, pages, options, cached)
                if cached and not synthetic and not (options.no_lighthouse or options.only):
                    scores = lighthouse(port)
            finally:
                stop(server)
            results[data][mode] = {name: summary(page_runs) for name, page_runs in runs.items()}

    finished = "load average at the end " + ", ".join(f"{value:.1f}" for value in os.getloadavg())
    where = f"{where}; {finished}"
    print()
    print(
        f"wrk -c{options.connections} -d{options.seconds:.0f}s per page, gunicorn {options.workers} workers, "
        f"production mode, PostgreSQL; {options.rounds} round(s), medians"
    )
    text = table(results)
    print(text)
    if scores:
        print("\nLighthouse (performance, accessibility, best-practices, SEO):")
        for name, categories in scores.items():
            print(f"  {name}: " + ", ".join(f"{key} {value}" for key, value in categories.items()))
    RESULTS.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    base = RESULTS / f"{stamp}{'-' + options.only if options.only else ''}"
    base.with_suffix(".json").write_text(
        json.dumps({"machine": where, "options": vars(options), "results": results, "lighthouse": scores}, indent=2)
    )
    lighthouse_lines = [
        f"| {name} | " + " | ".join(str(categories.get(key, "")) for key in ("performance", "accessibility",
                                                                              "best-practices", "seo")) + " |"
        for name, categories in scores.items()
    ]  # fmt: skip
    markdown = [f"Measured {stamp} on {where}.", "", text]
    if lighthouse_lines:
        markdown += [
            "",
            "| Lighthouse | performance | accessibility | best practices | SEO |",
            "|---|---:|---:|---:|---:|",
        ]
        markdown += lighthouse_lines
    base.with_suffix(".md").write_text("\n".join(markdown) + "\n")
    print(f"\nWritten to {base.relative_to(ROOT)}.json and .md")


if __name__ == "__main__":
    main()
