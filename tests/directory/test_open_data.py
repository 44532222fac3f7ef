"""Open data (CSV, HSDS JSON) and the JSON search API, with the same filters as the page."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
import reversion
from django.test import Client
from django.utils import timezone
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from directory.contacts import SHARED_LINES
from directory.models import (
    Answer,
    Audience,
    ChainRole,
    ContactChannel,
    DirectoryChange,
    ExploitationForm,
    InformationPractice,
    Language,
    Organisation,
)

pytestmark = pytest.mark.django_db
SHARED_VEILIG_THUIS_PAGE = next(page for slug, _giver, _value, page in SHARED_LINES if slug == "veilig-thuis")


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

    def test_it_gives_the_public_provenance_not_the_editors_review_flag(self, client: Client):
        Organisation.objects.filter(slug="fier").update(needs_review=True)
        rows = list(csv.DictReader(io.StringIO(client.get("/open-data/organisaties.csv").content.decode())))
        assert "needs_review" not in rows[0] and "provenance" in rows[0]
        comensha = Organisation.objects.get(slug="coordinatiecentrum-tegen-mensenhandel-comensha")
        by_slug = {row["slug"]: row for row in rows}
        assert by_slug[comensha.slug]["provenance"] == "public_source"  # taken over from public pages
        channel = comensha.channels.public().first()
        for c in comensha.channels.public():
            c.status, c.confirmed_at = ContactChannel.Status.CONFIRMED, timezone.now()
            c.save()
        rows = list(csv.DictReader(io.StringIO(client.get("/open-data/organisaties.csv").content.decode())))
        assert {row["slug"]: row for row in rows}[comensha.slug]["provenance"] == "confirmed"
        assert (
            f"{channel.value}: bevestigd door de redactie op "
            in {r["slug"]: r for r in rows}[comensha.slug]["contact_sources"]
        )

    def test_unpublished_organisations_stay_out(self, client: Client):
        Organisation.objects.filter(slug="fier").update(published=False)
        rows = list(csv.DictReader(io.StringIO(client.get("/open-data/organisaties.csv").content.decode())))
        assert "fier" not in {row["slug"] for row in rows}

    def test_cells_cannot_become_spreadsheet_formulas(self, client: Client):
        Organisation.objects.filter(slug="fier").update(role_nl="=HYPERLINK(1)")
        body = client.get("/open-data/organisaties.csv").content.decode()
        assert "'=HYPERLINK(1)" in body


class HsdsExportTestCase:
    def test_it_points_at_the_official_schema_and_profile(self, client: Client):
        document = client.get("/open-data/organisaties.hsds.json").json()
        assert document["schema"] == OFFICIAL_SCHEMA and document["profile"] == "https://docs.openreferral.org/en/v3.0/"
        assert document["openapi_url"].endswith("/api/hsds/openapi.json")
        old = client.get("/open-data/organisaties.hsds.schema.json")
        assert old.status_code == 301 and old["Location"] == "/api/hsds/hsds3/organization.schema.json"
        assert client.get(old["Location"]).json() == _official_schema("organization")

    def test_services_carry_areas_and_phones(self, client: Client):
        document = client.get("/open-data/organisaties.hsds.json").json()
        by_name = {org["name"]: org for org in document["organizations"]}
        westland = by_name["Gemeente Westland"]["services"][0]
        assert [(a["name"], a["description"], a["service_id"]) for a in westland["service_areas"]] == [
            ("Westland", "municipality", westland["id"])
        ]
        assert by_name["Slachtofferhulp Nederland"]["phones"][0]["number"] == "0900-0101"
        # The national line, from a Veilig Thuis organisation's own site (the file's own sources for
        # the national record are secondary); its source is in the record's metadata.
        assert [phone["number"] for phone in by_name["Veilig Thuis"]["phones"]] == ["0800 2000"]
        (phone,) = by_name["Veilig Thuis"]["phones"]
        assert any(record["updated_by"] == SHARED_VEILIG_THUIS_PAGE for record in phone["metadata"])


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
OFFICIAL_SCHEMA = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/organization.json"


def _official_schema(name: str) -> dict:
    return json.loads((HSDS3 / f"{name}.schema.json").read_text())


def _validator(name: str) -> jsonschema.Draft202012Validator:
    """An official schema with the files it refers to (taxonomy_term → taxonomy, metadata) and
    format checking (every id must be a UUID)."""
    registry = Registry().with_resources(
        (path.name, Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT202012))
        for path in HSDS3.glob("*.json")
    )
    schema = json.loads((HSDS3 / name).read_text())
    return jsonschema.Draft202012Validator(
        schema, registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _problems(validator: jsonschema.Draft202012Validator, records: list[dict]) -> list[str]:
    return [f"{r['id']}: {e.json_path}: {e.message}" for r in records for e in validator.iter_errors(r)]


@pytest.fixture
def edited_comensha(django_user_model) -> Organisation:
    """CoMensha's description changed twice by a named editor, and a language on its helpdesk phone."""
    editor = django_user_model.objects.create_user("jan.devries.redactie", password="x" * 20)
    comensha = Organisation.objects.get(slug="coordinatiecentrum-tegen-mensenhandel-comensha")
    phone = next(c for c in comensha.published_channels() if c.kind == ContactChannel.Kind.PHONE)
    phone.languages.add(Language.objects.get_or_create(code="en", defaults={"name": "Engels"})[0])
    for role in (comensha.role_nl, "Landelijk coördinatiecentrum tegen mensenhandel (nieuw)."):
        with reversion.create_revision():
            comensha.role_nl = role
            comensha.save()
            reversion.set_user(editor)
            reversion.set_comment(f"Gewijzigd door {editor.username}")
    return comensha


