"""Security headers, no third parties, no cookies, caching and page weight on every public page."""

from __future__ import annotations

import gzip
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

pytestmark = pytest.mark.django_db

LANGUAGES = ["nl", "en", "pl", "ro", "bg", "uk", "ar"]
PUBLIC_PAGES = [
    "/{lang}/",
    "/{lang}/organisaties/",
    "/{lang}/organisaties/?q=loverboy&vorm=sexual",
    "/{lang}/organisaties/veilig-thuis/",
    "/{lang}/verwijswijzer/",
    "/{lang}/meldroute/",
    "/{lang}/meldroute/westland/",
    "/{lang}/informatie/",
    "/{lang}/informatie/wat-is-mensenhandel/",
    "/{lang}/informatie/privacy/",
    "/{lang}/informatie/toegankelijkheid/",
    "/{lang}/campagnes/",
    "/{lang}/organisaties/wijzigingen/",
]


def all_pages():
    return [path.format(lang=lang) for lang in LANGUAGES for path in PUBLIC_PAGES]


class _References(HTMLParser):
    """Every URL the page makes the browser load or send to (not plain links people click)."""

    def __init__(self):
        super().__init__()
        self.loaded: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("src", "srcset", "poster", "data"):
            if attributes.get(name):
                self.loaded.append(attributes[name])
        if tag == "link" and attributes.get("href"):
            (self.links if attributes.get("rel") in ("alternate",) else self.loaded).append(attributes["href"])
        if tag == "form" and attributes.get("action"):
            self.loaded.append(attributes["action"])
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if attributes.get("style"):
            self.loaded.extend(re.findall(r"url\\(([^)]+)\\)", attributes["style"]))


def external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and parts.netloc not in ("testserver", "")


@pytest.mark.parametrize("path", all_pages())
def test_every_public_page_is_safe_cacheable_and_light(client: Client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    # Headers
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    # No cookie at all, and cacheable by a shared cache
    assert not response.cookies
    if "/verwijswijzer/" in path:
        assert "no-store" in response["Cache-Control"]  # the wizard is never kept anywhere
    else:
        assert response["Cache-Control"].startswith("public")
        assert response.has_header("ETag")
    # No reference to any other host, and no inline script or style
    html = response.content.decode()
    parser = _References()
    parser.feed(html)
    assert [url for url in parser.loaded if external(url)] == []
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", html)
    assert "<style" not in html and " style=" not in html
    # Weight: HTML + CSS + JS compressed, at most 60 KB
    weight = len(gzip.compress(response.content))
    for asset in re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', html):
        with open(finders.find(asset), "rb") as file:
            weight += len(gzip.compress(file.read()))
    assert weight <= 60 * 1024, f"{path}: {weight} bytes compressed"


def test_conditional_requests_get_304(client: Client):
    first = client.get("/nl/informatie/privacy/")
    again = client.get("/nl/informatie/privacy/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304


def test_the_admin_is_never_publicly_cached_and_its_cookies_are_strict(client: Client, admin_user):
    response = client.get("/beheer/login/")
    assert "public" not in response.get("Cache-Control", "")
    login = client.post("/beheer/login/?next=/beheer/", {"username": "admin", "password": "password"})
    assert login.status_code == 302
    cookie = login.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    response = client.get("/beheer/")
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")


def test_the_admin_login_form_has_csrf_protection(client: Client):
    html = client.get("/beheer/login/").content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    refused = Client(enforce_csrf_checks=True).post("/beheer/login/", {"username": "x", "password": "y"})
    assert refused.status_code == 403


@pytest.mark.parametrize("path", ["/nl/", "/nl/organisaties/?q=politie", "/nl/meldroute/westland/"])
def test_pages_use_a_bounded_number_of_queries(client: Client, django_assert_max_num_queries, path):
    with django_assert_max_num_queries(30):
        client.get(path)
