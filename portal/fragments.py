"""Parts of a page built once per object and reused until the content changes (ADR 023).

A result card (an organisation's name, forms, role and contact channels with their provenance) is
the same on every search page, every page number and every filter that shows it, so rendering it
twenty times per request was most of a search page's time. `fragments()` keeps what was built for
one object in this process, keyed by

- the kind of fragment (its template, or whatever else tells two builds of one object apart),
- the object's id,
- the active language (the text and the links' language prefix),
- the content generation (portal/page_cache.py, ADR 015): any change to any public content table,
  committed in any container, gives a new number, so the very next request builds afresh, and
- today's date: a channel not confirmed for twelve months says so from that day on (ADR 016).

That is the page cache's key, per object instead of per address, so it is as safe across
containers as the page cache is. Only what is the same for every visitor may be kept here:
never a wizard answer or anything else from the request. A value is any object (an HTML string,
an API record); callers must not change a value they get back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from portal.page_cache import generation

T = TypeVar("T")

# (generation, date) -> {(kind, language, id): value}: only the current scope is kept.
_scope: tuple[int, str] | None = None
_store: dict[tuple[str, str, int], object] = {}


def fragments(kind: str, ids: Sequence[int], build: Callable[[list[int]], dict[int, T]]) -> list[T]:
    """The fragments of `ids`, in their order: those built before in this scope from memory, the
    rest from one `build(missing_ids)` call, which returns {id: fragment} (an id it leaves out is
    left out of the answer, e.g. an organisation unpublished meanwhile).

    The generation is read before building, so a commit in between leaves newer fragments under
    the older number (built again on the next request), never older ones under a newer number.
    """
    global _scope, _store
    scope = (generation(), timezone.localdate().isoformat())
    if scope != _scope:
        _scope, _store = scope, {}
    language = get_language() or settings.LANGUAGE_CODE
    found = {pk: _store[(kind, language, pk)] for pk in ids if (kind, language, pk) in _store}
    missing = [pk for pk in ids if pk not in found]
    if missing:
        built = build(missing)
        found.update(built)
        _remember(((kind, language, pk), value) for pk, value in built.items())
    return [found[pk] for pk in ids if pk in found]  # type: ignore[misc]


def _remember(items: Iterable[tuple[tuple[str, str, int], object]]) -> None:
    limit = settings.FRAGMENT_CACHE_MAX_ENTRIES
    for key, value in items:
        while len(_store) >= limit:
            _store.pop(next(iter(_store)), None)  # the oldest first: dicts keep their insertion order
        _store[key] = value
