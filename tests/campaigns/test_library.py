"""The library page: filters and their counts, search, order, pagination, bad input, no cookies."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from campaigns.models import Audience, Campaign, Format, Material, Sender

pytestmark = pytest.mark.django_db

URL = "/nl/campagnes/"


def _has(row: dict, key: str, value: str) -> bool:
    return value in (row.get(key) or [])


def _found(client: Client, query: str = "") -> tuple[int, list[str]]:
    """Total found and the titles on every page, following the pages."""
    response = client.get(URL + query)
    assert response.status_code == 200
    total = response.context["paginator"].count
    titles: list[str] = []
    for number in response.context["paginator"].page_range:
        page = client.get(URL + (query + "&" if query else "?") + f"pagina={number}").context["page"]
        titles.extend(campaign.title for campaign in page.object_list)
    return total, titles


# (query string, which fixture rows it should find)
def _all(**wanted: str):
    """Rows that have every wanted value (audiences, forms, formats, scope, ongoing)."""

    def predicate(row: dict) -> bool:
        for key, value in wanted.items():
            if key in ("scope", "ongoing"):
                if row.get(key) != value:
                    return False
            elif not _has(row, key, value):
                return False
        return True

    return predicate


def _any(key: str, *values: str):
    return lambda row: any(_has(row, key, value) for value in values)


FILTER_CASES = [
    ("?doelgroep=burgers", _all(audiences="burgers")),
    ("?doelgroep=jongeren&doelgroep=ouders", _any("audiences", "jongeren", "ouders")),
    ("?vorm=sexual", _all(forms="sexual")),
    ("?vorm=general", _all(forms="general")),
    ("?vorm=labour&vorm=criminal", _any("forms", "labour", "criminal")),
    ("?doelgroep=burgers&vorm=sexual", _all(audiences="burgers", forms="sexual")),
    ("?middel=video", _all(formats="video")),
    ("?middel=social_media&doelgroep=jongeren", _all(formats="social_media", audiences="jongeren")),
    ("?bereik=regional", _all(scope="regional")),
    ("?bereik=national", _all(scope="national")),
    ("?looptijd=ongoing", _all(ongoing=True)),
    ("?looptijd=ended", _all(ongoing=False)),
    ("?looptijd=ended&bereik=national&vorm=sexual", _all(ongoing=False, scope="national", forms="sexual")),
    ("?doelgroep=politici&vorm=organ", _all(audiences="politici", forms="organ")),
]


class LibraryFilterTestCase:
    @pytest.mark.parametrize(("query", "predicate"), FILTER_CASES, ids=[case[0] for case in FILTER_CASES])
    def test_it_finds_exactly_the_campaigns_of_the_filters(self, client, campaigns_loaded, rows, query, predicate):
        expected = sorted(row["title"] for row in rows if predicate(row))
        total, titles = _found(client, query)
        assert total == len(expected)
        assert sorted(titles) == expected

    def test_without_filters_it_lists_every_published_campaign_over_pages(self, client, campaigns_loaded, rows):
        total, titles = _found(client)
        assert total == 54
        assert sorted(titles) == sorted(row["title"] for row in rows)
        assert len(client.get(URL).context["page"].object_list) == 20

    def test_the_counts_beside_each_option_apply_the_other_filters(self, client, campaigns_loaded, rows):
        response = client.get(URL + "?vorm=sexual")
        options = {
            (item.param, option.value): option.count for item in response.context["filters"] for option in item.options
        }
        sexual = [row for row in rows if _has(row, "forms", "sexual")]
        assert options[("doelgroep", "burgers")] == sum(_has(row, "audiences", "burgers") for row in sexual)
        assert options[("doelgroep", "consumenten")] == sum(_has(row, "audiences", "consumenten") for row in sexual)
        # Within the filter itself, every value counts against the other filters only.
        assert options[("vorm", "labour")] == sum(_has(row, "forms", "labour") for row in rows)
        assert options[("vorm", "general")] == sum(_has(row, "forms", "general") for row in rows)
        assert options[("bereik", "regional")] == sum(row.get("scope") == "regional" for row in sexual)

    def test_the_province_filter_finds_national_campaigns_and_regional_ones_there(
        self, client, regions, campaigns_loaded, rows
    ):
        national = [row["title"] for row in rows if row.get("scope") == "national"]
        overijssel = ["Mensenhandel, ook in Twente", "Onzichtbaar maar waar",
                      "Themaweek Veilig IJsselland in teken uitbuiting en mensenhandel"]  # fmt: skip
        assert sorted(_found(client, "?provincie=PV23")[1]) == sorted(national + overijssel)
        assert sorted(_found(client, "?provincie=PV23&bereik=regional")[1]) == overijssel
        south_holland = {"Hillegom, Lisse en Teylingen", "Rotterdam", "Den Haag"}
        expected = sorted(row["title"] for row in rows if row.get("region") in south_holland)
        assert len(expected) == 5
        assert sorted(_found(client, "?provincie=PV28&bereik=regional")[1]) == expected
        assert _found(client, "?provincie=PV26&bereik=regional")[0] == 0  # Utrecht
        response = client.get(URL + "?bereik=regional")
        counts = {o.value: o.count for f in response.context["filters"] if f.param == "provincie" for o in f.options}
        assert counts["PV23"] == 3 and counts["PV28"] == 5 and counts["PV26"] == 0

    def test_it_filters_by_material_and_language(self, client, campaigns_loaded):
        from directory.models import Language

        polish, _created = Language.objects.get_or_create(code="pl", defaults={"name": "Polski"})
        campaign = Campaign.objects.get(slug="out-of-the-shadows")
        Material.objects.create(campaign=campaign, title="Video", url="https://example.org/video", language=polish)
        assert _found(client, "?materiaal=ja")[1] == ["Out of the shadows"]
        assert _found(client, "?taal=pl")[1] == ["Out of the shadows"]
        assert _found(client, "?taal=pl&materiaal=ja&vorm=labour")[0] == 1

    def test_unpublished_campaigns_are_not_listed(self, client, campaigns_loaded):
        Campaign.objects.filter(slug="out-of-the-shadows").update(published=False)
        total, titles = _found(client)
        assert total == 53 and "Out of the shadows" not in titles


class LibrarySearchTestCase:
    def test_it_finds_campaigns_by_title_sender_goal_and_place_without_accents(self, client, campaigns_loaded):
        assert "Onzichtbaar maar waar" in _found(client, "?q=onzichtbaar")[1]
        assert "Eerlijk werk" in _found(client, "?q=arbeidsinspectie")[1]
        assert "Niet mijn kind" in _found(client, "?q=Koraal")[1]
        assert (
            "Stop mensenhandel. Breek de onzichtbare keten. #EUvsHumanTrafficking"
            in _found(client, "?q=europese commissie")[1]
        )
        assert "Maak het zichtbaar, incl. 1300-deal" in _found(client, "?q=COMMITTEREN")[1]
        assert _found(client, "?q=fryslan")[1] == ["Onze ogen op mensenhandel"]

    def test_every_word_must_match(self, client, campaigns_loaded):
        assert _found(client, "?q=twente onzichtbaar")[1] == ["Onzichtbaar maar waar"]
        assert _found(client, "?q=twente xylofoon")[0] == 0

    def test_search_and_filters_combine_in_a_shareable_url(self, client, campaigns_loaded):
        response = client.get(URL + "?q=mensenhandel&bereik=regional&doelgroep=burgers")
        titles = {campaign.title for campaign in response.context["page"].object_list}
        assert titles and all(Campaign.objects.get(title_nl=title).scope == "regional" for title in titles)
        html = response.content.decode()
        assert 'value="mensenhandel"' in html
        assert 'name="bereik" value="regional" checked' in html


class LibraryOrderTestCase:
    def test_newest_first_and_unknown_starts_last(self, client, campaigns_loaded, rows):
        _total, titles = _found(client)
        starts = {row["title"]: row.get("start") or "" for row in rows}
        keys = [starts[title] for title in titles]
        known = [key for key in keys if key]
        assert known == sorted(known, key=lambda s: (s[:4], s[5:7] or "00"), reverse=True)
        assert keys.index("") == len(known)  # every unknown start after every known one
        assert titles[0] == "Onze ogen op mensenhandel" or titles[0] == "Regionale week tegen de mensenhandel"


class LibraryBadInputTestCase:
    @pytest.mark.parametrize(
        "query",
        [
            "?pagina=abc",
            "?pagina=0",
            "?pagina=-1",
            "?pagina=99999999999999999999",
            "?pagina=4",
            "?vorm=slavery",
            "?doelgroep=%3Cscript%3E",
            "?provincie=PV99",
            "?taal=xx",
            "?bereik=",
            "?q=" + "a" * 5000,
            "?q=%3Cscript%3Ealert(1)%3C/script%3E",
            "?q=%27%20OR%201%3D1%20--%20",
            "?q=%00null%00",
            "?vorm=%00",
            "?q=%E2%80%8F%F0%9F%98%80",
        ],
    )
    def test_it_never_fails(self, client, campaigns_loaded, query):
        response = client.get(URL + query)
        assert response.status_code == 200

    def test_unknown_values_are_dropped_with_a_notice(self, client, campaigns_loaded):
        response = client.get("/en/campagnes/?vorm=slavery&vorm=sexual")
        assert response.context["search"].selected == {"vorm": ["sexual"]}
        assert "We ignored a filter value we do not know" in response.content.decode()
        assert response.context["paginator"].count == 13

    def test_a_page_past_the_end_shows_the_last_page(self, client, campaigns_loaded):
        response = client.get("/en/campagnes/?pagina=9")
        assert response.context["page"].number == 3
        assert "That page number does not exist. We show the last page." in response.content.decode()

    def test_a_bad_page_shows_the_first_page(self, client, campaigns_loaded):
        response = client.get("/en/campagnes/?pagina=abc")
        assert response.context["page"].number == 1
        assert "We show the first page" in response.content.decode()

    def test_a_very_long_query_is_cut_with_a_notice(self, client, campaigns_loaded):
        response = client.get("/en/campagnes/?q=" + "twente " * 800)
        assert len(response.context["search"].query) == 200
        assert "Your search was very long" in response.content.decode()

    def test_everything_echoed_is_escaped(self, client, campaigns_loaded):
        html = client.get(URL + "?q=%3Cscript%3Ealert(1)%3C/script%3E%22%3E").content.decode()
        assert "<script>alert(1)" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;" in html


class LibraryQueriesTestCase:
    def _count(self, client: Client, url: str) -> int:
        # The first request after a content change also reads the filters' facts (two queries,
        # once per change, ADR 022): count a request after it.
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    def test_the_number_of_queries_is_bounded_and_does_not_grow_with_results(
        self, client, campaigns_loaded, django_assert_max_num_queries
    ):
        url = URL + "?doelgroep=burgers&q=mensenhandel&pagina=1"
        with django_assert_max_num_queries(40):
            client.get(URL + "?doelgroep=burgers&vorm=sexual&middel=video&bereik=national&looptijd=ongoing")
        before = self._count(client, url)
        burgers = Audience.objects.get(code="burgers")
        video = Format.objects.get(code="video")
        for number in range(60):
            campaign = Campaign.objects.create(
                title_nl=f"Extra mensenhandel {number}", slug=f"extra-{number}", published=True, start_year=2020
            )
            campaign.audiences.add(burgers)
            campaign.formats.add(video)
            Sender.objects.create(campaign=campaign, name="Afzender")
            Material.objects.create(campaign=campaign, title="x", url="https://example.org/")
            campaign.reindex()
        assert self._count(client, url) == before
        assert before <= 40


class LibraryPrivacyTestCase:
    @pytest.mark.parametrize("url", [URL, URL + "?q=twente&vorm=sexual", "/en/campagnes/dekking/", "/ar/campagnes/"])
    def test_it_sets_no_cookie(self, client, campaigns_loaded, url):
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies

    def test_it_links_to_coverage_and_the_proposal_form(self, client, campaigns_loaded):
        html = client.get("/nl/campagnes/").content.decode()
        assert 'href="/nl/campagnes/dekking/"' in html
        assert 'href="/nl/campagnes/voorstellen/"' in html


class LibraryResultTestCase:
    def test_a_result_names_its_first_senders_period_scope_and_tags(self, client, campaigns_loaded):
        html = client.get("/en/campagnes/?q=onze+ogen").content.decode()
        html = re.sub(r'<span translate="no">([^<]*)</span>', r"\1", html)  # sender names are marked as names
        assert "By Ministerie van Justitie en Veiligheid, VNG, CoMensha, Fier! and 20 others" in html
        assert "Since October 2024, still running" in html
        assert "The whole country" in html
        assert '<span class="tag tag--strong">Human trafficking in general</span>' in html

    def test_named_by_respondents_entries_are_marked(self, client, campaigns_loaded):
        html = client.get("/en/campagnes/?q=boef").content.decode()
        assert "Named by respondents" in html
