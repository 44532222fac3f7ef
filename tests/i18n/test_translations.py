"""Every interface string is translated into every site language; nothing is fuzzy."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_interface_is_completely_translated(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [], f"{len(untranslated)} untranslated in {language}: {untranslated[:5]}"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy in {language}: {fuzzy[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    import re

    pattern = re.compile(r"%\(\w+\)[sd]|\{\{ ?\w+ ?\}\}")
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            continue
        assert sorted(pattern.findall(entry.msgid)) == sorted(pattern.findall(entry.msgstr)), entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_information_page_exists_in_every_language(language):
    pages = Path(settings.BASE_DIR) / "fixtures" / "pages"
    missing = [
        folder.name for folder in pages.iterdir() if folder.is_dir() and not (folder / f"{language}.md").exists()
    ]
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogues_are_stored_as_make_messages_writes_them(language):
    """A catalogue landed in another layout (unwrapped, or wrapped at another width) makes the next
    `make messages` rewrap thousands of lines, burying real changes in every later diff.
    makemessages writes through msgmerge, which wraps as msgcat does; msgcat must change nothing."""
    catalogue = LOCALE / language / "LC_MESSAGES" / "django.po"
    assert shutil.which("msgcat"), "GNU gettext (msgcat) is needed: make messages uses it too"
    rewritten = subprocess.run(["msgcat", str(catalogue)], capture_output=True, check=True).stdout
    stored = catalogue.read_bytes()
    stored_lines, rewritten_lines = stored.splitlines(), rewritten.splitlines()
    first_change = next(
        (number for number, line in enumerate(stored_lines) if rewritten_lines[number : number + 1] != [line]),
        len(stored_lines),
    )
    assert rewritten == stored, (
        f"{catalogue} leaves make messages' layout at line {first_change + 1}: run make messages"
    )
