"""An organisation's result card (directory/_result.html), rendered once per content generation,
language and day (portal/fragments.py, ADR 023) for every list that shows it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.safestring import SafeString

from directory.models import Organisation
from directory.search import with_listing_data
from portal.fragments import rendered

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
    return rendered(
        TEMPLATE,
        "organisation",
        lambda: with_listing_data(Organisation.objects.all()),
        ids,
        lambda organisation, html: ResultCard(organisation.pk, organisation.slug, organisation.name, html),
    )
