"""The published directory as open data: CSV, Open Referral HSDS JSON, and API records."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from django.db.models import QuerySet
from django.http import HttpRequest

from directory.models import ContactChannel, Organisation
from portal.fragments import fragments

CSV_COLUMNS = [
    "id", "slug", "name", "alternate_names", "kind", "scale", "description", "audiences", "forms",
    "chain_roles", "serves_nationally", "provinces", "safety_regions", "police_units", "municipalities",
    "website", "phones", "emails", "web_forms", "chats", "websites", "contact_sources", "source", "last_verified",
    "provenance", "url",
]  # fmt: skip


def with_record_data(queryset: QuerySet) -> QuerySet:
    """What a record needs (the organisation's page, api_record, the HSDS export), fetched in a
    fixed number of queries."""
    return queryset.defer("search_text", "search_vector").prefetch_related(
        "audiences", "forms", "chain_roles", "provinces", "safety_regions", "police_units", "municipalities",
        "channels__languages",
    )  # fmt: skip


def records(
    kind: str,
    request: HttpRequest,
    queryset: QuerySet,
    ids: list[int],
    record: Callable[[Organisation, HttpRequest], dict],
) -> list[dict]:
    """`record(organisation, request)` of the organisations `ids` of `queryset`, in that order, each
    built once per content generation, language, day and site address (its links are absolute)
    and kept in this process (portal/fragments.py, ADR 023); only the missing ones are fetched."""
    kept_as = f"{kind}:{request.build_absolute_uri('/')}"
    return fragments(kept_as, ids, lambda missing: {o.pk: record(o, request) for o in queryset.filter(pk__in=missing)})


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
        row["provenance"] = contact_provenance(organisation)
        row["last_verified"] = record["last_verified"] or ""
        writer.writerow({key: _safe_cell(value) for key, value in row.items()})
    return buffer.getvalue()


def contact_provenance(organisation: Organisation) -> str:
    """The public provenance of an organisation's published contact routes: "confirmed" when the
    editors confirmed every one, "public_source" when at least one is only taken over from a public
    source (its source and date are in contact_sources), "" when it has none."""
    channels = organisation.published_channels()
    if not channels:
        return ""
    return "confirmed" if all(c.last_verified for c in channels) else "public_source"


def _source_line(channel: ContactChannel) -> str:
    if channel.last_verified:
        return f"bevestigd door de redactie op {channel.last_verified.isoformat()}"
    return f"bron {channel.source}, overgenomen op {channel.taken_over.isoformat()}, nog niet bevestigd"


def _safe_cell(value) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas; prefix those with a quote."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
