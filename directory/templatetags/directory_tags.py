from django import template

from directory.information import information_card as card_lines
from directory.models import Organisation

register = template.Library()


@register.simple_tag
def information_card(organisation: Organisation):
    """The "what happens with your information" lines of a desk (see directory.information)."""
    return card_lines(organisation)
