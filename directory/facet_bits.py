"""Facet counts in one query: each organisation carries its facet values as bits.

Counting "how many results would choosing this value give" for every value of every facet needs,
per facet, the results with all *other* filters applied. With the values stored as bits
(`Organisation.facet_bits`), PostgreSQL counts all of them in a single pass over the matching
rows with `count(*) FILTER (…)`, however many organisations match. The bits are written by
`directory.search.reindex()`; the same answers come from the plain ORM filters in facets.py,
which the tests compare.

Layout: fixed facets (kind, scale, channel kinds, 24/7, anonymous, the four forms) take bits
0–15; audiences take bits 16–39 and languages 40–62, by their order of creation.
"""

from __future__ import annotations

from directory.models import Audience, ContactChannel, Language, Organisation

FIXED_BITS: dict[tuple[str, str], int] = {
    ("soort", "meldpunt"): 0,
    ("soort", "kenniscentrum"): 1,
    ("schaal", "national"): 2,
    ("schaal", "regional"): 3,
    ("schaal", "local"): 4,
    ("kanaal", "phone"): 5,
    ("kanaal", "email"): 6,
    ("kanaal", "web_form"): 7,
    ("kanaal", "chat"): 8,
    ("kanaal", "walk_in"): 9,
    ("dag-en-nacht", "ja"): 10,
    ("anoniem", "ja"): 11,
    ("vorm", "sexual"): 12,
    ("vorm", "labour"): 13,
    ("vorm", "criminal"): 14,
    ("vorm", "organ"): 15,
}
AUDIENCE_BASE, AUDIENCE_ROOM = 16, 24
LANGUAGE_BASE, LANGUAGE_ROOM = 40, 23


class Layout:
    """Which bit stands for which facet value, for the vocabularies as they are now."""

    def __init__(self) -> None:
        self.bits = dict(FIXED_BITS)
        audiences = list(Audience.objects.order_by("pk").values_list("code", flat=True))
        languages = list(Language.objects.order_by("pk").values_list("code", flat=True))
        self.complete = len(audiences) <= AUDIENCE_ROOM and len(languages) <= LANGUAGE_ROOM
        for index, code in enumerate(audiences[:AUDIENCE_ROOM]):
            self.bits[("doelgroep", code)] = AUDIENCE_BASE + index
        for index, code in enumerate(languages[:LANGUAGE_ROOM]):
            self.bits[("taal", code)] = LANGUAGE_BASE + index

    def mask(self, param: str, values: list[str]) -> int | None:
        """The bits of these values, or None when one of them has no bit."""
        mask = 0
        for value in values:
            bit = self.bits.get((param, value))
            if bit is None:
                return None
            mask |= 1 << bit
        return mask

    def bits_of(self, organisation: Organisation) -> int:
        """An organisation's bits (uses prefetched forms, audiences and channels with languages)."""
        found: set[tuple[str, str]] = set()
        if organisation.kind in ("meldpunt", "both"):
            found.add(("soort", "meldpunt"))
        if organisation.kind in ("kenniscentrum", "both"):
            found.add(("soort", "kenniscentrum"))
        found.add(("schaal", organisation.scale))
        found.update(("vorm", form.code) for form in organisation.forms.all())
        found.update(("doelgroep", audience.code) for audience in organisation.audiences.all())
        for channel in organisation.channels.all():
            if not channel.last_verified or not channel.source:
                continue
            found.add(("kanaal", channel.kind))
            if channel.is_24_7:
                found.add(("dag-en-nacht", "ja"))
            if channel.anonymous:
                found.add(("anoniem", "ja"))
            found.update(("taal", language.code) for language in channel.languages.all())
        value = 0
        for key in found:
            if key in self.bits:
                value |= 1 << self.bits[key]
        return value


def count_with_bits(
    layout: Layout, matched_sql: tuple[str, tuple] | None, serving_sql: tuple[str, tuple] | None,
    selected: dict[str, list[str]], params: list[str], choices: dict[str, list[str]],
) -> tuple[int, dict[str, dict[str, int]]] | None:  # fmt: skip
    """(total, counts per facet and value) in one query, or None when the bits cannot say."""
    from django.db import connection

    masks = {}
    for param in params:
        if param in selected:
            mask = layout.mask(param, selected[param])
            if mask is None:
                return None
            masks[param] = mask
    where = ["published"]
    sql_params: list = []
    # The text search and the area are the same ORM queries the result list uses, as subqueries.
    for subquery in (matched_sql, serving_sql):
        if subquery is not None:
            where.append(f"id IN ({subquery[0]})")
            sql_params.extend(subquery[1])

    def others(skip: str) -> str:
        parts = [f"(facet_bits & {mask}) <> 0" for param, mask in masks.items() if param != skip]
        return " AND ".join(parts) or "TRUE"

    columns = [f"count(*) FILTER (WHERE {others('')})"]
    keys: list[tuple[str, str]] = []
    for param in params:
        for value in choices[param]:
            mask = layout.mask(param, [value])
            if mask is None:
                return None
            columns.append(f"count(*) FILTER (WHERE {others(param)} AND (facet_bits & {mask}) <> 0)")
            keys.append((param, value))
    query = f"SELECT {', '.join(columns)} FROM directory_organisation WHERE {' AND '.join(where)}"  # noqa: S608 - only integers and fixed names
    with connection.cursor() as cursor:
        cursor.execute(query, sql_params)
        row = cursor.fetchone()
    counts: dict[str, dict[str, int]] = {param: {} for param in params}
    for (param, value), count in zip(keys, row[1:], strict=True):
        counts[param][value] = count
    return row[0], counts


__all__ = ["Layout", "count_with_bits", "ContactChannel"]
