"""Searching the directory: relevance, synonyms, typos, facets, bad input and query counts."""

from __future__ import annotations

import re

import pytest
from django.db.models import Q
from django.test import Client

from directory.models import ContactChannel, Organisation

pytestmark = pytest.mark.django_db
URL = "/nl/organisaties/"


def result_names(client: Client, query: str) -> list[str]:
    response = client.get(URL + "?" + query)
    assert response.status_code == 200
    return [str(org) for org in response.context["page"].object_list]


def total(client: Client, query: str) -> int:
    return client.get(URL + "?" + query).context["paginator"].count


class RelevanceTestCase:
    def test_it_finds_the_labour_inspectorate_by_name(self, client):
        assert result_names(client, "q=Arbeidsinspectie")[0] == "Nederlandse Arbeidsinspectie (SZW)"

    def test_it_finds_by_abbreviation_without_accents(self, client):
        assert result_names(client, "q=comensha")[0] == "Coördinatiecentrum tegen Mensenhandel (CoMensha)"
        assert result_names(client, "q=coordinatiecentrum")[0] == "Coördinatiecentrum tegen Mensenhandel (CoMensha)"

    def test_loverboy_finds_the_loverboy_desk_first_and_sexual_exploitation_desks(self, client):
        names = result_names(client, "q=loverboy")
        assert names[0].startswith("Meldpunt loverboys")
        sexual_only = total(client, "vorm=sexual")
        assert total(client, "q=loverboy") <= sexual_only + 1
        assert "Veilig Thuis" in names[:5]

    def test_a_typo_still_finds_labour_exploitation(self, client):
        response = client.get(URL + "?q=arbeidsuitbuting")
        names = [str(org) for org in response.context["page"].object_list]
        assert names[0] == "Nederlandse Arbeidsinspectie (SZW)"
        assert "arbeidsuitbuiting" in response.context["corrections"]
        assert "We hebben ook gezocht op: <strong>arbeidsuitbuiting</strong>" in response.content.decode()

    def test_a_place_name_finds_its_own_meldpunt_first_then_the_regional_desks(self, client):
        names = result_names(client, "q=Westland")
        assert names[0] == "Gemeente Westland"
        assert "Zorg- en Veiligheidshuis Haaglanden" in names
        assert "RIEC Den Haag" in names

    def test_results_are_ordered_by_name_without_a_query(self, client):
        names = result_names(client, "")
        assert names == sorted(names, key=str)
        assert len(names) == 20


class RegionFacetTestCase:
    def test_a_municipality_without_own_desks_is_served_by_the_national_desks_and_its_region(self, client):
        response = client.get(URL + "?gemeente=vaals")
        organisations = list(Organisation.objects.filter(pk__in=[o.pk for o in response.context["page"].object_list]))
        count = response.context["paginator"].count
        national = Organisation.objects.published().filter(serves_nationally=True).count()
        assert count >= national
        assert all(o.serves_nationally or o.is_national_desk or not o.municipalities.exists() for o in organisations)
        assert total(client, "gemeente=vaals&schaal=local") == 0

    def test_a_municipality_with_no_regional_desk_gets_exactly_the_national_ones(self, client):
        from directory.models import Municipality

        vaals = Municipality.objects.get(slug="vaals")
        regional = Organisation.objects.serving(vaals).filter(serves_nationally=False, is_national_desk=False)
        Organisation.objects.filter(pk__in=list(regional.values_list("pk", flat=True))).update(published=False)
        names = set(result_names(client, "gemeente=vaals") + result_names(client, "gemeente=vaals&pagina=2"))
        national = Organisation.objects.published().filter(Q(serves_nationally=True) | Q(is_national_desk=True))
        assert total(client, "gemeente=vaals") == national.count()
        assert names <= set(national.values_list("name", flat=True))
        assert "Veilig Thuis" in names or total(client, "gemeente=vaals&q=veilig") == 1

    def test_westland_is_served_by_its_own_meldpunt_and_haaglanden(self, client):
        response = client.get(URL + "?gemeente=westland&schaal=local")
        assert [str(o) for o in response.context["page"].object_list] == ["Gemeente Westland"]
        regional = result_names(client, "gemeente=westland&schaal=regional")
        assert "Zorg- en Veiligheidshuis Haaglanden" in regional
        assert "Zorg- en Veiligheidshuis Twente" not in regional


