#!/usr/bin/env python
"""Where the time of an uncached page goes: `make profile` (pyinstrument, production settings).

Runs inside scripts/with-postgres: loads the seed data (and --synthetic N organisations), then
requests each page --repeat times through Django's test client with the page cache off, and prints
per request (medians) the wall time, the web process's CPU time (time.process_time(), which other
processes' load disturbs much less), the time spent waiting for SQL (the statements' wall time less
this process's CPU time inside them: roughly the database's share) and the number of queries, then
pyinstrument's call tree (`--no-tree` leaves it out).

`--cold` measures the first request after an editor's change instead: before each request the
content generation is moved on (as any committed edit does), so everything kept per generation
(facts, rankings, cards, records, routes; ADR 015, 022, 023) is built again inside the measured
request. Memos keyed by content itself (Markdown of a text, a path's language links) stay warm.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.bench import ENV, WIZARD_RESULT, add_synthetic, prepare  # noqa: E402

# A wizard step (the form question answered, the next question shown) and a care professional's
# result (the bench's answers plus the regional meldroute).
WIZARD_STEP = WIZARD_RESULT.replace("&a_form=work", "").replace("action=result", "step=form&answer=work")
WIZARD_PROFESSIONAL = WIZARD_RESULT.replace("a_who=other", "a_who=professional").replace(
    "action=result", "a_sector=care&action=result"
)

PAGES = {
    "ping": ("GET", "/ping"),
    "home": ("GET", "/nl/"),
    "information": ("GET", "/nl/informatie/wat-is-mensenhandel/"),
    "changes": ("GET", "/nl/organisaties/wijzigingen/"),
    "organisation-changes": ("GET", "/nl/organisaties/veilig-thuis/wijzigingen/"),
    "search": ("GET", "/nl/organisaties/?q=loverboy"),
    "search-facets": ("GET", "/nl/organisaties/?q=arbeidsuitbuting&vorm=labour"),
    "search-municipality": ("GET", "/nl/organisaties/?gemeente=westland&schaal=regional"),
    "organisation": ("GET", "/nl/organisaties/veilig-thuis/"),
    "meldroute": ("GET", "/nl/meldroute/westland/"),
    "meldroute-index": ("GET", "/nl/meldroute/"),
    "meldroute-finder": ("GET", "/nl/meldroute/?gemeente=Bergen"),
    "campaigns": ("GET", "/nl/campagnes/"),
    "api": ("GET", "/api/v1/organisaties/?q=mensenhandel&pagina=3"),
    "hsds-organizations": ("GET", "/api/hsds/organizations"),
    "hsds-services": ("GET", "/api/hsds/services"),
    "wizard-start": ("GET", "/nl/verwijswijzer/"),
    "wizard-step": ("POST", "/nl/verwijswijzer/", WIZARD_STEP),
    "wizard-result": ("POST", "/nl/verwijswijzer/", WIZARD_RESULT),
    "wizard-professional": ("POST", "/nl/verwijswijzer/", WIZARD_PROFESSIONAL),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pages", nargs="*", default=list(PAGES))
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--synthetic", type=int, default=0)
    parser.add_argument("--skip-prepare", action="store_true")
    parser.add_argument("--no-tree", action="store_true", help="only the figures, no call tree")
    parser.add_argument("--cold", action="store_true", help="a new content generation before each request")
    options = parser.parse_args()
    if not options.skip_prepare:
        prepare()
        if options.synthetic:
            add_synthetic(options.synthetic)
        # The profile runs in this process: hand over to a fresh one with the settings loaded.
        command = [sys.executable, __file__, *options.pages, "--repeat", str(options.repeat), "--skip-prepare"]
        command += ["--no-tree"] if options.no_tree else []
        command += ["--cold"] if options.cold else []
        raise SystemExit(subprocess.run(command, env={**ENV, "PAGE_CACHE_SECONDS": "0"}, cwd=ROOT).returncode)

    os.environ.update({**ENV, "PAGE_CACHE_SECONDS": "0"})
    import django

    django.setup()
    from django.test import Client
    from pyinstrument import Profiler

    client = Client(HTTP_ACCEPT_ENCODING="gzip", HTTP_HOST="localhost")

    def request(method: str, path: str, body: str = ""):
        if method == "POST":
            return client.post(path, body, content_type="application/x-www-form-urlencoded")
        return client.get(path)

    for name in options.pages:
        method, path, *body = PAGES[name]
        response = request(method, path, *body)  # warm up: templates compiled, connection open
        assert response.status_code == 200, (path, response.status_code)
        before = new_generation if options.cold else None
        cpu, sql, wall, count = cpu_sql_wall(
            lambda method=method, path=path, body=body: request(method, path, *body), options.repeat, before=before
        )
        print(
            f"\n=== {name} {method} {path}{' (cold)' if options.cold else ''}: "
            f"{wall:.1f} ms wall, {cpu:.1f} ms Python CPU, "
            f"{sql:.1f} ms SQL wait per request, {count} queries"
        )
        if options.no_tree:
            continue
        profiler = Profiler(interval=0.0005)
        for _time in range(options.repeat):
            if before:
                before()
            with profiler:
                request(method, path, *body)
        print(profiler.output_text(unicode=False, color=False, show_all=False, short_mode=True))


def new_generation() -> None:
    """What any committed edit of a public table does (portal/page_cache.py's trigger)."""
    from django.db import connection

    with connection.cursor() as cursor:
        # The trigger's own sequence, so a later real edit never repeats a number used here.
        cursor.execute(
            "UPDATE portal_contentgeneration SET number = nextval('portal_content_generation_seq') WHERE id = 1"
        )


def cpu_sql_wall(call, repeat: int, before=None) -> tuple[float, float, float, int]:
    """Median over `repeat` calls of the web process's CPU ms, the ms spent waiting for SQL
    statements (their wall time minus this process's CPU time inside them, so roughly the
    database's work) and the wall ms; and the number of statements of the last call (Django's
    own query log is reset at each request's start, so it cannot count them here)."""
    from django.db import connection

    sql_seconds, statements = 0.0, 0

    def timed(execute, sql, params, many, context):
        nonlocal sql_seconds, statements
        statements += 1
        started, cpu = time.perf_counter(), time.process_time()
        try:
            return execute(sql, params, many, context)
        finally:
            sql_seconds += (time.perf_counter() - started) - (time.process_time() - cpu)

    cpus, sqls, walls = [], [], []
    with connection.execute_wrapper(timed):
        for _time in range(repeat):
            if before:
                before()
            sql_seconds, statements = 0.0, 0
            wall, cpu = time.perf_counter(), time.process_time()
            call()
            cpus.append((time.process_time() - cpu) * 1000)
            walls.append((time.perf_counter() - wall) * 1000)
            sqls.append(sql_seconds * 1000)
    return statistics.median(cpus), statistics.median(sqls), statistics.median(walls), statements


if __name__ == "__main__":
    main()
