"""Open data (CSV, HSDS JSON) and the JSON search API, with the same filters as the page."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from django.test import Client

from directory.models import ContactChannel, Organisation

pytestmark = pytest.mark.django_db


class CsvExportTestCase:
    def test_it_has_every_published_organisation(self, client: Client):
        response = client.get("/open-data/organisaties.csv")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        assert {row["name"] for row in rows} == set(Organisation.objects.published().values_list("name", flat=True))
        politie = next(row for row in rows if row["slug"] == "nationale-politie")
        assert politie["phones"] == "0900 88 44; 112"  # one channel per value, as the first public source wrote it
        assert "B.3.1" in politie["source"]

    def test_unpublished_organisations_stay_out(self, client: Client):
        Organisation.objects.filter(slug="fier").update(published=False)
        rows = list(csv.DictReader(io.StringIO(client.get("/open-data/organisaties.csv").content.decode())))
        assert "fier" not in {row["slug"] for row in rows}

    def test_cells_cannot_become_spreadsheet_formulas(self, client: Client):
        Organisation.objects.filter(slug="fier").update(role_nl="=HYPERLINK(1)")
        body = client.get("/open-data/organisaties.csv").content.decode()
        assert "'=HYPERLINK(1)" in body


class HsdsExportTestCase:
    def test_it_validates_against_the_documented_schema(self, client: Client):
        document = client.get("/open-data/organisaties.hsds.json").json()
        schema = client.get("/open-data/organisaties.hsds.schema.json").json()
        jsonschema.validate(document, schema)
        assert len(document["organizations"]) == Organisation.objects.published().count()

    def test_services_carry_areas_and_phones(self, client: Client):
        document = client.get("/open-data/organisaties.hsds.json").json()
        by_name = {org["name"]: org for org in document["organizations"]}
        westland = by_name["Gemeente Westland"]["services"][0]
        assert westland["service_areas"] == [
            {"id": westland["service_areas"][0]["id"], "name": "Westland", "description": "municipality"}
        ]
        assert by_name["Slachtofferhulp Nederland"]["phones"][0]["number"] == "0900-0101"
        assert by_name["Veilig Thuis"]["phones"] == []  # 0800-2000 only from secondary sources: to be checked


class SearchApiTestCase:
    @pytest.mark.parametrize("query", ["q=loverboy", "vorm=labour&schaal=national", "gemeente=westland", "q=politie"])
    def test_it_returns_what_the_page_shows(self, client: Client, query):
        page = client.get("/nl/organisaties/?" + query).context
        api = client.get("/api/v1/organisaties/?" + query).json()
        assert api["count"] == page["paginator"].count
        page_names = [o.name for o in page["page"].object_list]
        assert [r["name"] for r in api["results"]][: len(page_names)] == page_names
        for facet in page["facets"]:
            assert api["facets"][facet.param] == {option.value: option.count for option in facet.options}

    @pytest.mark.parametrize("query", ["vorm=nonsense", "pagina=abc", "gemeente=atlantis", "q=" + "x" * 300])
    def test_bad_parameters_get_a_400_with_a_message(self, client: Client, query):
        response = client.get("/api/v1/organisaties/?" + query)
        assert response.status_code == 400
        assert response.json()["errors"]

    def test_the_openapi_description_is_served_and_names_every_filter(self, client: Client):
        spec = client.get("/api/v1/openapi.json").json()
        names = {p["name"] for p in spec["paths"]["/api/v1/organisaties/"]["get"]["parameters"]}
        assert {"q", "soort", "vorm", "doelgroep", "kanaal", "dag-en-nacht", "anoniem", "taal", "schaal",
                "gemeente", "pagina"} <= names  # fmt: skip

    def test_results_validate_against_the_openapi_schema(self, client: Client):
        spec = client.get("/api/v1/openapi.json").json()
        schema = {**spec["components"]["schemas"]["SearchResult"], "components": spec["components"]}
        data = client.get("/api/v1/organisaties/?q=veilig").json()
        jsonschema.validate(data, schema)


HSDS3 = Path(__file__).resolve().parents[2] / "directory" / "schemas" / "hsds3"


def _official_schema(name: str) -> dict:
    return json.loads((HSDS3 / f"{name}.schema.json").read_text())


class OfficialHsdsTestCase:
    """The whole export, as a consumer downloads it, against the official Open Referral HSDS 3.0 schemas."""

    def test_every_organisation_and_service_validates(self, client: Client):
        document = client.get("/open-data/organisaties.hsds.json").json()
        assert len(document["organizations"]) == Organisation.objects.published().count() > 100
        organisation_validator = jsonschema.Draft202012Validator(_official_schema("organization"))
        service_validator = jsonschema.Draft202012Validator(_official_schema("service"))
        problems = []
        for organisation in document["organizations"]:
            problems += [f"{organisation['id']}: {e.json_path}: {e.message}"
                         for e in organisation_validator.iter_errors(organisation)]  # fmt: skip
            for service in organisation["services"]:
                problems += [
                    f"{service['id']}: {e.json_path}: {e.message}" for e in service_validator.iter_errors(service)
                ]
        assert problems == []
        published_phones = [
            c
            for o in Organisation.objects.published()
            for c in o.published_channels()
            if c.kind == ContactChannel.Kind.PHONE
        ]
        assert sum(len(o["phones"]) for o in document["organizations"]) == len(published_phones) > 0
