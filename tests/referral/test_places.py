"""The wizard's place question accepts every Dutch place, not only the 342 municipality names.

Places come from fixtures/source/places.csv (6,540 places → their municipality). Answers stay
in POST bodies: a choice between municipalities is a button in the form, never a link.
"""

from __future__ import annotations

import pytest

from tests.referral.test_wizard import URL, answer, carried, post, walk

pytestmark = pytest.mark.django_db

BEFORE_PLACE = [("danger", "no"), ("who", "professional"), ("need", "melden"), ("anonymous", "no"),
                ("form", "work"), ("minor", "no")]  # fmt: skip


def at_place_question(client):
    response = walk(client, BEFORE_PLACE)
    assert response.templates[0].name == "referral/questions/place.html"
    return response


def result_for(client, response):
    """Answer the last question (sector) and ask for the result."""
    response = answer(client, response, "sector", "education")
    assert response.templates[0].name == "referral/check.html"
    return post(client, {**carried(response), "action": "result"})


class PlaceAnswersTestCase:
    @pytest.mark.parametrize(
        ("place", "municipality", "municipality_slug", "regional_desks"),
        [
            ("Ter Apel", "Westerwolde", "westerwolde", ["Zorg- en Veiligheidshuis Groningen", "RIEC Noord-Nederland"]),
            ("Naaldwijk", "Westland", "westland", ["Zorg- en Veiligheidshuis Haaglanden", "RIEC Den Haag"]),
            ("Hoofddorp", "Haarlemmermeer", "haarlemmermeer", ["Zorg- en Veiligheidshuis Kennemerland",
                                                               "RIEC Noord-Holland"]),
        ],
    )  # fmt: skip
    def test_a_village_leads_to_its_municipalitys_desks(
        self, client, place, municipality, municipality_slug, regional_desks
    ):
        response = answer(client, at_place_question(client), "place", "", place_kind="municipality", place_name=place)
        assert response.status_code == 200
        assert carried(response)["a_place"] == municipality_slug
        result = result_for(client, response)
        html = result.content.decode()
        assert result.status_code == 200
        assert municipality in html
        for desk in regional_desks:
            assert desk in html, desk

    def test_a_place_in_several_municipalities_asks_which_one(self, client):
        response = answer(client, at_place_question(client), "place", "", place_kind="municipality", place_name="Aalst")
        html = response.content.decode()
        assert response.templates[0].name == "referral/questions/place.html"
        assert "a_place" not in carried(response)
        assert "Er is meer dan één Aalst" in html
        offered = set(re_values(html))
        assert offered == {"buren", "waalre", "zaltbommel"}
        chosen = answer(client, response, "place", "", place_kind="municipality", place_name="Aalst",
                        place_choice="waalre")  # fmt: skip
        assert carried(chosen)["a_place"] == "waalre"

    def test_a_misspelling_offers_the_nearest_names(self, client):
        response = answer(
            client, at_place_question(client), "place", "", place_kind="municipality", place_name="Roterdam"
        )
        html = response.content.decode()
        assert response.status_code == 400
        assert "Bedoel je:" in html
        assert "rotterdam" in re_values(html)
        button = '<button type="submit" class="button button--secondary" name="place_choice" value="rotterdam">'
        assert button + "<bdi>Rotterdam</bdi></button>" in html

    def test_a_postcode_suggests_its_municipality(self, client):
        response = answer(client, at_place_question(client), "place", "", place_kind="municipality", place_name="2671")
        html = response.content.decode()
        assert "Postcode 2671 ligt in:" in html
        assert re_values(html) == ["westland"]

    @pytest.mark.parametrize(
        ("typed", "slug"),
        [("Венло", "venlo"), ("فينلو", "venlo"), ("Гаага", "s-gravenhage"), ("  's-gravenhage ", "s-gravenhage"),
         ("scheveningen", "s-gravenhage")],
    )  # fmt: skip
    def test_names_in_other_scripts_and_spellings(self, client, typed, slug):
        response = answer(client, at_place_question(client), "place", "", place_kind="municipality", place_name=typed)
        assert carried(response).get("a_place") == slug

    def test_a_forged_choice_is_refused_and_nothing_lands_in_the_address(self, client):
        response = answer(client, at_place_question(client), "place", "", place_kind="municipality",
                          place_name="Aalst", place_choice="atlantis")  # fmt: skip
        assert response.status_code == 400
        assert "a_place" not in carried(response)
        assert 'action="/nl/verwijswijzer/"' in response.content.decode()
        assert not response.cookies


