"""The coverage matrix: numbers computed again here from the fixture file, and an accessible table."""

from __future__ import annotations

import re
from html import unescape

import pytest

from campaigns.models import Campaign

pytestmark = pytest.mark.django_db

URL = "/en/campagnes/dekking/"
FORMS = ["sexual", "labour", "criminal", "organ", "general"]
# Which province each region named in the fixture lies in (general knowledge, not the loader's).
REGION_PROVINCE = {
    "Amsterdam": "PV27",
    "Hillegom, Lisse en Teylingen": "PV28",
    "Tilburg": "PV30",
    "Rotterdam": "PV28",
    "Zuid- en Midden-Limburg": "PV31",
    "Den Haag": "PV28",
    "Twente": "PV23",
    "Flevoland": "PV24",
    "IJsselland": "PV23",
}


def _expected(rows: list[dict], audience: str, form: str) -> int:
    def audiences(row):
        return set(row.get("audiences") or []) or {""}

    def forms(row):
        return set(row.get("forms") or []) or {""}

    return sum(1 for row in rows if audience in audiences(row) and form in forms(row))


def _cells(response) -> dict[tuple[str, str], int]:
    matrix = response.context["matrix"]
    keys = [key for key, _label in matrix.columns]
    return {(row.key, keys[i]): cell.count for row in matrix.rows for i, cell in enumerate(row.cells)}


class CoverageMatrixTestCase:
    def test_every_cell_matches_the_fixture(self, client, campaigns_loaded, rows):
        response = client.get(URL)
        assert response.status_code == 200
        cells = _cells(response)
        audiences = {a for row in rows for a in row.get("audiences") or []}
        for audience in [*audiences, ""]:
            for form in [*FORMS, ""]:
                assert cells[(audience, form)] == _expected(rows, audience, form), (audience, form)

    def test_some_numbers_by_hand(self, client, campaigns_loaded):
        cells = _cells(client.get(URL))
        assert cells[("burgers", "general")] == 7
        assert cells[("burgers", "sexual")] == 5
        assert cells[("jongeren", "criminal")] == 2
        assert cells[("professionals", "organ")] == 0
        assert cells[("", "")] == 22  # B.2 entries without audience or form

    def test_totals_count_campaigns_once(self, client, campaigns_loaded, rows):
        matrix = client.get(URL).context["matrix"]
        assert matrix.total == 54
        totals = {row.key: row.total for row in matrix.rows}
        assert totals["burgers"] == sum("burgers" in (row.get("audiences") or []) for row in rows)
        columns = dict(zip([key for key, _ in matrix.columns], matrix.column_totals, strict=True))
        assert columns["general"] == sum("general" in (row.get("forms") or []) for row in rows)
        assert columns[""] == sum(not row.get("forms") for row in rows)

    def test_the_gaps_are_marked_and_counted(self, client, campaigns_loaded):
        response = client.get(URL)
        matrix = response.context["matrix"]
        gaps = sum(cell.gap for row in matrix.rows for cell in row.cells)
        assert gaps == matrix.gaps > 0
        assert 'class="coverage-gap"' in response.content.decode()

    def test_unpublished_campaigns_do_not_count(self, client, campaigns_loaded):
        Campaign.objects.filter(slug="niet-mijn-kind").update(published=False)
        assert _cells(client.get(URL))[("ouders", "sexual")] == 0

    def test_cells_link_to_the_library_with_both_filters(self, client, campaigns_loaded):
        html = client.get(URL).content.decode()
        assert 'href="/en/campagnes/?doelgroep=burgers&amp;vorm=sexual"' in html
        library = client.get("/en/campagnes/?doelgroep=burgers&vorm=sexual")
        assert library.context["paginator"].count == 5


class CoverageProvinceTestCase:
    def test_a_province_counts_national_campaigns_and_its_own_regional_ones(
        self, client, regions, campaigns_loaded, rows
    ):
        response = client.get(URL + "?provincie=PV28")
        selection = [
            row
            for row in rows
            if row.get("scope") == "national" or REGION_PROVINCE.get(row.get("region") or "") == "PV28"
        ]
        cells = _cells(response)
        for audience in ["burgers", "jongeren", "professionals", ""]:
            for form in FORMS:
                assert cells[(audience, form)] == _expected(selection, audience, form), (audience, form)
        assert response.context["matrix"].total == len(selection)
        assert (
            'href="/en/campagnes/?doelgroep=jongeren&amp;vorm=labour&amp;provincie=PV28"' in response.content.decode()
        )

    def test_the_overview_counts_regional_campaigns_per_province(self, client, regions, campaigns_loaded, rows):
        overview = {line.province.code: line.regional for line in client.get(URL).context["overview"]}
        for code in set(REGION_PROVINCE.values()):
            expected = sum(1 for row in rows if REGION_PROVINCE.get(row.get("region") or "") == code)
            assert overview[code] == expected, code
        assert overview["PV26"] == 0  # Utrecht: no regional campaign, a gap

    @pytest.mark.parametrize("code", ["PV99", "<b>", "%00", "x" * 3000])
    def test_an_unknown_province_shows_the_whole_country_with_a_notice(self, client, campaigns_loaded, code):
        response = client.get(URL + "?provincie=" + code)
        assert response.status_code == 200
        assert response.context["province"] is None
        assert "We do not know that province" in response.content.decode()


class CoverageAccessibilityTestCase:
    def test_it_is_a_real_table_with_caption_and_header_scopes(self, client, campaigns_loaded):
        html = client.get(URL).content.decode()
        assert html.count("<caption") == 2
        assert '<th scope="col">Audience</th>' in html
        assert '<th scope="row">Burgers</th>' in html or '<th scope="row">The general public</th>' in html
        assert 'role="region"' in html and 'tabindex="0"' in html
        assert "<script" not in html.split("</head>")[1]

    def test_gaps_are_said_in_words_not_colour_only(self, client, campaigns_loaded):
        html = client.get(URL).content.decode()
        gap_cells = re.findall(r'<td class="coverage-gap">(.*?)</td>', html)
        assert gap_cells and all("none" in unescape(cell) for cell in gap_cells[:5])

    def test_it_sets_no_cookie(self, client, campaigns_loaded):
        assert not client.get(URL).cookies
