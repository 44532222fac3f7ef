"""What the directory's facets and the campaign library's filters share: a filter on a list page,
with its choices, how it narrows a queryset, and how many results each choice would give."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet


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
    condition: Callable[[list[str]], Q]
    counter: Callable[[QuerySet], dict[str, int]]
    single: bool = False  # one value at most (a yes/no filter)
    hide_empty: bool = False  # show only values with results (or chosen ones)
    options: list[Option] = field(default_factory=list)
    _choices: list[tuple[str, str]] | None = None

    def get_choices(self) -> list[tuple[str, str]]:
        """The choices, computed once per request (they may come from the database)."""
        if self._choices is None:
            self._choices = [(value, str(label)) for value, label in self.choices()]
        return self._choices

    @property
    def visible_options(self) -> list[Option]:
        if not self.hide_empty:
            return self.options
        return [option for option in self.options if option.count or option.selected]
