"""The published directory as open data: CSV, Open Referral HSDS JSON, and API records."""

from __future__ import annotations

import csv
import io

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse

from directory.models import ContactChannel, Organisation

HSDS_VERSION = "3.0"
CSV_COLUMNS = [
    "id", "slug", "name", "alternate_names", "kind", "scale", "description", "audiences", "forms",
    "chain_roles", "serves_nationally", "provinces", "safety_regions", "police_units", "municipalities",
    "website", "phones", "emails", "web_forms", "chats", "websites", "contact_sources", "source", "last_verified",
    "needs_review", "url",
]  # fmt: skip


def with_record_data(queryset: QuerySet) -> QuerySet:
    """What a record (api_record) needs, fetched in a fixed number of queries."""
    return queryset.defer("search_text", "search_vector").prefetch_related(
        "audiences", "forms", "chain_roles", "provinces", "safety_regions", "police_units", "municipalities",
        "channels__languages",
    )  # fmt: skip


def published_directory():
    return with_record_data(Organisation.objects.published()).order_by("name", "pk")


def channel_provenance(channel: ContactChannel) -> dict:
    """Where a published channel comes from, as the pages say it: a public source (its page and
    the day it was taken over) or an editor's confirmation (its day). Never a constant."""
    return {
        "provenance": channel.status,
        "source": channel.source,
        "source_url": channel.source_url or None,
        "taken_over": channel.taken_over.isoformat() if channel.taken_over else None,
        "last_verified": channel.last_verified.isoformat() if channel.last_verified else None,
        "not_confirmed_since": channel.checked_since.isoformat() if channel.is_stale else None,
    }


def _channels(organisation: Organisation, kind: str) -> list[ContactChannel]:
    return [c for c in organisation.published_channels() if c.kind == kind]


def api_record(organisation: Organisation, request: HttpRequest) -> dict:
    """One organisation as the JSON API and the CSV describe it."""
    return {
        "id": organisation.pk,
        "slug": organisation.slug,
        "name": organisation.name,
        "alternate_names": organisation.alias_list,
        "kind": organisation.kind,
        "scale": organisation.scale,
        "description": organisation.role,
        "audiences": [a.code for a in organisation.audiences.all()],
        "forms": [f.code for f in organisation.forms.all()],
        "chain_roles": [r.code for r in organisation.chain_roles.all()],
        "serves_nationally": organisation.serves_nationally,
        "provinces": [p.code for p in organisation.provinces.all()],
        "safety_regions": [r.code for r in organisation.safety_regions.all()],
        "police_units": [u.code for u in organisation.police_units.all()],
        "municipalities": [m.code for m in organisation.municipalities.all()],
        "website": organisation.website,
        "contact_channels": [
            {
                "kind": c.kind,
                "value": c.value,
                "label": c.label,
                "opening_hours": c.opening_hours,
                "is_24_7": c.is_24_7,
                "free_of_charge": c.free_of_charge,
                "anonymous": c.anonymous,
                "languages": [language.code for language in c.languages.all()],
                **channel_provenance(c),
            }
            for c in organisation.published_channels()
        ],
        "source": organisation.source,
        "last_verified": organisation.last_verified.isoformat() if organisation.last_verified else None,
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
    }


def directory_csv(request: HttpRequest) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for organisation in published_directory():
        record = api_record(organisation, request)
        row = {key: record.get(key, "") for key in CSV_COLUMNS}
        for key in ("alternate_names", "audiences", "forms", "chain_roles", "provinces", "safety_regions",
                    "police_units", "municipalities"):  # fmt: skip
            row[key] = "; ".join(record[key])
        for column, kind in [("phones", "phone"), ("emails", "email"), ("web_forms", "web_form"), ("chats", "chat"),
                             ("websites", "website")]:  # fmt: skip
            row[column] = "; ".join(c.value for c in _channels(organisation, kind))
        row["contact_sources"] = "; ".join(f"{c.value}: {_source_line(c)}" for c in organisation.published_channels())
        row["needs_review"] = organisation.needs_review
        row["last_verified"] = record["last_verified"] or ""
        writer.writerow({key: _safe_cell(value) for key, value in row.items()})
    return buffer.getvalue()


def _source_line(channel: ContactChannel) -> str:
    if channel.last_verified:
        return f"bevestigd door de redactie op {channel.last_verified.isoformat()}"
    return f"bron {channel.source}, overgenomen op {channel.taken_over.isoformat()}, nog niet bevestigd"


