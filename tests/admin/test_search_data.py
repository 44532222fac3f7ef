"""Editors extend the search vocabulary and the place list in the admin; the search uses it at once."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.test import Client

from directory.models import Place, SearchTerm

pytestmark = pytest.mark.django_db


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def first_names(query: str) -> list[str]:
    response = Client().get("/uk/organisaties/?" + urlencode({"q": query}))
    return [organisation.name for organisation in response.context["page"].object_list][:5]


def test_a_redacteur_adds_a_word_and_the_search_understands_it(redacteur):
    before = first_names("кабала")
    assert "FairWork" not in before
    response = logged_in(redacteur).post(
        "/beheer/directory/searchterm/add/",
        {"language": "uk", "words": "кабала", "means": "arbeidsuitbuiting"},
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    assert SearchTerm.objects.filter(words="кабала").exists()
    assert set(first_names("Кабала")[:2]) == {"FairWork", "Nederlandse Arbeidsinspectie (SZW)"}


def test_a_redacteur_adds_another_name_to_a_place(redacteur):
    place = Place.objects.get(name="Ter Apel")
    client = logged_in(redacteur)
    form = client.get(f"/beheer/directory/place/{place.pk}/change/")
    assert form.status_code == 200
    response = client.post(
        f"/beheer/directory/place/{place.pk}/change/",
        {"name": "Ter Apel", "other_names": "Тер Апель", "municipality": place.municipality_id,
         "postcodes": place.postcodes, "source": place.source},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:1500]
    html = Client().get("/nl/organisaties/?" + urlencode({"q": "Тер Апель"})).content.decode()
    assert "ligt in de gemeente Westerwolde" in html


def test_only_a_hoofdredacteur_deletes_a_search_term(redacteur, hoofdredacteur):
    term = SearchTerm.objects.get(language="en", words="shelter")
    url = f"/beheer/directory/searchterm/{term.pk}/delete/"
    assert logged_in(redacteur).post(url, {"post": "yes"}).status_code == 403
    assert logged_in(hoofdredacteur).post(url, {"post": "yes"}).status_code == 302
    assert not SearchTerm.objects.filter(pk=term.pk).exists()
