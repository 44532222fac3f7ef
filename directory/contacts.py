"""Importing the contact routes found on public pages (fixtures/source/contacts.json).

Safe to run again: what the import wrote is remembered per organisation and value
(`ContactImportRecord`), and a channel an editor changed, confirmed or deleted since is left
alone, the same rule as the seed data. The whole file is checked before anything is written, and
everything is written in one transaction: a broken file changes nothing.

- `publish` channels become channels from a *public source*: the source's site ("comensha.nl"),
  its page and the date they were taken over;
- `review` channels are stored *to be checked*: unpublished, in the editors' verification queue
  with their source link and the reason;
- one channel per value and organisation (several pages give 0800-7000): the best source wins;
- `additional-*` entries are desks the directory does not hold: listed for editors only;
- the public label is short and plain ("Telefoon", "Website (in het Engels)"); the file's own
  description of a line ("oudere website CKM (2014) …") stays for editors in `source_note`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import reversion
from django.db import transaction

from directory.models import ContactChannel, ContactImportRecord, Organisation, UnlistedDesk, dialable
from directory.search import reindex
from portal.seeding import FIXTURES_DIR

CONTACTS_FILE = FIXTURES_DIR / "source" / "contacts.json"
TAKEN_OVER = dt.date(2026, 12, 1)  # the day the file's pages were read (its README)
UNLISTED_PREFIX = "additional-"
# The seed code's first version of the national numbers, without a public source (migration 0006
# marked them "to be checked"): the import gives them their source where the file has one.
OLD_SEED_SOURCE = "Landelijke nummers, vastgelegd door de redactie van CoMensha"

KINDS = {
    "phone": ContactChannel.Kind.PHONE,
    "email": ContactChannel.Kind.EMAIL,
    "website": ContactChannel.Kind.WEBSITE,
    "webform": ContactChannel.Kind.WEB_FORM,
    "chat": ContactChannel.Kind.CHAT,
    "whatsapp": ContactChannel.Kind.WHATSAPP,
}
STATUSES = ("publish", "review")
REQUIRED = ("type", "value", "label", "source_url", "excerpt", "status")

SEED_001 = "Inventarisatie bewustwordingscampagnes, meldpunten en kenniscentra mensenhandel (2024), {where}"
SEED_003 = "Actieplan Samen tegen mensenhandel, {where}"
# Web addresses the seed documents themselves give: added, with the seed as source, where the
# file lacks them. (Chaterover.nl is a campaign in seed 001 B.1, not an organisation's address.)
SEED_WEBSITES = [
    ("coordinatiecentrum-tegen-mensenhandel-comensha", "www.comensha.nl", SEED_001.format(where="voetnoot 7")),
    ("dontlookawaynl", "Dontlookaway.nl", SEED_001.format(where="bijlage B.3.1")),
    ("meldnl", "Meld.nl", SEED_001.format(where="bijlage B.3.1")),
    ("kenniscentrum-mensenhandel-twente-onderdeel-van-zorg-en-veiligheidshuis-twente", "mensenhandeltwente.nl",
     SEED_001.format(where="hoofdstuk 2 (campagne Onzichtbaar maar waar)")),
    ("centrum-tegen-kinderhandel-en-mensenhandel", "hetckm.nl", SEED_003.format(where="voetnoot 31")),
]  # fmt: skip


# The national Veilig Thuis line. The file gives it for the national record only from secondary
# sources (review), but a Veilig Thuis organisation's own site gives the same line, in the header
# every Veilig Thuis site carries ("0800 2000 Advies, ondersteuning en melden … 24/7 gratis"). That
# primary source, with its own page and excerpt, is the national record's source too (ADR 016).
# (organisation, the entry whose `publish` channel gives the line, the line's value, that page)
SHARED_LINES = [
    ("veilig-thuis", "meldpunt-loverboys-jeugdprostitutie-veilig-thuis-noord-oost-gelderland", "0800 2000",
     "https://www.veiligthuisnoordoostgelderland.nl/chat-veilig-thuis-zeker-tot-einde-2020/"),
]  # fmt: skip

# Public labels (B1): the kind of line, and in brackets only what the source's description says
# that a caller needs (national, from abroad, for professionals, the cost of a call).
PLAIN_KIND = {
    ContactChannel.Kind.PHONE: "Telefoon",
    ContactChannel.Kind.EMAIL: "E-mail",
    ContactChannel.Kind.WEBSITE: "Website",
    ContactChannel.Kind.WEB_FORM: "Webformulier",
    ContactChannel.Kind.CHAT: "Chat",
    ContactChannel.Kind.WHATSAPP: "WhatsApp",
}
LABEL_CUES = [
    (re.compile(r"\bnoodnummer\b"), "noodnummer"),
    (re.compile(r"\blandelijke?\b"), "landelijk"),
    (re.compile(r"\bvanuit het buitenland\b"), "vanuit het buitenland"),
    (re.compile(r"\bengelstalige?\b"), "in het Engels"),
    (re.compile(r"\bprofessionals\b"), "voor professionals"),
    (re.compile(r"\b(\d+) tot (\d+) jaar\b"), r"voor \1 tot \2 jaar"),
    (re.compile(r"\blokaal tarief\b"), "lokaal tarief"),
]


def public_label(kind: str, description: str) -> str:
    """ "landelijke helpdesk CoMensha" (phone) → "Telefoon (landelijk)"; "oudere website CKM
    (2014); hetckm.nl lijkt nieuwer" → "Website"."""
    text = description.lower()
    qualifiers = []
    for cue, words in LABEL_CUES:
        found = cue.search(text)
        if found:
            qualifiers.append(found.expand(words))
    plain = PLAIN_KIND[kind]
    return f"{plain} ({', '.join(qualifiers)})" if qualifiers else plain


