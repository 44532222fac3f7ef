"""Model instances straight from the cursor, and vocabularies handed to Django as if prefetched.

Compiling an ORM query (with modeltranslation's rewriting of every translated field) and running
`prefetch_related` cost more than the rows themselves: an organisation's page spent about 1.7 ms
of Python on its own row and 2.8 ms on its channels with their languages (profile, issue 15), for
one row and a handful of channels. Here the SQL is written once per process from the model's own
metadata, and the instances are built by `Model.from_db`, as the ORM builds them, so templates and
properties work unchanged. Small vocabularies (languages, kinds of desk, forms, …) are remembered
per content generation (`portal.page_cache.remembered`, ADR 022) and attached as prefetched.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from django.db import connection
from django.db.models import ManyToManyField, Model
from django.utils.translation import get_language

from portal.page_cache import remembered


@cache
def columns(model: type[Model], skip: frozenset[str] = frozenset()) -> tuple[list[str], str]:
    """The attribute names of `model`'s concrete fields but `skip` (editors' texts, search
    columns), and their quoted column list for a SELECT from the model's table (alias "t")."""
    fields = [field for field in model._meta.concrete_fields if field.attname not in skip]
    return [field.attname for field in fields], ", ".join(f't."{field.column}"' for field in fields)


def linked_ids(field: ManyToManyField) -> str:
    """An `ARRAY(...)` column of the ids a row of the table aliased "t" links to through the
    many-to-many `field` (`Model._meta.get_field(name)`), for `in_vocabulary_order`."""
    table = field.remote_field.through._meta.db_table
    owner, target = field.m2m_column_name(), field.m2m_reverse_name()
    # Table and column names come from the models, never from input.
    return f'ARRAY(SELECT l."{target}" FROM "{table}" l WHERE l."{owner}" = t."id")'  # noqa: S608


def instances(model: type[Model], names: Sequence[str], rows: Iterable[Sequence]) -> list[Model]:
    """`model` instances of `rows` whose first len(names) values are the fields `names` (the
    fields not named are deferred, as with `.only()`)."""
    count = len(names)
    return [model.from_db(connection.alias, names, row[:count]) for row in rows]


def vocabulary(model: type[Model]) -> dict[int, tuple[int, Model]]:
    """pk → (position in the model's own order, instance) of a small vocabulary, remembered per
    content generation and language (a translated name orders by the page language's name)."""
    return remembered(
        ("portal.rows.vocabulary", model._meta.label, get_language()),
        lambda: {item.pk: (index, item) for index, item in enumerate(model.objects.all())},
    )


def in_vocabulary_order(model: type[Model], ids: Iterable[int]) -> list[Model]:
    """The vocabulary items `ids` in the vocabulary's own order (an id not there is left out)."""
    items = vocabulary(model)
    return [item for _index, item in sorted(items[pk] for pk in ids if pk in items)]


def as_prefetched(instance: Model, name: str, items: list[Model]) -> None:
    """What Django's prefetch_related stores for one relation of one object (prefetch_one_level),
    so `instance.<name>.all()` gives `items` without a query."""
    queryset = getattr(instance, name).get_queryset()
    queryset._result_cache = items
    queryset._prefetch_done = True
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[name] = queryset
