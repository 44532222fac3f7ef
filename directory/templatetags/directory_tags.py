from functools import lru_cache

from django import template
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from directory.information import CardLine
from directory.information import information_card as card_lines
from directory.models import Organisation
from portal.templatetags.portal_tags import here

register = template.Library()


@register.simple_tag
def information_card(organisation: Organisation) -> SafeString:
    """The "what happens with your information" card of a desk (see directory.information)."""
    practice = organisation.information_practice
    note = here(practice, "note") if practice else ""
    return _card(get_language(), tuple(card_lines(organisation)), note)


@lru_cache(maxsize=256)
def _card(language: str | None, lines: tuple[CardLine, ...], note: str) -> SafeString:
    """The card's HTML, remembered by exactly what it shows (its lines and note, in one language):
    desks of one kind share it, and an edited answer or note is a new key, so it is never stale.
    Its five questions and answers in `{% if %}` chains were a tenth of an organisation page's
    template time (issue 15)."""
    html = get_template("directory/_information_card_body.html").render({"lines": lines, "note": note})
    return mark_safe(html)  # noqa: S308 (autoescaped template)
