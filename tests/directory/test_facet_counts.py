"""Facet counts and pagination equal plain ORM counts, also after editors change the vocabulary.

The oracle below is written with ordinary ORM lookups over the relations, independent of the
counting code in portal/facets.py: if a count or the number of results shown ever differs from
what the database holds, a person would see wrong numbers or miss real results on later pages.
"""

from __future__ import annotations

import math

import pytest
from django.db.models import Q
from django.test import Client

from directory.models import Audience, ContactChannel, Organisation

pytestmark = pytest.mark.django_db
URL = "/nl/organisaties/"


def _verified(**lookup) -> Q:
    channels = ContactChannel.objects.public().filter(**lookup)
    return Q(pk__in=channels.values("organisation_id"))


ORACLE = {
    "soort": lambda value: Q(kind__in=[value, Organisation.Kind.BOTH]),
    "vorm": lambda value: Q(forms__code=value),
    "doelgroep": lambda value: Q(audiences__code=value),
    "kanaal": lambda value: _verified(kind=value),
    "dag-en-nacht": lambda value: _verified(is_24_7=True),
    "anoniem": lambda value: _verified(anonymous=True),
    "taal": lambda value: _verified(languages__code=value),
    "schaal": lambda value: Q(scale=value),
}


def orm_count(chosen: dict[str, str]) -> int:
    queryset = Organisation.objects.published()
    for param, value in chosen.items():
        queryset = queryset.filter(ORACLE[param](value))
    return queryset.distinct().count()


def assert_counts_match_the_database(client: Client, chosen: dict[str, str]) -> None:
    query = "&".join(f"{param}={value}" for param, value in chosen.items())
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    paginator = response.context["paginator"]
    assert paginator.count == orm_count(chosen), chosen
    checked = 0
    for facet in response.context["facets"]:
        others = {param: value for param, value in chosen.items() if param != facet.param}
        for option in facet.options:
            assert option.count == orm_count({**others, facet.param: option.value}), (chosen, facet.param, option)
            checked += 1
    assert checked > 20


def shown_on_every_page(client: Client, query: str) -> list[str]:
    first = client.get(f"{URL}?{query}")
    pages = first.context["paginator"].num_pages
    names = [org.slug for org in first.context["page"].object_list]
    for number in range(2, pages + 1):
        names += [org.slug for org in client.get(f"{URL}?{query}&pagina={number}").context["page"].object_list]
    return names


class CountsEqualTheDatabaseTestCase:
    @pytest.mark.parametrize("chosen", [{}, {"vorm": "labour"}, {"doelgroep": "burgers", "schaal": "regional"}])
    def test_counts_equal_plain_orm_counts(self, client, chosen):
        assert_counts_match_the_database(client, chosen)

    def test_after_adding_renaming_and_deleting_audiences(self, client):
        from directory.search import reindex

        # Deleting the oldest audience: what made ?doelgroep=burgers show 35 of 56 organisations.
        Audience.objects.order_by("pk").first().delete()
        assert_counts_match_the_database(client, {})
        assert_counts_match_the_database(client, {"doelgroep": "burgers"})

        # A new audience, given to three organisations as an editor would (the admin re-indexes them).
        new = Audience.objects.create(code="seizoenswerkers", name="Seizoenswerkers", order=99)
        chosen = list(Organisation.objects.published().order_by("pk")[:3])
        for organisation in chosen:
            organisation.audiences.add(new)
        reindex([organisation.pk for organisation in chosen])
        assert_counts_match_the_database(client, {"doelgroep": "seizoenswerkers"})
        assert_counts_match_the_database(client, {"doelgroep": "burgers", "soort": "meldpunt"})

        # Renaming a code: the new value filters and counts, the old one is no longer offered.
        Audience.objects.filter(code="burgers").update(code="inwoners", name="Inwoners")
        assert_counts_match_the_database(client, {"doelgroep": "inwoners"})
        old = client.get(f"{URL}?doelgroep=burgers")
        assert "doelgroep" not in old.context["search"].selected

    def test_every_result_is_reachable_through_the_pages(self, client):
        Audience.objects.order_by("pk").first().delete()
        expected = set(
            Organisation.objects.published().filter(audiences__code="burgers").values_list("slug", flat=True)
        )
        shown = shown_on_every_page(client, "doelgroep=burgers")
        assert len(shown) == len(set(shown)) == len(expected) > 20
        assert set(shown) == expected
        response = client.get(f"{URL}?doelgroep=burgers")
        assert response.context["paginator"].num_pages == math.ceil(len(expected) / 20)
