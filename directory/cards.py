"""An organisation's result card (directory/_result.html), rendered once per content generation,
language and day (portal/fragments.py, ADR 023) for every list that shows it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from directory.models import Organisation
from directory.search import with_listing_data
from portal.fragments import fragments

TEMPLATE = "directory/_result.html"


@dataclass(frozen=True)
class ResultCard:
    """What a list needs of one organisation: its card's HTML, and its id, address and name (for
    tiers and tests); the same for every visitor of one language on one day."""

    pk: int
    slug: str
    name: str
    html: SafeString

    def __str__(self) -> str:
        return self.name


def result_cards(ids: Sequence[int]) -> list[ResultCard]:
    """The cards of the organisations `ids`, in that order (an id that is not there is left out)."""
    return fragments(TEMPLATE, ids, _render)


def _render(ids: list[int]) -> dict[int, ResultCard]:
    template = get_template(TEMPLATE)
    return {
        organisation.pk: ResultCard(
            organisation.pk,
            organisation.slug,
            organisation.name,
            mark_safe(template.render({"organisation": organisation})),  # noqa: S308 (autoescaped template)
        )
        for organisation in with_listing_data(Organisation.objects.filter(pk__in=ids))
    }