class FacetCountsTestCase:
    def test_counts_per_value_match_the_results_of_choosing_it(self, client):
        response = client.get(URL + "?q=mensenhandel")
        for facet in response.context["facets"]:
            for option in facet.options[:4]:
                chosen = total(client, f"q=mensenhandel&{facet.param}={option.value}")
                assert chosen == option.count, (facet.param, option.value)

    def test_facets_combine(self, client):
        both = total(client, "vorm=labour&schaal=national&kanaal=phone")
        expected = (
            Organisation.objects.published()
            .filter(
                forms__code="labour",
                scale="national",
                channels__in=ContactChannel.objects.public().filter(kind="phone"),
            )
            .distinct()
            .count()
        )
        assert both == expected > 0

    def test_the_24_7_filter_finds_the_desks_whose_public_source_says_so(self, client):
        assert result_names(client, "dag-en-nacht=ja") == [
            "Meldpunt loverboys/ Jeugdprostitutie (Veilig Thuis Noord Oost Gelderland)",
            "Veilig Thuis",  # the national line, from a Veilig Thuis organisation's own site
            "Veilig Thuis Flevoland",
            "Veilig Thuis Utrecht",
        ]
        assert "Meld Misdaad Anoniem (M.)" in result_names(client, "anoniem=ja")

    def test_a_meldpunt_filter_includes_organisations_that_are_both(self, client):
        names = result_names(client, "soort=meldpunt&q=comensha")
        assert names == ["Coördinatiecentrum tegen Mensenhandel (CoMensha)"]


class LanguageFacetTestCase:
    def test_a_verified_channel_language_is_counted_and_filtered(self, client):
        from django.utils import timezone

        from directory.models import ContactChannel, Language
        from directory.search import reindex

        fairwork = Organisation.objects.get(slug="fairwork")
        channel = ContactChannel.objects.create(
            organisation=fairwork, kind="phone", value="020-0000000", status="confirmed", confirmed_at=timezone.now()
        )
        channel.languages.add(Language.objects.get(code="pl"))
        reindex([fairwork.pk])
        response = client.get(URL + "?q=fairwork")
        polish = next(o for f in response.context["facets"] if f.param == "taal" for o in f.options if o.value == "pl")
        assert polish.count == 1
        assert result_names(client, "q=fairwork&taal=pl") == ["FairWork"]
        assert total(client, "taal=pl") == 1


class NoResultsTestCase:
    def test_no_results_show_the_national_desks_and_the_wizard(self, client):
        response = client.get(URL + "?q=zzzxxyq")
        html = response.content.decode()
        assert response.context["paginator"].count == 0
        assert "0800-7000" in html and "0800-0432" in html  # national desks with a published number
        assert 'href="/nl/verwijswijzer/"' in html


class BadInputTestCase:
    @pytest.mark.parametrize(
        "query",
        [
            "vorm=nonsense",
            "pagina=abc",
            "pagina=999",
            "pagina=-1",
            "gemeente=atlantis",
            "q=" + "a" * 5000,
            "q=%27%3B+DROP+TABLE+directory_organisation%3B--",
            "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "q=%00%01",
            "q=%25%25%25",
            "q=a&vorm=sexual&vorm=sexual&taal=xx&kanaal=phone",
        ],
    )
    def test_it_never_breaks(self, client, query):
        response = client.get(URL + "?" + query)
        assert response.status_code == 200
        assert "<script>alert" not in response.content.decode()
        assert Organisation.objects.exists()

    def test_it_tells_what_it_ignored(self, client):
        html = client.get(URL + "?vorm=nonsense&pagina=abc&gemeente=atlantis").content.decode()
        from django.utils import translation

        with translation.override("nl"):
            expected = translation.gettext("We ignored a filter value we do not know in “%(filter)s”.") % {
                "filter": translation.gettext("Form of exploitation")
            }
        assert expected in html
        assert html.count('role="status"') >= 1

    def test_a_page_past_the_end_shows_the_last_page(self, client):
        response = client.get(URL + "?pagina=999")
        assert response.context["page"].number == response.context["paginator"].num_pages

    def test_echoed_text_is_escaped(self, client):
        html = client.get(URL + "?q=%3Cb%3Ebold%3C%2Fb%3E").content.decode()
        assert "&lt;b&gt;bold&lt;/b&gt;" in html


class ShareableUrlTestCase:
    def test_pagination_links_keep_the_search(self, client):
        html = client.get(URL + "?q=mensenhandel&vorm=sexual").content.decode()
        links = re.findall(r'href="(\?[^"]*pagina=2[^"]*)"', html)
        assert links and "q=mensenhandel" in links[0] and "vorm=sexual" in links[0]


class QueryCountTestCase:
    def test_the_number_of_queries_does_not_grow_with_the_results(self, client, django_assert_max_num_queries):
        with django_assert_max_num_queries(30) as few:
            client.get(URL + "?q=westland")
        with django_assert_max_num_queries(30) as many:
            client.get(URL + "?q=mensenhandel")
        assert len(many.captured_queries) <= len(few.captured_queries) + 2
