"""An editor deletes campaign material by mistake and recovers it in the admin (django-reversion):
the download works again, with the same bytes (ADR 018). A proposal's file is the exception."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from campaigns.models import Campaign, Material
from tests.editors import logged_in
from tests.html_forms import form_data

from .conftest import PDF_BYTES
from .test_admin import ADD, campaign_data
from .test_proposal_files import files_in, pdf
from .test_propose import URL, proposal

pytestmark = pytest.mark.django_db

CHANGELIST = "/beheer/campaigns/campaign/"
POSTER = PDF_BYTES + b"% the poster of a campaign\n"


@pytest.fixture
def chief_editor(hoofdredacteur) -> Client:
    """A Hoofdredacteur, who may delete and restore, logged in."""
    return logged_in(hoofdredacteur)


@pytest.fixture
def published_material(chief_editor, media_root) -> Material:
    """A published campaign with a poster, added through the admin (so it has a revision)."""
    upload = SimpleUploadedFile("Affiche A3.pdf", POSTER, content_type="application/pdf")
    response = chief_editor.post(ADD, campaign_data(**{"materials-0-file": upload}))
    assert response.status_code == 302, response.context["errors"] if response.context else response
    material = Material.objects.get(campaign__slug="nieuwe-campagne")
    assert public_download(material.pk) == (200, POSTER)
    return material


def public_download(pk: int) -> tuple[int, bytes]:
    response = Client().get(f"/nl/campagnes/materiaal/{pk}/")
    body = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return response.status_code, body


def submit(editor: Client, path: str, **changes: str) -> None:
    """Open an admin form and send it back as the editor's browser does, with some fields changed."""
    page = editor.get(path)
    assert page.status_code == 200
    data = {**form_data(page.content.decode(), "campaign_form"), **changes, "_save": "Opslaan"}
    response = editor.post(path, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response


def only_link(html: str, pattern: str) -> str:
    links = sorted(set(re.findall(pattern, html)))
    assert len(links) == 1, links
    return links[0]


class RecoverDeletedMaterialTestCase:
    def test_a_deleted_campaign_recovered_in_the_admin_serves_its_download_again(
        self, chief_editor, published_material
    ):
        campaign = published_material.campaign
        response = chief_editor.post(f"{CHANGELIST}{campaign.pk}/delete/", {"post": "yes"})
        assert response.status_code == 302
        assert not Campaign.objects.filter(pk=campaign.pk).exists()
        assert public_download(published_material.pk)[0] == 404

        recover_list = chief_editor.get(f"{CHANGELIST}recover/").content.decode()
        recover = only_link(recover_list, r'href="(/beheer/campaigns/campaign/recover/\d+/)"')
        submit(chief_editor, recover)

        restored = Material.objects.get(pk=published_material.pk)
        assert restored.campaign.published and restored.file.name == published_material.file.name
        assert public_download(published_material.pk) == (200, POSTER)
        staff = chief_editor.get(f"{CHANGELIST}material/{published_material.pk}/file/")
        assert staff.status_code == 200 and b"".join(staff.streaming_content) == POSTER

    def test_material_deleted_from_its_campaign_and_reverted_from_the_history_downloads_again(
        self, chief_editor, published_material
    ):
        campaign = published_material.campaign
        change = f"{CHANGELIST}{campaign.pk}/change/"
        submit(chief_editor, change, **{"materials-0-DELETE": "on"})
        assert not campaign.materials.exists()
        assert public_download(published_material.pk)[0] == 404

        history = chief_editor.get(f"{change.removesuffix('change/')}history/").content.decode()
        versions = re.findall(rf'href="(/beheer/campaigns/campaign/{campaign.pk}/history/(\d+)/)"', history)
        oldest = min(versions, key=lambda found: int(found[1]))[0]  # the version that still had the poster
        submit(chief_editor, oldest)

        assert campaign.materials.get().pk == published_material.pk
        assert public_download(published_material.pk) == (200, POSTER)

    def test_a_delete_that_is_rolled_back_keeps_the_file(self, chief_editor, published_material, media_root):
        """Viewing a recovery or an old version deletes and restores inside a rolled-back
        transaction: nothing on disk may change."""
        from django.db import transaction

        path = media_root / published_material.file.name
        with pytest.raises(RuntimeError), transaction.atomic():
            published_material.campaign.delete()
            raise RuntimeError("rolled back")
        assert path.read_bytes() == POSTER
        assert public_download(published_material.pk) == (200, POSTER)


class ProposedFilesTestCase:
    def test_deleting_an_unpublished_proposal_removes_its_upload_once_committed(
        self, client, vocabularies, media_root, django_capture_on_commit_callbacks
    ):
        assert client.post(URL, proposal(material=pdf())).status_code == 303
        material = Material.objects.get(campaign__title_nl="Kijk verder dan je neus")
        assert files_in(media_root) == [str(media_root / material.file.name)]
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            material.campaign.delete()
        assert files_in(media_root) != []  # not before the deletion is committed
        for callback in callbacks:
            callback()
        assert files_in(media_root) == []

    def test_a_published_proposal_keeps_its_file_like_any_editor_content(
        self, client, vocabularies, media_root, django_capture_on_commit_callbacks
    ):
        assert client.post(URL, proposal(material=pdf())).status_code == 303
        campaign = Campaign.objects.get(title_nl="Kijk verder dan je neus")
        Campaign.objects.filter(pk=campaign.pk).update(published=True)
        with django_capture_on_commit_callbacks(execute=True):
            campaign.delete()
        assert len(files_in(media_root)) == 1
