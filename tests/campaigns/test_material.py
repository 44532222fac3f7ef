"""Uploaded material: accepted by content only, stored under a random name, served as a download."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from campaigns import uploads
from campaigns.forms import MaterialAdminForm
from campaigns.models import Campaign, Material

from .conftest import PDF_BYTES, PNG_BYTES, office_bytes

pytestmark = pytest.mark.django_db


def _upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def _admin_form(campaign: Campaign, upload: SimpleUploadedFile | None = None, url: str = "") -> MaterialAdminForm:
    data = {"title": "Materiaal", "kind": "poster", "url": url, "order": 0}
    files = {"file": upload} if upload else {}
    return MaterialAdminForm(data=data, files=files, instance=Material(campaign=campaign))


@pytest.fixture
def campaign(db) -> Campaign:
    return Campaign.objects.create(title_nl="Testcampagne", slug="testcampagne", published=True)


class DetectTypeTestCase:
    @pytest.mark.parametrize(
        ("content", "expected"),
        [
            (PDF_BYTES, "application/pdf"),
            (PNG_BYTES, "image/png"),
            (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"),
            (b"RIFF\x00\x00\x00\x00WEBPVP8 " + b"\x00" * 20, "image/webp"),
            (b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 20, "video/mp4"),
            (office_bytes("word/document.xml"), uploads.DOCX.content_type),
            (office_bytes("ppt/presentation.xml"), uploads.PPTX.content_type),
            (office_bytes("xl/workbook.xml"), uploads.XLSX.content_type),
        ],
    )
    def test_it_reads_the_type_from_the_content(self, content, expected):
        assert uploads.detect_type(_upload("whatever.bin", content)).content_type == expected

    @pytest.mark.parametrize(
        "content",
        [
            b"<html><script>alert(1)</script></html>",
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script/></svg>',
            b"MZ\x90\x00\x03" + b"\x00" * 60,  # a Windows executable
            b"\x7fELF\x02\x01\x01" + b"\x00" * 60,
            b"#!/bin/sh\nrm -rf /\n",
            b"PK\x03\x04 not really a zip",
            b"",
        ],
    )
    def test_it_rejects_everything_else_whatever_the_name(self, content):
        with pytest.raises(uploads.RejectedUpload):
            uploads.detect_type(_upload("poster.pdf", content, "application/pdf"))

    def test_it_rejects_a_plain_zip_and_office_files_with_macros(self):
        import io
        import zipfile

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("run.exe", b"MZ")
        with pytest.raises(uploads.RejectedUpload):
            uploads.detect_type(_upload("toolkit.zip", buffer.getvalue()))
        with translation.override("en"), pytest.raises(uploads.RejectedUpload, match="macros"):
            uploads.detect_type(_upload("a.docm", office_bytes(extra={"word/vbaProject.bin": b"x"})))

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("Affiche (NL).PDF", "affiche-nl.pdf"),
            ("../../etc/passwd", "passwd.pdf"),
            ("C:\\Users\\x\\poster.exe", "poster.pdf"),
            ("<script>.pdf", "script.pdf"),
            ("....", "materiaal.pdf"),
            ("", "materiaal.pdf"),
            ("ærø café.pdf.html", ""),  # only: safe, with the detected extension
        ],
    )
    def test_it_sanitises_names_and_uses_the_detected_extension(self, name, expected):
        result = uploads.safe_download_name(name, uploads.PDF)
        assert result.endswith(".pdf") and "/" not in result and "\\" not in result
        assert result == expected or not expected


class AdminUploadTestCase:
    def test_a_real_pdf_is_accepted_and_stored_under_a_random_name(self, campaign, media_root):
        form = _admin_form(campaign, _upload("Mijn Affiche.pdf", PDF_BYTES))
        assert form.is_valid(), form.errors
        material = form.save()
        assert material.content_type == "application/pdf"
        assert material.original_name == "mijn-affiche.pdf"
        assert material.size_bytes == len(PDF_BYTES)
        assert material.file.name.startswith("campaigns/") and material.file.name.endswith(".pdf")
        assert "affiche" not in material.file.name
        assert (media_root / material.file.name).read_bytes() == PDF_BYTES

    def test_html_named_pdf_is_rejected(self, campaign, media_root):
        form = _admin_form(campaign, _upload("poster.pdf", b"<html><body>hi</body></html>", "application/pdf"))
        with translation.override("en"):
            assert not form.is_valid()
        assert "not accepted" in str(form.errors["file"])

    def test_a_file_over_the_editor_limit_is_rejected(self, campaign, media_root, monkeypatch):
        monkeypatch.setattr(uploads, "EDITOR_MAX_UPLOAD_BYTES", 1024)
        form = _admin_form(campaign, _upload("big.pdf", PDF_BYTES + b"0" * 2000))
        with translation.override("en"):
            assert not form.is_valid()
        assert "larger than" in str(form.errors["file"])

    def test_a_link_instead_of_a_file_is_fine_but_not_neither(self, campaign):
        assert _admin_form(campaign, url="https://example.org/toolkit").is_valid()
        assert not _admin_form(campaign).is_valid()
        form = _admin_form(campaign, _upload("a.pdf", PDF_BYTES), url="https://example.org/")
        assert not form.is_valid()


class DownloadTestCase:
    def _material(self, campaign: Campaign, content: bytes = PDF_BYTES) -> Material:
        form = _admin_form(campaign, _upload("Affiche.pdf", content))
        assert form.is_valid(), form.errors
        return form.save()

    def test_it_serves_a_download_with_the_checked_type(self, client, campaign, media_root):
        material = self._material(campaign)
        response = client.get(f"/nl/campagnes/materiaal/{material.pk}/")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="affiche.pdf"'
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response["Content-Security-Policy"]
        assert b"".join(response.streaming_content) == PDF_BYTES
        assert not response.cookies

    def test_material_of_an_unpublished_campaign_is_404(self, client, campaign, media_root):
        material = self._material(campaign)
        Campaign.objects.filter(pk=campaign.pk).update(published=False)
        assert client.get(f"/nl/campagnes/materiaal/{material.pk}/").status_code == 404

    def test_a_missing_file_or_a_link_is_404(self, client, campaign, media_root):
        material = self._material(campaign)
        (media_root / material.file.name).unlink()
        assert client.get(f"/nl/campagnes/materiaal/{material.pk}/").status_code == 404
        link = Material.objects.create(campaign=campaign, title="x", url="https://example.org/")
        assert client.get(f"/nl/campagnes/materiaal/{link.pk}/").status_code == 404
        assert client.get("/nl/campagnes/materiaal/999999/").status_code == 404
        assert client.get("/nl/campagnes/materiaal/abc/").status_code == 404


class StoredFileTestCase:
    def test_deleting_published_material_or_its_campaign_keeps_the_file_for_a_recovery(
        self, campaign, media_root, django_capture_on_commit_callbacks
    ):
        form = _admin_form(campaign, _upload("a.pdf", PDF_BYTES))
        assert form.is_valid()
        material = form.save()
        path = media_root / material.file.name
        with django_capture_on_commit_callbacks(execute=True):
            material.delete()
            campaign.delete()
        assert path.read_bytes() == PDF_BYTES  # ADR 018: see test_recovery.py
