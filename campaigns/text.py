"""Small text helpers: accent-free matching and safe file names."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)


def normalise(text: str) -> str:
    """Lower-case, accent-free text with single spaces: 'Coördinatie' and 'coordinatie' match."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return " ".join(plain.split())


def name_key(name: str) -> str:
    """A key for matching names: accent-free, lower-case, punctuation ignored ('Fier!' ≈ 'fier')."""
    return " ".join(_NOT_WORD.sub(" ", normalise(name)).replace("_", " ").split())
