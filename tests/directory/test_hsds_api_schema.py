"""The HSDS API against its OpenAPI description, by schemathesis: generated requests (valid and
invalid) to the real app on the test PostgreSQL, and every answer checked against the spec and
the official HSDS 3.0 schemas it refers to (vendored in directory/schemas/hsds3/)."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis import checks as builtin
from schemathesis.specs.openapi import checks as openapi_checks

from directory.hsds_api import SCHEMAS
from scripts.derive_hsds_openapi import text as derived_text

SPEC = SCHEMAS / "hsds-openapi.json"

schema = schemathesis.openapi.from_path(SPEC)
schema.app = get_wsgi_application()
schema.config.update(base_url="http://testserver/api/hsds")

CHECKS = [
    builtin.not_a_server_error,
    openapi_checks.status_code_conformance,
    openapi_checks.content_type_conformance,
    openapi_checks.response_schema_conformance,
]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """As Django's test client does: a request must not close the connection that holds the
    test's transaction (the WSGI handler would, at the end of every request)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_answer_conforms_to_the_openapi_description(case):
    response = case.call(headers={"Accept-Encoding": "identity"})  # the WSGI client does not unzip
    case.validate_response(response, checks=CHECKS)
    assert "Set-Cookie" not in response.headers
    if response.status_code >= 400:  # a clear JSON answer; 405 for a method other than GET/HEAD
        assert response.status_code in (400, 404, 405), response.status_code
        assert response.json()["error"]


def test_the_served_description_is_the_derived_one_and_names_its_publisher(client):
    assert SPEC.read_text() == derived_text()  # regenerate with scripts/derive_hsds_openapi.py
    served = client.get("/api/hsds/openapi.json").json()
    assert served["info"]["contact"]["email"] == "info@comensha.nl"
    assert "CC BY 4.0" in served["info"]["license"]["name"]
    assert "REQUIRED" not in SPEC.read_text() and "YOUR CONTACT" not in SPEC.read_text()
    refs = {ref for ref in _refs(served) if not ref.startswith("#")}
    assert refs and all(client.get(f"/api/hsds/{ref}").status_code == 200 for ref in refs)


def _refs(node):
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)
