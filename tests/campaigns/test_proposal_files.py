"""Proposal files: nothing left behind when a proposal fails, and editors review files in the
admin while the media folder stays closed to everyone (issue 13 §6)."""

from __future__ import annotations

import html as html_lib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

from campaigns import uploads
from campaigns.models import Campaign, Material

from .conftest import PDF_BYTES, proposals
from .test_propose import URL, proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def upload_temp(settings, tmp_path):
    """Django writes uploads to this folder while a request is read."""
    folder = tmp_path / "upload-tmp"
    folder.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(folder)
    return folder


def files_in(folder) -> list[str]:
    return sorted(str(path) for path in folder.rglob("*") if path.is_file()) if folder.exists() else []


def pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("Poster.pdf", PDF_BYTES, content_type="application/pdf")


@pytest.fixture
def failing_material_table(db):
    """A real database failure at the last write of a proposal: the material row is refused after
    the file has reached the media folder (the trigger is dropped with the test's transaction)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE FUNCTION refuse_material() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'disk full'; END $$"
        )
        cursor.execute(
            "CREATE TRIGGER refuse_material BEFORE INSERT ON campaigns_material "
            "FOR EACH ROW EXECUTE FUNCTION refuse_material()"
        )


class FailedProposalLeavesNothingTestCase:
    def test_a_database_failure_leaves_no_file_and_keeps_what_was_typed(
        self, client, vocabularies, media_root, upload_temp, failing_material_table
    ):
        response = client.post(URL, proposal(material=pdf()))
        assert response.status_code == 503
        page = html_lib.unescape(response.content.decode())
        assert "nothing was stored" in page
        assert 'value="Kijk verder dan je neus"' in page and 'value="sam@example.org"' in page
        assert not Campaign.objects.filter(title_nl="Kijk verder dan je neus").exists()
        assert files_in(media_root) == []
        assert files_in(upload_temp) == []

    @pytest.mark.parametrize(
        "changes",
        [
            {"title": ""},  # invalid form
            {"material": SimpleUploadedFile("x.pdf", b"<html>not a pdf</html>")},  # refused type
        ],
    )
    def test_a_refused_proposal_leaves_no_file(self, client, vocabularies, media_root, upload_temp, changes):
        data = proposal(material=pdf())
        data.update(changes)
        assert client.post(URL, data).status_code == 400
        assert files_in(media_root) == [] and files_in(upload_temp) == []

    def test_an_oversize_upload_leaves_no_file(self, client, vocabularies, media_root, upload_temp, monkeypatch):
        monkeypatch.setattr(uploads, "PUBLIC_MAX_UPLOAD_BYTES", 1000)
        big = SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * 5000)
        assert client.post(URL, proposal(material=big)).status_code == 413
        assert files_in(media_root) == [] and files_in(upload_temp) == []

    def test_an_interrupted_upload_leaves_no_temp_file(self, client, vocabularies, media_root, upload_temp):
        boundary = "BoUnDaRy"
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nKijk verder\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="material"; filename="a.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        body = head + PDF_BYTES + b"0" * 200_000  # then the connection is reset, mid-file

        class ResetConnection(io.BytesIO):
            def read(self, size=-1):
                chunk = super().read(size)
                if not chunk:
                    raise ConnectionResetError("connection reset by peer")
                return chunk

        environ = {
            "wsgi.input": ResetConnection(body),
            "CONTENT_LENGTH": str(len(body) * 2),
            "CONTENT_TYPE": f"multipart/form-data; boundary={boundary}",
        }
        response = client.generic("POST", URL, **environ)
        assert response.status_code == 400
        assert files_in(media_root) == [] and files_in(upload_temp) == []
        assert not proposals().exists()

    def test_a_proposal_that_is_stored_keeps_its_file_and_no_temp_file(
        self, client, vocabularies, media_root, upload_temp
    ):
        assert client.post(URL, proposal(material=pdf())).status_code == 303
        material = Material.objects.get(campaign__title_nl="Kijk verder dan je neus")
        assert files_in(media_root) == [str(media_root / material.file.name)]
        assert files_in(upload_temp) == []


@pytest.fixture
def proposed_file(vocabularies, media_root, client) -> Material:
    assert client.post(URL, proposal(material=pdf())).status_code == 303
    return Material.objects.get(campaign__title_nl="Kijk verder dan je neus")


class EditorsOpenProposalFilesTestCase:
    def test_an_editor_downloads_a_proposed_file_from_the_admin(self, proposed_file, hoofdredacteur):
        editor = Client()
        editor.force_login(hoofdredacteur)
        change = editor.get(f"/beheer/campaigns/campaign/{proposed_file.campaign_id}/change/").content.decode()
        link = f"/beheer/campaigns/campaign/material/{proposed_file.pk}/file/"
        assert f'href="{link}"' in change
        assert f"/media/{proposed_file.file.name}" not in change
        response = editor.get(link)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["Content-Type"] == "application/pdf"
        assert "no-store" in response["Cache-Control"]
        assert b"".join(response.streaming_content) == PDF_BYTES

    def test_the_public_and_other_users_cannot_open_it(self, proposed_file, django_user_model):
        link = f"/beheer/campaigns/campaign/material/{proposed_file.pk}/file/"
        public = Client()
        response = public.get(link)
        assert response.status_code == 302 and "/beheer/login/" in response["Location"]
        # A draft's file is not a public download either.
        assert public.get(f"/nl/campagnes/materiaal/{proposed_file.pk}/").status_code == 404
        visitor = Client()
        visitor.force_login(django_user_model.objects.create_user("bezoeker", password="a-long-passphrase-1"))
        assert visitor.get(link).status_code == 302
        staff_without_rights = Client()
        staff_without_rights.force_login(
            django_user_model.objects.create_user("stagiair", password="a-long-passphrase-2", is_staff=True)
        )
        assert staff_without_rights.get(link).status_code == 403

    def test_the_media_folder_is_closed_to_the_public_and_to_staff(self, proposed_file, hoofdredacteur):
        media_url = f"/media/{proposed_file.file.name}"
        assert Client().get(media_url).status_code == 404
        editor = Client()
        editor.force_login(hoofdredacteur)
        assert editor.get(media_url).status_code == 404
