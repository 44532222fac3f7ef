"""Seed data of the directory: regions (CBS 2025), vocabularies, organisations of seed 001 B.3
and the national desks with their public numbers."""

from __future__ import annotations

import json
from typing import Any

from django.utils.text import slugify

from directory import vocabulary
from directory.corrections import apply_corrections
from directory.information import load_practices
from directory.models import (
    Audience,
    ChainRole,
    ExploitationForm,
    InformationPractice,
    Language,
    Municipality,
    Organisation,
    Place,
    PoliceUnit,
    Province,
    SafetyRegion,
    SearchTerm,
)
from directory.search import refresh_words, reindex
from portal import content_translations
from portal.seeding import FIXTURES_DIR, Dataset
from portal.slugs import unique_slug

INVENTORY_SOURCE = (
    "Inventarisatie bewustwordingscampagnes, meldpunten en kenniscentra mensenhandel "
    "(online zoektocht sept.–okt. 2024), bijlage {section}"
)
# Veilig Thuis and De Kindertelefoon are national desks that the inventory has no row for.
NATIONAL_DESKS_SOURCE = "Landelijke desks uit de domeinnotities van het Informatiepunt"


def _read(name: str) -> Any:
    return json.loads((FIXTURES_DIR / "source" / name).read_text(encoding="utf-8"))


def _translated(values: dict[str, str], field: str = "name") -> dict[str, str]:
    return {f"{field}_{code}": text for code, text in values.items()}


def load_vocabularies() -> int:
    rows = 0
    for order, (code, names) in enumerate(vocabulary.FORMS):
        # The campaign library's seed may have created the forms already (it needs them too).
        ExploitationForm.objects.get_or_create(code=code, defaults={"order": order, **_translated(names)})
        rows += 1
    for order, (code, names) in enumerate(vocabulary.AUDIENCES):
        Audience.objects.create(code=code, order=order, **_translated(names))
        rows += 1
    for order, (code, names, descriptions) in enumerate(vocabulary.CHAIN_ROLES):
        ChainRole.objects.create(
            code=code,
            order=order,
            **_translated(names),
            **_translated(descriptions, "description"),
        )
        rows += 1
    for code, name in vocabulary.LANGUAGES:
        Language.objects.create(code=code, name_nl=name)
        rows += 1
    return rows


def load_regions() -> int:
    data = _read("regions.json")
    provinces = {p["name"]: Province.objects.create(code=p["code"], name=p["name"]) for p in data["provinces"]}
    units = {u["name"]: PoliceUnit.objects.create(code=u["code"], name=u["name"]) for u in data["police_units"]}
    regions = {
        r["code"]: SafetyRegion.objects.create(
            code=r["code"],
            name=r["name"],
            province=provinces[r["province"]],
            police_unit=units[r["police_unit"]],
        )
        for r in data["veiligheidsregios"]
    }
    Municipality.objects.bulk_create(
        Municipality(
            code=m["code"],
            name=m["name"],
            slug=slugify(m["name"]),
            aliases=", ".join(m.get("aliases", [])),
            province=provinces[m["province"]],
            safety_region=regions[m["veiligheidsregio"]],
        )
        for m in data["municipalities"]
    )
    return len(provinces) + len(units) + len(regions) + len(data["municipalities"])


