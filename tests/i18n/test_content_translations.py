"""Content in every site language: shipped as data, loaded into empty fields only, marked as
machine-made for a native review, and shown on the pages a person acts on."""

from __future__ import annotations

import json
import re

import pytest

from directory.corrections import UTRECHT_PILOT
from directory.information import PRACTICES
from directory.models import ChainRole, InformationPractice, Organisation
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


INFORMATION = {language: content_translations.TRANSLATIONS_DIR / "directory" / f"{language}.information.json"
               for language in ("pl", "ro", "bg", "uk", "ar")}  # fmt: skip


def text_of(response) -> str:
    """The page without the <bdi> isolation of Latin runs in Arabic (ADR 012)."""
    return re.sub(r"</?bdi>", "", response.content.decode())


@pytest.mark.parametrize("language", sorted(INFORMATION))
def test_the_information_card_and_utrechts_note_are_in_the_pages_language(client, language):
    data = json.loads(INFORMATION[language].read_text(encoding="utf-8"))
    police = text_of(client.get(f"/{language}/organisaties/nationale-politie/"))
    assert data["informationpractice"]["police"]["passes_on_note"] in police
    assert data["informationpractice"]["police"]["note"] in police
    utrecht = text_of(client.get(f"/{language}/organisaties/veilig-thuis-utrecht/"))
    assert data["organisation"]["veilig-thuis-utrecht"]["public_note"] in utrecht
    assert UTRECHT_PILOT[1] not in utrecht  # no English fallback any more


def test_the_shipped_translations_were_made_from_the_current_dutch_texts():
    """When a Dutch practice text or the note changes (directory/information.py, corrections.py),
    re-translate it in scripts/translations/practices.py and run gen_reach.py."""
    dutch = {code: {"name": names[0], "passes_on_note": passes_on[0], "note": note[0]}
             for code, names, _answers, passes_on, note, _source in PRACTICES}  # fmt: skip
    for path in INFORMATION.values():
        data = json.loads(path.read_text(encoding="utf-8"))
        for code, fields in data["informationpractice"].items():
            assert fields["_nl"] == {field: dutch[code][field] for field in fields["_nl"]}, (path.name, code)
            assert {field for field, text in dutch[code].items() if text} <= set(fields) - {"_nl"}, (path.name, code)
        assert data["organisation"]["veilig-thuis-utrecht"]["_nl"] == {"public_note": UTRECHT_PILOT[0]}


def test_a_translation_of_an_older_dutch_text_is_not_loaded():
    police = InformationPractice.objects.get(code="police")
    InformationPractice.objects.filter(pk=police.pk).update(
        note_nl="Een nieuwe tekst van een redacteur.", note_pl="", passes_on_note_pl=""
    )
    content_translations.load_file(INFORMATION["pl"])
    police.refresh_from_db()
    assert police.note_pl == ""  # the Polish file translates the old Dutch note
    assert police.passes_on_note_pl.startswith("To jest sama policja.")  # its Dutch text is unchanged
    assert MachineTranslation.objects.filter(
        model="directory.informationpractice", object_id=str(police.pk), field="passes_on_note", language="pl"
    ).exists()


def test_editors_find_the_information_card_translations_among_the_machine_made_ones(admin_client):
    police = InformationPractice.objects.get(code="police")
    listing = admin_client.get(
        "/beheer/portal/machinetranslation/?language=ar&model=directory.informationpractice"
    ).content.decode()
    assert f"/beheer/directory/informationpractice/{police.pk}/change/" in listing
    utrecht = Organisation.objects.get(slug="veilig-thuis-utrecht")
    assert MachineTranslation.objects.filter(
        model="directory.organisation", object_id=str(utrecht.pk), field="public_note", language="ar", reviewed=False
    ).exists()
