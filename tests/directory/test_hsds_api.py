"""The HSDS 3.0 API (/api/hsds/…): paging, modified_after, filters and clear JSON errors."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from directory.hsds import hsds_id
from directory.models import ContactChannel, ExploitationForm, Organisation

pytestmark = pytest.mark.django_db

PAGE_KEYS = ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"]


def test_organizations_come_in_hsds_pages(client: Client):
    published = Organisation.objects.published().count()
    first = client.get("/api/hsds/organizations", {"per_page": 50}).json()
    assert list(first) == PAGE_KEYS
    assert first["total_items"] == published and first["total_pages"] == -(-published // 50)
    assert (first["page_number"], first["size"], first["first_page"], first["last_page"], first["empty"]) == (
        1, 50, True, False, False)  # fmt: skip
    last = client.get("/api/hsds/organizations", {"per_page": 50, "page": first["total_pages"]}).json()
    assert last["last_page"] and not last["first_page"] and len(last["contents"]) == published - 50 * (
        first["total_pages"] - 1)  # fmt: skip
    seen = [o["id"] for n in range(1, first["total_pages"] + 1)
            for o in client.get("/api/hsds/organizations", {"per_page": 50, "page": n}).json()["contents"]]  # fmt: skip
    assert len(seen) == len(set(seen)) == published
    beyond = client.get("/api/hsds/organizations", {"page": 99}).json()
    assert beyond["empty"] and beyond["contents"] == [] and beyond["total_items"] == published


def test_an_organization_and_its_service_by_id(client: Client):
    fier = Organisation.objects.get(slug="fier")
    url = f"/api/hsds/organizations/{hsds_id('organization', fier.pk)}"
    organisation = client.get(url).json()
    assert organisation["name"] == fier.name
    assert [s["id"] for s in organisation["services"]] == [hsds_id("service", fier.pk)]
    assert "attributes" not in organisation["services"][0]  # the service's one-to-one fields only
    service = client.get(f"/api/hsds/services/{hsds_id('service', fier.pk)}").json()
    assert service["attributes"] and service == client.get(url, {"full_service": "true"}).json()["services"][0]
    listed = client.get("/api/hsds/services", {"organization_id": organisation["id"]}).json()["contents"]
    assert [s["id"] for s in listed] == [service["id"]]


def test_modified_after_gives_what_changed_since(client: Client):
    before = timezone.now() - dt.timedelta(seconds=1)
    comensha = Organisation.objects.get(slug="coordinatiecentrum-tegen-mensenhandel-comensha")
    channel = comensha.channels.public().first()
    channel.label_nl = "nieuw label"
    channel.save()  # a changed contact channel counts as a change of its organisation
    Organisation.objects.update(updated_at=before - dt.timedelta(days=400))
    ContactChannel.objects.exclude(pk=channel.pk).update(updated_at=before - dt.timedelta(days=400))
    page = client.get("/api/hsds/services", {"modified_after": before.isoformat()}).json()
    assert [s["name"] for s in page["contents"]] == [comensha.name]
    assert dt.datetime.fromisoformat(page["contents"][0]["last_modified"]) >= before
    organisations = client.get("/api/hsds/organizations", {"modified_after": before.date().isoformat()}).json()
    assert organisations["total_items"] == 1


def test_services_by_taxonomy_term(client: Client):
    labour = ExploitationForm.objects.get(code="labour")
    term_id = hsds_id("taxonomy_term", "exploitation_form", "labour")
    term = client.get(f"/api/hsds/taxonomy_terms/{term_id}").json()
    assert term["code"] == "labour" and term["name"] == labour.name_nl
    page = client.get("/api/hsds/services", {"taxonomy_term_id": term_id, "per_page": 100}).json()
    assert page["total_items"] == labour.organisation_set.filter(published=True).count() > 0
    taxonomies = client.get("/api/hsds/taxonomies").json()["contents"]
    assert term["taxonomy_id"] in {t["id"] for t in taxonomies}
    terms = client.get("/api/hsds/taxonomy_terms", {"taxonomy_id": term["taxonomy_id"], "per_page": 100}).json()
    assert terms["total_items"] == ExploitationForm.objects.count()


@pytest.mark.parametrize(
    ("path", "query", "parameter"),
    [
        ("/api/hsds/organizations", {"page": "abc"}, "page"),
        ("/api/hsds/organizations", {"page": "0"}, "page"),
        ("/api/hsds/organizations", {"page": "²"}, "page"),
        ("/api/hsds/services", {"per_page": "1000000000000000000000"}, "per_page"),
        ("/api/hsds/services", {"modified_after": "garbage"}, "modified_after"),
        ("/api/hsds/services", {"modified_after": "2026-02-30T10:00:00"}, "modified_after"),
        ("/api/hsds/services", {"search": "loverboy\x00"}, "search"),
        ("/api/hsds/taxonomy_terms", {"format": "ndjson"}, "format"),
        ("/api/hsds/organizations", {"full_service": "misschien"}, "full_service"),
        ("/api/hsds/services", {"search": "x" * 300}, "search"),
    ],
)
def test_bad_input_gets_a_clear_json_400(client: Client, path, query, parameter):
    response = client.get(path, query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["parameter"] == parameter and response.json()["error"]


@pytest.mark.parametrize(
    "path",
    ["/api/hsds/organizations/nope", "/api/hsds/services/00000000-0000-0000-0000-000000000000",
     "/api/hsds/taxonomies/x", "/api/hsds/taxonomy_terms/%00", "/api/hsds/hsds3/geheim.json"],
)  # fmt: skip
def test_an_unknown_id_gets_a_json_404(client: Client, path):
    response = client.get(path)
    assert response.status_code == 404 and response.json()["error"]


def test_an_unpublished_organisation_has_no_record(client: Client):
    fier = Organisation.objects.get(slug="fier")
    fier.published = False
    fier.save()
    assert client.get(f"/api/hsds/organizations/{hsds_id('organization', fier.pk)}").status_code == 404
    assert client.get(f"/api/hsds/services/{hsds_id('service', fier.pk)}").status_code == 404


def test_answers_set_no_cookie_and_carry_the_security_headers(client: Client):
    site = client.get("/nl/")
    for path in ("/api/hsds/", "/api/hsds/organizations", "/api/hsds/openapi.json", "/api/hsds/services?page=abc"):
        response = client.get(path)
        assert not response.cookies, path
        for header in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"):
            assert response.get(header) == site.get(header), (path, header)


def test_any_rfc3339_moment_is_read_even_with_an_offset_postgresql_refuses(client: Client):
    # Found by schemathesis: PostgreSQL refuses offsets beyond ±15:59, which RFC 3339 syntax allows.
    response = client.get("/api/hsds/services", {"modified_after": "0361-06-12T23:05:01.94+16:42"})
    assert response.status_code == 200 and response.json()["total_items"] == Organisation.objects.published().count()
    before_year_one = client.get("/api/hsds/services", {"modified_after": "0001-01-01T00:00:00+01:00"})
    assert before_year_one.status_code == 400 and before_year_one.json()["parameter"] == "modified_after"


# The API's messages: English unless Accept-Language asks for one of the site's languages (ADR 024).
PAGE_ABC = ("/api/hsds/organizations", {"page": "abc"})


@pytest.mark.parametrize(
    "accept_language, language, message",
    [
        (None, "en", "page must be a whole number from 1 to 999999999."),
        ("de-DE,de;q=0.9", "en", "page must be a whole number from 1 to 999999999."),
        ("nl-NL,nl;q=0.9,en;q=0.8", "nl", "page moet een heel getal zijn van 1 tot en met 999999999."),
        ("de, pl;q=0.5", "pl", None),
        ("ar", "ar", None),
    ],
)
def test_bad_input_is_explained_in_english_unless_another_language_is_asked_for(
    client: Client, accept_language, language, message
):
    headers = {"Accept-Language": accept_language} if accept_language else {}
    response = client.get(*PAGE_ABC, headers=headers)
    assert response.status_code == 400 and response["Content-Language"] == language
    error = response.json()["error"]
    if message:
        assert error == message
    else:  # Polish and Arabic: the catalogue's own translation, not the English or Dutch text
        assert "page" in error and "whole number" not in error and "heel getal" not in error


def test_every_kind_of_api_error_is_english_without_accept_language(client: Client):
    unknown_id = client.get("/api/hsds/organizations/nope")
    assert unknown_id.json()["error"] == "There is no published record with this id."
    unknown_address = client.get("/api/hsds/nergens/en/nog/wat")
    assert unknown_address.status_code == 404
    assert unknown_address.json()["error"].startswith("There is nothing at this address.")
    wrong_method = client.post("/api/hsds/organizations")
    assert wrong_method.status_code == 405
    assert wrong_method.json()["error"] == "This address only answers GET, HEAD requests."
    # The data itself stays Dutch, the directory's language.
    taxonomies = client.get("/api/hsds/taxonomies").json()["contents"]
    assert "Vormen van uitbuiting" in {taxonomy["name"] for taxonomy in taxonomies}
