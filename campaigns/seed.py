"""Seed data of the campaign library: the campaigns of seed 001, appendix B.1 and B.2.

B.1 campaigns come with every column mapped (and the column as written kept for editors); B.2
campaigns are only names respondents mentioned, loaded as short entries marked as such. Senders
are linked to directory organisations where a name or alias matches exactly (ignoring case,
accents and punctuation) and unambiguously; otherwise the name stays free text. Nothing is added
that the source does not say: a link without an address scheme is kept as text for an editor.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import override

from campaigns import vocabulary
from campaigns.models import Audience, Campaign, Format, Link, Result, Sender
from campaigns.text import name_key
from directory.models import ExploitationForm, Municipality, Organisation, Province, SafetyRegion
from portal import content_translations
from portal.seeding import FIXTURES_DIR, Dataset
from portal.slugs import unique_slug

SOURCE = (
    "Inventarisatie bewustwordingscampagnes, meldpunten en kenniscentra mensenhandel "
    "(online zoektocht sept.–okt. 2024), bijlage {section}"
)
SOURCE_COLUMNS = [
    ("Afzender(s)", "senders_source"),
    ("Doel", "goal_source"),
    ("Vorm van uitbuiting", "forms_source"),
    ("Vorm", "format_source"),
    ("Periode", "period_source"),
]
# Regions the source names that are not one province, safety region or municipality by name.
REGION_OVERRIDES: dict[str, tuple[str, str, str]] = {
    name_key("Zuid- en Midden-Limburg"): (
        "province",
        "Limburg",
        "Regio “Zuid- en Midden-Limburg” gekoppeld aan de provincie Limburg (de bron noemt een deel ervan).",
    ),
}
REPORT = "Inventarisatie bewustwordingscampagnes, meldpunten en kenniscentra mensenhandel"
_DAMAGED_MARKERS = ("[reconstructie]", "verloren bij PDF-extractie")


def read_fixture() -> list[dict[str, Any]]:
    return json.loads((FIXTURES_DIR / "source" / "campaigns.json").read_text(encoding="utf-8"))


def _translated(values: dict[str, str], name: str = "name") -> dict[str, str]:
    return {f"{name}_{code}": text for code, text in values.items()}


def ensure_vocabularies() -> int:
    """Create the library's audiences and formats, and any form of exploitation still missing."""
    rows = 0
    for model, entries in ((Audience, vocabulary.AUDIENCES), (Format, vocabulary.FORMATS)):
        for order, (code, names) in enumerate(entries):
            _obj, created = model.objects.get_or_create(code=code, defaults={"order": order, **_translated(names)})
            rows += created
    for order, (code, names) in enumerate(vocabulary.FORMS):
        _obj, created = ExploitationForm.objects.get_or_create(
            code=code, defaults={"order": order, **_translated(names)}
        )
        rows += created
    return rows


