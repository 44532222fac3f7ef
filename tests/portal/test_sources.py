"""The "Bron" (source) line in plain words (issue 14 §3): what the source is, in the page's
language, not the title of a research report. The stored source keeps the exact title for editors."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.utils import translation

from portal.sources import REPORT_NL, source_label

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]
PLAIN = {
    "nl": "Onderzoek voor CoMensha naar campagnes, meldpunten en kenniscentra",
    "en": "Research for CoMensha into campaigns, reporting points and knowledge centres",
    "pl": "Badanie dla CoMensha o kampaniach, punktach zgłoszeń i centrach wiedzy",
    "ro": "Studiu pentru CoMensha despre campanii, puncte de raportare și centre de expertiză",
    "bg": "Проучване за CoMensha на кампании, места за сигнали и експертни центрове",
    "uk": "Дослідження для CoMensha про кампанії, пункти повідомлень і експертні центри",
    "ar": "بحث لصالح CoMensha عن الحملات ونقاط الإبلاغ ومراكز الخبرة",
}
REPORT_TITLE_WORDS = ("Inventarisatie", "bewustwordingscampagnes", "zoektocht", "Inventory", "awareness")


def source_line(html: str, lang: str) -> str:
    """The value of the organisation page's "Source" line."""
    with translation.override(lang):
        term = translation.gettext("Source")
    match = re.search(rf"<dt>{term}</dt><dd>(?P<value>.*?)</dd>", html)
    assert match, f"no {term} line"
    return re.sub(r"</?bdi>", "", match["value"])  # Arabic isolates the Latin runs


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_organisations_source_says_in_plain_words_what_it_is(client, lang):
    from directory.models import Organisation

    organisation = Organisation.objects.get(slug="fairwork")
    assert organisation.source.startswith(REPORT_NL), "the stored source keeps the report's title"
    html = client.get(f"/{lang}/organisaties/fairwork/").content.decode()
    line = source_line(html, lang)
    assert line.startswith(PLAIN[lang]), line
    assert not any(word in line for word in REPORT_TITLE_WORDS), line
    assert "B.3.2" in line


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_campaign_result_names_the_part_of_the_research_not_a_paragraph_sign(client, seeded, lang):
    html = re.sub(r"</?bdi>", "", client.get(f"/{lang}/campagnes/onzichtbaar-maar-waar/").content.decode())
    lines = re.findall(r'<(?:span|p) class="meta">([^<]*)</(?:span|p)>', html)
    sources = [line for line in lines if PLAIN[lang] in line]
    assert len(sources) >= 2, lines  # the results' sources and the campaign's own
    assert not [line for line in sources if "§" in line or any(word in line for word in REPORT_TITLE_WORDS)]


def test_an_editors_own_wording_is_shown_as_written_and_marked_dutch():
    with translation.override("pl"):
        label = source_label("Website van de gemeente, gezien op 3 maart 2026")
    assert label == '<span lang="nl" dir="ltr">Website van de gemeente, gezien op 3 maart 2026</span>'
    with translation.override("ar"):
        assert source_label(f"{REPORT_NL}, bijlage B.1") == f"{PLAIN['ar']}، الملحق B.1"


@pytest.mark.parametrize("lang", ["nl", "pl"])
def test_a_contact_routes_source_from_the_research_is_in_plain_words_too(client, lang):
    import datetime as dt

    from directory.contacts import SEED_001
    from directory.models import ContactChannel, Organisation

    # A web address the seed documents give (directory.contacts.SEED_WEBSITES), with the research as source.
    organisation = Organisation.objects.get(slug="fairwork")
    ContactChannel.objects.create(
        organisation=organisation, kind=ContactChannel.Kind.WEBSITE, value="https://example.org/", label="website",
        status=ContactChannel.Status.PUBLIC_SOURCE, taken_over=dt.date(2026, 11, 1),
        source=SEED_001.format(where="voetnoot 7"),
    )  # fmt: skip
    html = client.get(f"/{lang}/organisaties/fairwork/").content.decode()
    provenance = re.findall(r'<p class="provenance">(.*?)</p>', html)
    from_research = [line for line in provenance if PLAIN[lang] in line]
    assert from_research, provenance
    assert not [line for line in from_research if any(word in line for word in REPORT_TITLE_WORDS)]
    assert not [line for line in from_research if 'lang="nl"' in line]
    where = {"nl": ("bijlage", "voetnoot", "hoofdstuk"), "pl": ("załącznik", "przypis", "rozdział")}[lang]
    assert all(any(word in line for word in where) for line in from_research), from_research
