"""Source labels ("Bron") in the reader's language.

The seed names its sources in Dutch: the 2024 inventory report (with an appendix), and the
national numbers recorded by CoMensha's editors. Those known parts are shown in the page's
language; any other wording (typed by an editor) is shown as written, marked as Dutch.
"""

from __future__ import annotations

import re

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

REPORT_NL = "Inventarisatie bewustwordingscampagnes, meldpunten en kenniscentra mensenhandel"
SEARCH_NL = "(online zoektocht sept.–okt. 2024)"
NATIONAL_NUMBERS_NL = "Landelijke nummers, vastgelegd door de redactie van CoMensha"
_APPENDIX = re.compile(r"\bbijlage (?P<section>[A-Z](?:\.\d+)*)")
_LEFTOVER = re.compile(r"[\s,.;:()–§\d-]*")  # section and page numbers


def source_label(source: str) -> SafeString:
    """The source in the page's language where its wording is known, else as written (Dutch)."""
    parts = {
        REPORT_NL: _("Inventory of awareness campaigns, reporting points and knowledge centres on human trafficking"),
        SEARCH_NL: _("(online search, September–October 2024)"),
        NATIONAL_NUMBERS_NL: _("National numbers, recorded by CoMensha's editors"),
    }
    text = source
    for dutch, translated in parts.items():
        text = text.replace(dutch, translated)
    text = _APPENDIX.sub(lambda match: _("appendix %(section)s") % {"section": match["section"]}, text)
    rest = source
    for dutch in parts:
        rest = rest.replace(dutch, "")
    rest = _APPENDIX.sub("", rest)
    if _LEFTOVER.fullmatch(rest) or (get_language() or "nl") == "nl":
        return format_html("{}", text)
    return format_html('<span lang="nl" dir="ltr">{}</span>', source)
