"""An organisation's vocabulary links (forms, audiences, chain roles and areas) in its own row.

Prefetching the seven many-to-many relations an organisation's page shows cost seven queries and
about 8 of the page's 17 ms of Python (profile, issue 15), for rows from small tables that change
only with content. Here the vocabularies are remembered per content generation
(`portal.rows.vocabulary`, ADR 022) and array columns of the organisation's own row say which of them it
links to; the result is handed to Django as if it were prefetched, so `organisation.forms.all()` and
the templates work unchanged and keep each vocabulary's own order.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from directory.models import Organisation
from portal.rows import as_prefetched, in_vocabulary_order, linked_ids

RELATIONS = ("audiences", "forms", "chain_roles", "provinces", "safety_regions", "police_units", "municipalities")


@cache
def link_columns() -> str:
    """One `ARRAY(...)` column per relation, in RELATIONS' order, for a SELECT from the
    organisation table as "t": the ids each organisation links to (`attach_links` reads them)."""
    return ", ".join(linked_ids(Organisation._meta.get_field(name)) for name in RELATIONS)


def attach_links(organisation: Organisation, linked: Sequence[Sequence[int]]) -> None:
    """Fill the RELATIONS of `organisation` from the `link_columns()` of its row, as
    `prefetch_related(*RELATIONS)` would, each in its vocabulary's own order."""
    for name, ids in zip(RELATIONS, linked, strict=True):
        as_prefetched(organisation, name, in_vocabulary_order(Organisation._meta.get_field(name).related_model, ids))
