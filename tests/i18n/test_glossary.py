"""Every catalogue uses the glossary's chosen term wherever the site names one of its key words.

The distinction between *aangifte* (an official report to the police) and *melden* (passing on a
signal) is what the referral guide rests on: a language that uses one word for both would send
people to the wrong desk. locale/glossary.json holds the chosen term per language.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
GLOSSARY = json.loads((LOCALE / "glossary.json").read_text(encoding="utf-8"))["terms"]
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def entries_naming(catalogue: polib.POFile, markers: list[str]) -> list[polib.POEntry]:
    return [
        entry
        for entry in catalogue.translated_entries()
        if any(marker.lower() in entry.msgid.lower() for marker in markers)
    ]


def test_the_glossary_covers_every_site_language():
    for term in GLOSSARY:
        assert sorted(code for code in term if code in LANGUAGES) == sorted(LANGUAGES), term["term"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("term", GLOSSARY, ids=[term["term"] for term in GLOSSARY])
def test_each_catalogue_uses_the_chosen_term(language, term):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    chosen = term[language]
    entries = entries_naming(catalogue, term["markers"])
    assert entries, f"no interface text names {term['term']}"
    missing = [e.msgid for e in entries if not re.search(chosen["pattern"], e.msgstr, re.IGNORECASE)]
    assert missing == [], f"{language} does not say “{chosen['term']}” for {term['term']} in: {missing}"
    for avoided in chosen.get("avoid", []):
        mixed = [e.msgstr for e in entries if re.search(avoided, e.msgstr, re.IGNORECASE)]
        assert mixed == [], f"{language} uses “{avoided}” for {term['term']}, which is another term: {mixed}"
