"""Readable, unique addresses for organisations and campaigns."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.text import slugify


def unique_slug(text: str, taken: set[str] | Callable[[str], bool], fallback: str) -> str:
    """`slugify(text)`, with -2, -3 … appended until it is not taken.

    `taken` is a set of slugs in use (the new slug is added to it) or a function that says whether
    a slug is in use (for example a database lookup).
    """
    in_use = taken.__contains__ if isinstance(taken, set) else taken
    base = slugify(text)[:100].strip("-") or fallback
    slug, number = base, 2
    while in_use(slug):
        slug, number = f"{base}-{number}", number + 1
    if isinstance(taken, set):
        taken.add(slug)
    return slug
