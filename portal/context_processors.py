from __future__ import annotations

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_bidi

RTL_LANGUAGES = {"ar"}


def site(request: HttpRequest) -> dict:
    """Language switcher and layout facts every page needs. Never touches the database."""
    current = get_language() or settings.LANGUAGE_CODE
    path = request.get_full_path() if request.method == "GET" else request.path
    try:
        origin = f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        # A request for a host we do not serve gets the 400 page, which must still render.
        origin = ""
    languages = [
        {
            "code": code,
            "autonym": settings.LANGUAGE_AUTONYMS[code],
            "url": translate_url(path, code),
            "absolute_url": origin + translate_url(path, code),
            "current": code == current,
            "dir": "rtl" if code in RTL_LANGUAGES else "ltr",
        }
        for code, _name in settings.LANGUAGES
    ]
    return {
        "site_languages": languages,
        "language_dir": "rtl" if get_language_bidi() else "ltr",
        "current_language": current,
    }
