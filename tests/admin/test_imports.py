"""Imports that cannot lose editors' work (issue 13 §4): truthful failures, revisions, empty cells."""

from __future__ import annotations

import csv
import io

import pytest
import reversion
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.utils import translation
from reversion.models import Version

from directory.models import Municipality, Organisation

pytestmark = pytest.mark.django_db

IMPORT_URL = "/beheer/directory/organisation/import/"
CONFIRM_URL = "/beheer/directory/organisation/process_import/"


def logged_in(user) -> Client:
    client = Client(headers={"Accept-Language": "nl"})  # a Dutch editor
    client.force_login(user)
    return client


def dry_run(client: Client, body: str):
    upload = SimpleUploadedFile("organisaties.csv", body.encode(), content_type="text/csv")
    response = client.post(IMPORT_URL, {"import_file": upload, "format": "0", "resource": "0"})
    assert response.status_code == 200
    return response


def confirm(client: Client, dry_run_response):
    form = dry_run_response.context["confirm_form"]
    assert form is not None, "the dry run found errors"
    return client.post(CONFIRM_URL, form.initial, follow=True)


def import_file(client: Client, body: str):
    return confirm(client, dry_run(client, body))


def in_language_of(response, msgid: str) -> str:
    """The interface text as the editor's page shows it (the admin's language for that request)."""
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        return translation.gettext(msgid)


def shown_messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


NEW_ROWS = "slug,name,kind,scale,source\n" + "".join(
    f"proef-{number},Proef {number},meldpunt,local,Proefimport\n" for number in range(1, 6)
)


@pytest.fixture
def failing_fourth_row(db):
    """A real database failure in the confirm step: PostgreSQL refuses the fourth new organisation
    (the trigger disappears with the test's transaction)."""

    def install() -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE FUNCTION refuse_proef_4() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN IF NEW.slug = 'proef-4' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$"
            )
            cursor.execute(
                "CREATE TRIGGER refuse_proef_4 BEFORE INSERT ON directory_organisation "
                "FOR EACH ROW EXECUTE FUNCTION refuse_proef_4()"
            )

    return install


class FailedImportTestCase:
    def test_a_database_failure_while_confirming_is_reported_and_nothing_is_logged(
        self, hoofdredacteur, failing_fourth_row
    ):
        client = logged_in(hoofdredacteur)
        checked = dry_run(client, NEW_ROWS)
        failing_fourth_row()  # after the dry run, before the confirm step
        logged_before = LogEntry.objects.count()
        response = confirm(client, checked)
        messages = shown_messages(response)
        failed = (
            "Nothing was imported: %(reason)s. Everything is as it was before the import; "
            "fix the file and import it again."
        )
        nothing = in_language_of(response, failed).split(":")[0]
        row = in_language_of(response, "row %(row)s could not be stored (%(error)s)") % {"row": 4, "error": "disk full"}
        assert any(message.startswith(nothing) and row in message for message in messages), messages
        assert not any("Import finished" in message for message in messages)
        assert not Organisation.objects.filter(slug__startswith="proef-").exists()
        assert LogEntry.objects.count() == logged_before

    def test_a_successful_import_logs_exactly_the_stored_objects(self, hoofdredacteur):
        client = logged_in(hoofdredacteur)
        logged_before = LogEntry.objects.count()
        import_file(client, NEW_ROWS)
        stored = Organisation.objects.filter(slug__startswith="proef-")
        assert stored.count() == 5
        logged = LogEntry.objects.order_by("pk")[logged_before:]
        assert sorted(int(entry.object_id) for entry in logged) == sorted(stored.values_list("pk", flat=True))


@pytest.fixture
def linked_organisation(db) -> Organisation:
    """An organisation with a website and two linked municipalities, and no revision yet."""
    organisation = Organisation.objects.order_by("slug").first()
    Organisation.objects.filter(pk=organisation.pk).update(website="https://example.org/oud")  # no revision
    organisation.refresh_from_db()
    organisation.municipalities.set(Municipality.objects.filter(slug__in=["amsterdam", "zaanstad"]))
    assert organisation.municipalities.count() == 2
    return organisation


