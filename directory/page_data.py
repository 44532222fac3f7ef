"""An organisation's page: its row, its kind of desk, its channels with their languages, and its
vocabulary links, in two queries straight from the cursor (portal/rows.py).

Through the ORM (`select_related` + `prefetch_related("channels__languages")`) the same data took
three queries and about 4.5 ms of Python per request at the seed data, most of it compiling SQL
and prefetching, for one row and a few channels (issue 15, docs/performance.md). The instances
are the models' own, so the templates, `published_channels()`, `is_stale` and the JSON-LD work
unchanged; the kind of desk and the languages come from vocabularies remembered per content
generation, like the forms and areas (directory/links.py).
"""

from __future__ import annotations

from django.db import connection

from directory.links import attach_links, link_columns
from directory.models import ContactChannel, InformationPractice, Language, Organisation
from portal.rows import as_prefetched, columns, in_vocabulary_order, instances, linked_ids, vocabulary

# Editors' and search columns: never shown on the page, and the largest of the row.
ORGANISATION_SKIP = frozenset({"search_text", "search_vector", "source_text", "review_note"})
CHANNEL_SKIP = frozenset({"excerpt", "source_note", "review_reason"})


def published_organisation(slug: str) -> Organisation | None:
    """The published organisation `slug` with everything its page shows, or None."""
    names, select = columns(Organisation, ORGANISATION_SKIP)
    table = Organisation._meta.db_table
    with connection.cursor() as cursor:
        # Table and column names come from the model, never from input.
        cursor.execute(
            f'SELECT {select}, {link_columns()} FROM "{table}" t WHERE t."slug" = %s AND t."published"',  # noqa: S608
            [slug],
        )
        rows = cursor.fetchall()
    if not rows:
        return None
    organisation = instances(Organisation, names, rows)[0]
    practice = vocabulary(InformationPractice).get(organisation.information_practice_id)
    Organisation.information_practice.field.set_cached_value(organisation, practice[1] if practice else None)
    as_prefetched(organisation, "channels", _channels(organisation))
    attach_links(organisation, rows[0][len(names) :])
    return organisation


def _channels(organisation: Organisation) -> list[ContactChannel]:
    """All its channels in their order (which of them the public may see is the model's rule,
    `published_channels()`), each with its languages."""
    names, select = columns(ContactChannel, CHANNEL_SKIP)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {select}, {linked_ids(ContactChannel.languages.field)} "  # noqa: S608 (names from the models)
            f'FROM "{ContactChannel._meta.db_table}" t WHERE t."organisation_id" = %s ORDER BY t."order", t."id"',
            [organisation.pk],
        )
        rows = cursor.fetchall()
    channels = instances(ContactChannel, names, rows)
    for channel, row in zip(channels, rows, strict=True):
        ContactChannel.organisation.field.set_cached_value(channel, organisation)
        as_prefetched(channel, "languages", in_vocabulary_order(Language, row[-1]))
    return channels
