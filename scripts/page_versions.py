"""List every text of the information pages ever shipped (fixtures/pages/<slug>/<language>.md in
the git history and in the work tree) as fingerprints in fixtures/pages/shipped.json.

load_initial_data brings a page's title, summary or text to the shipped version only while the
database still holds one of these fingerprints: a text an editor changed is never among them.
Run this after changing a page fixture (`tests/portal/test_page_refresh.py` checks it was run):

    .venv/bin/python scripts/page_versions.py
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from portal.page_text import FIELDS, fingerprint, parse_page_text  # noqa: E402

PAGES = ROOT / "fixtures" / "pages"
OUTPUT = PAGES / "shipped.json"


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True).stdout


def shipped_texts(path: Path) -> list[str]:
    relative = path.relative_to(ROOT).as_posix()
    texts = [path.read_text(encoding="utf-8")] if path.exists() else []
    for commit in git("log", "--format=%H", "--", relative).split():
        try:
            texts.append(git("show", f"{commit}:{relative}"))
        except subprocess.CalledProcessError:
            continue  # deleted in that commit
    return texts


def main() -> int:
    versions: dict[str, dict[str, dict[str, list[str]]]] = {}
    paths = {Path(p) for p in git("log", "--format=", "--name-only", "--", "fixtures/pages").split()}
    paths |= {path.relative_to(ROOT) for path in PAGES.glob("*/*.md")}
    for relative in sorted(paths):
        if relative.suffix != ".md":
            continue
        slug, language = relative.parent.name, relative.stem
        fields = versions.setdefault(slug, {}).setdefault(language, {name: [] for name in FIELDS})
        for text in shipped_texts(ROOT / relative):
            content = parse_page_text(text)
            for name in FIELDS:
                value = fingerprint(content.get(name, ""))
                if value not in fields[name]:
                    fields[name].append(value)
    for languages in versions.values():
        for fields in languages.values():
            for name in FIELDS:
                fields[name].sort()
    about = "Fingerprints of every shipped page text; made by scripts/page_versions.py (see portal/page_text.py)."
    OUTPUT.write_text(json.dumps({"_about": about, "pages": versions}, indent=1, sort_keys=True) + "\n")
    count = sum(len(f[name]) for languages in versions.values() for f in languages.values() for name in FIELDS)
    print(f"{OUTPUT.relative_to(ROOT)}: {count} fingerprints of {len(paths)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