class RevisionsOfImportsTestCase:
    def test_an_imported_change_can_be_restored(self, hoofdredacteur, linked_organisation):
        organisation = linked_organisation
        old_name = organisation.name
        assert not Version.objects.get_for_object(organisation).exists()
        client = logged_in(hoofdredacteur)
        import_file(client, f"slug,name\n{organisation.slug},Per ongeluk overschreven\n")
        organisation.refresh_from_db()
        assert organisation.name == "Per ongeluk overschreven"

        versions = Version.objects.get_for_object(organisation).order_by("pk")
        history_page = client.get(f"/beheer/directory/organisation/{organisation.pk}/history/")
        imported = in_language_of(history_page, "Imported from %(file)s") % {"file": "organisaties.csv"}
        before = in_language_of(history_page, "State before an import")
        assert [version.revision.get_comment() for version in versions] == [before, imported]
        assert all(version.revision.user == hoofdredacteur for version in versions)
        assert imported in history_page.content.decode()
        with reversion.create_revision():
            versions.first().revision.revert()
        organisation.refresh_from_db()
        assert organisation.name == old_name

    def test_a_failed_import_leaves_no_revision(self, hoofdredacteur, failing_fourth_row):
        client = logged_in(hoofdredacteur)
        checked = dry_run(client, NEW_ROWS)
        failing_fourth_row()
        revisions_before = Version.objects.count()
        confirm(client, checked)
        assert Version.objects.count() == revisions_before


class EmptyCellsTestCase:
    def test_an_empty_cell_leaves_the_field_and_the_municipality_links_as_they_are(
        self, hoofdredacteur, linked_organisation
    ):
        organisation = linked_organisation
        website, places = organisation.website, set(organisation.municipalities.values_list("pk", flat=True))
        import_file(logged_in(hoofdredacteur), f"slug,name,website,municipalities\n{organisation.slug},Nieuw,,\n")
        organisation.refresh_from_db()
        assert organisation.name == "Nieuw"
        assert organisation.website == website
        assert set(organisation.municipalities.values_list("pk", flat=True)) == places

    def test_a_column_marked_to_clear_empties_the_field_and_the_links(self, hoofdredacteur, linked_organisation):
        organisation = linked_organisation
        body = f"slug,website [wissen],municipalities [wissen]\n{organisation.slug},,\n"
        import_file(logged_in(hoofdredacteur), body)
        organisation.refresh_from_db()
        assert organisation.website == ""
        assert not organisation.municipalities.exists()

    def test_a_filled_cell_still_replaces_the_links(self, hoofdredacteur, linked_organisation):
        organisation = linked_organisation
        vaals = Municipality.objects.get(slug="vaals")
        import_file(logged_in(hoofdredacteur), f"slug,municipalities\n{organisation.slug},{vaals.code}\n")
        assert list(organisation.municipalities.all()) == [vaals]


class DryRunTestCase:
    def test_the_dry_run_lists_the_fields_each_row_would_change(self, hoofdredacteur, linked_organisation):
        organisation = linked_organisation
        rows = [
            ["slug", "name", "kind", "scale", "source", "website"],
            [organisation.slug, "Andere naam", organisation.kind, organisation.scale, organisation.source, ""],
            ["proef-nieuw", "Proef nieuw", "meldpunt", "local", "Proefimport", "https://example.org"],
        ]
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        body = buffer.getvalue()
        response = dry_run(logged_in(hoofdredacteur), body)
        result = response.context["result"]
        header = in_language_of(response, "Fields this row changes")
        assert result.diff_headers[0] == header
        changed = [row.diff[0] for row in result.valid_rows()]
        assert changed[0] == "name"
        assert "name" in changed[1] and "website" in changed[1]
        assert header in response.content.decode()
        assert not Organisation.objects.filter(slug="proef-nieuw").exists()
