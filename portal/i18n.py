"""Which language a translated field is actually shown in, after modeltranslation's fallbacks."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_language

RTL_LANGUAGES = {"ar"}


def fallback_chain(language: str) -> list[str]:
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    chain = [language, *fallbacks.get(language, fallbacks.get("default", ()))]
    return list(dict.fromkeys(chain))


def shown_language(obj: object, field: str) -> str:
    """The language whose text `obj.<field>` shows now: the page's own, or a fallback."""
    current = get_language() or settings.LANGUAGE_CODE
    for code in fallback_chain(current):
        if getattr(obj, f"{field}_{code}", None):
            return code
    return current


def direction(language: str) -> str:
    return "rtl" if language in RTL_LANGUAGES else "ltr"
