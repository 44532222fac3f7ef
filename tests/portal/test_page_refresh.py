"""Rewritten information pages reach databases seeded before the rewrite (issue 14 §3), but
never over an editor's work: a page's title, summary or text is brought to the shipped version
only while it still holds a text that was shipped before (fixtures/pages/shipped.json)."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.core.management import call_command

from portal import seed
from portal.page_text import FIELDS, fingerprint

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]
SLUG = "wat-is-mensenhandel"


def old_seed_text(language: str) -> str:
    return f"Oude standaardtekst ({language}) van vóór de herschrijving naar B1.\n"


@pytest.fixture
def seeded_before_the_rewrite(tmp_path, monkeypatch):
    """The page as an older release seeded it: an earlier shipped text in every language, listed
    (as that release's texts are) among the shipped versions."""
    from portal.models import Page

    shipped = json.loads(seed.SHIPPED_VERSIONS.read_text(encoding="utf-8"))
    page = Page.objects.get(slug=SLUG)
    for language in LANGUAGES:
        setattr(page, f"body_{language}", old_seed_text(language))
        shipped["pages"][SLUG][language]["body"].append(fingerprint(old_seed_text(language)))
    page.save()
    versions = tmp_path / "shipped.json"
    versions.write_text(json.dumps(shipped), encoding="utf-8")
    monkeypatch.setattr(seed, "SHIPPED_VERSIONS", versions)
    return page


def shown_text(client, language: str) -> str:
    return client.get(f"/{language}/informatie/{SLUG}/").content.decode()


def test_an_untouched_page_gets_the_new_text_in_every_language(client, seeded_before_the_rewrite):
    from portal.models import Page

    now = seed.shipped_pages()[SLUG]
    assert "Oude standaardtekst (ar)" in shown_text(client, "ar")
    changed = seed.refresh_pages(report=lambda line: None)
    assert sorted(changed) == sorted(f"{SLUG}: body_{language}" for language in LANGUAGES)
    page = Page.objects.get(slug=SLUG)
    for language in LANGUAGES:
        assert getattr(page, f"body_{language}") == now[language]["body"], language
        assert "Oude standaardtekst" not in shown_text(client, language)
    assert seed.refresh_pages(report=lambda line: None) == [], "a second run changes nothing"


def test_an_edited_page_is_kept_as_the_editor_wrote_it(client, seeded_before_the_rewrite):
    from reversion.models import Version

    page = seeded_before_the_rewrite
    page.body_nl = "De tekst van de redactie.\n"
    page.body_pl = old_seed_text("pl").replace("\n", "\r\n")  # saved again in the admin, not changed
    page.title_en = "Our own title"
    page.save()
    lines: list[str] = []
    changed = seed.refresh_pages(report=lines.append)
    assert f"{SLUG}: body_nl" not in changed and f"{SLUG}: title_en" not in changed
    assert f"{SLUG}: body_pl" in changed and f"{SLUG}: body_ar" in changed
    assert "De tekst van de redactie." in shown_text(client, "nl")
    assert "Our own title" in shown_text(client, "en")
    assert "Oude standaardtekst" not in shown_text(client, "pl")
    assert lines == ["Information pages: 6 shipped texts brought up to date; 2 kept as editors wrote them."]
    revision = Version.objects.get_for_object(page).first().revision
    assert "body_ar" in revision.get_comment() and "body_nl" not in revision.get_comment()


def test_load_initial_data_brings_the_pages_up_to_date(seeded_before_the_rewrite, capsys):
    call_command("load_initial_data")
    assert "Information pages: 7 shipped texts brought up to date" in capsys.readouterr().out
    seeded_before_the_rewrite.refresh_from_db()
    assert seeded_before_the_rewrite.body_uk == seed.shipped_pages()[SLUG]["uk"]["body"]


def test_every_shipped_text_is_listed_among_the_shipped_versions():
    """Whoever changes a page fixture runs scripts/page_versions.py, so that the next rewrite
    recognises today's text as shipped (and not as an editor's)."""
    listed = json.loads(seed.SHIPPED_VERSIONS.read_text(encoding="utf-8"))["pages"]
    missing = [
        f"{slug}/{language}.md {name}"
        for slug, translations in seed.shipped_pages().items()
        for language, content in translations.items()
        for name in FIELDS
        if fingerprint(content.get(name, "")) not in listed.get(slug, {}).get(language, {}).get(name, [])
    ]
    assert missing == [], "run .venv/bin/python scripts/page_versions.py"
