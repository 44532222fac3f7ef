"""Nothing unpublished, unverified or kept for editors leaks into any export or API answer (issue 16 §4).

A directory with a hidden organisation, a published shelter with everything an editor keeps
(notes, the source's text, excerpts and review reasons, a walk-in address with its hours, a
number still to be checked with its hours and language), an editor's revision history (a name
and number from before the shelter was public, the editor's own name) and a recommendation tally.
Every export, every page of both APIs, every HSDS record and the public changelog with its Atom
feed are read; none may show any of it.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
import reversion
from django.test import Client

from directory.hsds import hsds_id
from directory.models import ContactChannel, Language, Organisation
from directory.search import reindex
from referral.models import RecommendationTally
from tests.directory.test_contacts import review_only_values

pytestmark = pytest.mark.django_db

VERIFIED = dt.date(2026, 11, 1)
SECRETS = {
    "unpublished organisation": "Stichting Zwaluwnest Verborgen",
    "unpublished organisation's phone": "088-1112233",
    "editors' note": "NOTITIE-REDACTIE bel eerst de coördinatoor",
    "contact excerpt kept for editors (organisation)": "BRONTEKST-REDACTIE privénummer van de coördinator",
    "contact excerpt kept for editors (channel)": "UITTREKSEL-REDACTIE zoals de bron het schreef",
    "channel's description in the source file": "BRONNOTITIE-REDACTIE oude pagina uit 2014",
    "why a channel needs checking": "REDEN-CONTROLE nummer klopt misschien niet",
    "phone without a source": "088-4445566",
    "phone never verified": "088-7778899",
    "hours of the phone never verified": "van 07.00 tot 23.00 uur op zaterdag",
    "shelter's walk-in address": "Schuilhofstraat 13, Zwolle",
    "hours of the shelter's walk-in address": "inloop van 10.00 tot 12.00 uur op dinsdag",
    "name while unpublished": "Opvang Zwaluw Werktitel",
    "number before it was public": "088-9990001",
    "editor's user name": "geheime.redacteur",
    "editor's name": "Geheimnaam",
    "revision comment": "OPMERKING-REVISIE alleen voor de redactie",
    "tally": "86753091",
}
PUBLIC_PHONE = "088-0001122"
PUBLIC_CHANGE = "Helpt bij mensenhandel en biedt opvang in Zwolle."


def _organisation(slug: str, name: str, **fields) -> Organisation:
    return Organisation.objects.create(
        slug=slug, name=name, kind=Organisation.Kind.MELDPUNT, scale=Organisation.Scale.NATIONAL,
        serves_nationally=True, role="Helpt bij mensenhandel.", source="Testbron", last_verified=VERIFIED, **fields,
    )  # fmt: skip


def _channel(organisation: Organisation, value: str, kind=ContactChannel.Kind.PHONE, **fields) -> ContactChannel:
    return ContactChannel.objects.create(
        organisation=organisation, kind=kind, value=value,
        **{"source": "Testbron", "status": ContactChannel.Status.PUBLIC_SOURCE, "taken_over": VERIFIED, **fields},
    )  # fmt: skip


def _revision(editor, *objects) -> None:
    with reversion.create_revision():
        for obj in objects:
            obj.save()
        reversion.set_user(editor)
        reversion.set_comment(f"{SECRETS['revision comment']} ({editor.get_full_name()})")


@pytest.fixture
def directory_with_secrets(django_user_model) -> Organisation:
    hidden = _organisation("zwaluwnest-verborgen", SECRETS["unpublished organisation"], published=False)
    _channel(hidden, SECRETS["unpublished organisation's phone"])
    shelter = _organisation(
        "opvang-zwaluw", "Opvang Zwaluw", is_shelter=True, needs_review=True,
        review_note=SECRETS["editors' note"], source_text=SECRETS["contact excerpt kept for editors (organisation)"],
    )  # fmt: skip
    phone = _channel(
        shelter, PUBLIC_PHONE, excerpt=SECRETS["contact excerpt kept for editors (channel)"],
        source_note=SECRETS["channel's description in the source file"],
    )  # fmt: skip
    _channel(shelter, SECRETS["phone without a source"], source="")
    unverified = _channel(
        shelter, SECRETS["phone never verified"], status=ContactChannel.Status.TO_CHECK,
        review_reason=SECRETS["why a channel needs checking"],
        opening_hours=SECRETS["hours of the phone never verified"],
    )  # fmt: skip
    unverified.languages.add(Language.objects.get_or_create(code="pl", defaults={"name": "Pools"})[0])
    _channel(shelter, SECRETS["shelter's walk-in address"], kind=ContactChannel.Kind.WALK_IN,
             opening_hours=SECRETS["hours of the shelter's walk-in address"])  # fmt: skip
    # The history: first an unpublished draft under a working title, its phone still to be checked
    # under an older number; then published; then one public change, by a named editor.
    editor = django_user_model.objects.create_user(
        SECRETS["editor's user name"], first_name="Gerrit", last_name=SECRETS["editor's name"], password="x" * 20
    )
    shelter.name, shelter.published = SECRETS["name while unpublished"], False
    phone.value, phone.status = SECRETS["number before it was public"], ContactChannel.Status.TO_CHECK
    _revision(editor, shelter, phone)
    shelter.name, shelter.published = "Opvang Zwaluw", True
    phone.value, phone.status = PUBLIC_PHONE, ContactChannel.Status.PUBLIC_SOURCE
    _revision(editor, shelter, phone)
    shelter.role_nl = PUBLIC_CHANGE
    _revision(editor, shelter)
    RecommendationTally.objects.create(day=VERIFIED, organisation=shelter, count=int(SECRETS["tally"]))
    reindex([hidden.pk, shelter.pk])
    return shelter


def _pages(client: Client, path: str, query: dict, outputs: dict) -> None:
    first = client.get(path, {**query, "per_page": 100}).json()
    for number in range(1, first["total_pages"] + 1):
        outputs[f"{path} {sorted(query.items())} page {number}"] = client.get(
            path, {**query, "per_page": 100, "page": number}
        )


def _every_output(client: Client, shelter: Organisation) -> dict[str, str]:
    outputs = {
        "CSV": client.get("/open-data/organisaties.csv"),
        "HSDS": client.get("/open-data/organisaties.hsds.json"),
        "API search for the shelter": client.get("/api/v1/organisaties/", {"q": "Zwaluw"}),
        "organisation page": client.get("/nl/organisaties/opvang-zwaluw/"),
        "HSDS API organization": client.get(
            f"/api/hsds/organizations/{hsds_id('organization', shelter.pk)}", {"full_service": "true"}
        ),  # fmt: skip
        "HSDS API service": client.get(f"/api/hsds/services/{hsds_id('service', shelter.pk)}"),
        "HSDS API search for the shelter": client.get("/api/hsds/services", {"search": "Zwaluw", "full": "true"}),
        "HSDS API taxonomies": client.get("/api/hsds/taxonomies"),
        "HSDS API taxonomy terms": client.get("/api/hsds/taxonomy_terms", {"per_page": 100}),
        "HSDS API": client.get("/api/hsds/"),
        "HSDS API description": client.get("/api/hsds/openapi.json"),
        "API description": client.get("/api/v1/openapi.json"),
        "changelog": client.get("/nl/organisaties/wijzigingen/"),
        "changelog feed": client.get("/nl/organisaties/wijzigingen/atom.xml"),
        "the shelter's changelog": client.get("/nl/organisaties/opvang-zwaluw/wijzigingen/"),
    }
    first_page = client.get("/api/v1/organisaties/").json()
    for number in range(1, first_page["pages"] + 1):
        outputs[f"API page {number}"] = client.get("/api/v1/organisaties/", {"pagina": number})
    _pages(client, "/api/hsds/organizations", {"full_service": "true"}, outputs)
    _pages(client, "/api/hsds/organizations", {}, outputs)
    _pages(client, "/api/hsds/services", {"full": "true"}, outputs)
    _pages(client, "/api/hsds/services", {"modified_after": "2000-01-01"}, outputs)
    for name, response in outputs.items():
        assert response.status_code == 200, name
    return {name: response.content.decode() for name, response in outputs.items()}


def test_no_export_or_api_answer_shows_what_is_not_public(client: Client, directory_with_secrets):
    outputs = _every_output(client, directory_with_secrets)
    # The published shelter, its public phone and its public change are there, so nothing above came back empty.
    for name in ("CSV", "HSDS", "API search for the shelter", "organisation page", "HSDS API organization",
                 "HSDS API service", "HSDS API search for the shelter"):  # fmt: skip
        assert PUBLIC_PHONE.replace("-", " ") in outputs[name].replace("-", " "), name
    assert any(PUBLIC_PHONE in body for name, body in outputs.items() if name.startswith("API page"))
    assert any(PUBLIC_PHONE in body for name, body in outputs.items() if name.startswith("/api/hsds/services [('full'"))
    for name in ("changelog", "changelog feed", "the shelter's changelog"):
        assert "Opvang Zwaluw" in outputs[name], name
    hsds = json.loads(outputs["HSDS API organization"])
    assert PUBLIC_CHANGE in [m["replacement_value"] for m in hsds["metadata"]]  # the history is published…
    leaks = [(what, name) for what, secret in SECRETS.items() for name, body in outputs.items() if secret in body]
    assert leaks == []  # …without anything from before the shelter was public, or the editor's name


def test_the_hidden_organisation_has_no_hsds_record(client: Client, directory_with_secrets):
    hidden = Organisation.objects.get(slug="zwaluwnest-verborgen")
    for path in (f"/api/hsds/organizations/{hsds_id('organization', hidden.pk)}",
                 f"/api/hsds/services/{hsds_id('service', hidden.pk)}"):  # fmt: skip
        response = client.get(path)
        assert response.status_code == 404 and SECRETS["unpublished organisation"] not in response.content.decode()


def test_the_imports_review_channels_stay_out_of_the_hsds_api(client: Client):
    """Every value the reach import keeps "to be checked" (fixtures/source/contacts.json)."""
    records = {}
    for number in (1, 2):
        page = client.get("/api/hsds/organizations", {"full_service": "true", "per_page": 100, "page": number}).json()
        records |= {o["name"]: json.dumps(o, ensure_ascii=False) for o in page["contents"]}
    assert len(records) == Organisation.objects.published().count() <= 200
    hidden = review_only_values()
    assert sum(len(values) for values in hidden.values()) > 5
    leaks = [
        (slug, value)
        for slug, values in hidden.items()
        for organisation in Organisation.objects.filter(slug=slug, published=True)
        for value in values
        if value in records[organisation.name]
    ]
    assert leaks == []