class ContactFileError(Exception):
    """The file cannot be imported; the message says where and why."""


@dataclass
class Planned:
    """One channel as the import wants it: per organisation and value."""

    slug: str
    key: str
    values: dict[str, Any]


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_for_editors: list[str] = field(default_factory=list)
    unknown_organisations: list[str] = field(default_factory=list)
    unlisted_desks: int = 0

    def lines(self) -> list[str]:
        lines = [
            f"Contact routes: {self.created} created, {self.updated} updated, {self.unchanged} unchanged.",
            f"Desks not in the directory, listed for editors: {self.unlisted_desks}.",
        ]
        if self.kept_for_editors:
            lines.append(f"Left as editors changed them: {len(self.kept_for_editors)}")
            lines.extend(f"  {key}" for key in self.kept_for_editors)
        if self.unknown_organisations:
            lines.append("Organisations not in the directory (skipped): " + ", ".join(self.unknown_organisations))
        return lines


def normalised(kind: str, value: str) -> str:
    """The value two sources share however they write it: 0900 88 44 = 0900-8844."""
    if kind in (ContactChannel.Kind.PHONE, ContactChannel.Kind.WHATSAPP):
        return dialable(value)
    text = value.strip().lower()
    if kind == ContactChannel.Kind.EMAIL:
        return text
    for prefix in ("https://", "http://"):
        text = text.removeprefix(prefix)
    return text.removeprefix("www.").rstrip("/")


def site_name(url: str) -> str:
    """ "https://www.comensha.nl/projecten/" → "comensha.nl": how the public page names a source."""
    return (urlsplit(url).hostname or "").removeprefix("www.")


