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

from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from django.conf import settings
from django.db.models import Model, QuerySet
from django.template.loader import get_template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from portal.page_cache import generation

T = TypeVar("T")


class Memo:
    """Values kept in this process for the current (content generation, date) only, at most the
    setting `limit_setting` of them, the oldest dropped first (dicts keep their insertion order)."""

    every: list[Memo] = []

    def __init__(self, limit_setting: str):
        self.limit_setting = limit_setting
        self.scope: tuple[int, str] | None = None
        self.store: dict[Hashable, object] = {}
        Memo.every.append(self)

    @classmethod
    def forget_all(cls) -> None:
        """Empty every memo (for tests that count what a first request builds)."""
        for memo in cls.every:
            memo.scope, memo.store = None, {}

    def get_many(self, keys: Sequence[Hashable], build: Callable[[list], dict]) -> dict:
        """{key: value} for `keys`: those kept from memory, the rest from one `build(missing)` call
        ({key: value}; a key it leaves out is left out of the answer). The generation is read
        before building, so a commit in between leaves newer values under the older number
        (built again on the next request), never older ones under a newer number."""
        scope = (generation(), timezone.localdate().isoformat())
        if scope != self.scope:
            self.scope, self.store = scope, {}
        store = self.store
        found = {key: store[key] for key in keys if key in store}
        missing = [key for key in keys if key not in found]
        if missing:
            built = build(missing)
            found.update(built)
            limit = getattr(settings, self.limit_setting)
            for key, value in built.items():
                while store and len(store) >= limit:
                    store.pop(next(iter(store)), None)
                store[key] = value
        return found

    def one(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value of `key`, computed by `compute()` when it is not kept."""
        return self.get_many([key], lambda _missing: {key: compute()})[key]


_fragments = Memo("FRAGMENT_CACHE_MAX_ENTRIES")


def fragments(kind: str, ids: Sequence[int], build: Callable[[list[int]], dict[int, T]]) -> list[T]:
    """The fragments of `ids`, in their order: those built before for this kind, language,
    generation and date from memory, the rest from one `build(missing_ids)` call, which returns
    {id: fragment} (an id it leaves out is left out of the answer, e.g. an organisation
    unpublished meanwhile)."""
    language = get_language() or settings.LANGUAGE_CODE

    def build_missing(keys: list[tuple[str, str, int]]) -> dict:
        built = build([key[2] for key in keys])
        return {(kind, language, pk): value for pk, value in built.items()}

    found = _fragments.get_many([(kind, language, pk) for pk in ids], build_missing)
    return [found[(kind, language, pk)] for pk in ids if (kind, language, pk) in found]  # type: ignore[misc]


def rendered(
    template_name: str,
    variable: str,
    objects: Callable[[], QuerySet],
    ids: Sequence[int],
    card: Callable[[Model, SafeString], T],
) -> list[T]:
    """For a list of cards: `card(obj, html)` of the objects `ids` of `objects()`, in that order,
    where `html` is `template_name` rendered with the object as `variable` (and nothing from the
    request), kept as `fragments()` keeps them; only the missing objects are fetched (`objects`
    is called only then: building a queryset with its prefetches is not free)."""

    def build(missing: list[int]) -> dict[int, T]:
        template = get_template(template_name)
        return {
            obj.pk: card(obj, mark_safe(template.render({variable: obj})))  # noqa: S308 (autoescaped template)
            for obj in objects().filter(pk__in=missing)
        }

    return fragments(template_name, ids, build)
