"""Filters on a list page (the directory's facets, the campaign library's filters), in one place.

A filter narrows the results; within one filter, several chosen values mean "any of these", and
different filters must all hold. The count beside a value says how many results choosing it would
give (every *other* filter applied).

Each filter is defined by its *facts*: querysets of (owner, value) rows taken from the real
relations ("organisation 7 has audience burgers"). The filter's condition and its counts are both
derived from those same facts, so they cannot disagree, and a vocabulary edit (a new, renamed or
deleted audience) is seen by the very next request: there is nothing stored to rebuild. The total
and every count come from one SQL query whatever the number of results (`count_options`).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import reduce
from urllib.parse import urlencode

from django.db import connection
from django.db.models import BooleanField, Expression, ExpressionWrapper, F, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _

from portal.input import page_number

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
    """The choices of a filter over a vocabulary model (with `code` and `name`), in its order."""
    return lambda: [(item.code, item.name) for item in model.objects.all()]


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

    def condition(self, values: list[str]) -> Q:
        """Owners with at least one of these values, from the same facts the counts use."""
        return reduce(
            operator.or_,
            (Q(pk__in=part.filter(facet_value__in=values).values("facet_owner")) for part in self.get_facts()),
        )

    @property
    def visible_options(self) -> list[Option]:
        if not self.hide_empty:
            return self.options
        return [option for option in self.options if option.count or option.selected]


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


def apply_filters(queryset: QuerySet, search: ListRequest, facets: list[Facet]) -> QuerySet:
    for facet in facets:
        if facet.param in search.selected:
            queryset = queryset.filter(facet.condition(search.selected[facet.param]))
    return queryset


def count_options(matched: QuerySet, search: ListRequest, facets: list[Facet]) -> int:
    """Fill each facet's options with counts (every other filter applied); return the number of
    results with all filters applied. One query, whatever the number of results.

    `matched` is what the page lists before any facet is applied (text search, area).
    """
    chosen = [(index, facet) for index, facet in enumerate(facets) if facet.param in search.selected]
    flags = {
        f"facet_ok_{index}": ExpressionWrapper(
            facet.condition(search.selected[facet.param]), output_field=BooleanField()
        )
        for index, facet in chosen
    }
    base = matched.order_by().annotate(facet_id=F("pk"), **flags).values("facet_id", *flags)
    base_sql, base_params = base.query.sql_with_params()
    # Django orders the selected columns as it likes: pick them by their names.
    columns = ", ".join(["q.facet_id AS id", *(f"q.facet_ok_{index} AS ok_{index}" for index, _facet in chosen)])
    parts, part_params = [], []
    for index, facet in enumerate(facets):
        for part in facet.get_facts():
            sql, params = part.values_list("facet_owner", "facet_value").query.sql_with_params()
            parts.append(f"SELECT {index}, p.facet_owner, p.facet_value::text FROM ({sql}) AS p")  # noqa: S608
            part_params.extend(params)
    all_chosen = " AND ".join(f"b.ok_{index}" for index, _facet in chosen) or "TRUE"
    # A fact of facet i counts when the owner passes every chosen filter except facet i's own.
    others = " AND ".join(f"(f.facet = {index} OR b.ok_{index})" for index, _facet in chosen) or "TRUE"
    # Only integers and fixed names are formatted in; every value travels as a parameter.
    query = (
        f"WITH base AS (SELECT {columns} FROM ({base_sql}) AS q), "  # noqa: S608
        f"facts(facet, owner, value) AS ({' UNION ALL '.join(parts)}) "
        f"SELECT -1, '', count(*) FROM base b WHERE {all_chosen} "
        "UNION ALL "
        "SELECT f.facet, f.value, count(DISTINCT f.owner) FROM facts f JOIN base b ON b.id = f.owner "
        f"WHERE {others} GROUP BY f.facet, f.value"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, [*base_params, *part_params])
        rows = cursor.fetchall()
    counts: dict[int, dict[str, int]] = {}
    total = 0
    for index, value, count in rows:
        if index < 0:
            total = count
        else:
            counts.setdefault(index, {})[value] = count
    for index, facet in enumerate(facets):
        selected = set(search.selected.get(facet.param, []))
        facet.options = [
            Option(value=value, label=label, count=counts.get(index, {}).get(value, 0), selected=value in selected)
            for value, label in facet.get_choices()
        ]
    return total
