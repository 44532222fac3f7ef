"""The HTML of every page type validates with the Nu Html Checker (vnu, the W3C validator).

vnu is a Java program published on npm as `vnu-jar`; the version and its checksum are pinned in
tools/vnu/package-lock.json and `npm ci` installs it on first use (CI starts from a clean clone).
"""

from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.changelog_history import HISTORY_PAGES, make_public_history

pytestmark = pytest.mark.django_db

TOOL_DIR = Path(settings.BASE_DIR) / "tools" / "vnu"
VNU_JAR = TOOL_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAGE_TYPES = [
    "/{lang}/",
    "/{lang}/organisaties/",
    "/{lang}/organisaties/?q=zzzxxyq",
    "/{lang}/organisaties/veilig-thuis/",
    "/{lang}/organisaties/gemeente-westland/",
    "/{lang}/verwijswijzer/",
    "/{lang}/meldroute/",
    "/{lang}/meldroute/westland/",
    "/{lang}/meldroute/?gemeente=Qqqxxzz",
    "/{lang}/meldroute/?gemeente=Aalst",
    "/{lang}/informatie/",
    "/{lang}/informatie/wat-is-mensenhandel/",
    "/{lang}/informatie/veilig-internetten/",
    "/{lang}/campagnes/",
    "/{lang}/campagnes/{campaign}/",
    "/{lang}/campagnes/dekking/",
    "/{lang}/campagnes/voorstellen/",
    "/{lang}/organisaties/open-data/",
    "/{lang}/informatie/toegankelijkheid/",
    "/{lang}/bestaat-niet/",
    *HISTORY_PAGES,
]
# Wizard pages: the posts that lead to each of them.
FIVE_ANSWERS = {"a_danger": "no", "a_who": "self", "a_need": "hulp", "a_form": "work", "a_minor": "no"}
WIZARD_POSTS = {
    "question": {"step": "start"},
    "question with error": {"step": "danger"},
    "danger": {"step": "danger", "answer": "yes"},
    "place question with error": {
        **FIVE_ANSWERS,
        "step": "place",
        "place_kind": "municipality",
        "place_name": "Qqqxxzz",
    },
    "check answers": {
        **FIVE_ANSWERS,
        "step": "place",
        "place_kind": "zeg-ik-liever-niet",
    },
    "result": {
        **{
            f"a_{k}": v
            for k, v in {
                "danger": "no",
                "who": "professional",
                "need": "hulp",
                "form": "work",
                "minor": "no",
                "place": "westland",
                "sector": "care",
            }.items()
        },
        "action": "result",
    },
}


@pytest.fixture(scope="session")
def vnu() -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is missing: apt-get install default-jre-headless (see .ci/run)")
    # With pytest -n 2 each worker asks at once: one installs, the other waits for it (`npm ci`
    # first removes node_modules, so a second install would pull the jar from under the first).
    with (TOOL_DIR / ".install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not VNU_JAR.exists():
            npm = shutil.which("npm")
            if npm is None:
                pytest.fail("npm is missing: apt-get install npm (see .ci/run)")
            subprocess.run(
                [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", str(TOOL_DIR)],
                check=True,
                capture_output=True,
                timeout=300,
            )
    return [java, "-Xss1m", "-jar", str(VNU_JAR)]


def validate(vnu: list[str], folder: Path) -> dict[str, list[str]]:
    """Run vnu once over every .html file in the folder; its errors per file."""
    files = sorted(str(path) for path in folder.glob("*.html"))
    run = subprocess.run([*vnu, "--errors-only", "--format", "json", *files], capture_output=True, timeout=600)
    messages = json.loads(run.stderr or b'{"messages": []}')["messages"]
    errors: dict[str, list[str]] = {}
    for message in messages:
        name = Path(message.get("url", "")).name
        errors.setdefault(name, []).append(f"line {message.get('lastLine')}: {message['message']}")
    return errors


def test_every_page_type_validates(seeded, vnu, tmp_path):
    from campaigns.models import Campaign

    campaign = Campaign.objects.published().order_by("pk").first()
    make_public_history()
    client = Client()
    saved = 0
    for lang in LANGUAGES:
        for path in PAGE_TYPES:
            url = path.format(lang=lang, campaign=campaign.slug)
            response = client.get(url)
            assert response.status_code in (200, 400, 404), url
            name = url.strip("/").replace("/", "_").replace("?", "_").replace("=", "-") or "root"
            (tmp_path / f"{name}.html").write_bytes(response.content)
            saved += 1
        for label, data in WIZARD_POSTS.items():
            response = client.post(f"/{lang}/verwijswijzer/", data)
            assert response.status_code in (200, 400), label
            (tmp_path / f"{lang}_wizard_{label.replace(' ', '-')}.html").write_bytes(response.content)
            saved += 1
    assert saved == len(LANGUAGES) * (len(PAGE_TYPES) + len(WIZARD_POSTS))
    errors = validate(vnu, tmp_path)
    assert errors == {}, json.dumps(errors, indent=1, ensure_ascii=False)[:4000]


def test_the_checker_itself_reports_invalid_html(vnu, tmp_path):
    (tmp_path / "broken.html").write_text(
        '<!doctype html><html lang="nl"><title>x</title><form action=""><p><div></p></form>', encoding="utf-8"
    )
    errors = validate(vnu, tmp_path)
    assert any("action" in message for message in errors["broken.html"]), errors