class OfficialHsdsTestCase:
    """The whole export, as a consumer downloads it, against the official Open Referral HSDS 3.0 schemas."""

    def test_every_record_validates_with_its_ids_as_uuids(self, client: Client, edited_comensha):
        document = client.get("/open-data/organisaties.hsds.json").json()
        organisations = document["organizations"]
        assert len(organisations) == Organisation.objects.published().count() > 100
        services = [service for organisation in organisations for service in organisation["services"]]
        problems = _problems(_validator("organization.schema.json"), organisations)
        problems += _problems(_validator("service.schema.json"), services)
        problems += _problems(_validator("taxonomy.json"), document["taxonomies"])
        problems += _problems(_validator("taxonomy_term.json"), document["taxonomy_terms"])
        assert problems == []
        ids = [record["id"] for record in [*organisations, *services, *document["taxonomy_terms"]]]
        assert len(ids) == len(set(ids))
        published_phones = [
            c
            for o in Organisation.objects.published()
            for c in o.published_channels()
            if c.kind == ContactChannel.Kind.PHONE
        ]
        assert sum(len(o["phones"]) for o in organisations) == len(published_phones) > 0
        # Every part the issue names is there, so the validation above covered it.
        for part in ("phones", "schedules", "service_areas", "attributes"):
            assert sum(len(s[part]) for s in services) > 0, part
        assert any(p["languages"] for s in services for p in s["phones"])
        assert any(m["last_action_type"] == "update" for o in organisations for m in o["metadata"])

    def test_taxonomies_hold_our_forms_audiences_and_chain_roles(self, client: Client):
        document = client.get("/open-data/organisaties.hsds.json").json()
        names = {t["id"]: t["name"] for t in document["taxonomies"]}
        assert sorted(names.values()) == ["Doelgroepen", "Ketenrollen", "Vormen van uitbuiting"]
        terms = {t["id"]: t for t in document["taxonomy_terms"]}
        assert {(names[t["taxonomy_id"]], t["code"]) for t in terms.values()} >= {
            ("Vormen van uitbuiting", "labour"), ("Ketenrollen", "zorgcoordinator")}  # fmt: skip
        assert len(terms) == ExploitationForm.objects.count() + Audience.objects.count() + ChainRole.objects.count()
        fier = next(o for o in document["organizations"] if o["name"].startswith("Fier"))["services"][0]
        model = Organisation.objects.get(slug="fier")
        assert {terms[a["taxonomy_term_id"]]["code"] for a in fier["attributes"]} == {
            *model.forms.values_list("code", flat=True), *model.audiences.values_list("code", flat=True),
            *model.chain_roles.values_list("code", flat=True)}  # fmt: skip
        assert all(a["link_id"] == fier["id"] and a["taxonomy_term"] == terms[a["taxonomy_term_id"]]
                   for a in fier["attributes"])  # fmt: skip

    def test_schedules_say_only_what_a_published_source_says(self, client: Client):
        document = client.get("/open-data/organisaties.hsds.json").json()
        services = {o["name"]: o["services"][0] for o in document["organizations"]}
        comensha = services["Coördinatiecentrum tegen Mensenhandel (CoMensha)"]["schedules"]
        assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in comensha] == [("MO,TU,WE,TH,FR", "09:00", "17:00")]
        assert "van 09.00 tot 17.00 uur op maandag t/m vrijdag" in comensha[0]["description"]
        assert comensha[0]["metadata"][0]["updated_by"].startswith("https://www.wegwijzermensenhandel.nl/")
        around_the_clock = [
            s for service in services.values() for s in service["schedules"] if "24/7" in s["description"]
        ]
        assert around_the_clock and all(s["byday"] == "MO,TU,WE,TH,FR,SA,SU" for s in around_the_clock)
        # Words without times ("in crisissituaties ook buiten kantoortijden") stay words: no invented hours.
        slachtofferhulp = services["Slachtofferhulp Nederland"]["schedules"]
        assert [("opens_at" in s, "crisissituaties" in s["description"]) for s in slachtofferhulp] == [(False, True)]
        published = [c for o in Organisation.objects.published() for c in o.published_channels()
                     if c.opening_hours or c.is_24_7]  # fmt: skip
        assert sum(len(s["schedules"]) for s in services.values()) == len(published)

    def test_metadata_says_which_field_changed_when_without_naming_the_editor(self, client: Client, edited_comensha):
        body = client.get("/open-data/organisaties.hsds.json").content.decode()
        assert "jan.devries" not in body
        organisation = next(o for o in json.loads(body)["organizations"] if o["name"].endswith("(CoMensha)"))
        [change] = [m for m in organisation["metadata"] if m["last_action_type"] == "update"]
        assert change["field_name"] == "description" and change["updated_by"] == "CoMensha-redactie"
        assert change["replacement_value"] == "Landelijk coördinatiecentrum tegen mensenhandel (nieuw)."
        assert change["previous_value"] and change["previous_value"] != change["replacement_value"]
        assert change["resource_id"] == organisation["id"]
        assert change["last_action_date"][:10] == timezone.localdate().isoformat()

    def test_metadata_and_the_changelog_follow_the_same_public_fields(self, client: Client):
        """What happens with your information (a public card on the organisation's page) is a public
        field: its change is in the HSDS metadata, as it is in the public changelog."""
        comensha = Organisation.objects.get(slug="coordinatiecentrum-tegen-mensenhandel-comensha")
        practice = InformationPractice.objects.exclude(pk=comensha.information_practice_id).first()
        assert comensha.info_anonymous != Answer.YES
        for anonymous, new_practice in (
            (comensha.info_anonymous, comensha.information_practice),
            (Answer.YES, practice),
        ):
            with reversion.create_revision():
                comensha.info_anonymous, comensha.information_practice = anonymous, new_practice
                comensha.save()
        document = client.get("/open-data/organisaties.hsds.json").json()
        organisation = next(o for o in document["organizations"] if o["name"].endswith("(CoMensha)"))
        changed = {m["field_name"]: m for m in organisation["metadata"] if m["last_action_type"] == "update"}
        assert set(changed) == {"info_anonymous", "information_practice"}
        assert changed["info_anonymous"]["replacement_value"] == "yes"
        assert changed["information_practice"]["replacement_value"] == practice.code  # its code, not a row id
        [line] = DirectoryChange.objects.filter(organisation=comensha, action=DirectoryChange.Action.CHANGED)
        assert line.fields == ["information"]
