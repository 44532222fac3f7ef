"""Search understands people: their words in seven languages and three scripts, their typos and
their places. Each query must bring the expected desks among the first five results, on the
seeded directory in PostgreSQL. The vocabulary is data (fixtures/source/search_terms.json, then
the admin); places come from fixtures/source/places.csv.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

pytestmark = pytest.mark.django_db

COMENSHA = "Coördinatiecentrum tegen Mensenhandel (CoMensha)"
INSPECTIE = "Nederlandse Arbeidsinspectie (SZW)"
FAIRWORK = "FairWork"
POLITIE = "Nationale Politie"
MMA = "Meld Misdaad Anoniem (M.)"
SHOP = "Stichting Hulp en Opvang Prostitutie (SHOP)"
MO_DEN_BOSCH = "Maatschappelijke Opvang Den Bosch"
HVO = "HVO Querido/Amsterdams Coördinatiepunt tegen Mensenhandel"
KINDERHANDEL = "Centrum tegen Kinderhandel en Mensenhandel"
KINDERTELEFOON = "De Kindertelefoon"
LOVERBOYS = "Meldpunt loverboys/ Jeugdprostitutie (Veilig Thuis Noord Oost Gelderland)"
RODE_KRUIS = "Rode Kruis"
WESTLAND = "Gemeente Westland"
ZVH_HAAGLANDEN = "Zorg- en Veiligheidshuis Haaglanden"
ZVH_GRONINGEN = "Zorg- en Veiligheidshuis Groningen"
ZVH_KENNEMERLAND = "Zorg- en Veiligheidshuis Kennemerland"
ZVH_ROTTERDAM = "Zorg- en Veiligheidshuis Rotterdam-Rijnmond"
RIEC_LIMBURG = "RIEC Limburg"
TWENTE = "Kenniscentrum Mensenhandel Twente, onderdeel van Zorg- en Veiligheidshuis Twente"
TRAFFICKING = [HVO, TWENTE]  # desks with "mensenhandel" in their name, as the Dutch query finds them

QUERIES = [
    # Dutch: words, typos, names, places, postcodes.
    ("nl", "mensenhandel", TRAFFICKING),
    ("nl", "arbeidsuitbuiting", [INSPECTIE, FAIRWORK]),
    ("nl", "arbeidsuitbuting", [INSPECTIE, FAIRWORK]),
    ("nl", "loverboy", [LOVERBOYS]),
    ("nl", "opvang", [MO_DEN_BOSCH, SHOP, HVO]),
    ("nl", "aangifte", [POLITIE]),
    ("nl", "dontlookaway", ["Dontlookaway.nl"]),
    ("nl", "dont look away", ["Dontlookaway.nl"]),
    ("nl", "Veilig Thuis", ["Veilig Thuis"]),
    ("nl", "Naaldwijk", [WESTLAND, ZVH_HAAGLANDEN]),
    ("nl", "Ter Apel", [ZVH_GRONINGEN, "RIEC Noord-Nederland"]),
    ("nl", "Hoofddorp", [ZVH_KENNEMERLAND, "RIEC Noord-Holland"]),
    ("nl", "Roterdam", [ZVH_ROTTERDAM, "RIEC Rotterdam"]),
    ("nl", "3011", [ZVH_ROTTERDAM]),
    ("nl", "paspoort", [FAIRWORK, INSPECTIE, RODE_KRUIS]),
    # English.
    ("en", "human trafficking", TRAFFICKING),
    ("en", "forced labour", [INSPECTIE, FAIRWORK]),
    ("en", "shelter", [MO_DEN_BOSCH, SHOP]),
    ("en", "police", [POLITIE]),
    ("en", "report anonymously", [MMA]),
    ("en", "children", [KINDERHANDEL, KINDERTELEFOON]),
    ("en", "passport", [FAIRWORK, RODE_KRUIS]),
    # Polish (with and without diacritics).
    ("pl", "handel ludźmi", TRAFFICKING),
    ("pl", "handel ludzmi", TRAFFICKING),
    ("pl", "gdzie zgłosić handel ludźmi", [COMENSHA]),
    ("pl", "praca przymusowa", [INSPECTIE, FAIRWORK]),
    ("pl", "schronienie", [MO_DEN_BOSCH, SHOP]),
    ("pl", "policja", [POLITIE]),
    ("pl", "dzieci", [KINDERHANDEL, KINDERTELEFOON]),
    # Romanian.
    ("ro", "trafic de persoane", TRAFFICKING),
    ("ro", "muncă forțată", [INSPECTIE, FAIRWORK]),
    ("ro", "munca fortata", [INSPECTIE, FAIRWORK]),
    ("ro", "adăpost", [SHOP]),
    ("ro", "poliția", [POLITIE]),
    # Bulgarian (Cyrillic).
    ("bg", "трафик на хора", TRAFFICKING),
    ("bg", "трудова експлоатация", [INSPECTIE, FAIRWORK]),
    ("bg", "подслон", [SHOP]),
    ("bg", "жалба в полицията", [POLITIE]),
    # Ukrainian (Cyrillic), with a place name in Cyrillic.
    ("uk", "торгівля людьми", TRAFFICKING),
    ("uk", "примусова праця", [INSPECTIE, FAIRWORK]),
    ("uk", "притулок", [SHOP, MO_DEN_BOSCH]),
    ("uk", "поліція", [POLITIE]),
    ("uk", "діти", [KINDERTELEFOON]),
    ("uk", "Венло", [RIEC_LIMBURG, "Zorg- en Veiligheidshuis Noord-Limburg"]),
    # Arabic script, with place names in Arabic script.
    ("ar", "الاتجار بالبشر", TRAFFICKING),
    ("ar", "العمل القسري", [INSPECTIE, FAIRWORK]),
    ("ar", "مأوى", [SHOP, MO_DEN_BOSCH]),
    ("ar", "الشرطة", [POLITIE]),
    ("ar", "جواز السفر", [FAIRWORK, RODE_KRUIS]),
    ("ar", "روتردام", [ZVH_ROTTERDAM]),
    ("ar", "فينلو", [RIEC_LIMBURG]),
]


def first_five(client, language: str, query: str) -> list[str]:
    response = client.get(f"/{language}/organisaties/?" + urlencode({"q": query}))
    assert response.status_code == 200
    return [organisation.name for organisation in response.context["page"].object_list][:5]


def test_the_table_covers_seven_languages_and_three_scripts():
    assert len(QUERIES) >= 40
    assert {language for language, _query, _desks in QUERIES} == {"nl", "en", "pl", "ro", "bg", "uk", "ar"}
    scripts = {"cyrillic" if any("а" <= c <= "я" for c in q.lower()) else "arabic" if any("\u0600" <= c <= "\u06ff"
               for c in q) else "latin" for _language, q, _desks in QUERIES}  # fmt: skip
    assert scripts == {"latin", "cyrillic", "arabic"}


@pytest.mark.parametrize(("language", "query", "desks"), QUERIES, ids=[q for _lang, q, _desks in QUERIES])
def test_the_expected_desks_are_among_the_first_five(client, language, query, desks):
    found = first_five(client, language, query)
    missing = [desk for desk in desks if desk not in found]
    assert not missing, (query, found)


@pytest.mark.parametrize(
    ("query", "dutch"),
    [("handel ludźmi", "mensenhandel"), ("торгівля людьми", "mensenhandel"), ("الاتجار بالبشر", "mensenhandel"),
     ("shelter", "opvang"), ("forced labour", "arbeidsuitbuiting"), ("поліція", "politie")],
)  # fmt: skip
def test_a_query_in_another_language_finds_what_the_dutch_query_finds(client, query, dutch):
    def found(q: str) -> tuple[int, set[str]]:
        response = client.get("/nl/organisaties/?" + urlencode({"q": q}))
        return response.context["paginator"].count, {o.name for o in response.context["page"].object_list[:3]}

    theirs, ours = found(query), found(dutch)
    assert theirs[0] == ours[0] > 0
    assert theirs[1] & ours[1]


class RelevanceTestCase:
    def test_the_exact_name_comes_first(self, client):
        assert first_five(client, "nl", "veilig thuis")[0] == "Veilig Thuis"
        assert first_five(client, "nl", "Dontlookaway")[0] == "Dontlookaway.nl"

    def test_specialised_desks_come_before_those_that_list_every_form(self, client):
        response = client.get("/nl/organisaties/?q=arbeidsuitbuiting")
        names = [o.name for o in response.context["page"].object_list]
        assert names[:2] == [INSPECTIE, FAIRWORK]
        html = response.content.decode()
        # The heading counts what matches; the organisations that list every form come after.
        assert "2 organisaties passen bij je zoekvraag" in html
        total = response.context["paginator"].count
        assert f"Daarna: {total - 2} organisaties die werken aan alle vormen van uitbuiting." in html
        assert html.index(FAIRWORK) < html.index("Ook: organisaties voor alle vormen van uitbuiting")

    def test_results_for_a_broad_word_are_not_in_alphabetical_order(self, client):
        names = first_five(client, "nl", "mensenhandel")
        assert names != sorted(names)
        assert "Actiecentrum Veiligheid en Zorg Amsterdam-Amstelland (Zorg- en Veiligheidshuis)" not in names

    def test_an_editor_can_teach_the_search_a_new_word(self, client):
        from directory.models import SearchTerm

        assert set(first_five(client, "pl", "niewolnicza harówka")[:2]) != {INSPECTIE, FAIRWORK}
        SearchTerm.objects.create(language="pl", words="niewolnicza harówka", means="arbeidsuitbuiting")
        assert set(first_five(client, "pl", "Niewolnicza harowka")[:2]) == {INSPECTIE, FAIRWORK}


class PlaceNotesTestCase:
    def test_a_village_names_its_municipality_with_a_link_to_all_its_desks(self, client):
        html = client.get("/nl/organisaties/?q=Ter+Apel").content.decode()
        assert "“Ter Apel” ligt in de gemeente Westerwolde." in html  # the name as it is written
        assert 'href="?gemeente=westerwolde"' in html

    def test_a_place_in_several_municipalities_offers_each(self, client):
        html = client.get("/nl/organisaties/?q=Aalst").content.decode()
        assert "ligt in meer dan één gemeente" in html
        for slug in ("buren", "waalre", "zaltbommel"):
            assert f'href="?gemeente={slug}"' in html

    def test_a_postcode_suggests_its_municipality(self, client):
        html = client.get("/nl/organisaties/?q=2671").content.decode()
        assert "Postcode 2671 ligt in de gemeente Westland." in html


def test_on_a_phone_the_first_result_comes_before_the_filters(client):
    html = client.get("/nl/organisaties/?q=opvang").content.decode()
    assert html.index('id="results-title"') < html.index(MO_DEN_BOSCH) < html.index('id="filters"')
    assert html.index('href="#filters"') < html.index(MO_DEN_BOSCH)
    assert '<div role="status"><h2 id="results-title">' in html