def parse_period(value: str | None) -> tuple[int | None, int | None]:
    """'2022' → (2022, None); '2022-05' → (2022, 5); anything else → (None, None)."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", value or "")
    if not match:
        return None, None
    month = int(match.group(2)) if match.group(2) else None
    return int(match.group(1)), month if month and 1 <= month <= 12 else None


class OrganisationIndex:
    """Directory organisations by name and alias; a key that fits several organisations links none."""

    def __init__(self) -> None:
        self.by_key: dict[str, set[int]] = {}
        self.objects: dict[int, Organisation] = {}
        for organisation in Organisation.objects.only("id", "name", "aliases", "slug", "published"):
            self.objects[organisation.pk] = organisation
            for name in [organisation.name, *organisation.alias_list]:
                self.by_key.setdefault(name_key(name), set()).add(organisation.pk)

    def find(self, name: str) -> Organisation | None:
        matches = self.by_key.get(name_key(name), set())
        return self.objects[next(iter(matches))] if len(matches) == 1 else None


@dataclass
class Region:
    provinces: list[Province] = field(default_factory=list)
    safety_regions: list[SafetyRegion] = field(default_factory=list)
    municipalities: list[Municipality] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def linked(self) -> bool:
        return bool(self.provinces or self.safety_regions or self.municipalities)


class RegionIndex:
    """Dutch regions by name (and municipalities by alias), to link a region written in words."""

    def __init__(self) -> None:
        self.provinces = {name_key(p.name): p for p in Province.objects.all()}
        self.safety_regions = {name_key(r.name): r for r in SafetyRegion.objects.all()}
        self.municipalities: dict[str, Municipality] = {}
        for municipality in Municipality.objects.all():
            names = [municipality.name, *(a.strip() for a in municipality.aliases.split(",") if a.strip())]
            for name in names:
                self.municipalities.setdefault(name_key(name), municipality)

    def resolve(self, text: str) -> Region:
        region = Region()
        whole = name_key(text)
        if whole in REGION_OVERRIDES:
            kind, name, note = REGION_OVERRIDES[whole]
            province = self.provinces.get(name_key(name)) if kind == "province" else None
            if province:
                region.provinces.append(province)
                region.notes.append(note)
                return region
        for part in re.split(r",\s*|\s+en\s+", text):
            key = name_key(part)
            if not key:
                continue
            if key in self.provinces:
                region.provinces.append(self.provinces[key])
            elif key in self.safety_regions:
                region.safety_regions.append(self.safety_regions[key])
            elif key in self.municipalities:
                region.municipalities.append(self.municipalities[key])
            else:
                region.unresolved.append(part.strip())
        return region


def _status(row: dict[str, Any]) -> str:
    if row.get("ongoing") is True:
        return Campaign.Status.ONGOING
    if row.get("ongoing") is False:
        return Campaign.Status.ENDED
    return Campaign.Status.UNKNOWN


def _source_text(row: dict[str, Any]) -> str:
    if row.get("named_by_respondents"):
        return "Genoemd door respondenten van de inventarisatie; verdere kolommen ontbreken in de bron."
    lines = [f"{label}: {row[key]}" for label, key in SOURCE_COLUMNS if row.get(key)]
    if row.get("region"):
        lines.append(f"Regio: {row['region']}")
    return "\n".join(lines)


def load_campaigns() -> int:
    ensure_vocabularies()
    audiences = {audience.code: audience for audience in Audience.objects.all()}
    formats = {item.code: item for item in Format.objects.all()}
    forms = {form.code: form for form in ExploitationForm.objects.all()}
    organisations = OrganisationIndex()
    regions = RegionIndex()
    taken = set(Campaign.objects.values_list("slug", flat=True))
    created = 0

    with override("nl"):
        for row in read_fixture():
            notes: list[str] = []
            start_year, start_month = parse_period(row.get("start"))
            end_year, end_month = parse_period(row.get("end"))
            campaign = Campaign.objects.create(
                title_nl=row["title"],
                slug=unique_slug(row["title"], taken, "campagne"),
                goal_nl=row.get("goal") or "",
                call_to_action_nl=row.get("call_to_action") or "",
                all_forms=vocabulary.GENERAL in (row.get("forms") or []),
                scope=row.get("scope") or Campaign.Scope.UNKNOWN,
                region_text=row.get("region") or "",
                start_year=start_year,
                start_month=start_month,
                end_year=end_year,
                end_month=end_month,
                status=_status(row),
                named_by_respondents=bool(row.get("named_by_respondents")),
                source=SOURCE.format(section=row["source_section"]),
                source_text=_source_text(row),
                published=True,
            )
            campaign.audiences.set([audiences[code] for code in row.get("audiences") or []])
            campaign.forms.set([forms[code] for code in row.get("forms") or [] if code != vocabulary.GENERAL])
            campaign.formats.set([formats[code] for code in row.get("formats") or []])

            if row.get("region"):
                region = regions.resolve(row["region"])
                campaign.provinces.set(region.provinces)
                campaign.safety_regions.set(region.safety_regions)
                campaign.municipalities.set(region.municipalities)
                notes.extend(region.notes)
                if region.unresolved:
                    notes.append(
                        "Regio niet (geheel) gekoppeld aan de indeling van Nederland: " + ", ".join(region.unresolved)
                    )

            for order, name in enumerate(row.get("senders") or []):
                Sender.objects.create(campaign=campaign, name=name, organisation=organisations.find(name), order=order)

            for order, address in enumerate(row.get("urls") or []):
                if address.startswith(("https://", "http://")):
                    Link.objects.create(campaign=campaign, url=address, order=order)
                else:
                    Link.objects.create(campaign=campaign, label=address, order=order)
                    notes.append(f"Link zonder volledig adres in de bron: “{address}”. Vul het volledige adres in.")

            for order, result in enumerate(row.get("results") or []):
                source = re.sub(r"^seed 001\s*", f"{REPORT}, ", result["source"])
                Result.objects.create(campaign=campaign, text_nl=result["text"], source=source, order=order)

            if any(marker in campaign.source_text for marker in _DAMAGED_MARKERS):
                notes.append("Een kolom is in de bron deels verloren gegaan of gereconstrueerd; controleer de tekst.")
            if notes:
                Campaign.objects.filter(pk=campaign.pk).update(needs_review=True, review_note="\n".join(notes))
            campaign.reindex()
            created += 1
    return created


def reindex_campaigns() -> None:
    for campaign in Campaign.objects.prefetch_related("senders__organisation", "municipalities"):
        campaign.reindex()


DATASETS = [
    Dataset(name="campaigns.seed001", load=load_campaigns, fills=[Campaign], order=200),
    # Content in every site language (fixtures/translations/campaigns/).
    *content_translations.datasets("campaigns", order=210, after=reindex_campaigns),
]
