"""A desk's card in the wizard's result, rendered once per content generation, language and day
(portal.fragments, ADR 023) and reused for every result that recommends the desk.

A card holds only what is the same for every visitor: the desk's name, caveat, contact channels,
information card and what happens next, and its line on the route card. Why the desk fits comes
from the rule the answers matched, so the result's own template writes that between `head` and
`body`; nothing from the answers is ever part of a card or of its key (ADR 001).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from directory.models import Organisation
from directory.search import with_listing_data
from portal.fragments import fragments

PARTS = ("head", "body", "summary")  # referral/_desk_<part>.html
KIND = "referral/_desk_*.html"


@dataclass(frozen=True)
class DeskCard:
    slug: str
    head: SafeString  # the name, linked to the organisation's page, and its caveat
    body: SafeString  # contact channels, the information card, what happens next
    summary: SafeString  # the desk's line on the printable route card


def desk_cards(ids: Sequence[int]) -> list[DeskCard]:
    """The cards of the published organisations `ids`, in that order (others are left out)."""
    return fragments(KIND, ids, _render)


def _render(ids: list[int]) -> dict[int, DeskCard]:
    templates = [get_template(f"referral/_desk_{part}.html") for part in PARTS]
    organisations = with_listing_data(Organisation.objects.published().filter(pk__in=ids)).select_related(
        "information_practice"
    )
    cards = {}
    for organisation in organisations:
        # A template file ends with a newline that the result's layout does not have.
        head, body, summary = (
            mark_safe(template.render({"organisation": organisation}).removesuffix("\n"))  # noqa: S308 (autoescaped)
            for template in templates
        )
        cards[organisation.pk] = DeskCard(organisation.slug, head, body, summary)
    return cards