def _safe_cell(value) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas; prefix those with a quote."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _hsds_number(value: str) -> str:
    """A number in the characters HSDS allows (digits, +, space, -), as written otherwise."""
    value = value.replace("(0)", "").replace("–", "-").replace("(", "").replace(")", "")
    return " ".join("".join(ch for ch in value if ch.isdigit() or ch in "+ -").split())


def _channel_metadata(organisation: Organisation, org_id: str) -> list[dict]:
    """Per published channel, where it comes from: HSDS metadata records."""
    records = []
    for c in organisation.published_channels():
        confirmed = c.last_verified is not None
        records.append(
            {
                "id": f"nl-imh-channel-{c.pk}-source",
                "resource_id": f"nl-imh-phone-{c.pk}" if c.kind == ContactChannel.Kind.PHONE else org_id,
                "resource_type": "phone" if c.kind == ContactChannel.Kind.PHONE else "organization",
                "last_action_date": (c.last_verified or c.taken_over).isoformat(),
                "last_action_type": "verified" if confirmed else "taken over from a public source",
                "field_name": c.kind,
                "previous_value": "",
                "replacement_value": c.value,
                "updated_by": "CoMensha" if confirmed else (c.source_url or c.source),
            }
        )
    return records


def hsds_organization(organisation: Organisation, request: HttpRequest) -> dict:
    """An organisation in the shape of Open Referral HSDS 3.0 (organization with one service)."""
    org_id = f"nl-imh-org-{organisation.pk}"
    service_id = f"nl-imh-service-{organisation.pk}"
    phones = [
        {
            "id": f"nl-imh-phone-{c.pk}",
            "number": _hsds_number(c.value),
            "type": "voice",
            "description": c.label,
            "languages": [
                {"id": f"nl-imh-lang-{c.pk}-{lang.code}", "code": lang.code, "name": lang.name}
                for lang in c.languages.all()
            ],  # fmt: skip
        }
        for c in _channels(organisation, ContactChannel.Kind.PHONE)
    ]
    areas = []
    if organisation.serves_nationally:
        areas.append({"id": f"{service_id}-area-nl", "name": "Nederland", "description": "national"})
    for kind, places in [
        ("province", organisation.provinces.all()),
        ("safety_region", organisation.safety_regions.all()),
        ("police_unit", organisation.police_units.all()),
        ("municipality", organisation.municipalities.all()),
    ]:
        areas.extend({"id": f"{service_id}-area-{place.code}", "name": place.name, "description": kind}
                     for place in places)  # fmt: skip
    attributes = [
        {"id": f"{service_id}-{kind}-{item.code}", "taxonomy": kind, "value": item.code, "label": item.name}
        for kind, items in [
            ("exploitation_form", organisation.forms.all()),
            ("audience", organisation.audiences.all()),
            ("chain_role", organisation.chain_roles.all()),
        ]
        for item in items
    ]
    emails = _channels(organisation, ContactChannel.Kind.EMAIL)
    websites = _channels(organisation, ContactChannel.Kind.WEBSITE)
    # HSDS 3.0 wants a string or the field left out, never null: unknown fields are omitted.
    optional = {
        "alternate_name": ", ".join(organisation.alias_list),
        "website": organisation.website or (websites[0].href if websites else ""),
        "email": emails[0].value if emails else "",
    }
    return {
        "id": org_id,
        "name": organisation.name,
        "description": organisation.role or organisation.name,
        **{field: value for field, value in optional.items() if value},
        "phones": phones,
        "services": [
            {
                "id": service_id,
                "organization_id": org_id,
                "name": organisation.name,
                "description": organisation.role or organisation.name,
                "url": request.build_absolute_uri(organisation.get_absolute_url()),
                "status": "active",
                "phones": phones,
                "service_areas": areas,
                "attributes": attributes,
                "last_modified": organisation.updated_at.isoformat(),
            }
        ],
        "metadata": [
            {
                "id": f"{org_id}-source",
                "resource_id": org_id,
                "resource_type": "organization",
                "last_action_date": (organisation.last_verified or organisation.updated_at.date()).isoformat(),
                "last_action_type": "verified" if organisation.last_verified else "imported",
                "field_name": "source",
                "previous_value": "",
                "replacement_value": organisation.source,
                "updated_by": "CoMensha",
            },
            *_channel_metadata(organisation, org_id),
        ],
    }


def hsds_document(request: HttpRequest) -> dict:
    return {
        "hsds_version": HSDS_VERSION,
        "publisher": "Informatiepunt Mensenhandel (CoMensha)",
        "schema": request.build_absolute_uri(reverse("directory-open-data-hsds-schema")),
        "organizations": [hsds_organization(o, request) for o in published_directory()],
    }
