"""Information pages shipped as Markdown files: fixtures/pages/<slug>/<language>.md."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from portal.models import Page
from portal.seeding import FIXTURES_DIR, Dataset

PAGES_DIR = FIXTURES_DIR / "pages"


def read_page_file(path: Path) -> dict[str, str]:
    """Front matter (`key: value` lines between `---`) and the Markdown body."""
    text = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    body = text
    if text.startswith("---"):
        _start, front, body = text.split("---", 2)
        for line in front.strip().splitlines():
            key, _sep, value = line.partition(":")
            meta[key.strip()] = value.strip().strip('"')
    meta["body"] = body.strip() + "\n"
    return meta


def load_pages(only: set[str] | None = None) -> int:
    """Every page folder (or only the slugs given) whose slug is not in the database yet."""
    languages = {code for code, _name in settings.LANGUAGES}
    existing = set(Page.objects.values_list("slug", flat=True))
    count = 0
    for folder in sorted(p for p in PAGES_DIR.iterdir() if p.is_dir()):
        if folder.name in existing or (only is not None and folder.name not in only):
            continue
        translations = {path.stem: read_page_file(path) for path in folder.glob("*.md") if path.stem in languages}
        dutch = translations.get("nl")
        if dutch is None:
            continue
        page = Page(
            slug=folder.name,
            section=dutch.get("section", Page.Section.INFORMATION),
            order=int(dutch.get("order", 100)),
            published=True,
        )
        for code, content in translations.items():
            setattr(page, f"title_{code}", content.get("title", ""))
            setattr(page, f"summary_{code}", content.get("summary", ""))
            setattr(page, f"body_{code}", content["body"])
        page.save()
        count += 1
    return count


DATASETS = [
    Dataset(name="portal.pages", load=load_pages, fills=[Page], order=5),
    # Added later: loaded once into sites that already have the first pages (never over editors'
    # work: a page with this slug that exists is left alone).
    Dataset(name="portal.pages.veilig-internetten", load=lambda: load_pages({"veilig-internetten"}), order=6),
]
