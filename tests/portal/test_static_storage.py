"""Production's static files: hashed, compressed names from whitenoise's manifest, and every file
a template asks for is in it (a missing one would make every page a 500 in production only)."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db
PRODUCTION_STATIC = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
PAGES = ["/nl/", "/ar/", "/nl/organisaties/", "/nl/campagnes/", "/nl/verwijswijzer/", "/nl/informatie/privacy/"]


@pytest.fixture(scope="module")
def production_static(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    with override_settings(STORAGES=PRODUCTION_STATIC, STATIC_ROOT=root):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield root


def test_pages_link_hashed_compressed_files_that_exist(production_static):
    client = Client()
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        links = re.findall(r'(?:href|src)="/static/([^"]+)"', response.content.decode())
        assert links, url
        for link in links:
            assert re.search(r"\.[0-9a-f]{12}\.\w+$", link), (url, link)  # a content hash in the name
            assert (production_static / link).is_file(), (url, link)
            assert (production_static / f"{link}.gz").is_file(), (url, link)


def test_a_template_asking_for_a_missing_file_fails_at_once(production_static):
    from django.template import Context, Template

    with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
        Template("{% load static %}{% static 'css/not-there.css' %}").render(Context())