def re_values(html: str) -> list[str]:
    import re

    return re.findall(r'name="place_choice" value="([^"]+)"', html)


def test_the_meldroute_finder_accepts_a_village(client):
    response = client.get("/nl/meldroute/?gemeente=Ter+Apel")
    assert response.status_code == 302
    assert response["Location"] == "/nl/meldroute/westerwolde/"
    assert URL not in response["Location"]


class MeldrouteFinderTestCase:
    """The professionals' meldroute finder resolves places as the wizard does (one resolver:
    directory.places.resolve); its choices are links to the routes (a GET form: a municipality
    is not a personal answer)."""

    @staticmethod
    def links(html: str) -> list[str]:
        import re

        group = html[html.index('class="place-options"') :]
        return re.findall(r'<a class="button button--secondary" href="/nl/meldroute/([^"/]+)/">', group)

    def test_a_place_in_several_municipalities_asks_which_one(self, client):
        response = client.get("/nl/meldroute/?gemeente=Aalst")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Er is meer dan één Aalst. Welke bedoel je?" in html
        assert set(self.links(html)) == {"buren", "waalre", "zaltbommel"}
        assert client.get("/nl/meldroute/waalre/").status_code == 200

    def test_a_misspelling_offers_the_nearest_names(self, client):
        response = client.get("/nl/meldroute/?gemeente=Roterdam")
        html = response.content.decode()
        assert response.status_code == 400
        assert "We kennen geen plaats met die naam." in html
        assert "Bedoel je:" in html
        assert self.links(html)[0] == "rotterdam"
        assert "<bdi>Rotterdam</bdi></a>" in html

    def test_a_postcode_suggests_its_municipality(self, client):
        response = client.get("/nl/meldroute/?gemeente=2671")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Postcode 2671 ligt in:" in html
        assert self.links(html) == ["westland"]

    @pytest.mark.parametrize(
        ("typed", "slug"),
        [("Венло", "venlo"), ("فينلو", "venlo"), ("Naaldwijk", "westland"), ("Hoofddorp", "haarlemmermeer")],
    )  # fmt: skip
    def test_villages_and_names_in_other_scripts_lead_to_the_route(self, client, typed, slug):
        response = client.get("/nl/meldroute/", {"gemeente": typed})
        assert response.status_code == 302
        assert response["Location"] == f"/nl/meldroute/{slug}/"

    def test_the_choice_is_worded_in_the_pages_language(self, client):
        html = client.get("/ar/meldroute/?gemeente=Aalst").content.decode()
        assert 'href="/ar/meldroute/waalre/"' in html
        assert "Er is meer dan" not in html


def test_the_place_names_for_the_autocomplete_come_whole_from_our_own_origin(client):
    response = client.get("/plaatsnamen.json")
    names = response.json()
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert {"Ter Apel", "Naaldwijk", "Hoofddorp", "Aalst", "Westerwolde", "Гаага", "أمستردام"} <= set(names)
    assert len(names) == len(set(names)) > 5000
    assert not response.cookies and response["Cache-Control"].startswith("public")
    # The pages themselves list only the municipalities: no page carries 6,000 names.
    page = client.get("/nl/meldroute/").content.decode()
    assert '<option value="Westerwolde">' in page and '<option value="Ter Apel">' not in page
    assert 'data-place-names="/plaatsnamen.json"' in page
