"""Anonymous public pages served from a cache that is never stale (ADR 015).

A public page is the same for every visitor of one address (the language is in the URL) and sets
no cookie, so a rendered page can be served again. What makes that safe with several web
containers, each with its own memory cache: every cache key holds the *content generation*, a
number in the database that a trigger changes in the same transaction as any change to a public
content table, whether it comes from the admin, an import, a reversion restore, a verification
action doing `QuerySet.update()`, or a management command. The first request after the commit
reads the new number, misses, and renders the new content, in every container at once. Every key
also holds today's date, because what a page says can change with the day alone (a channel not
confirmed for twelve months says so).

Never cached: anything but GET, the admin, health checks and the quick exit, requests that carry
a session or CSRF cookie (editors), and responses that set a cookie, vary on a cookie, are
streamed, are not 200, or say `no-cache`/`no-store`/`private` (the wizard's result, for example).
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import connection, connections
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils import timezone
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language_from_path

# Tables that change with visitors' actions, not with content: bumping on them would empty the
# cache on every wizard result or proposal (and make visitors wait on one another's row lock).
NOT_CONTENT = {
    "portal.contentgeneration",
    "portal.loadeddataset",
    "referral.recommendationtally",
    "campaigns.proposalattempt",
    "directory.searchword",
}
CONTENT_APPS = ("portal", "directory", "campaigns", "referral")
NEVER_CACHED_PATHS = ("/beheer/", "/healthz", "/ping", "/weg/", "/static/", "/media/")
TRIGGER = "portal_content_changed"
T = TypeVar("T")


def content_tables() -> list[str]:
    """Every table whose rows a public page may show, many-to-many tables included."""
    tables = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.app_label in CONTENT_APPS and meta.label_lower not in NOT_CONTENT and meta.managed and not meta.proxy:
            tables.append(meta.db_table)
    return sorted(set(tables))


def install_triggers(using: str = "default", **_kwargs) -> None:
    """(Re)install the statement trigger on every content table; runs after every `migrate`, so
    models added later are covered without anyone remembering to."""
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT to_regproc('portal_bump_content_generation')")
        if cursor.fetchone()[0] is None:
            return  # migrated back before the generation existed
        existing = set(connections[using].introspection.table_names(cursor))
        for table in content_tables():
            if table in existing:
                cursor.execute(
                    f'CREATE OR REPLACE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
                    "FOR EACH STATEMENT EXECUTE FUNCTION portal_bump_content_generation()"
                )


# The generation read once per GET request (the page cache's key, the remembered choices and
# facts all use the same number) and once per wizard step (`one_generation`); elsewhere every
# call reads it.
_request = threading.local()


@contextlib.contextmanager
def one_generation() -> Iterator[None]:
    """Inside, the generation is read at most once: for a request that changes no content (a GET,
    a wizard step, whose only write is the anonymous tally, not a content table)."""
    outer = getattr(_request, "scope", None)
    if outer is not None:
        yield
        return
    _request.scope = []
    try:
        yield
    finally:
        _request.scope = None


def generation() -> int:
    """The current content generation (one indexed read, once per GET request)."""
    scope = getattr(_request, "scope", None)
    if scope:
        return scope[0]
    with connection.cursor() as cursor:
        cursor.execute("SELECT number FROM portal_contentgeneration WHERE id = 1")
        row = cursor.fetchone()
    number = row[0] if row else 0
    if scope is not None:
        scope.append(number)
    return number


_remembered: dict[object, tuple[int, object]] = {}


def remembered(key: object, compute: Callable[[], T]) -> T:
    """`compute()`, computed once per content generation in this process (ADR 022): for what
    depends on stored content only, such as a filter's choices or the directory's facts. The
    generation is read before computing, so a commit in between leaves newer data under the older
    number (replaced on the next call), never older data under a newer one."""
    number = generation()
    stored = _remembered.get(key)
    if stored is not None and stored[0] == number:
        return stored[1]  # type: ignore[return-value]
    value = compute()
    _remembered[key] = (number, value)
    return value


def recalled(key: object) -> object | None:
    """What `remembered(key, …)` keeps for the current generation, or None: it only reads, never
    computes or keeps anything (for a caller whose key comes from a wizard answer, ADR 001)."""
    number = generation()
    stored = _remembered.get(key)
    return stored[1] if stored is not None and stored[0] == number else None


def _may_use_cache(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and not request.path.startswith(NEVER_CACHED_PATHS)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and settings.CSRF_COOKIE_NAME not in request.COOKIES
    )


def _may_store(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = {
        part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if cache_control & {"no-cache", "no-store", "private"}:
        return False
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part.strip()}
    return vary <= {"accept-encoding", "accept-language"}


def _key(request: HttpRequest, number: int) -> str:
    """The content generation, today's date and the address: a page also says what depends on
    the day (a contact channel's "not confirmed since …" after twelve months, ADR 016), so a page
    cached yesterday is never served today."""
    gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    if not get_language_from_path(request.path_info):
        # Outside the language prefixes (the API, open data) Django picks the language from the
        # browser's Accept-Language and says so in Vary: keep one copy per header value.
        address += "\n" + request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page:{number}:{timezone.localdate().isoformat()}:{int(gzip)}:{digest}"


class PublicPageCacheMiddleware:
    """Serve public GET pages from the cache named by PAGE_CACHE_ALIAS (0 seconds: off)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return self._respond(request)
        # A GET request changes no content (`require_safe` views): one generation for all of it.
        with one_generation():
            return self._respond(request)

    def _respond(self, request: HttpRequest) -> HttpResponse:
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or not _may_use_cache(request):
            return self.get_response(request)
        cache = caches[settings.PAGE_CACHE_ALIAS]
        key = _key(request, generation())
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        if _may_store(response):
            cache.set(key, (response.status_code, list(response.items()), response.content), seconds)
        return response


class PublicGZipMiddleware(GZipMiddleware):
    """Compress public responses (they hold no secrets, so BREACH has nothing to find); never the
    admin, whose pages carry CSRF tokens."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.path.startswith("/beheer/"):
            return response
        return super().process_response(request, response)
