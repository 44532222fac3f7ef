"""Editors' work in the admin: drafts and publishing, revisions, imports, translations, checks."""

from __future__ import annotations

import datetime as dt

import pytest
import reversion
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from directory.models import Organisation
from portal.models import Page
from tests.editors import logged_in, new_organisation_form

pytestmark = pytest.mark.django_db


class PublishingRightsTestCase:
    def test_a_redacteur_cannot_publish_a_new_organisation(self, redacteur):
        client = logged_in(redacteur)
        form = client.get("/beheer/directory/organisation/add/").content.decode()
        assert 'name="published"' not in form
        response = client.post(
            "/beheer/directory/organisation/add/",
            new_organisation_form("Nieuw meldpunt", "nieuw-meldpunt", "Telefoontje van de gemeente"),
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        assert Organisation.objects.get(slug="nieuw-meldpunt").published is False

    def test_a_redacteur_can_only_view_published_organisations(self, redacteur):
        client = logged_in(redacteur)
        politie = Organisation.objects.get(slug="nationale-politie")
        response = client.post(f"/beheer/directory/organisation/{politie.pk}/change/", {"name": "Gewijzigd"})
        assert response.status_code == 403
        assert Organisation.objects.get(pk=politie.pk).name == "Nationale Politie"

    def test_a_redacteur_has_no_publish_action_and_no_routes(self, redacteur):
        client = logged_in(redacteur)
        html = client.get("/beheer/directory/organisation/").content.decode()
        assert 'value="publish"' not in html
        assert client.get("/beheer/referral/routerule/add/").status_code == 403

    def test_a_hoofdredacteur_publishes(self, hoofdredacteur):
        draft = Organisation.objects.create(name="Concept", slug="concept", kind="meldpunt", scale="local",
                                            source="test", published=False)  # fmt: skip
        client = logged_in(hoofdredacteur)
        response = client.post("/beheer/directory/organisation/", {"action": "publish", "_selected_action": [draft.pk]})
        assert response.status_code == 302
        draft.refresh_from_db()
        assert draft.published


class RevisionsTestCase:
    def test_an_old_revision_can_be_restored(self, hoofdredacteur):
        page = Page.objects.get(slug="privacy")
        with reversion.create_revision():
            page.title_nl = "Privacy (versie 1)"
            page.save()
        with reversion.create_revision():
            page.title_nl = "Privacy (fout)"
            page.save()
        old = Version.objects.get_for_object(page).order_by("pk").first()
        client = logged_in(hoofdredacteur)
        history = client.get(f"/beheer/portal/page/{page.pk}/history/")
        assert history.status_code == 200
        restore_url = f"/beheer/portal/page/{page.pk}/history/{old.pk}/"
        form = client.get(restore_url)
        assert form.status_code == 200
        data = {key: value for key, value in form.context["adminform"].form.initial.items() if value is not None}
        response = client.post(restore_url, data)
        assert response.status_code == 302
        page.refresh_from_db()
        assert page.title_nl == "Privacy (versie 1)"

    def test_admin_changes_are_recorded_with_who_and_when(self, hoofdredacteur):
        client = logged_in(hoofdredacteur)
        rule_page = client.get("/beheer/portal/page/").content.decode()
        assert "Privacy" in rule_page or "privacy" in rule_page
        page = Page.objects.get(slug="privacy")
        form = client.get(f"/beheer/portal/page/{page.pk}/change/").context["adminform"].form
        data = {key: value for key, value in form.initial.items() if value is not None}
        data["title_nl"] = "Privacyverklaring (nieuw)"
        data["published"] = "on"
        assert client.post(f"/beheer/portal/page/{page.pk}/change/", data).status_code == 302
        version = Version.objects.get_for_object(page).first()
        assert version.revision.user == hoofdredacteur
        assert version.revision.date_created <= timezone.now()


class ImportTestCase:
    CSV_HEADER = "slug,name,kind,scale,source,forms,municipalities\n"

    def _import(self, client: Client, body: str, dry_run: bool = True):
        """Upload a CSV (always a dry run first); unless `dry_run`, confirm it as an editor would."""
        import re

        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile("organisaties.csv", body.encode(), content_type="text/csv")
        preview = client.post(
            "/beheer/directory/organisation/import/",
            {"import_file": upload, "format": "0", "resource": "0"},
        )
        if dry_run:
            return preview
        html = preview.content.decode()
        confirm_form = html.split('action="/beheer/directory/organisation/process_import/"')[1].split("</form>")[0]
        hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', confirm_form))
        assert {"import_file_name", "original_file_name", "format"} <= hidden.keys(), confirm_form
        return client.post("/beheer/directory/organisation/process_import/", hidden)

    def test_a_dry_run_reports_a_bad_row_and_imports_nothing(self, hoofdredacteur):
        client = logged_in(hoofdredacteur)
        before = Organisation.objects.count()
        body = self.CSV_HEADER + (
            "proef-meldpunt,Proef meldpunt,meldpunt,local,Proefimport,labour,GM0783\n"
            "kapot,Kapotte rij,geen-soort,local,Proefimport,labour,GM0783\n"
        )
        response = self._import(client, body)
        html = response.content.decode()
        assert response.status_code == 200
        result = response.context["result"]
        assert result.has_validation_errors()
        invalid = result.invalid_rows
        assert [row.number for row in invalid] == [2]
        assert "kind" in invalid[0].error_dict
        assert "geen-soort" in html
        assert Organisation.objects.count() == before
        assert not Organisation.objects.filter(slug="proef-meldpunt").exists()

    def test_a_confirmed_import_adds_the_row_and_makes_it_findable(self, hoofdredacteur):
        from directory.search import matching

        body = self.CSV_HEADER + "proef-meldpunt,Proefmeldpunt Zeeuwse Kust,meldpunt,local,Proefimport,labour,GM0783\n"
        preview = self._import(logged_in(hoofdredacteur), body)
        assert not Organisation.objects.filter(slug="proef-meldpunt").exists()  # the dry run kept nothing
        assert preview.status_code == 200 and not preview.context["result"].has_errors()

        response = self._import(logged_in(hoofdredacteur), body, dry_run=False)
        assert response.status_code == 302
        imported = Organisation.objects.get(slug="proef-meldpunt")
        assert list(imported.forms.values_list("code", flat=True)) == ["labour"]
        # The import re-indexed the directory: the new name is searchable at once.
        assert imported in matching(Organisation.objects.all(), "Zeeuwse Kust")

    def test_a_redacteur_cannot_import_but_can_export(self, redacteur):
        client = logged_in(redacteur)
        assert client.get("/beheer/directory/organisation/import/").status_code == 403
        assert client.get("/beheer/directory/organisation/export/").status_code == 200


class VerificationWorkflowTestCase:
    def test_it_lists_entries_not_verified_in_six_months(self, hoofdredacteur):
        Organisation.objects.filter(slug="veilig-thuis").update(last_verified=timezone.localdate())
        Organisation.objects.filter(slug="fier").update(last_verified=timezone.localdate() - dt.timedelta(days=400))
        client = logged_in(hoofdredacteur)
        response = client.get("/beheer/directory/organisation/?verificatie=verlopen")
        names = {o.slug for o in response.context["cl"].result_list}
        assert "fier" in names and "veilig-thuis" not in names

    def test_mark_verified_sets_today(self, hoofdredacteur):
        fier = Organisation.objects.get(slug="fier")
        client = logged_in(hoofdredacteur)
        client.post("/beheer/directory/organisation/", {"action": "mark_verified", "_selected_action": [fier.pk]})
        fier.refresh_from_db()
        assert fier.last_verified == timezone.localdate()


class TranslationStatusTestCase:
    def test_missing_translations_are_listed_per_language(self, hoofdredacteur):
        Organisation.objects.filter(slug="fier").update(role_pl="")  # the shipped translation, removed
        client = logged_in(hoofdredacteur)
        response = client.get("/beheer/vertalingen/?taal=pl")
        assert response.status_code == 200
        rows = response.context["rows"]
        assert rows and all(row["language"] == "pl" for row in rows)
        assert any(row["object"].__class__.__name__ == "Organisation" for row in rows)