# The national desks of the domain notes. Their contact routes come from the contact import
# (directory/contacts.py), each with its public source; never from this code.
NATIONAL_DESKS: dict[str, dict[str, Any]] = {
    "Nationale Politie": {
        "next": {
            "nl": "Je kunt aangifte doen of iets melden. Een rechercheur mensenhandel kijkt naar je verhaal. "
            "Hulp krijgen kan ook zonder aangifte.",
            "en": "You can file a police report or pass on a signal. A trafficking detective looks at what you "
            "tell. You can also get help without filing a report.",
        },
    },
    "Meld Misdaad Anoniem (M.)": {
        "next": {
            "nl": "Je hoeft je naam niet te zeggen. M. geeft je melding zonder jouw gegevens door aan politie "
            "of een andere instantie.",
            "en": "You do not have to give your name. M. passes your report on to the police or another "
            "authority without your details.",
        },
    },
    "Nederlandse Arbeidsinspectie (SZW)": {},
    "Slachtofferhulp Nederland": {},
    "Coördinatiecentrum tegen Mensenhandel (CoMensha)": {},
    "Fier": {},
}
EXTRA_NATIONAL_DESKS = [
    {
        "name": "Veilig Thuis",
        "kind": Organisation.Kind.MELDPUNT,
        "role": {
            "nl": "Advies- en meldpunt voor huiselijk geweld en kindermishandeling, ook bij loverboys. "
            "Het landelijke nummer verbindt je met Veilig Thuis in jouw regio.",
            "en": "Advice and reporting centre for domestic violence and child abuse, also in loverboy cases. "
            "The national number connects you with Veilig Thuis in your region.",
        },
        "audiences": ["slachtoffers", "burgers", "signaleerders", "professionals"],
        "chain_roles": ["veilig_thuis"],
        "minors_focus": True,
    },
    {
        "name": "De Kindertelefoon",
        "kind": Organisation.Kind.MELDPUNT,
        "role": {
            "nl": "Voor kinderen en jongeren die ergens over willen praten.",
            "en": "For children and young people who want to talk about something.",
        },
        "audiences": ["slachtoffers", "jongeren"],
        "chain_roles": [],
        "minors_focus": True,
    },
]


def load_organisations() -> int:
    rows = _read("organisations.json")
    forms = {form.code: form for form in ExploitationForm.objects.all()}
    audiences = {audience.code: audience for audience in Audience.objects.all()}
    roles = {role.code: role for role in ChainRole.objects.all()}
    provinces = {p.name: p for p in Province.objects.all()}
    regions = {r.name: r for r in SafetyRegion.objects.all()}
    units = {u.name: u for u in PoliceUnit.objects.all()}
    municipalities = {m.name: m for m in Municipality.objects.all()}
    taken: set[str] = set()
    created: list[Organisation] = []

    for row in rows:
        desk = NATIONAL_DESKS.get(row["name"])
        area_types = {area["type"] for area in row["area"]}
        source_text = "\n".join(
            f"{label}: {row[key]}"
            for label, key in [
                ("Rol", "role_source"),
                ("Doelgroep", "audience_source"),
                ("Categorieën slachtoffers", "victims_source"),
                ("Schaal", "scale_source"),
            ]
            if row.get(key)
        )
        organisation = Organisation.objects.create(
            name=row["name"],
            slug=unique_slug(row["name"], taken, "organisatie"),
            aliases=", ".join(row["aliases"]),
            kind=row["kind"],
            role_nl=row["role_source"],
            **_translated((desk or {}).get("next", {}), "what_happens_next"),
            minors_focus=row["minors_focus"],
            is_shelter=row["is_shelter"],
            is_national_desk=desk is not None,
            scale=row["scale"],
            serves_nationally="national" in area_types,
            source=INVENTORY_SOURCE.format(section=row["source_section"]),
            source_text=source_text,
            needs_review=bool(row["flags"]),
            review_note="\n".join(row["flags"]),
            published=True,
        )
        organisation.forms.set([forms[code] for code in row["forms"]])
        organisation.audiences.set([audiences[code] for code in row["audiences"] if code in audiences])
        organisation.chain_roles.set([roles[code] for code in row["chain_roles"]])
        by_type: dict[str, list[str]] = {}
        for area in row["area"]:
            if area["type"] != "national":
                by_type.setdefault(area["type"], []).append(area["name"])
        organisation.provinces.set([provinces[name] for name in by_type.get("province", [])])
        organisation.safety_regions.set([regions[name] for name in by_type.get("veiligheidsregio", [])])
        organisation.police_units.set([units[name] for name in by_type.get("police_unit", [])])
        organisation.municipalities.set([municipalities[name] for name in by_type.get("municipality", [])])
        created.append(organisation)

    for desk in EXTRA_NATIONAL_DESKS:
        organisation = Organisation.objects.create(
            name=desk["name"],
            slug=unique_slug(desk["name"], taken, "organisatie"),
            kind=desk["kind"],
            **_translated(desk["role"], "role"),
            minors_focus=desk["minors_focus"],
            is_national_desk=True,
            scale=Organisation.Scale.NATIONAL,
            serves_nationally=True,
            source=NATIONAL_DESKS_SOURCE,
            published=True,
        )
        organisation.forms.set(forms.values())
        organisation.audiences.set([audiences[code] for code in desk["audiences"]])
        organisation.chain_roles.set([roles[code] for code in desk["chain_roles"]])
        created.append(organisation)

    apply_corrections(Organisation, ChainRole)
    reindex()
    return len(created)


