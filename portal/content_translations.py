"""Content translations shipped as data: fixtures/translations/<app>/<language>.json.

They are loaded like the seed data (portal.seeding): once per file, and only into fields that are
still empty, so an editor's text is never overwritten. Each text loaded this way is listed as a
machine-made translation (portal.MachineTranslation) until a native speaker has reviewed it.

A file looks like:
    {"language": "pl", "machine_made": true,
     "organisation": {"<slug>": {"role": "…", "what_happens_next": "…"}},
     "language_rows": {"de": {"name": "niemiecki"}}, …}
Each top-level key is a model of that app; `FILE_KEYS` says how a model's rows are found. A row may
name the Dutch text it was translated from (`"_nl": {"note": "…"}`): such a field is filled only
while the Dutch text is still exactly that, so a translation of an old text never lands.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.apps import apps
from django.db import models

from portal.seeding import FIXTURES_DIR, Dataset

TRANSLATIONS_DIR = FIXTURES_DIR / "translations"

# How a row is named in the files: a natural key, never a database id. File key: (model, related
# rows to fetch, the key of one row). Channels are named by organisation and value, or, for the
# many channels that share a wording, by their Dutch label or opening hours.
FILE_KEYS: dict[str, tuple[str, tuple[str, ...], Callable[[models.Model], str]]] = {
    "organisation": ("organisation", (), lambda obj: obj.slug),
    "contactchannel": ("contactchannel", ("organisation",), lambda obj: f"{obj.organisation.slug} {obj.value}"),
    "contactchannel_label": ("contactchannel", (), lambda obj: obj.label_nl),
    "contactchannel_hours": ("contactchannel", (), lambda obj: obj.opening_hours_nl),
    "informationpractice": ("informationpractice", (), lambda obj: obj.code),
    "exploitationform": ("exploitationform", (), lambda obj: obj.code),
    "audience": ("audience", (), lambda obj: obj.code),
    "chainrole": ("chainrole", (), lambda obj: obj.code),
    "language_rows": ("language", (), lambda obj: obj.code),  # "language" says which language the file is in
    "routerule": ("routerule", (), lambda obj: obj.key),
    "campaign": ("campaign", (), lambda obj: obj.slug),
    "format": ("format", (), lambda obj: obj.code),
    "result": ("result", ("campaign",), lambda obj: f"{obj.campaign.slug}#{obj.order}"),
}

# Fields the seed filled with a text that is not yet the site's own (the inventory's wording of an
# organisation's role): a shipped text may replace it as long as it is still exactly that.
SEEDED_TEXT: dict[tuple[str, str], Callable[[models.Model], str]] = {
    ("directory.organisation", "role"): lambda obj: _source_line(obj.source_text, "Rol"),
    # The seed named each language in its own language; the files name it in the site's.
    ("directory.language", "name"): lambda obj: _endonym(obj.code),
}
# A file's top-level keys that say what the file is, not which rows it fills.
META_KEYS = ("language", "machine_made", "_about")


def _endonym(code: str) -> str:
    from directory.vocabulary import LANGUAGES

    return dict(LANGUAGES).get(code, "")


def _source_line(source_text: str, label: str) -> str:
    for line in source_text.splitlines():
        if line.startswith(f"{label}: "):
            return line.removeprefix(f"{label}: ")
    return ""


def _replaceable(label: str, field: str, obj: models.Model, current: str) -> bool:
    if not current:
        return True
    seeded = SEEDED_TEXT.get((label, field))
    return seeded is not None and current == seeded(obj)


def load_file(path: Path) -> int:
    """Fill the empty fields named in one file; return how many texts were filled."""
    from portal.models import MachineTranslation

    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    language = data["language"]
    app_label = path.parent.name
    filled = 0
    marks: list[MachineTranslation] = []
    for file_key, rows in data.items():
        if file_key in META_KEYS:
            continue
        model_name, related, key_of = FILE_KEYS[file_key]
        label = f"{app_label}.{model_name}"
        model = apps.get_model(app_label, model_name)
        changed_objects, changed_fields = [], set()
        for obj in model.objects.select_related(*related):
            fields = rows.get(key_of(obj))
            if not fields:
                continue
            translated_from = fields.get("_nl", {})
            changed = [
                field
                for field, text in fields.items()
                if text
                and not field.startswith("_")
                and (field not in translated_from or (getattr(obj, f"{field}_nl") or "") == translated_from[field])
                and _replaceable(label, field, obj, getattr(obj, f"{field}_{language}") or "")
            ]
            for field in changed:
                setattr(obj, f"{field}_{language}", fields[field])
                marks.append(
                    MachineTranslation(
                        model=label, object_id=str(obj.pk), object_label=str(obj)[:300], field=field, language=language
                    )
                )
            if changed:
                changed_objects.append(obj)
                changed_fields.update(f"{field}_{language}" for field in changed)
                filled += len(changed)
        if changed_objects:
            model.objects.bulk_update(changed_objects, sorted(changed_fields), batch_size=500)
    if data.get("machine_made", True) and marks:
        MachineTranslation.objects.bulk_create(
            marks,
            update_conflicts=True,
            unique_fields=["model", "object_id", "field", "language"],
            update_fields=["object_label", "reviewed"],
        )
    return filled


def datasets(app_label: str, order: int = 90, after: Callable[[], None] | None = None) -> list[Dataset]:
    """One dataset per shipped file of the app, so a file added in a later release loads too."""
    folder = TRANSLATIONS_DIR / app_label
    found = []
    for path in sorted(folder.glob("*.json")):

        def load(path: Path = path) -> int:
            rows = load_file(path)
            if after is not None:
                after()
            return rows

        found.append(Dataset(name=f"{app_label}.translations.{path.stem}", load=load, order=order))
    return found
