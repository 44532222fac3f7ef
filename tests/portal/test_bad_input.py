"""Bad input gets a clear, translated answer with the right status, never a 500 (issue 13 §5)."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

UNKNOWN_MUNICIPALITY_NL = "Die gemeente kennen we niet."
UNKNOWN_PLACE_NL = "We kennen geen plaats met die naam."
FIRST_PAGE_NL = "Dat paginanummer bestaat niet. We laten de eerste pagina zien."


class NulByteTestCase:
    """PostgreSQL text cannot hold a NUL byte; a NUL in the address must not reach a query."""

    def test_the_search_page_says_it_does_not_know_the_municipality(self, client: Client):
        response = client.get("/nl/organisaties/?gemeente=%00")
        assert response.status_code == 200
        assert UNKNOWN_MUNICIPALITY_NL in response.content.decode()

    def test_the_api_answers_400_in_json_naming_the_parameter(self, client: Client):
        response = client.get("/api/v1/organisaties/?gemeente=%00&q=zorg%00")
        assert response.status_code == 400
        body = json.loads(response.content)
        assert "gemeente" in body["parameters"]

    def test_the_meldroute_index_says_it_does_not_know_the_place(self, client: Client):
        response = client.get("/nl/meldroute/?gemeente=ams%00terdam")
        assert response.status_code == 400
        assert UNKNOWN_PLACE_NL in response.content.decode()

    def test_a_nul_byte_in_the_wizard_place_field_asks_the_question_again(self, client: Client):
        data = {"a_danger": "no", "a_who": "self", "a_need": "hulp", "a_form": "work", "a_minor": "no"}
        response = client.post(
            "/nl/verwijswijzer/", {**data, "step": "place", "place_kind": "municipality", "place_name": "Ams\x00terdam"}
        )
        assert response.status_code == 400
        html = response.content.decode()
        # The wizard accepts every Dutch place, not only municipalities, and says so.
        assert "We kennen geen plaats met die naam." in html
        assert 'name="place_name"' in html


class PageNumberTestCase:
    @pytest.mark.parametrize("url", ["/nl/organisaties/?pagina=%C2%B2", "/nl/campagnes/?pagina=%C2%B2"])
    def test_a_superscript_digit_is_not_a_page_number(self, client: Client, url: str):
        response = client.get(url)
        assert response.status_code == 200
        assert FIRST_PAGE_NL in response.content.decode()

    def test_the_api_rejects_non_ascii_digits_in_json(self, client: Client):
        for value in ("%C2%B2", "%D9%A3", "%EF%BC%93"):  # ², Arabic-Indic 3, fullwidth 3
            response = client.get(f"/api/v1/organisaties/?pagina={value}")
            assert response.status_code == 400, value
            assert json.loads(response.content)["parameters"] == ["pagina"]


class WizardActionTestCase:
    ALL_ANSWERS = {
        "a_danger": "no", "a_who": "self", "a_need": "hulp", "a_form": "work", "a_minor": "no", "a_place": "amsterdam",
    }  # fmt: skip

    def test_an_unknown_action_with_all_answers_shows_the_check_page(self, client: Client):
        response = client.post("/nl/verwijswijzer/", {**self.ALL_ANSWERS, "action": "nonsense"})
        assert response.status_code == 200
        assert response.templates[0].name == "referral/check.html"

    def test_an_unknown_step_with_all_answers_shows_the_check_page(self, client: Client):
        response = client.post("/nl/verwijswijzer/", {**self.ALL_ANSWERS, "step": "nonsense"})
        assert response.status_code == 200
        assert response.templates[0].name == "referral/check.html"


class NetworkPathTestCase:
    @pytest.mark.parametrize("path", ["//evil.example/nl/", "/\\evil.example/nl/", "///evil.example//nl/"])
    def test_a_double_slash_path_never_links_to_another_host(self, client: Client, path: str):
        # As a raw request line (the test client would read "//host/" as a host).
        response = client.request(PATH_INFO=path, REQUEST_METHOD="GET", QUERY_STRING="")
        assert response.status_code == 404
        html = response.content.decode()
        hrefs = re.findall(r'href="([^"]*)"', html)
        assert hrefs
        for href in hrefs:
            assert not href.startswith(("//", "/\\")), href
            assert urlsplit(href).netloc in ("", "testserver"), href

    def test_language_links_are_path_absolute_and_normalised(self, client: Client):
        html = client.get("/nl//organisaties//").content.decode()
        links = re.findall(r'<a href="([^"]*)" lang="(\w+)" hreflang', html)
        assert links
        for href, _code in links:
            assert href.startswith("/") and not href.startswith("//"), href
            assert "//" not in href, href


class ApiErrorsTestCase:
    def test_a_wrong_method_is_405_in_json_with_allow(self, client: Client):
        response = client.post("/api/v1/organisaties/", {"q": "zorg"})
        assert response.status_code == 405
        assert response["Content-Type"].startswith("application/json")
        assert "GET" in response["Allow"]
        assert "error" in json.loads(response.content)

    def test_an_unknown_api_address_is_404_in_json(self, client: Client):
        response = client.get("/api/v1/onbekend/")
        assert response.status_code == 404
        assert response["Content-Type"].startswith("application/json")
        assert "error" in json.loads(response.content)


@pytest.mark.django_db(transaction=True)
class ApiOutageTestCase:
    def test_a_stopped_database_is_a_503_in_json(self, client: Client, own_postgres):
        from django.db import connection

        connection.close()
        own_postgres.stop()
        try:
            response = client.get("/api/v1/organisaties/?q=zorg")
        finally:
            own_postgres.start()
            connection.close()
        assert response.status_code == 503
        assert response["Content-Type"].startswith("application/json")
        assert response["Retry-After"]
        assert json.loads(response.content)["status"] == 503
