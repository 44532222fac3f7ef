"""Every phone number the site's own text names (templates, translations, information pages,
error pages, seed texts) is a published contact channel with its source and date: no interface
text presents a number the directory cannot source (issue 10; "never invent a contact detail")."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from directory.models import ContactChannel, dialable
from portal.templatetags.portal_tags import _PHONE_NUMBER

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
NATIONAL_DESKS = "templates/portal/_national_desks.html"  # the 500 and 503 pages: no database there
TEXT_FILES = [
    "templates/**/*.html",
    "*/templates/**/*.html",
    "locale/*/LC_MESSAGES/django.po",
    "fixtures/pages/**/*.md",
    "fixtures/translations/**/*.json",
    "deploy/nginx/*.conf",
    "portal/*.py",
    "directory/*.py",
    "referral/*.py",
    "campaigns/*.py",
    "static/**/*.js",
]


def numbers_in_the_sites_own_text() -> dict[str, set[str]]:
    """Each dialable number → the files that name it."""
    found: dict[str, set[str]] = {}
    for pattern in TEXT_FILES:
        for path in ROOT.glob(pattern):
            if ".venv" in path.parts or "staticfiles" in path.parts:
                continue
            for match in _PHONE_NUMBER.finditer(path.read_text(encoding="utf-8")):
                found.setdefault(dialable(match.group(1)), set()).add(str(path.relative_to(ROOT)))
    return found


def test_every_number_in_the_sites_own_text_is_a_published_sourced_channel():
    found = numbers_in_the_sites_own_text()
    assert {"112", "09008844", "08007000", "08002000"} <= set(found)  # the audit reads the right files
    published = {dialable(channel.value): channel for channel in ContactChannel.objects.public()}
    unsourced = {number: sorted(files) for number, files in found.items() if number not in published}
    assert not unsourced, unsourced
    for number in found:
        channel = published[number]
        assert channel.source and (channel.taken_over or channel.confirmed_at), number


# The national numbers that the layout, the error pages and the information pages name, and the
# organisation whose own published channel each one is.
NATIONAL_LINES = {
    "112": "nationale-politie",
    "09008844": "nationale-politie",
    "08007000": "meld-misdaad-anoniem-m",
    "08002000": "veilig-thuis",
    "09000101": "slachtofferhulp-nederland",
    "08005151": "nederlandse-arbeidsinspectie-szw",
    "08000432": "de-kindertelefoon",
}


def test_each_national_number_is_published_on_its_own_organisation():
    listed = {dialable(m.group(1)) for m in _PHONE_NUMBER.finditer((ROOT / NATIONAL_DESKS).read_text())}
    assert listed == set(NATIONAL_LINES)
    for number, slug in NATIONAL_LINES.items():
        on_its_own = {dialable(c.value) for c in ContactChannel.objects.public().filter(organisation__slug=slug)}
        assert number in on_its_own, (number, slug)
