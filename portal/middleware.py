"""Middleware that keeps every response safe and the site standing when the database is not."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from portal import api_errors
from portal.api_errors import is_api_request
from portal.input import readable_query

logger = logging.getLogger(__name__)

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
)


def database_unavailable_response(request: HttpRequest | None = None) -> HttpResponse:
    """A static 503 page that needs no database and still shows the emergency numbers (JSON for the API)."""
    if is_api_request(request):
        return api_errors.unavailable()
    html = render_to_string("503.html", request=request)
    response = HttpResponse(html, status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turn a lost database into a calm 503 page instead of a 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            return self.get_response(request)
        except (OperationalError, InterfaceError) as error:
            logger.error("Database unavailable: %s", error.__class__.__name__)
            return database_unavailable_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, (OperationalError, InterfaceError)) or (
            isinstance(exception, DatabaseError) and "statement timeout" in str(exception)
        ):
            logger.error("Database unavailable: %s", exception.__class__.__name__)
            return database_unavailable_response(request)
        return None


class ReadableQueryMiddleware:
    """No NUL character from the address reaches a view (PostgreSQL cannot store or compare one):
    each becomes U+FFFD, so the view's own checks answer "unknown value" in the person's language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.GET = readable_query(request.GET)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers Django does not set itself: CSP, Permissions-Policy and caching for public pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if request.path.startswith("/beheer/"):
            # With no-referrer, browsers send `Origin: null` on the admin's own form posts and
            # Django's CSRF check refuses them (no editor could log in). Same-origin still sends
            # nothing to any other site.
            response.setdefault("Referrer-Policy", "same-origin")
        elif settings.SECURE_REFERRER_POLICY:
            response.setdefault("Referrer-Policy", settings.SECURE_REFERRER_POLICY)
        if _is_shared_cacheable(request, response):
            # Public pages are the same for everyone (per language in the URL) and carry no
            # cookie, so any cache may keep them; but an editor's change must show on the next
            # request, so every use is revalidated (a cheap 304 from the page cache, by ETag).
            response["Cache-Control"] = PUBLIC_CACHE_CONTROL
        return response


PUBLIC_CACHE_CONTROL = "public, no-cache"


def _is_shared_cacheable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.has_header("Cache-Control")
        and not response.cookies
        and not request.path.startswith(("/beheer/", "/healthz", "/weg/"))
        and "Cookie" not in response.get("Vary", "")
    )
