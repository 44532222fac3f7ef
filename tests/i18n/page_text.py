"""Reading a rendered page the way a reader meets it: the words of its main text with the
language each is in, and every number with whether it is isolated left-to-right."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
NUMBER = re.compile(r"\d+(?:[.,:/-]\d+)*")
ADDRESS = re.compile(r"\S+@\S+|https?://\S+|\b[\w.-]+\.(?:nl|com|org|eu)\b/?\S*")  # not words of any language
SKIPPED = {"script", "style", "template", "svg"}
VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "area", "base", "col", "embed", "track"}

# Words that mark a run of text as Dutch or English when it sits, unmarked, on a page in another
# language. Only words that are not also common words of the page's own language count.
MARKERS = {
    "nl": {
        "het",
        "een",
        "van",
        "voor",
        "je",
        "jij",
        "jouw",
        "bij",
        "met",
        "niet",
        "zijn",
        "wordt",
        "worden",
        "kunnen",
        "kun",
        "naar",
        "ook",
        "wat",
        "hoe",
        "deze",
        "dit",
        "waar",
        "heeft",
        "hebben",
        "mensenhandel",
        "uitbuiting",
        "slachtoffers",
        "gemeente",
        "melden",
        "hulp",
        "opvang",
        "burgers",
        "en",
        "de",
        "op",
        "of",
        "te",
        "dat",
        "die",
        "er",
        "om",
        "uit",
        "als",
        "aan",
        "over",
        "hier",
        "kan",
        "meldpunt",
    },
    "en": {
        "the",
        "and",
        "you",
        "your",
        "for",
        "with",
        "is",
        "are",
        "to",
        "of",
        "in",
        "this",
        "that",
        "can",
        "help",
        "police",
        "report",
        "who",
        "what",
        "where",
        "people",
        "victims",
        "human",
        "trafficking",
    },
}
OWN_WORDS = {
    "en": {"in", "is", "of", "die", "over", "hier", "be"},
    "pl": {"je", "te", "to", "na", "o", "dla"},
    "ro": {"de", "te", "om", "in", "care", "are"},
    "nl": {"in", "is", "over", "help"},
}


@dataclass
class Node:
    text: str
    lang: str
    name: bool  # inside an element marked translate="no": a name, not counted
    isolated: bool  # inside <bdi> or an element with dir="ltr"
    raw: bool  # inside an element that cannot hold markup (title, option, textarea)
    main: bool  # part of the page's main text


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.nodes: list[Node] = []
        self.in_main = False
        # (tag, lang, name, isolated, raw, skipped) of each open element
        self._stack: list[tuple[str, str, bool, bool, bool, bool]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang", "")
        if tag in VOID:
            return
        parent = self._stack[-1] if self._stack else ("", self.lang, False, False, False, False)
        self._stack.append(
            (
                tag,
                attributes.get("lang", parent[1]) or parent[1],
                parent[2] or attributes.get("translate") == "no",
                parent[3] or tag == "bdi" or attributes.get("dir") == "ltr",
                parent[4] or tag in ("title", "option", "textarea"),
                parent[5] or tag in SKIPPED,
            )
        )
        if tag == "main":
            self.in_main = True

    def handle_endtag(self, tag):
        while self._stack:
            if self._stack.pop()[0] == tag:
                break
        if tag == "main":
            self.in_main = False

    def handle_data(self, data):
        if not data.strip() or not self._stack:
            return
        tag, lang, name, isolated, raw, skipped = self._stack[-1]
        if not skipped:
            self.nodes.append(Node(data, lang, name, isolated, raw, self.in_main))


def read(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def _foreign_words(node: Node, page_lang: str) -> tuple[int, int]:
    """(words counted, words not in the page's language) of one text node; names aside."""
    words = WORD.findall(ADDRESS.sub(" ", node.text))
    if node.name or not words:
        return 0, 0
    if node.lang.split("-")[0] != page_lang:
        return len(words), len(words)
    if page_lang in ("bg", "uk", "ar"):
        # Latin script in Cyrillic or Arabic text: foreign, unless it is a name (capitalised).
        foreign = sum(1 for word in words if LATIN.match(word) and not word[0].isupper())
        return len(words), foreign
    lowered = [word.lower() for word in words]
    for other, markers in MARKERS.items():
        if other == page_lang:
            continue
        distinct = markers - OWN_WORDS.get(page_lang, set())
        hits = sum(1 for word in lowered if word in distinct)
        if len(words) >= 3 and hits / len(words) >= 0.2:
            return len(words), len(words)
    return len(words), 0


def foreign_share(html: str) -> tuple[float, list[str]]:
    """The share of the main text's words that are not in the page's language, and those texts."""
    page = read(html)
    counted = foreign = 0
    examples: list[str] = []
    for node in page.nodes:
        if not node.main:
            continue
        words, other = _foreign_words(node, page.lang)
        counted += words
        foreign += other
        if other:
            examples.append(node.text.strip()[:80])
    return (foreign / counted if counted else 0.0), examples


def unisolated_numbers(html: str) -> list[str]:
    """Numbers in the page's text that are not isolated left-to-right (raw elements aside)."""
    page = read(html)
    return [
        node.text.strip()[:80] for node in page.nodes if not node.isolated and not node.raw and NUMBER.search(node.text)
    ]


def unisolated_latin(html: str) -> list[str]:
    page = read(html)
    return [
        node.text.strip()[:80] for node in page.nodes if not node.isolated and not node.raw and LATIN.search(node.text)
    ]


ISOLATE = re.compile(r"<bdi>(.*?)</bdi>", re.DOTALL)
TAG = re.compile(r"<[^>]*>")


def lone_brackets_in_isolates(html: str) -> list[str]:
    """Isolates holding a bracket without its partner ("<bdi>2024)</bdi>"): the bracket then shows
    on the wrong side of the number, since brackets pair only within one isolate."""
    lone = []
    for match in ISOLATE.finditer(html):
        text = TAG.sub("", match.group(1))
        depth = 0
        for character in text:
            depth += {"(": 1, ")": -1}.get(character, 0)
            if depth < 0:
                break
        if depth != 0:
            lone.append(text[:80])
    return lone
