"""Write directory/schemas/hsds-openapi.json: the official HSDS 3.0 API template
(directory/schemas/hsds3/openapi.json) with what it asks us to fill in, for the endpoints we serve.

What changes against the template, and why:
- info (title, version, summary, description, contact, licence) and servers filled in;
- the schemas it names on raw.githubusercontent.com point at our vendored copies beside it
  (`hsds3/…`, served at /api/hsds/hsds3/…): no consumer or test needs a third-party request;
- /service_at_locations is left out (the directory has no locations: shelters' addresses are
  never published), and so is `minimal` (its answer would not match service_list);
- `format` offers `json` only; `modified_after` is an RFC 3339 `date-time` and also filters
  /organizations; page and per_page get their bounds; every operation documents its JSON 400/404;
- the Page object lists its properties as required (we always send them).

Run: .venv/bin/python scripts/derive_hsds_openapi.py  (the test suite checks the file is current).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

SCHEMAS = Path(__file__).resolve().parents[1] / "directory" / "schemas"
TEMPLATE = SCHEMAS / "hsds3" / "openapi.json"
TARGET = SCHEMAS / "hsds-openapi.json"
OFFICIAL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
LOCAL = {
    "compiled/service.json": "hsds3/service.schema.json",
    "compiled/organization.json": "hsds3/organization.schema.json",
    "compiled/service_list.json": "hsds3/service_list.json",
    "compiled/organization_list.json": "hsds3/organization_list.json",
    "taxonomy.json": "hsds3/taxonomy.json",
    "taxonomy_term.json": "hsds3/taxonomy_term.json",
}
MAX_PER_PAGE = 100

INFO = {
    "title": "Informatiepunt Mensenhandel: HSDS API",
    "version": "1.0.0",
    "summary": "The published directory of reporting points and knowledge centres on human trafficking in the "
    "Netherlands, in Open Referral HSDS 3.0.",
    "description": (
        "Read-only Open Referral HSDS 3.0 API over the directory of the Informatiepunt Mensenhandel (CoMensha). "
        "Each organisation is one HSDS organization with one service (its help on human trafficking); identifiers "
        "are stable UUIDs. Only published organisations and contact details with a known public source or an "
        "editors' confirmation are returned; details still to be checked, shelters' walk-in addresses and "
        "editors' notes never are. Opening hours appear as schedules only where a published channel's source "
        "gives them. `metadata` records where each detail comes from and which public field changed when, "
        "from the revision history, with the editors as 'CoMensha-redactie'. Forms of exploitation, audiences "
        "and chain roles are HSDS taxonomies. Paging: `page` (from 1) and `per_page` (1–100, default 50); "
        "`size` in a page is the page size asked for. Errors are JSON: 400 for a parameter that cannot be read, "
        "404 for an unknown id. The whole directory is also one download: /open-data/organisaties.hsds.json. "
        "Data in Dutch (language nl)."
    ),
    "contact": {
        "name": "CoMensha (Coördinatiecentrum tegen Mensenhandel)",
        "url": "https://www.comensha.nl/",
        "email": "info@comensha.nl",
    },  # fmt: skip
    "license": {
        "name": "CC BY 4.0 (proposed; CoMensha is to confirm the licence)",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    },  # fmt: skip
}
SERVERS = [{"url": "/api/hsds", "description": "This website (the API description's own host)."}]
ERROR = {
    "type": "object",
    "required": ["error", "status"],
    "properties": {
        "error": {
            "type": "string",
            "description": "What was wrong, in the first of the site's languages (nl, en, pl, ro, bg, uk, ar) that"
            " Accept-Language asks for; in English when it asks for none of them or is missing (ADR 024)."
            " The data itself is in Dutch.",
        },
        "status": {"type": "integer"},
        "parameter": {"type": "string", "description": "The query parameter that could not be read."},
    },
}


def _error(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _local_refs(node):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(OFFICIAL):
            node["$ref"] = LOCAL[ref.removeprefix(OFFICIAL)]
        for value in node.values():
            _local_refs(value)
    elif isinstance(node, list):
        for value in node:
            _local_refs(value)


def derive() -> dict:
    spec = copy.deepcopy(json.loads(TEMPLATE.read_text()))
    spec["info"] = INFO
    spec["servers"] = SERVERS
    paths = spec["paths"]
    for name in ("/service_at_locations", "/service_at_locations/{id}"):
        del paths[name]
    services = paths["/services"]["get"]
    services["parameters"] = [p for p in services["parameters"] if p.get("$ref") != "#/components/parameters/minimal"]
    paths["/organizations"]["get"]["parameters"].append({"$ref": "#/components/parameters/modified_after"})
    for path, item in paths.items():
        operation = item["get"]
        operation["responses"]["400"] = _error("A query parameter could not be read.")
        if "{id}" in path:
            operation["responses"]["404"] = _error("There is no published record with this id.")
    parameters = spec["components"]["parameters"]
    del parameters["minimal"], parameters["postcode"], parameters["proximity"]
    parameters["format"]["schema"] = {"type": "string", "enum": ["json"]}
    parameters["format"]["description"] = "Return results in the specified format. Only `json` is offered."
    parameters["modified_after"]["schema"] = {"type": "string", "format": "date-time"}
    parameters["modified_after"]["description"] = (
        "Return only results modified on or after this moment (RFC 3339, e.g. 2026-11-01T00:00:00+01:00)."
    )
    parameters["page"]["schema"] = {"type": "integer", "minimum": 1}
    parameters["per_page"]["schema"] = {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE}
    page = spec["components"]["schemas"]["Page"]
    page["required"] = [*page["properties"], "contents"]
    page["properties"]["contents"] = {"type": "array"}
    spec["components"]["schemas"]["Error"] = ERROR
    _local_refs(spec)
    return spec


def text() -> str:
    return json.dumps(derive(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    TARGET.write_text(text())
    print(f"wrote {TARGET}")
