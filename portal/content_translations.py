"""Content translations shipped as data: fixtures/translations/<app>/<language>.json.

They are loaded like the seed data (portal.seeding): once per file, and only into fields that are
still empty, so an editor's text is never overwritten. Each text loaded this way is listed as a
machine-made translation (portal.MachineTranslation) until a native speaker has reviewed it.

A file looks like:
    {"language": "pl", "machine_made": true,
     "organisation": {"<slug>": {"role": "…", "what_happens_next": "…"}},
     "language_rows": {"de": {"name": "niemiecki"}}, …}
Each top-level key is a model of that app; `KEYS` says how a model's rows are found.
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

# How a row is named in the files: a natural key, never a database id.
KEYS: dict[str, Callable[[type[models.Model], str], models.QuerySet]] = {
    "directory.organisation": lambda model, key: model.objects.filter(slug=key),
    "directory.contactchannel": lambda model, key: model.objects.filter(
        organisation__slug=key.split(" ", 1)[0], value=key.split(" ", 1)[1]
    ),
    "directory.exploitationform": lambda model, key: model.objects.filter(code=key),
    "directory.audience": lambda model, key: model.objects.filter(code=key),
    "directory.chainrole": lambda model, key: model.objects.filter(code=key),
    "directory.language": lambda model, key: model.objects.filter(code=key),
    "referral.routerule": lambda model, key: model.objects.filter(key=key),
    "campaigns.campaign": lambda model, key: model.objects.filter(slug=key),
    "campaigns.audience": lambda model, key: model.objects.filter(code=key),
    "campaigns.format": lambda model, key: model.objects.filter(code=key),
    "campaigns.result": lambda model, key: model.objects.filter(
        campaign__slug=key.rsplit("#", 1)[0], order=int(key.rsplit("#", 1)[1])
    ),
}

# Fields the seed filled with a text that is not yet the site's own (the inventory's wording of an
# organisation's role): a shipped text may replace it as long as it is still exactly that.
SEEDED_TEXT: dict[tuple[str, str], Callable[[models.Model], str]] = {
    ("directory.organisation", "role"): lambda obj: _source_line(obj.source_text, "Rol"),
    # The seed named each language in its own language; the files name it in the site's.
    ("directory.language", "name"): lambda obj: _endonym(obj.code),
}
# A file's top-level keys that are not model names, and keys that name a model differently
# (the rows of directory.Language, as "language" already says which language the file is in).
META_KEYS = ("language", "machine_made", "_about")
MODEL_KEYS = {"language_rows": "language"}


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
    machine_made = data.get("machine_made", True)
    app_label = path.parent.name
    filled = 0
    for file_key, rows in data.items():
        if file_key in META_KEYS:
            continue
        model_name = MODEL_KEYS.get(file_key, file_key)
        label = f"{app_label}.{model_name}"
        model = apps.get_model(app_label, model_name)
        for key, fields in rows.items():
            for obj in KEYS[label](model, key):
                changed = []
                for field, text in fields.items():
                    attribute = f"{field}_{language}"
                    if text and _replaceable(label, field, obj, getattr(obj, attribute) or ""):
                        setattr(obj, attribute, text)
                        changed.append(field)
                if not changed:
                    continue
                model.objects.filter(pk=obj.pk).update(
                    **{f"{f}_{language}": getattr(obj, f"{f}_{language}") for f in changed}
                )
                filled += len(changed)
                if machine_made:
                    for field in changed:
                        MachineTranslation.objects.update_or_create(
                            model=label,
                            object_id=str(obj.pk),
                            field=field,
                            language=language,
                            defaults={"object_label": str(obj)[:300], "reviewed": False},
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
