"""What changed in the public directory, field by field, from the revision history (django-reversion).

A plain reading of the stored versions: for every two consecutive versions of an organisation or
a contact channel, the public fields whose value differs, and when. Only versions that were public
themselves count (a published organisation; a channel from a public source or confirmed), so a
value that was never public — an unpublished draft, a number still to be checked — never appears
as a "previous value". Editors are never named: the history says "CoMensha-redactie" (ADR 018).
Private fields (editors' notes, source excerpts, review flags, who confirmed) are not read at all.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from reversion.models import Version

from directory.models import (
    Audience,
    ChainRole,
    ContactChannel,
    ExploitationForm,
    InformationPractice,
    Language,
    Municipality,
    Organisation,
    PoliceUnit,
    Province,
    SafetyRegion,
)

EDITORS = "CoMensha-redactie"

# The public fields, grouped under the words a visitor understands: the one list of what is public
# about an organisation and a contact channel. The public changelog names the groups that changed
# (directory.changelog); the HSDS metadata records each field that changed (directory.hsds). A field
# not named here (editors' notes, the source text, review reasons, excerpts, search columns,
# anything added later) is in neither until someone decides it is public and adds it here.
ORGANISATION_GROUPS: dict[str, tuple[str, ...]] = {
    "name": ("name",),
    "other_names": ("aliases",),
    "web_address": ("slug",),
    "kind": ("kind",),
    "description": ("role",),
    "what_happens_next": ("what_happens_next",),
    "for_whom": ("audiences", "minors_focus"),
    "forms": ("forms",),
    "shelter": ("is_shelter",),
    "national_desk": ("is_national_desk",),
    "chain_roles": ("chain_roles",),
    "area": ("scale", "serves_nationally", "provinces", "safety_regions", "police_units", "municipalities"),
    "website": ("website",),
    "information": ("information_practice", "info_is_police", "info_anonymous", "info_passes_on",
                    "info_passes_on_note", "info_free", "info_papers_needed"),
    "source": ("source",),
    "public_note": ("public_note",),
}  # fmt: skip
CHANNEL_GROUPS: dict[str, tuple[str, ...]] = {
    "value": ("value",),
    "contact_kind": ("kind",),
    "label": ("label",),
    "opening_hours": ("opening_hours", "is_24_7"),
    "costs": ("free_of_charge",),
    "anonymous": ("anonymous",),
    "languages": ("languages",),
    "source": ("source", "source_url", "taken_over"),
}
# Checked and confirmed by the editors: public too. The changelog gives it a line of its own
# ("confirmed"); the HSDS metadata records it as a change of this field.
ORGANISATION_CONFIRMATION = "last_verified"
CHANNEL_CONFIRMATION = "status"
ORGANISATION_FIELDS = (*(name for names in ORGANISATION_GROUPS.values() for name in names), ORGANISATION_CONFIRMATION)
CHANNEL_FIELDS = (*(name for names in CHANNEL_GROUPS.values() for name in names), CHANNEL_CONFIRMATION)
# A translated field is read in Dutch, the directory's own language.
TRANSLATED = {"role", "what_happens_next", "info_passes_on_note", "public_note", "label", "opening_hours"}
CODED = {
    "information_practice": InformationPractice, "audiences": Audience, "forms": ExploitationForm,
    "chain_roles": ChainRole, "provinces": Province,
    "safety_regions": SafetyRegion, "police_units": PoliceUnit, "municipalities": Municipality,
    "languages": Language,
}  # fmt: skip


@dataclass(frozen=True)
class FieldChange:
    model: str  # "organisation" or "channel"
    object_id: int
    field: str
    previous: str
    replacement: str
    when: dt.datetime


def _fields(version: Version) -> dict:
    try:
        return json.loads(version.serialized_data)[0]["fields"]
    except (ValueError, LookupError, TypeError):
        return {}  # a version this code cannot read tells nothing


def is_public_version(model: str, fields: dict) -> bool:
    """Was this version public? (Also the public changelog's rule, directory.changelog.)"""
    if model == "organisation":
        return fields.get("published") is True
    status = fields.get("status")
    if status == ContactChannel.Status.CONFIRMED:
        return bool(fields.get("confirmed_at"))
    return status == ContactChannel.Status.PUBLIC_SOURCE and bool(fields.get("source") and fields.get("taken_over"))


class _Codes:
    """Many-to-many values (and the information practice) are stored as row ids: shown as the
    vocabulary's codes."""

    def __init__(self) -> None:
        self._maps: dict[str, dict[int, str]] = {}

    def __call__(self, field: str, ids: list | int | None) -> str:
        ids = ids if isinstance(ids, list) else [] if ids is None else [ids]
        if field not in self._maps:
            self._maps[field] = dict(CODED[field].objects.values_list("pk", "code"))
        return "; ".join(sorted(self._maps[field].get(i, str(i)) for i in ids))


def _text(field: str, value, codes: _Codes) -> str:
    if field in CODED:
        return codes(field, value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _value(fields: dict, field: str):
    if field in TRANSLATED:
        return fields.get(f"{field}_nl") or fields.get(field) or ""
    return fields.get(field)


def field_changes(model: str, object_ids: Iterable[int]) -> list[FieldChange]:
    """Every change to a public field of these organisations (model="organisation") or channels
    (model="channel"), oldest first, in two queries at most."""
    ids = [str(i) for i in object_ids]
    if not ids:
        return []
    django_model, names = (Organisation, ORGANISATION_FIELDS) if model == "organisation" else (
        ContactChannel, CHANNEL_FIELDS)  # fmt: skip
    versions = (
        Version.objects.filter(content_type=ContentType.objects.get_for_model(django_model), object_id__in=ids)
        .select_related("revision")
        .only("object_id", "serialized_data", "revision__date_created")
        .order_by("object_id", "revision__date_created", "pk")
    )
    changes: list[FieldChange] = []
    codes = _Codes()
    previous: dict[str, dict] = {}
    for version in versions:
        fields = _fields(version)
        before = previous.get(version.object_id)
        previous[version.object_id] = fields
        if before is None or not (is_public_version(model, before) and is_public_version(model, fields)):
            continue
        for name in names:
            old, new = _text(name, _value(before, name), codes), _text(name, _value(fields, name), codes)
            if old != new:
                changes.append(
                    FieldChange(model, int(version.object_id), name, old, new, version.revision.date_created)
                )
    changes.sort(key=lambda change: change.when)
    return changes
