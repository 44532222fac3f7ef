"""Content in every site language: shipped as data, loaded into empty fields only, marked as
machine-made for a native review, and shown on the pages a person acts on."""

from __future__ import annotations

import pytest

from directory.models import ChainRole, Organisation
from portal import content_translations
from portal.models import MachineTranslation
from referral.models import RouteRule

pytestmark = pytest.mark.django_db

FILE = content_translations.TRANSLATIONS_DIR / "directory" / "pl.json"


def test_an_organisation_page_shows_its_description_in_the_pages_language(client):
    html = client.get("/pl/organisaties/fairwork/").content.decode()
    assert "FairWork walczy z wyzyskiem w pracy." in html
    assert "Stichting tegen arbeidsuitbuiting" not in html


def test_the_dutch_description_is_the_plain_b1_text_and_the_source_wording_is_kept_for_editors():
    fairwork = Organisation.objects.get(slug="fairwork")
    assert fairwork.role_nl.startswith("FairWork werkt tegen arbeidsuitbuiting.")
    assert "Rol: Stichting tegen arbeidsuitbuiting." in fairwork.source_text


def test_loading_again_never_overwrites_an_editors_text():
    fairwork = Organisation.objects.get(slug="fairwork")
    Organisation.objects.filter(pk=fairwork.pk).update(role_pl="Tekst redaktora.", role_nl="Eigen tekst.")
    content_translations.load_file(FILE)
    content_translations.load_file(content_translations.TRANSLATIONS_DIR / "directory" / "nl.json")
    fairwork.refresh_from_db()
    assert fairwork.role_pl == "Tekst redaktora."
    assert fairwork.role_nl == "Eigen tekst."


def test_an_emptied_field_is_filled_again_and_marked_machine_made():
    role = ChainRole.objects.get(code="riec")
    ChainRole.objects.filter(pk=role.pk).update(description_pl="")
    MachineTranslation.objects.filter(model="directory.chainrole").delete()
    assert content_translations.load_file(FILE) == 1
    role.refresh_from_db()
    assert role.description_pl.startswith("Pomaga gminom")
    marked = MachineTranslation.objects.get(model="directory.chainrole", object_id=str(role.pk))
    assert (marked.field, marked.language, marked.reviewed) == ("description", "pl", False)


def test_route_explanations_are_no_longer_english_on_a_bulgarian_result():
    rule = RouteRule.objects.get(key="report-police")
    assert rule.explanation_bg.startswith("В полицията подаваш жалба")


def test_editors_see_which_translations_are_machine_made_and_can_mark_them_reviewed(admin_client):
    fairwork = Organisation.objects.get(slug="fairwork")
    row = MachineTranslation.objects.get(
        model="directory.organisation", object_id=str(fairwork.pk), field="role", language="uk"
    )
    listing = admin_client.get("/beheer/portal/machinetranslation/?language=uk&q=FairWork").content.decode()
    assert f"/beheer/directory/organisation/{fairwork.pk}/change/" in listing
    admin_client.post(
        "/beheer/portal/machinetranslation/",
        {"action": "mark_reviewed", "_selected_action": [row.pk]},
    )
    row.refresh_from_db()
    assert row.reviewed and row.reviewed_by


def test_the_organisation_list_shows_where_machine_made_text_waits_for_review(admin_client):
    fairwork = Organisation.objects.get(slug="fairwork")
    listing = admin_client.get("/beheer/directory/organisation/?q=fairwork").content.decode()
    assert f"model=directory.organisation&amp;object_id={fairwork.pk}&amp;reviewed__exact=0" in listing
    MachineTranslation.objects.filter(model="directory.organisation", object_id=str(fairwork.pk)).update(reviewed=True)
    listing = admin_client.get("/beheer/directory/organisation/?q=fairwork").content.decode()
    assert f"object_id={fairwork.pk}&amp;reviewed__exact=0" not in listing