def read_file(path: Path = CONTACTS_FILE) -> list[dict[str, Any]]:
    """The file's entries, checked completely; raises ContactFileError listing every problem."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ContactFileError(f"{path}: file not found.") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ContactFileError(f"{path}: not valid JSON ({error}).") from error
    if not isinstance(data, list):
        raise ContactFileError(f"{path}: expected a list of organisations.")
    problems: list[str] = []
    for number, entry in enumerate(data, start=1):
        where = f"entry {number}"
        if not isinstance(entry, dict) or not isinstance(entry.get("slug"), str) or not entry.get("slug"):
            problems.append(f"{where}: no slug.")
            continue
        where = f"entry {number} ({entry['slug']})"
        channels = entry.get("channels", [])
        if not isinstance(channels, list):
            problems.append(f"{where}: channels is not a list.")
            continue
        for index, channel in enumerate(channels, start=1):
            here = f"{where}, channel {index}"
            if not isinstance(channel, dict):
                problems.append(f"{here}: not an object.")
                continue
            missing = [key for key in REQUIRED if not isinstance(channel.get(key), str)]
            if missing:
                problems.append(f"{here}: missing {', '.join(missing)}.")
                continue
            if channel["type"] not in KINDS:
                problems.append(f"{here}: unknown type {channel['type']!r}.")
            if channel["status"] not in STATUSES:
                problems.append(f"{here}: unknown status {channel['status']!r}.")
            if not channel["value"].strip():
                problems.append(f"{here}: empty value.")
            if not channel["source_url"].startswith(("https://", "http://")):
                problems.append(f"{here}: source_url is not a web address.")
            if channel["status"] == "review" and not channel.get("review_reason"):
                problems.append(f"{here}: a review channel needs a review_reason.")
    if problems:
        raise ContactFileError(f"{path}: {len(problems)} problem(s), nothing imported:\n" + "\n".join(problems))
    return data


def _detail_count(channel: dict[str, Any]) -> int:
    return sum(1 for key in ("hours", "free", "anonymous", "is_24_7") if channel.get(key) not in (None, ""))


def _values(best: dict[str, Any], kind: str, group: list[dict[str, Any]], order: int) -> dict[str, Any]:
    published = best["status"] == "publish"
    reasons = []
    for channel in group:
        reason = channel.get("review_reason", "")
        if channel.get("conflict"):
            reason = f"{reason} (bronnen spreken elkaar tegen)".strip()
        if reason and reason not in reasons:
            reasons.append(reason)
    return {
        "kind": kind,
        "value": best["value"].strip(),
        "label_nl": public_label(kind, best["label"])[:200],
        "source_note": best["label"],
        "opening_hours_nl": (best.get("hours") or "")[:200],
        "is_24_7": best.get("is_24_7") is True,
        "free_of_charge": best.get("free") is True,
        "anonymous": best.get("anonymous") is True,
        "status": ContactChannel.Status.PUBLIC_SOURCE if published else ContactChannel.Status.TO_CHECK,
        "source": site_name(best["source_url"]),
        "source_url": best["source_url"],
        "taken_over": TAKEN_OVER.isoformat() if published else None,
        "excerpt": best["excerpt"],
        "review_reason": "" if published else "; ".join(reasons),
        "order": order,
    }


def plan(entries: list[dict[str, Any]]) -> tuple[list[Planned], list[dict[str, Any]]]:
    """(the channels to write, one per organisation and value; the desks the directory lacks)."""
    planned: list[Planned] = []
    unlisted: list[dict[str, Any]] = []
    by_slug = {entry["slug"]: entry for entry in entries}
    for entry in entries:
        slug = entry["slug"]
        if slug.startswith(UNLISTED_PREFIX):
            unlisted.append(entry)
            continue
        groups: dict[str, list[dict[str, Any]]] = {}
        kinds: dict[str, str] = {}
        for channel in entry.get("channels", []):
            kind = KINDS[channel["type"]]
            key = normalised(kind, channel["value"])
            groups.setdefault(key, []).append(channel)
            kinds.setdefault(key, kind)
        for channel in _shared_lines(slug, by_slug):
            groups.setdefault(normalised(ContactChannel.Kind.PHONE, channel["value"]), []).append(channel)
        for order, (key, group) in enumerate(groups.items()):
            # Publish before review, then the source that says most (hours, free, …), then file order.
            best = min(group, key=lambda c: (c["status"] != "publish", -_detail_count(c), group.index(c)))
            kind = KINDS[best["type"]]
            planned.append(Planned(slug, f"{slug}|{key}", _values(best, kind, group, order)))
        for seed_slug, address, source in SEED_WEBSITES:
            key = normalised(ContactChannel.Kind.WEBSITE, address)
            if seed_slug == slug and key not in groups:
                values = {
                    **_values(
                        {"value": address, "label": "website", "source_url": "", "excerpt": "", "status": "publish"},
                        ContactChannel.Kind.WEBSITE,
                        [],
                        len(groups),
                    ),  # fmt: skip
                    "source": source,
                }
                planned.append(Planned(slug, f"{slug}|{key}", values))
    return planned, unlisted


def _shared_lines(slug: str, by_slug: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The `publish` channels of another entry that give this organisation's line (SHARED_LINES);
    none when a new version of the file no longer has them."""
    found = []
    for organisation, giver, value, page in SHARED_LINES:
        if organisation != slug:
            continue
        entry = by_slug.get(giver, {})
        for channel in entry.get("channels", []):
            same = normalised(KINDS[channel["type"]], channel["value"]) == normalised(KINDS["phone"], value)
            if same and channel["status"] == "publish" and channel["source_url"] == page:
                note = f"{channel['label']} (zelfde nummer, bij {entry.get('name', giver)} in het bestand)"
                found.append({**channel, "label": note})
    return found


