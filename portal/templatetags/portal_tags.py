from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

import markdown as markdown_lib
import nh3
from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote",
    "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "abbr", "code",
}  # fmt: skip


@register.filter
def markdown(text: str | None) -> SafeString:
    """Render editors' Markdown; any raw HTML they typed is stripped, never passed through."""
    from django.utils.translation import get_language

    return mark_safe(_rendered_markdown(text or "", get_language()))  # noqa: S308 - sanitised by nh3


@lru_cache(maxsize=256)
def _rendered_markdown(text: str, language: str | None) -> str:
    """The sanitised HTML of one text in one page language (a table's fallback label is
    translated). Remembered by the text itself, so an edited text is never served stale: parsing
    and sanitising took 3.5 ms of an information page's 8 ms (profile, issue 15)."""
    html = markdown_lib.markdown(text, extensions=["tables", "def_list", "sane_lists"])
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}},
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
    return _tables_in_regions(clean)


_HEADING = re.compile(r"<h[234][^>]*>(.*?)</h[234]>", re.S)


def _tables_in_regions(html: str) -> str:
    """Each table in its own labelled region that scrolls sideways on a narrow screen, so a
    wide table never squeezes its words (WCAG 1.4.10). The label is the heading above it."""
    from html import unescape

    from django.utils.html import escape, strip_tags
    from django.utils.translation import gettext

    parts = html.split("<table>")
    out = [parts[0]]
    for part in parts[1:]:
        headings = _HEADING.findall("".join(out))
        label = unescape(strip_tags(headings[-1])).strip() if headings else gettext("Table")
        out.append(f'<div class="table-scroll" role="region" tabindex="0" aria-label="{escape(label)}"><table>')
        out.append(part.replace("</table>", "</table></div>", 1))
    return "".join(out)


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.tag
def per_language(parser: template.base.Parser, token: template.base.Token) -> PerLanguageNode:
    """`{% per_language %}…{% endper_language %}`: the layout's parts that are the same on every
    page of one language (skip link, quick exit, menu, footer), rendered once per language in this
    process instead of on every request (their 17 links and 25 translations were a fifth of the
    home page's time; profile, issue 15). Only interface text, `{% url %}` and `{% static %}` may
    go inside: nothing from the request, the page or the database."""
    nodelist = parser.parse(("endper_language",))
    parser.delete_first_token()
    return PerLanguageNode(nodelist)


class PerLanguageNode(template.Node):
    def __init__(self, nodelist: template.NodeList):
        self.nodelist = nodelist
        self.rendered: dict[str | None, SafeString] = {}

    def render(self, context: template.Context) -> SafeString:
        from django.utils.translation import get_language

        language = get_language()
        html = self.rendered.get(language)
        if html is None:
            html = self.rendered[language] = mark_safe(self.nodelist.render(context))  # noqa: S308 (rendered template)
        return html


@register.filter
def jsonld(data: dict) -> SafeString:
    """A schema.org JSON-LD block; <, > and & are escaped so no text can close the script."""
    import json

    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


@register.simple_tag
def lang_attr(obj: object, field: str) -> str:
    """` lang="…" dir="…"` when a field falls back to another language, so screen readers
    pronounce it right; nothing when the text is in the page's own language."""
    from django.utils.html import format_html
    from django.utils.translation import get_language

    from portal.i18n import direction, shown_language

    shown = shown_language(obj, field)
    if shown == get_language():
        return ""
    return format_html(' lang="{}" dir="{}"', shown, direction(shown))


@register.filter
def source_label(source: str) -> SafeString:
    """A "Bron" value in the page's language where its wording is known (portal.sources)."""
    from portal.sources import source_label as label

    return label(source or "")


def _list_separator() -> str:
    from django.utils.translation import get_language

    return "، " if get_language() == "ar" else ", "


@register.simple_tag
def list_comma() -> str:
    """The comma between items of a list in the page's language (Arabic has its own: ،)."""
    return _list_separator()


@register.filter
def join_list(items) -> str:
    """Items joined with the page language's list comma (escaped like any other text)."""
    from django.utils.html import conditional_escape

    return mark_safe(_list_separator().join(conditional_escape(item) for item in items))  # noqa: S308


# A phone number as the site's texts write it. Not part of a longer Latin word or number; an
# Arabic letter may touch it ("و0800-2000", "and 0800-2000": the conjunction is written joined).
_NOT_NEXT_TO = r"0-9A-Za-z\u00C0-\u024F_-"
_NUMBER_FORMS = r"112|0[89]00[- ]?\d{4}|0\d{2,3}[- ]?\d{3}[- ]?\d{2}[- ]?\d{2}"
_PHONE_NUMBER = re.compile(rf"(?<![{_NOT_NEXT_TO}])({_NUMBER_FORMS})(?![{_NOT_NEXT_TO}])")


def _call_link(match: re.Match) -> str:
    """A tap-to-call link for a matched number; dir="ltr" isolates it on Arabic pages (ADR 012)."""
    from directory.models import dialable

    return f'<a href="tel:{dialable(match.group(1))}" dir="ltr">{match.group(1)}</a>'


@register.filter
def tel_links(text: str) -> SafeString:
    """Translated text with its phone numbers (112, 0800-2000, 033 448 11 86) as tap-to-call links.

    The text is escaped first; numbers are isolated left-to-right, also in Arabic.
    """
    return mark_safe(_PHONE_NUMBER.sub(_call_link, escape(text)))  # noqa: S308 - escaped just above


_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")


@register.filter
def published_tel_links(html: SafeString, numbers: Collection[str]) -> SafeString:
    """Rendered HTML (an information page) with each phone number that is a published, sourced
    channel (`numbers`: dialable forms) as a tap-to-call link. Other numbers stay plain text, and
    text inside tags or existing links is left as it is."""
    from directory.models import dialable

    out: list[str] = []
    in_link = 0
    for part in _TAG_OR_TEXT.split(html):
        if part.startswith("<"):
            name = part[1:].split(maxsplit=1)[0].lower().rstrip(">") if len(part) > 2 else ""
            in_link += 1 if name == "a" else -1 if name == "/a" else 0
            out.append(part)
        elif in_link > 0:
            out.append(part)
        else:
            out.append(
                _PHONE_NUMBER.sub(
                    lambda match: _call_link(match) if dialable(match.group(1)) in numbers else match.group(0), part
                )
            )
    return mark_safe("".join(out))  # noqa: S308 - only links around numbers added to safe HTML


@register.filter
def here(obj: object, field: str) -> str:
    """A content field only when it is written in the page's language, else "": for short extras
    (a channel's label, its hours, a note) that would otherwise appear in a language the reader
    may not read, until they are translated."""
    from django.utils.translation import get_language

    from portal.i18n import shown_language

    return getattr(obj, field, "") if shown_language(obj, field) == get_language() else ""
