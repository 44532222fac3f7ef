"""Reading what visitors send: the few rules every page applies before it uses a value.

PostgreSQL text cannot hold a NUL character (psycopg refuses the query), and `str.isdigit()`
accepts digits such as "²" or "٣" that `int()` rejects. Both once turned a wrong address into a 500.
"""

from __future__ import annotations

import re

from django.http import QueryDict

NUL = "\x00"
# The character that stands for "something unreadable was here": shown back to the person, it
# makes the value visibly wrong, and every check that follows treats it as an unknown value.
REPLACEMENT = "\ufffd"
_PAGE = re.compile(r"[0-9]{1,9}")


def readable(text: str) -> str:
    """The text with every NUL character replaced, so it can be shown, compared and queried."""
    return text.replace(NUL, REPLACEMENT)


def readable_query(data: QueryDict) -> QueryDict:
    """A query string's values (and names) without NUL characters; the same object if it had none."""
    if not any(NUL in key or any(NUL in value for value in values) for key, values in data.lists()):
        return data
    cleaned = QueryDict(mutable=True, encoding=data.encoding)
    for key, values in data.lists():
        cleaned.setlist(readable(key), [readable(value) for value in values])
    cleaned._mutable = False
    return cleaned


def page_number(raw: str, maximum: int) -> int | None:
    """A page number written in ASCII digits, from 1 to `maximum`; None for anything else."""
    raw = raw.strip() or "1"
    if not _PAGE.fullmatch(raw):
        return None
    number = int(raw)
    return number if 0 < number <= maximum else None


_SLASHES = re.compile(r"[/\\]+")


def normalised_path(path: str) -> str:
    """A path-absolute path: runs of slashes (and backslashes, which browsers read as slashes)
    become one slash, so `//evil.example/nl/` can never turn into a link to another host."""
    return "/" + _SLASHES.sub("/", path).lstrip("/")
