"""The published directory in the shape of Open Referral HSDS 3.0 (the official schemas in
directory/schemas/hsds3/): the download /open-data/organisaties.hsds.json and the HSDS API
(/api/hsds/…) are built from these functions, so both say the same thing.

One organisation is one HSDS `organization` with one `service` (its help on trafficking). Every
identifier is a UUID derived from the row (uuid5), so it stays the same between downloads and
databases. Only what the public pages show is published: published organisations, contact
channels from a public source or confirmed by the editors (never a shelter's walk-in address),
opening hours only as a published channel's source gives them, and the revision history's
changes to public fields without naming an editor (ADR 019).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db.models import DateTimeField, F, Max, QuerySet
from django.db.models.functions import Coalesce, Greatest
from django.http import HttpRequest
from django.urls import reverse

from directory.history import EDITORS, FieldChange, field_changes
from directory.models import Audience, ChainRole, ContactChannel, ExploitationForm, Organisation
from directory.open_data import with_record_data
from directory.schedules import weekly_hours

HSDS_VERSION = "3.0"
PROFILE = "https://docs.openreferral.org/en/v3.0/"
OFFICIAL_SCHEMA = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/organization.json"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://informatiepuntmensenhandel.nl/hsds")
LANGUAGE = "nl"
ALWAYS_OPEN = "24 uur per dag, 7 dagen per week"


def hsds_id(*parts: object) -> str:
    """A stable UUID for one HSDS record: the same row always gets the same identifier."""
    return str(uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts)))


# --- Taxonomies: our vocabularies ---------------------------------------------------------------


@dataclass(frozen=True)
class Taxonomy:
    key: str
    model: type
    name: str
    description: str

    @property
    def id(self) -> str:
        return hsds_id("taxonomy", self.key)

    def as_hsds(self) -> dict:
        return {"id": self.id, "name": self.name, "description": self.description, "version": "1"}


TAXONOMIES = [
    Taxonomy("exploitation_form", ExploitationForm, "Vormen van uitbuiting",
             "De vormen van mensenhandel en uitbuiting waarin een organisatie helpt of kennis heeft."),
    Taxonomy("audience", Audience, "Doelgroepen", "Voor wie een organisatie er is."),
    Taxonomy("chain_role", ChainRole, "Ketenrollen",
             "De rol van een organisatie in de regionale aanpak van mensenhandel."),
]  # fmt: skip
TAXONOMY_OF = {taxonomy.model: taxonomy for taxonomy in TAXONOMIES}


def taxonomy_term(item, taxonomy: Taxonomy) -> dict:
    """A vocabulary entry (form of exploitation, audience, chain role) as an HSDS taxonomy_term."""
    return {
        "id": hsds_id("taxonomy_term", taxonomy.key, item.code),
        "code": item.code,
        "name": item.name,
        "description": getattr(item, "description", "") or item.name,
        "taxonomy": taxonomy.name,
        "taxonomy_detail": taxonomy.as_hsds(),
        "language": LANGUAGE,
        "taxonomy_id": taxonomy.id,
    }


def all_taxonomy_terms() -> list[dict]:
    return [taxonomy_term(item, taxonomy) for taxonomy in TAXONOMIES for item in taxonomy.model.objects.all()]


# --- Organisations and their service --------------------------------------------------------


def with_hsds_data(queryset: QuerySet) -> QuerySet:
    """What an HSDS record needs, fetched in a fixed number of queries: what every record needs."""
    return with_record_data(queryset)


def with_last_modified(queryset: QuerySet) -> QuerySet:
    """`hsds_modified`: when the organisation or any of its contact channels last changed."""
    return queryset.annotate(
        hsds_modified=Greatest(
            F("updated_at"), Coalesce(Max("channels__updated_at"), F("updated_at"), output_field=DateTimeField())
        )
    )


def hsds_organisations() -> QuerySet:
    return with_last_modified(Organisation.objects.published()).order_by("name", "pk")


def _channels(organisation: Organisation, kind: str) -> list[ContactChannel]:
    return [c for c in organisation.published_channels() if c.kind == kind]


def _hsds_number(value: str) -> str:
    """A number in the characters HSDS allows (digits, +, space, -), as written otherwise."""
    value = value.replace("(0)", "").replace("–", "-").replace("(", "").replace(")", "")
    return " ".join("".join(ch for ch in value if ch.isdigit() or ch in "+ -").split())


def _day(value: dt.date | dt.datetime) -> str:
    return value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()


def _source_record(channel: ContactChannel, resource_id: str, resource_type: str, field: str) -> dict:
    """Where a published value comes from: the editors' confirmation, or the public source."""
    confirmed = channel.last_verified is not None
    return {
        "id": hsds_id("metadata", "source", resource_type, channel.pk, field),
        "resource_id": resource_id,
        "resource_type": resource_type,
        "last_action_date": (channel.last_verified or channel.taken_over).isoformat(),
        "last_action_type": "verified" if confirmed else "taken over from a public source",
        "field_name": field,
        "previous_value": "",
        "replacement_value": channel.value if field != "schedule" else channel.opening_hours,
        "updated_by": EDITORS if confirmed else (channel.source_url or channel.source),
    }


