"""Source labels ("Bron") in the reader's language.

The seed names its sources in Dutch: the 2024 inventory report (with its appendices, chapters,
sections and footnotes), and the national numbers recorded by CoMensha's editors. Those known
parts are shown in the page's language; any other wording (typed by an editor) is shown as
written, marked as Dutch. A bare web address (a contact route's source) is no language.

The stored source keeps the report's exact title, so editors can find the report. The public
line says in plain words (B1, issue 14 §3) what the source is: research for CoMensha, searched on
the internet in September and October 2024, and which part of the report. In Dutch too, the
public wording comes from the catalogue.
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
# Where in the report: "bijlage B.3.2", "§2.5", "hoofdstuk 2", "voetnoot 7", "(campagne …)".
_WHERE = [
    (re.compile(r"\bbijlage (?P<n>[A-Z](?:\.\d+)*)"), lambda n: _("appendix %(section)s") % {"section": n}),
    (re.compile(r"§\s?(?P<n>\d+(?:\.\d+)*)"), lambda n: _("part %(number)s") % {"number": n}),
    (re.compile(r"\bhoofdstuk (?P<n>\d+)"), lambda n: _("chapter %(number)s") % {"number": n}),
    (re.compile(r"\bvoetnoot (?P<n>\d+)"), lambda n: _("footnote %(number)s") % {"number": n}),
    (re.compile(r"\(campagne (?P<n>[^()]+)\)"), lambda n: _("(campaign %(name)s)") % {"name": n}),
]
_LEFTOVER = re.compile(r"[\s,.;:()–\d-]*")  # years and the punctuation between the parts
_WEB_ADDRESS = re.compile(r"[\w-]+(?:\.[\w-]+)+")


def source_label(source: str) -> SafeString:
    """The source in the page's language where its wording is known, else as written (Dutch)."""
    parts = {
        REPORT_NL: _("Research for CoMensha into campaigns, reporting points and knowledge centres"),
        SEARCH_NL: _("(searched on the internet in September and October 2024)"),
        NATIONAL_NUMBERS_NL: _("National numbers, recorded by CoMensha's editors"),
    }
    text = rest = source
    for dutch, translated in parts.items():
        text = text.replace(dutch, translated)
        rest = rest.replace(dutch, "")
    for pattern, translate in _WHERE:
        text = pattern.sub(lambda match, translate=translate: translate(match["n"]), text)
        rest = pattern.sub("", rest)
    language = get_language() or "nl"
    if _LEFTOVER.fullmatch(rest) or _WEB_ADDRESS.fullmatch(source):
        if language == "ar":
            text = text.replace(", ", "، ")  # the Arabic list comma between the known parts
        return format_html("{}", text)
    if language == "nl":
        return format_html("{}", text)
    return format_html('<span lang="nl" dir="ltr">{}</span>', source)
