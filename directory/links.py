"""An organisation's vocabulary links (forms, audiences, chain roles and areas) in one query.

Prefetching the seven many-to-many relations an organisation's page shows cost seven queries and
about 8 of the page's 17 ms of Python (profile, issue 15), for rows from small tables that change
only with content. Here the vocabularies are remembered per content generation
(`portal.rows.vocabulary`, ADR 022) and one query reads which of them each organisation links
to; the result is handed to Django as if it were prefetched, so `organisation.forms.all()` and
the templates work unchanged and keep each vocabulary's own order.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from directory.models import Organisation
from portal.rows import as_prefetched, in_vocabulary_order

RELATIONS = ("audiences", "forms", "chain_roles", "provinces", "safety_regions", "police_units", "municipalities")


def attach_links(organisations: Sequence[Organisation]) -> None:
    """Fill the RELATIONS of `organisations` (one query, whatever their number), as
    `prefetch_related(*RELATIONS)` would."""
    ids = [organisation.pk for organisation in organisations]
    if not ids:
        return
    parts, params = [], []
    for name in RELATIONS:
        field = Organisation._meta.get_field(name)
        table = field.remote_field.through._meta.db_table
        owner, target = field.m2m_column_name(), field.m2m_reverse_name()
        # Table and column names come from the models, never from input.
        parts.append(f'SELECT %s, "{owner}", "{target}" FROM "{table}" WHERE "{owner}" = ANY(%s)')  # noqa: S608
        params += [name, ids]
    linked: dict[tuple[str, int], list[int]] = {}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for name, owner_id, target_id in cursor.fetchall():
            linked.setdefault((name, owner_id), []).append(target_id)
    for name in RELATIONS:
        model = Organisation._meta.get_field(name).related_model
        for organisation in organisations:
            as_prefetched(organisation, name, in_vocabulary_order(model, linked.get((name, organisation.pk), ())))
