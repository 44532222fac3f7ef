"""Text matching shared by the directory, the campaign library and the referral guide."""

from __future__ import annotations

import unicodedata

# Letters that do not lose their mark by decomposition, folded as people type them without it.
_FOLD = str.maketrans({"ł": "l", "ى": "ي", "ة": "ه", "ـ": None, "ٱ": "ا"})


def normalise(text: str) -> str:
    """Lower-case, accent-free text with single spaces: 'Coördinatie' and 'coordinatie' match
    (Arabic: hamza and vowel signs dropped, ى/ي and ة/ه folded; Polish ł is l)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().translate(_FOLD)
    return " ".join(plain.split())
