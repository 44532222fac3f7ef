"""Nothing unpublished, unverified or kept for editors leaks into any export or API answer (issue 16 §4)."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from directory.models import ContactChannel, Organisation
from directory.search import reindex

pytestmark = pytest.mark.django_db

VERIFIED = datetime.date(2026, 11, 1)
SECRETS = {
    "unpublished organisation": "Stichting Zwaluwnest Verborgen",
    "unpublished organisation's phone": "088-1112233",
    "editors' note": "NOTITIE-REDACTIE bel eerst de coördinator",
    "contact excerpt kept for editors": "BRONTEKST-REDACTIE privénummer van de coördinator",
    "phone without a source": "088-4445566",
    "phone never verified": "088-7778899",
    "shelter's walk-in address": "Schuilhofstraat 13, Zwolle",
}
PUBLIC_PHONE = "088-0001122"


def _organisation(slug: str, name: str, **fields) -> Organisation:
    return Organisation.objects.create(
        slug=slug, name=name, kind=Organisation.Kind.MELDPUNT, scale=Organisation.Scale.NATIONAL,
        serves_nationally=True, role="Helpt bij mensenhandel.", source="Testbron", last_verified=VERIFIED, **fields,
    )  # fmt: skip


def _phone(organisation: Organisation, value: str, **fields) -> ContactChannel:
    return ContactChannel.objects.create(
        organisation=organisation, kind=ContactChannel.Kind.PHONE, value=value,
        **{"source": "Testbron", "status": ContactChannel.Status.PUBLIC_SOURCE, "taken_over": VERIFIED, **fields},
    )  # fmt: skip


@pytest.fixture
def directory_with_secrets() -> Organisation:
    hidden = _organisation("zwaluwnest-verborgen", SECRETS["unpublished organisation"], published=False)
    _phone(hidden, SECRETS["unpublished organisation's phone"])
    shelter = _organisation(
        "opvang-zwaluw", "Opvang Zwaluw", is_shelter=True, needs_review=True,
        review_note=SECRETS["editors' note"], source_text=SECRETS["contact excerpt kept for editors"],
    )  # fmt: skip
    _phone(shelter, PUBLIC_PHONE)
    _phone(shelter, SECRETS["phone without a source"], source="")
    _phone(shelter, SECRETS["phone never verified"], status=ContactChannel.Status.TO_CHECK)
    ContactChannel.objects.create(
        organisation=shelter, kind=ContactChannel.Kind.WALK_IN, value=SECRETS["shelter's walk-in address"],
        source="Testbron", status=ContactChannel.Status.PUBLIC_SOURCE, taken_over=VERIFIED,
    )  # fmt: skip
    reindex([hidden.pk, shelter.pk])
    return shelter


def _every_output(client: Client) -> dict[str, str]:
    outputs = {
        "CSV": client.get("/open-data/organisaties.csv"),
        "HSDS": client.get("/open-data/organisaties.hsds.json"),
        "API search for the shelter": client.get("/api/v1/organisaties/", {"q": "Zwaluw"}),
        "organisation page": client.get("/nl/organisaties/opvang-zwaluw/"),
    }
    first_page = client.get("/api/v1/organisaties/").json()
    for number in range(1, first_page["pages"] + 1):
        outputs[f"API page {number}"] = client.get("/api/v1/organisaties/", {"pagina": number})
    for name, response in outputs.items():
        assert response.status_code == 200, name
    return {name: response.content.decode() for name, response in outputs.items()}


def test_no_export_or_api_answer_shows_what_is_not_public(client: Client, directory_with_secrets):
    outputs = _every_output(client)
    # The published shelter and its verified phone are there, so the search below is not empty-handed.
    for name in ("CSV", "HSDS", "API search for the shelter", "organisation page"):
        assert PUBLIC_PHONE in outputs[name], name
    assert any(PUBLIC_PHONE in body for name, body in outputs.items() if name.startswith("API page"))
    leaks = [(what, name) for what, secret in SECRETS.items() for name, body in outputs.items() if secret in body]
    assert leaks == []