HSDS_FIELD = {"name": "name", "aliases": "alternate_name", "role": "description", "website": "website"}
PHONE_FIELD = {"value": "number", "label": "description"}


def _change_record(change: FieldChange, resource_id: str, resource_type: str, field: str) -> dict:
    return {
        "id": hsds_id("metadata", "change", change.model, change.object_id, change.field, change.when.isoformat()),
        "resource_id": resource_id,
        "resource_type": resource_type,
        "last_action_date": change.when.isoformat(timespec="seconds"),
        "last_action_type": "update",
        "field_name": field,
        "previous_value": change.previous,
        "replacement_value": change.replacement,
        "updated_by": EDITORS,
    }


@dataclass
class History:
    """The revision history's changes for a set of organisations, fetched once."""

    organisations: dict[int, list[FieldChange]]
    channels: dict[int, list[FieldChange]]

    @classmethod
    def of(cls, organisations: list[Organisation]) -> History:
        channel_ids = [c.pk for o in organisations for c in o.published_channels()]
        by_org: dict[int, list[FieldChange]] = {}
        for change in field_changes("organisation", [o.pk for o in organisations]):
            by_org.setdefault(change.object_id, []).append(change)
        by_channel: dict[int, list[FieldChange]] = {}
        for change in field_changes("channel", channel_ids):
            by_channel.setdefault(change.object_id, []).append(change)
        return cls(by_org, by_channel)


def _phone(channel: ContactChannel, organisation_id: str, service_id: str, history: History) -> dict:
    phone_id = hsds_id("phone", channel.pk)
    return {
        "id": phone_id,
        "organization_id": organisation_id,
        "service_id": service_id,
        "number": _hsds_number(channel.value),
        "type": "voice",
        **({"description": channel.label} if channel.label else {}),
        "languages": [
            {
                "id": hsds_id("language", channel.pk, lang.code),
                "phone_id": phone_id,
                "code": lang.code,
                "name": lang.name,
            }
            for lang in channel.languages.all()
        ],  # fmt: skip
        "metadata": [
            _source_record(channel, phone_id, "phone", "number"),
            *(
                _change_record(change, phone_id, "phone", PHONE_FIELD.get(change.field, change.field))
                for change in history.channels.get(channel.pk, [])
            ),
        ],
    }


def _schedules(organisation: Organisation, service_id: str) -> list[dict]:
    """Opening hours in HSDS form, only where a published channel's source gives them."""
    schedules = []
    for channel in organisation.published_channels():
        text = channel.opening_hours.strip()
        if not (text or channel.is_24_7):
            continue
        schedule_id = hsds_id("schedule", channel.pk)
        schedule = {
            "id": schedule_id,
            "service_id": service_id,
            "description": f"{channel.get_kind_display()} {channel.value}: {text or ALWAYS_OPEN}",
            "notes": "Tijden in Nederlandse tijd (Europe/Amsterdam).",
            "metadata": [_source_record(channel, schedule_id, "schedule", "schedule")],
        }
        hours = weekly_hours(text, channel.is_24_7)
        if hours is not None:
            schedule |= {"freq": "WEEKLY", "wkst": "MO", "byday": ",".join(hours.days),
                         "opens_at": hours.opens_at, "closes_at": hours.closes_at}  # fmt: skip
        schedules.append(schedule)
    return schedules


def _service_areas(organisation: Organisation, service_id: str) -> list[dict]:
    areas = []
    if organisation.serves_nationally:
        areas.append({"id": hsds_id("service_area", organisation.pk, "nl"), "service_id": service_id,
                      "name": "Nederland", "description": "national"})  # fmt: skip
    for kind, places in [
        ("province", organisation.provinces.all()),
        ("safety_region", organisation.safety_regions.all()),
        ("police_unit", organisation.police_units.all()),
        ("municipality", organisation.municipalities.all()),
    ]:
        areas.extend(
            {"id": hsds_id("service_area", organisation.pk, kind, place.code), "service_id": service_id,
             "name": place.name, "description": kind}
            for place in places
        )  # fmt: skip
    return areas


def _attributes(organisation: Organisation, service_id: str) -> list[dict]:
    attributes = []
    for items in (organisation.forms.all(), organisation.audiences.all(), organisation.chain_roles.all()):
        for item in items:
            term = taxonomy_term(item, TAXONOMY_OF[type(item)])
            attributes.append(
                {"id": hsds_id("attribute", organisation.pk, term["id"]), "link_id": service_id,
                 "link_type": "service", "link_entity": "service", "taxonomy_term_id": term["id"],
                 "taxonomy_term": term}
            )  # fmt: skip
    return attributes


