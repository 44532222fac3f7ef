"""Plain-language checks for editors: Dutch at B1 means short sentences (at most about 20 words).

A report, not a rule: a long sentence can be right (a list of examples), so editors decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LONG_SENTENCE_WORDS = 20

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TABLE_ROW = re.compile(r"^\s*\|.*$", re.M)
_BLOCK_BREAK = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*+] |\d+\. |#))")
_MARKUP_START = re.compile(r"^\s*(?:#+|[-*+]|\d+\.)\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\s\w]*[\w])")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@dataclass(frozen=True)
class LongSentence:
    words: int
    text: str


def sentences(markdown_text: str) -> list[str]:
    """The sentences of a Markdown text: each list item, heading and paragraph split at . ! ?"""
    text = _TABLE_ROW.sub("", _LINK.sub(r"\1", markdown_text))
    found: list[str] = []
    for block in _BLOCK_BREAK.split(text):
        block = " ".join(_MARKUP_START.sub("", block.strip()).replace("*", "").split())
        found += [sentence for sentence in _SENTENCE_END.split(block) if sentence]
    return found


def long_sentences(markdown_text: str, limit: int = LONG_SENTENCE_WORDS) -> list[LongSentence]:
    return [
        LongSentence(count, sentence)
        for sentence in sentences(markdown_text)
        if (count := len(_WORD.findall(sentence))) > limit
    ]
