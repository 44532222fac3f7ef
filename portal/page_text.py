"""The text of a shipped information page (fixtures/pages/<slug>/<language>.md), and the
fingerprint that tells a shipped text from an editor's. Plain functions, no Django: the script that
lists every shipped version (scripts/page_versions.py) uses them too."""

from __future__ import annotations

import hashlib

FIELDS = ("title", "summary", "body")


def parse_page_text(text: str) -> dict[str, str]:
    """Front matter (`key: value` lines between `---`) and the Markdown body."""
    meta: dict[str, str] = {}
    body = text
    if text.startswith("---"):
        _start, front, body = text.split("---", 2)
        for line in front.strip().splitlines():
            key, _sep, value = line.partition(":")
            meta[key.strip()] = value.strip().strip('"')
    meta["body"] = body.strip() + "\n"
    return meta


def fingerprint(text: str | None) -> str:
    """The same for the same words: line endings and surrounding white space aside, so a page an
    editor only saved again (the browser sends CR LF) still counts as the shipped text."""
    normal = "\n".join(line.rstrip() for line in (text or "").replace("\r\n", "\n").strip().split("\n"))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]
