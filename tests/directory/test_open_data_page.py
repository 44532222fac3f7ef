"""The open-data page: licence, formats, update rhythm and how to report an error, in every language."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

pytestmark = pytest.mark.django_db

LANGUAGES = ["nl", "en", "pl", "ro", "bg", "uk", "ar"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_explains_licence_formats_rhythm_and_errors_in_the_visitors_language(client: Client, language):
    response = client.get(f"/{language}/organisaties/open-data/")
    assert response.status_code == 200
    body = response.content.decode()
    with translation.override(language):
        headings = [
            translation.gettext(h) for h in ("Open data", "Licence", "Formats", "Update rhythm", "Report an error")
        ]
    for heading in headings:
        assert f">{heading}</h" in body
    assert "CC BY 4.0" in body and "CoMensha" in body
    for download in ("/open-data/organisaties.csv", "/open-data/organisaties.hsds.json", "/api/v1/openapi.json",
                     "/api/hsds/", "/api/hsds/openapi.json"):  # fmt: skip
        assert f'href="{download}"' in body
        assert client.get(download).status_code == 200
    with translation.override(language):
        for text in ("its OpenAPI description", "The text of the licence (CC BY 4.0)"):
            assert translation.gettext(text) in body.replace("<bdi>", "").replace("</bdi>", "")
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in body
    assert "modified_after" in body  # how to fetch only what changed
    assert f'href="/{language}/organisaties/?q=CoMensha"' in body


def test_the_headings_are_really_translated():
    with translation.override("pl"):
        assert translation.gettext("Licence") == "Licencja"
    with translation.override("nl"):
        assert translation.gettext("Report an error") == "Een fout melden"


def test_the_error_report_link_leads_to_comensha(client: Client):
    page = client.get("/nl/organisaties/?q=CoMensha").context["page"]
    assert "Coördinatiecentrum tegen Mensenhandel (CoMensha)" in [o.name for o in page.object_list][:3]


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_every_page_links_to_it_in_the_footer(client: Client, language):
    body = client.get(f"/{language}/").content.decode()
    assert f'href="/{language}/organisaties/open-data/"' in body
