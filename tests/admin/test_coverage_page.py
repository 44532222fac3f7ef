"""The admin's coverage page: the Hoofdredacteur sees whether every answer leads to a desk."""

from __future__ import annotations

import pytest

from directory.models import Organisation
from referral.models import RouteRule
from tests.editors import logged_in

pytestmark = pytest.mark.django_db
COVERAGE = "/beheer/referral/routerule/dekking/"


class CoveragePageTestCase:
    def test_with_the_shipped_routes_every_combination_is_covered(self, hoofdredacteur):
        response = logged_in(hoofdredacteur).get(COVERAGE)
        assert response.status_code == 200
        html = response.content.decode()
        assert "combinaties van antwoorden gecontroleerd" in html
        assert "Elke combinatie leidt bij de eerste drie loketten naar een loket dat de persoon kan bereiken" in html
        assert "Regels die verwijzen naar een niet-gepubliceerde organisatie" not in html

    def test_a_rule_to_an_unpublished_organisation_is_named(self, hoofdredacteur):
        Organisation.objects.filter(slug="fairwork").update(published=False)
        keys = set(RouteRule.objects.filter(organisation__slug="fairwork").values_list("key", flat=True))
        assert keys
        html = logged_in(hoofdredacteur).get(COVERAGE).content.decode()
        assert "Regels die verwijzen naar een niet-gepubliceerde organisatie" in html
        for key in keys:
            assert f"<li>{key}</li>" in html

    def test_a_redacteur_can_neither_open_nor_find_it(self, redacteur):
        client = logged_in(redacteur)
        assert client.get(COVERAGE).status_code == 403
        assert COVERAGE not in client.get("/beheer/").content.decode()
