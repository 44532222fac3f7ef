"""Small text helpers for campaign names (accent-free matching is portal.text.normalise)."""

from __future__ import annotations

import re

from portal.text import normalise

_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)


def name_key(name: str) -> str:
    """A key for matching names: accent-free, lower-case, punctuation ignored ('Fier!' ≈ 'fier')."""
    return " ".join(_NOT_WORD.sub(" ", normalise(name)).replace("_", " ").split())
