"""Right-to-left pages done right: every run of left-to-right text inside Arabic text (phone
numbers, postcodes, dates, Latin-script names) is isolated in a <bdi>, so "0900-8844" never
shows as "8844-0900" and a name never drags the punctuation around it to the wrong side.

It works on the finished HTML of a right-to-left page (RightToLeftIsolationMiddleware), so it
covers templates, interface strings, content fields and rendered Markdown alike. Text inside
elements that cannot hold markup (title, option, script, …) or that already run left to right
is left alone. docs/arch/012-isolate-ltr-runs.md says why this is one pass over the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from portal.i18n import RTL_LANGUAGES

# Elements whose text must stay plain text, or already isolated.
_RAW = ("script", "style", "title", "textarea", "option", "bdi", "code", "pre", "svg")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|<!--.*?-->|<![^>]*>", re.DOTALL)
_LTR_ELEMENT = re.compile(r'\bdir\s*=\s*["\']?ltr', re.IGNORECASE)
_VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "area", "base", "col", "embed", "track"}
# A left-to-right run: starts and ends with a Latin letter or a digit (or closes a bracket) and may
# hold spaces, punctuation and character references in between (".", "-", "/", "&amp;", …); a
# comma only inside a number (450,000), so a list of names is isolated name by name.
_STRONG = r"[0-9A-Za-z\u00C0-\u024F]"
_INNER = r"(?:[0-9A-Za-z\u00C0-\u024F.:/@+_#'’()\-–— ]|,(?=\d)|&[a-zA-Z]+;|&#\d+;|&#x[0-9a-fA-F]+;)"
_RUN = re.compile(rf"{_STRONG}(?:{_INNER}*(?:{_STRONG}|\)))?")


def _unpaired_bracket(run: str) -> int | None:
    """Where the first bracket without its partner in the run stands, or None if all are paired."""
    opened: list[int] = []
    for index, character in enumerate(run):
        if character == "(":
            opened.append(index)
        elif character == ")":
            if not opened:
                return index
            opened.pop()
    return opened[0] if opened else None


def isolate_text(text: str) -> str:
    """Wrap every left-to-right run of already escaped text in <bdi>.

    A bracket goes into an isolate only with its partner: "(2024)" becomes "(<bdi>2024</bdi>)",
    never "(<bdi>2024)</bdi>", because the bidirectional algorithm pairs brackets only within one
    isolate; a lone one inside shows on the wrong side of the number (or the wrong way round).
    """
    out: list[str] = []
    position = 0
    while match := _RUN.search(text, position):
        start, end = match.span()
        while (unpaired := _unpaired_bracket(text[start:end])) is not None:
            end = _RUN.match(text, start, start + unpaired).end()  # the run before that bracket
        out.append(f"{text[position:start]}<bdi>{text[start:end]}</bdi>")
        position = end
    out.append(text[position:])
    return "".join(out)


def isolate_ltr_runs(html: str) -> str:
    """The same page with every left-to-right run outside raw and LTR elements in <bdi>."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag, text inside is left alone)
    position = 0
    for match in _TAG.finditer(html):
        text = html[position : match.start()]
        if text:
            out.append(text if stack and stack[-1][1] else isolate_text(text))
        out.append(match.group(0))
        position = match.end()
        closing, name = match.group(1), (match.group(2) or "").lower()
        if not name:
            continue
        if closing:
            while stack:
                if stack.pop()[0] == name:
                    break
        elif name not in _VOID and not match.group(3).rstrip().endswith("/"):
            left_alone = (stack and stack[-1][1]) or name in _RAW or bool(_LTR_ELEMENT.search(match.group(3)))
            stack.append((name, bool(left_alone)))
    tail = html[position:]
    out.append(tail if stack and stack[-1][1] else isolate_text(tail))
    return "".join(out)


class RightToLeftIsolationMiddleware:
    """Isolate left-to-right runs on the public pages of right-to-left languages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            get_language() in RTL_LANGUAGES
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not request.path.startswith("/beheer/")
        ):
            charset = response.charset or "utf-8"
            response.content = isolate_ltr_runs(response.content.decode(charset)).encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