def _last_modified(organisation: Organisation) -> str:
    return getattr(organisation, "hsds_modified", None) or organisation.updated_at


def service_summary(organisation: Organisation, request: HttpRequest) -> dict:
    """The one-to-one fields of the organisation's service (HSDS service_list)."""
    emails = _channels(organisation, ContactChannel.Kind.EMAIL)
    return {
        "id": hsds_id("service", organisation.pk),
        "organization_id": hsds_id("organization", organisation.pk),
        "name": organisation.name,
        "description": organisation.role or organisation.name,
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
        **({"email": emails[0].value} if emails else {}),
        "status": "active",
        "last_modified": _last_modified(organisation).isoformat(),
    }


def hsds_service(organisation: Organisation, request: HttpRequest, history: History | None = None) -> dict:
    """The organisation's service with everything that belongs to it (HSDS service)."""
    history = history or History.of([organisation])
    service = service_summary(organisation, request)
    org_id, service_id = service["organization_id"], service["id"]
    return {
        **service,
        "phones": [_phone(c, org_id, service_id, history) for c in _channels(organisation, ContactChannel.Kind.PHONE)],
        "schedules": _schedules(organisation, service_id),
        "service_areas": _service_areas(organisation, service_id),
        "attributes": _attributes(organisation, service_id),
    }


def organization_summary(organisation: Organisation, request: HttpRequest) -> dict:
    """The one-to-one fields of the organisation (HSDS organization_list)."""
    websites = _channels(organisation, ContactChannel.Kind.WEBSITE)
    emails = _channels(organisation, ContactChannel.Kind.EMAIL)
    # HSDS 3.0 wants a string or the field left out, never null: unknown fields are omitted.
    optional = {
        "alternate_name": ", ".join(organisation.alias_list),
        "email": emails[0].value if emails else "",
        "website": organisation.website or (websites[0].href if websites else ""),
    }
    return {
        "id": hsds_id("organization", organisation.pk),
        "name": organisation.name,
        "description": organisation.role or organisation.name,
        **{field: value for field, value in optional.items() if value},
        "uri": request.build_absolute_uri(organisation.get_absolute_url()),
    }


def _organisation_metadata(organisation: Organisation, org_id: str, history: History) -> list[dict]:
    records = [
        {
            "id": hsds_id("metadata", "source", "organization", organisation.pk),
            "resource_id": org_id,
            "resource_type": "organization",
            "last_action_date": (organisation.last_verified or organisation.updated_at.date()).isoformat(),
            "last_action_type": "verified" if organisation.last_verified else "imported",
            "field_name": "source",
            "previous_value": "",
            "replacement_value": organisation.source,
            "updated_by": EDITORS,
        }
    ]
    records += [
        _change_record(change, org_id, "organization", HSDS_FIELD.get(change.field, change.field))
        for change in history.organisations.get(organisation.pk, [])
    ]
    for channel in organisation.published_channels():
        if channel.kind == ContactChannel.Kind.PHONE:
            continue  # a phone's provenance and changes are in the phone's own metadata
        records.append(_source_record(channel, org_id, "organization", channel.kind))
        records += [
            _change_record(change, org_id, "organization", f"{channel.kind}.{change.field}")
            for change in history.channels.get(channel.pk, [])
        ]
    return records


def hsds_organization(
    organisation: Organisation, request: HttpRequest, history: History | None = None, *, full_service: bool = True
) -> dict:
    """An organisation with its service, phones and provenance (HSDS organization)."""
    history = history or History.of([organisation])
    record = organization_summary(organisation, request)
    service = hsds_service(organisation, request, history)
    return {
        **record,
        "phones": service["phones"],
        "services": [service if full_service else service_summary(organisation, request)],
        "metadata": _organisation_metadata(organisation, record["id"], history),
    }


def hsds_document(request: HttpRequest) -> dict:
    """The whole published directory in one HSDS download."""
    organisations = list(with_hsds_data(hsds_organisations()))
    history = History.of(organisations)
    return {
        "hsds_version": HSDS_VERSION,
        "profile": PROFILE,
        "schema": OFFICIAL_SCHEMA,
        "openapi_url": request.build_absolute_uri(reverse("hsds-openapi")),
        "publisher": "Informatiepunt Mensenhandel (CoMensha)",
        "organizations": [hsds_organization(o, request, history) for o in organisations],
        "taxonomies": [taxonomy.as_hsds() for taxonomy in TAXONOMIES],
        "taxonomy_terms": all_taxonomy_terms(),
    }