PLACES_SOURCE = (
    "Woonplaatsen (mvanl94/Lijst-Woonplaatsen-Nederland-, commit 359a710), mapped to the municipalities "
    "of 1 January 2025; see fixtures/source/PLACES_SOURCE.md"
)


def load_places() -> int:
    """Every Dutch place of places.csv, with a few other names (The Hague, Гаага, لاهاي)."""
    import csv

    from directory.places import prepare

    municipalities = {m.code: m for m in Municipality.objects.all()}
    other = _read("place_other_names.json")
    path = FIXTURES_DIR / "source" / "places.csv"
    places: list[Place] = []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    # Other names belong to the place of that name in the municipality of that name (Rotterdam,
    # not the part of Albrandswaard that is also called Rotterdam).
    with_other = {row["place"]: row for row in rows if row["place"] in other["names"]}
    with_other.update({row["place"]: row for row in rows if row["place"] == row["municipality"]})
    for row in rows:
        municipality = municipalities.get(row["municipality_code"])
        if municipality is None:
            continue
        names = other["names"].get(row["place"], []) if with_other.get(row["place"]) is row else []
        place = Place(
            name=row["place"],
            municipality=municipality,
            postcodes=row["postcode_range"],
            other_names=", ".join(names)[:300],
            source=PLACES_SOURCE,
        )
        prepare(place)
        places.append(place)
    Place.objects.bulk_create(places, batch_size=1000)
    return len(places)


def load_search_terms() -> int:
    """The search vocabulary: everyday words in seven languages → the directory's words."""
    data = _read("search_terms.json")
    terms = [
        SearchTerm(language=language, words=words, means=means)
        for language, entries in data["terms"].items()
        for words, means in entries.items()
    ]
    for term in terms:
        term.prepare()
    SearchTerm.objects.bulk_create(terms)
    refresh_words()
    return len(terms)


def load_contacts() -> int:
    from directory.contacts import import_contacts

    summary = import_contacts(report=lambda line: None, record_history=False)  # the starting state
    return summary.created + summary.updated


DATASETS = [
    Dataset(name="directory.vocabularies", load=load_vocabularies, fills=[Audience, ChainRole], order=10),
    Dataset(name="directory.regions", load=load_regions, fills=[Province, Municipality], order=20),
    Dataset(name="directory.places", load=load_places, fills=[Place], order=25),
    Dataset(name="directory.search_terms", load=load_search_terms, fills=[SearchTerm], order=26),
    Dataset(name="directory.organisations", load=load_organisations, fills=[Organisation], order=30),
    Dataset(name="directory.contacts", load=load_contacts, order=35),
    Dataset(name="directory.information", load=load_practices, fills=[InformationPractice], order=36),
    # Content in every site language (fixtures/translations/directory/), after reach's contact data.
    *content_translations.datasets("directory", order=90, after=reindex),
]
