"""Filters on a list page (the directory's facets, the campaign library's filters), in one place.

A filter narrows the results; within one filter, several chosen values mean "any of these", and
different filters must all hold. The count beside a value says how many results choosing it would
give (every *other* filter applied).

Each filter is defined by its *facts*: querysets of (owner, value) rows taken from the real
relations ("organisation 7 has audience burgers"). The filter's condition and its counts are both
derived from those same facts, so they cannot disagree, and a vocabulary edit (a new, renamed or
deleted audience) is seen by the very next request: there is nothing stored to rebuild.

Counting: the facts of a whole list are read in one query once per *content generation* (the
number a trigger changes with any change to public content, ADR 015) and kept in the process as
an index owner → values (`fact_index`); `narrow` then applies the chosen filters and counts every
option in Python over the listed owners, whatever their number: one pass, no query (ADR 022).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import itemgetter
from urllib.parse import urlencode

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Expression, F, QuerySet
from django.http import QueryDict
from django.utils.html import conditional_escape as escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.input import page_number
from portal.page_cache import remembered

PAGE_SIZE = 20
YES = "ja"
MAX_QUERY_LENGTH = 200
MAX_PAGE = 10_000


def facts(queryset: QuerySet, owner: str, value: str | Expression) -> QuerySet:
    """Rows (owner, value) of a filter: `owner` names the listed object's id, `value` the choice.

    `value` is a field path, or an expression such as `Value("ja")` for a yes/no filter.
    """
    if isinstance(value, str):
        value = F(value)
    return queryset.order_by().annotate(facet_owner=F(owner), facet_value=value)


def vocabulary(model) -> Callable[[], list[tuple[str, str]]]:
    """The choices of a filter over a vocabulary model (with `code` and `name`), in its order, in
    the active language; read once per content generation (ADR 022)."""

    def choices() -> list[tuple[str, str]]:
        key = ("choices", model._meta.label, get_language())
        return remembered(key, lambda: [(item.code, str(item.name)) for item in model.objects.all()])

    return choices


def related(relation, value: str) -> Callable[[], list[QuerySet]]:
    """The facts of a many-to-many relation (`Model.field`), with `value` a path from its through table."""
    owner = f"{relation.field.m2m_field_name()}_id"
    return lambda: [facts(relation.through.objects, owner, value)]


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False


@dataclass
class Facet:
    param: str
    legend: str
    choices: Callable[[], list[tuple[str, str]]]
    facts: Callable[[], list[QuerySet]]  # querysets made with facts(); together, every (owner, value)
    single: bool = False  # one value at most (a yes/no filter)
    hide_empty: bool = False  # show only values with results (or chosen ones)
    options: list[Option] = field(default_factory=list)
    _choices: list[tuple[str, str]] | None = None
    _facts: list[QuerySet] | None = None

    def get_choices(self) -> list[tuple[str, str]]:
        """The choices, computed once per request (they may come from the database)."""
        if self._choices is None:
            self._choices = [(value, str(label)) for value, label in self.choices()]
        return self._choices

    def get_facts(self) -> list[QuerySet]:
        if self._facts is None:
            self._facts = list(self.facts())
        return self._facts

    @property
    def visible_options(self) -> list[Option]:
        if not self.hide_empty:
            return self.options
        return [option for option in self.options if option.count or option.selected]

    def fieldset(self) -> SafeString:
        """The filter as a list page shows it: a fieldset of checkboxes with their counts (the
        directory's search and the campaign library). Built here, not in a template: a search
        page has about 40 checkboxes, and the template's include and loop were ~60 % of its
        rendering (cProfile)."""
        options = self.visible_options
        if not options:
            return mark_safe("")  # noqa: S308
        param = escape(self.param)
        items = []
        for option in options:
            input_id = escape(option_id(self.param, option.value))
            value, label = escape(option.value), escape(option.label)
            checked = " checked" if option.selected else ""
            items.append(
                f'\n    <li>\n      <input type="checkbox" id="{input_id}" name="{param}" value="{value}"{checked}>'
                f'\n      <label for="{input_id}">{label} <span class="count">({option.count})</span></label>'
                "\n    </li>\n    "
            )
        legend = escape(self.legend)
        return mark_safe(  # noqa: S308 (every part escaped above)
            f"\n<fieldset>\n  <legend>{legend}</legend>\n  <ul>\n    {''.join(items)}\n  </ul>\n</fieldset>\n"
        )


def option_id(param: str, value: str) -> str:
    """The id of a filter's checkbox: `f-<param>-<value>`, letters and digits only."""
    safe = "".join(ch if ch.isalnum() else "-" for ch in value)
    return f"f-{param}-{safe}"


@dataclass
class ListRequest:
    """A list page's search as read from the query string, with what could not be used."""

    query: str = ""
    selected: dict[str, list[str]] = field(default_factory=dict)
    page: int = 1
    notices: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # the parameters that were wrong (for the API)

    def as_params(self) -> list[tuple[str, str]]:
        params = [("q", self.query)] if self.query else []
        for param, values in self.selected.items():
            params.extend((param, value) for value in values)
        return params

    def url(self, page: int = 1, **replace: list[str]) -> str:
        """This search's address on another page, or with other values for some filters."""
        params = [(key, value) for key, value in self.as_params() if key not in replace]
        for key, values in replace.items():
            params.extend((key, value) for value in values)
        if page > 1:
            params.append(("pagina", str(page)))
        return "?" + urlencode(params) if params else "?"

    def refuse(self, param: str, notice: str) -> None:
        self.notices.append(notice)
        self.errors.append(param)


def read_request(data: QueryDict, facets: list[Facet], search: ListRequest) -> ListRequest:
    """Read and check a query string into `search`. Bad values are dropped with a notice, never
    an error page."""
    query = " ".join(data.get("q", "").split())
    if len(query) > MAX_QUERY_LENGTH:
        search.refuse(
            "q",
            _("Your search was very long. We searched for the first %(count)d characters.")
            % {"count": MAX_QUERY_LENGTH},
        )
        query = query[:MAX_QUERY_LENGTH]
    search.query = query

    for facet in facets:
        raw_values = [value for value in data.getlist(facet.param) if value]
        if not raw_values:
            continue
        known = {value for value, _label in facet.get_choices()}
        values = [value for value in dict.fromkeys(raw_values) if value in known]
        if len(values) < len(set(raw_values)):
            search.refuse(
                facet.param, _("We ignored a filter value we do not know in “%(filter)s”.") % {"filter": facet.legend}
            )
        if values:
            search.selected[facet.param] = values[:1] if facet.single else values

    page = page_number(data.get("pagina", "1"), MAX_PAGE)
    if page is not None:
        search.page = page
    else:
        search.refuse("pagina", _("That page number does not exist. We show the first page."))
        search.page = 1
    return search


def plain_rows(queryset: QuerySet, *names: str) -> list[tuple]:
    """The `names` columns of `queryset.values_list(*names)` as plain tuples, straight from the
    cursor: thousands of ranked ids cost a few ms this way, many more through the ORM's
    (translation-aware) iterable. Django orders the selected columns as it likes (annotations may
    come first): the columns are picked by their names."""
    try:
        sql, params = queryset.values_list(*names).query.sql_with_params()
    except EmptyResultSet:
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        columns = [column.name for column in cursor.description]
        if not set(names) <= set(columns):
            return list(queryset.values_list(*names))
        positions = [columns.index(name) for name in names]
        rows = cursor.fetchall()
    if positions == list(range(len(columns))):
        return rows
    return list(zip(*(map(itemgetter(position), rows) for position in positions), strict=True))


def in_order(queryset: QuerySet, ids: list[int]) -> list:
    """The objects of `queryset` in the order of `ids` (the page of a list narrowed in Python)."""
    by_id = {item.pk: item for item in queryset}
    return [by_id[pk] for pk in ids if pk in by_id]


@dataclass
class FactIndex:
    """Every owner's facts: its values per facet (in the order of the facets), and the numbers of
    the (facet, value) pairs it counts for (numbers hash faster than pairs: a search may count
    tens of thousands)."""

    owners: dict[int, tuple[tuple[frozenset[str], ...], tuple[int, ...]]]
    numbers: dict[tuple[int, str], int]


def _facts_sql(facets: list[Facet]) -> tuple[str, list]:
    parts, params = [], []
    for index, facet in enumerate(facets):
        for part in facet.get_facts():
            sql, part_params = part.values_list("facet_owner", "facet_value").query.sql_with_params()
            parts.append(f"SELECT {index}, p.facet_owner, p.facet_value::text FROM ({sql}) AS p")  # noqa: S608
            params.extend(part_params)
    return " UNION ALL ".join(parts), params


def fact_index(name: str, facets: list[Facet]) -> FactIndex:
    """Every owner's facts for the list `name`, read in one query and kept in this process until
    the content generation changes (ADR 022): an edit anywhere is seen by the very next request
    in every container, as with the page cache.

    The generation is read before the facts: a commit in between leaves newer facts under the
    older number, which the next request replaces; never older facts under a newer number.
    """
    return remembered(("facts", name), lambda: _read_facts(facets))


def _read_facts(facets: list[Facet]) -> FactIndex:
    sql, params = _facts_sql(facets)
    values: dict[int, list[set[str]]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for facet_index, owner, value in cursor.fetchall():
            if owner not in values:
                values[owner] = [set() for _facet in facets]
            values[owner][facet_index].add(value)
    numbers: dict[tuple[int, str], int] = {}
    owners = {
        owner: (
            tuple(frozenset(part) for part in parts),
            tuple(
                numbers.setdefault((facet_index, value), len(numbers))
                for facet_index, part in enumerate(parts)
                for value in sorted(part)
            ),
        )
        for owner, parts in values.items()
    }
    return FactIndex(owners, numbers)


def narrow(owners: Iterable[int], search: ListRequest, facets: list[Facet], index: FactIndex) -> list[int]:
    """The owners (in their order) that pass every chosen filter; fills each facet's options with
    counts: how many owners have that value and pass every chosen filter *except* the facet's own.
    """
    chosen = [(position, set(search.selected[facet.param])) for position, facet in enumerate(facets)
              if facet.param in search.selected]  # fmt: skip
    nothing = (tuple(frozenset() for _facet in facets), ())
    facts_of = index.owners
    kept: list[int] = []
    counted: list[int] = []
    if not chosen:
        # Nothing chosen (most searches): every owner is kept and counts for all its values; in
        # one pass at C speed, as a search may list thousands.
        kept = list(owners)
        counts = Counter(chain.from_iterable(map(itemgetter(1), map(facts_of.get, kept, repeat(nothing)))))
        owners = ()
    for owner in owners:
        per_facet, pairs = facts_of.get(owner, nothing)
        failed = [position for position, wanted in chosen if per_facet[position].isdisjoint(wanted)]
        if not failed:
            kept.append(owner)
            counted.extend(pairs)
        elif len(failed) == 1:
            # Fails only this facet's own filter: counts for this facet's values, no other.
            position = failed[0]
            counted.extend(index.numbers[position, value] for value in per_facet[position])
    if chosen:
        counts = Counter(counted)
    for position, facet in enumerate(facets):
        selected = set(search.selected.get(facet.param, []))
        facet.options = [
            Option(
                value=value,
                label=label,
                count=counts[index.numbers.get((position, value), -1)],
                selected=value in selected,
            )
            for value, label in facet.get_choices()
        ]
    return kept