def _current(channel: ContactChannel, keys) -> dict[str, Any]:
    current = {}
    for key in keys:
        value = getattr(channel, key)
        current[key] = value.isoformat() if isinstance(value, dt.date) else value
    return current


def _write(channel: ContactChannel, values: dict[str, Any]) -> None:
    for key, value in values.items():
        setattr(channel, key, dt.date.fromisoformat(value) if key == "taken_over" and value else value)
    channel.save()


IMPORT_COMMENT = "Contactroutes bijgewerkt uit fixtures/source/contacts.json"


def import_contacts(
    path: Path = CONTACTS_FILE, report: Callable[[str], None] = print, *, record_history: bool = True
) -> ImportSummary:
    """Write the file's contact routes. What it adds or changes is one revision in the history, so
    the public changelog and the HSDS metadata show it like an editor's change (a new route, a
    new label). Not when the seed first fills an empty database (`record_history=False`): that is
    the directory's starting state, as the seed's organisations are, not a change."""
    entries = read_file(path)  # before any write: a broken file changes nothing
    planned, unlisted = plan(entries)
    summary = ImportSummary()
    with transaction.atomic(), reversion.create_revision() if record_history else nullcontext():
        if record_history:
            reversion.set_comment(IMPORT_COMMENT)
        organisations = {o.slug: o for o in Organisation.objects.all()}
        records = {r.key: r for r in ContactImportRecord.objects.select_related("channel")}
        channels_by_org: dict[int, list[ContactChannel]] = {}
        for channel in ContactChannel.objects.all():
            channels_by_org.setdefault(channel.organisation_id, []).append(channel)
        for item in planned:
            organisation = organisations.get(item.slug)
            if organisation is None:
                if item.slug not in summary.unknown_organisations:
                    summary.unknown_organisations.append(item.slug)
                continue
            record = records.get(item.key)
            if record is not None:
                channel = record.channel
                if channel is None or channel.status == ContactChannel.Status.CONFIRMED:
                    summary.kept_for_editors.append(item.key)  # deleted or confirmed by an editor
                elif _current(channel, record.written) != record.written:
                    summary.kept_for_editors.append(item.key)  # changed by an editor
                elif record.written == item.values:
                    summary.unchanged += 1
                else:
                    _write(channel, item.values)
                    record.written = item.values
                    record.save()
                    summary.updated += 1
                continue
            kind = item.values["kind"]
            same_value = [
                c
                for c in channels_by_org.get(organisation.pk, [])
                if normalised(c.kind, c.value) == normalised(kind, item.values["value"])
            ]
            if same_value and not any(c.source == OLD_SEED_SOURCE for c in same_value):
                summary.kept_for_editors.append(item.key)  # an editor entered this value already
                continue
            channel = same_value[0] if same_value else ContactChannel(organisation=organisation)
            created = channel.pk is None
            _write(channel, item.values)
            ContactImportRecord.objects.create(key=item.key, channel=channel, written=item.values)
            if created:
                summary.created += 1
            else:
                summary.updated += 1
        for entry in unlisted:
            UnlistedDesk.objects.update_or_create(
                key=entry["slug"][:120],
                defaults={
                    "name": entry.get("name", entry["slug"]),
                    "notes": entry.get("notes", ""),
                    "channels": entry.get("channels", []),
                },  # fmt: skip
            )
            summary.unlisted_desks += 1
        reindex([o.pk for o in organisations.values()])
    for line in summary.lines():
        report(line)
    return summary
