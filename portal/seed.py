"""Information pages shipped as Markdown files: fixtures/pages/<slug>/<language>.md.

New pages are loaded once (DATASETS). A page already in the database is brought to the shipped
text field by field and language by language, but only where it still holds a text that was
shipped before (fixtures/pages/shipped.json, made by scripts/page_versions.py): what an editor
wrote is never overwritten.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import reversion
from django.conf import settings
from django.db import transaction

from portal.models import Page
from portal.page_text import FIELDS, fingerprint, parse_page_text
from portal.seeding import FIXTURES_DIR, Dataset

PAGES_DIR = FIXTURES_DIR / "pages"
SHIPPED_VERSIONS = PAGES_DIR / "shipped.json"


def read_page_file(path: Path) -> dict[str, str]:
    return parse_page_text(path.read_text(encoding="utf-8"))


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


def shipped_pages() -> dict[str, dict[str, dict[str, str]]]:
    """{slug: {language: {field: text}}} of every page folder, as shipped now."""
    languages = {code for code, _name in settings.LANGUAGES}
    return {
        folder.name: {path.stem: read_page_file(path) for path in folder.glob("*.md") if path.stem in languages}
        for folder in sorted(p for p in PAGES_DIR.iterdir() if p.is_dir())
    }


def refresh_pages(report: Callable[[str], None] = print) -> list[str]:
    """Bring each page's fields to the shipped text where the database still holds an earlier
    shipped text; return the fields changed ("slug: body_en", …). Each changed page gets a
    revision, so an editor can see the change in its history and undo it."""
    earlier = json.loads(SHIPPED_VERSIONS.read_text(encoding="utf-8"))["pages"]
    changed: list[str] = []
    kept: list[str] = []
    with transaction.atomic():
        for slug, translations in shipped_pages().items():
            page = Page.objects.filter(slug=slug).first()
            if page is None:
                continue
            fields: list[str] = []
            for language, content in translations.items():
                for name in FIELDS:
                    column = f"{name}_{language}"
                    stored, shipped = getattr(page, column), content.get(name, "")
                    if fingerprint(stored) == fingerprint(shipped):
                        continue
                    if fingerprint(stored) in earlier.get(slug, {}).get(language, {}).get(name, []):
                        setattr(page, column, shipped)
                        fields.append(column)
                    else:
                        kept.append(f"{slug}: {column}")  # an editor's text
            if fields:
                with reversion.create_revision():
                    page.save()
                    reversion.set_comment(f"Verouderde standaardtekst bijgewerkt: {', '.join(fields)}")
                changed += [f"{slug}: {column}" for column in fields]
    report(
        f"Information pages: {len(changed)} shipped texts brought up to date; {len(kept)} kept as editors wrote them."
    )
    return changed


DATASETS = [
    Dataset(name="portal.pages", load=load_pages, fills=[Page], order=5),
    # Added later: loaded once into sites that already have the first pages (never over editors'
    # work: a page with this slug that exists is left alone).
    Dataset(name="portal.pages.veilig-internetten", load=lambda: load_pages({"veilig-internetten"}), order=6),
]
