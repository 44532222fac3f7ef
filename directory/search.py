"""Searching the directory: text matching, synonyms, facets and the search index.

Plain functions over plain data where possible; the database work is kept to a few queries per
search whatever the number of results (PostgreSQL: full text with the accent-free `dutch_unaccent`
configuration plus trigram word similarity for typos; SQLite: simple word matching).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from django.db import connection
from django.db.models import Prefetch, QuerySet
from django.db.models.expressions import RawSQL

from directory.models import ContactChannel, Municipality, Organisation

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8

# Words people type, and what the directory calls them. Keys and values are normalised text.
SYNONYMS: dict[str, list[str]] = {
    "loverboy": ["seksuele uitbuiting", "loverboys", "pooierboy", "jeugdprostitutie"],
    "loverboys": ["seksuele uitbuiting", "loverboy", "pooierboy", "jeugdprostitutie"],
    "pooierboy": ["seksuele uitbuiting", "loverboy"],
    "prostitutie": ["seksuele uitbuiting", "sekswerk"],
    "sekswerk": ["seksuele uitbuiting", "prostitutie"],
    "mensenhandel": ["uitbuiting", "mensenhandelaar"],
    "uitbuiting": ["mensenhandel", "arbeidsuitbuiting", "seksuele uitbuiting", "criminele uitbuiting"],
    "arbeidsuitbuiting": ["arbeid", "uitbuiting", "arbeidsinspectie", "arbeidsmigranten"],
    "labour": ["arbeidsuitbuiting"],
    "werk": ["arbeidsuitbuiting"],
    "drugs": ["criminele uitbuiting"],
    "drugskoerier": ["criminele uitbuiting"],
    "criminele": ["criminele uitbuiting"],
    "organen": ["orgaanverwijdering"],
    "orgaanhandel": ["orgaanverwijdering"],
    "kinderen": ["minderjarigen", "kinderhandel", "jongeren"],
    "kinderhandel": ["kinderen", "minderjarigen"],
    "opvang": ["zorgcoordinator", "opvang"],
    "zvh": ["zorg- en veiligheidshuis"],
    "politie": ["nationale politie", "aangifte"],
    "aangifte": ["politie"],
    "den haag": ["'s-gravenhage"],
    "den bosch": ["'s-hertogenbosch"],
}

_WORD = re.compile(r"[\w'-]+", re.UNICODE)


def normalise(text: str) -> str:
    """Lower-case, accent-free text: 'Coördinatie' and 'coordinatie' match."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def query_terms(query: str) -> list[list[str]]:
    """Split a query into terms; each term lists the alternatives that may match it."""
    text = normalise(query)[:MAX_QUERY_LENGTH]
    terms: list[list[str]] = []
    for phrase, alternatives in SYNONYMS.items():
        if " " in phrase and phrase in text:
            terms.append([phrase, *alternatives])
            text = text.replace(phrase, " ")
    for word in _WORD.findall(text):
        word = word.strip("'-")
        if len(word) < 2:
            continue
        terms.append([word, *SYNONYMS.get(word, [])])
    return terms[:MAX_TERMS]


# --- The index ------------------------------------------------------------------------------


def _area_names(organisation: Organisation) -> list[str]:
    names: list[str] = []
    for province in organisation.provinces.all():
        names.append(province.name)
        names.extend(m.name for m in province.municipalities.all())
    for region in organisation.safety_regions.all():
        names.append(region.name)
        names.extend(m.name for m in region.municipalities.all())
    for unit in organisation.police_units.all():
        names.append(unit.name)
        for region in unit.safety_regions.all():
            names.extend(m.name for m in region.municipalities.all())
    for municipality in organisation.municipalities.all():
        names.extend([municipality.name, municipality.aliases])
    return names


def _translations(obj: object, field: str) -> list[str]:
    from django.conf import settings

    return [getattr(obj, f"{field}_{code}", "") or "" for code, _name in settings.LANGUAGES]


def document_parts(organisation: Organisation) -> tuple[str, str, str, str]:
    """Weighted parts of an organisation's search document: A name, B subjects, C role, D area."""
    name = " ".join([organisation.name, organisation.aliases])
    subjects: list[str] = [organisation.get_kind_display()]
    for item in [*organisation.forms.all(), *organisation.audiences.all(), *organisation.chain_roles.all()]:
        subjects.extend(_translations(item, "name"))
    if organisation.minors_focus:
        subjects.append("minderjarigen kinderen jongeren")
    if organisation.is_shelter:
        subjects.append("opvang")
    role = " ".join(_translations(organisation, "role"))
    area = " ".join(_area_names(organisation))
    return name, " ".join(subjects), role, area


def reindex(organisation_ids: Iterable[int] | None = None) -> int:
    """Rebuild the search text (and on PostgreSQL the weighted tsvector) of organisations."""
    queryset = Organisation.objects.prefetch_related(
        "forms",
        "audiences",
        "chain_roles",
        "municipalities",
        Prefetch("provinces__municipalities"),
        Prefetch("safety_regions__municipalities"),
        Prefetch("police_units__safety_regions__municipalities"),
    )
    if organisation_ids is not None:
        queryset = queryset.filter(pk__in=list(organisation_ids))
    rows = []
    for organisation in queryset:
        parts = document_parts(organisation)
        rows.append((organisation.pk, parts, normalise(" ".join(parts))))
    for pk, _parts, text in rows:
        Organisation.objects.filter(pk=pk).update(search_text=text)
    if connection.vendor == "postgresql" and rows:
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE directory_organisation SET search_vector = "
                "setweight(to_tsvector('dutch_unaccent', %s), 'A') || "
                "setweight(to_tsvector('dutch_unaccent', %s), 'B') || "
                "setweight(to_tsvector('dutch_unaccent', %s), 'C') || "
                "setweight(to_tsvector('dutch_unaccent', %s), 'D') WHERE id = %s",
                [(*parts, pk) for pk, parts, _text in rows],
            )
    return len(rows)


# --- Matching -------------------------------------------------------------------------------


def _postgres_match(terms: list[list[str]], raw_query: str) -> tuple[str, list]:
    """SQL for a relevance score, 0 when the organisation does not match."""
    tsquery_parts = []
    params: list = []
    for alternatives in terms:
        tsquery_parts.append("(" + " || ".join("plainto_tsquery('dutch_unaccent', %s)" for _alt in alternatives) + ")")
        params.extend(alternatives)
    tsquery = " && ".join(tsquery_parts)
    text = normalise(raw_query)[:MAX_QUERY_LENGTH]
    sql = (
        f"CASE WHEN directory_organisation.search_vector @@ ({tsquery}) "
        f"THEN 1 + ts_rank_cd(directory_organisation.search_vector, ({tsquery})) "
        "WHEN %s <%% directory_organisation.search_text "
        "THEN word_similarity(%s, directory_organisation.search_text) "
        "ELSE 0 END"
    )
    return sql, [*params, *params, text, text]


def _simple_match(queryset: QuerySet, terms: list[list[str]]) -> QuerySet:
    from django.db.models import Q

    for alternatives in terms:
        condition = Q()
        for alternative in alternatives:
            condition |= Q(search_text__contains=alternative)
        queryset = queryset.filter(condition)
    return queryset


def matching(queryset: QuerySet, query: str) -> QuerySet:
    """Organisations matching the query, with a `relevance` annotation, best first then by name."""
    terms = query_terms(query)
    if not terms:
        return queryset.order_by("name")
    if connection.vendor == "postgresql":
        sql, params = _postgres_match(terms, query)
        return (
            queryset.annotate(relevance=RawSQL(sql, params))  # noqa: S611 - fixed SQL, user text only as params
            .filter(relevance__gt=0)
            .order_by("-relevance", "name")
        )
    queryset = _simple_match(queryset, terms)
    return queryset.order_by("name")


def with_listing_data(queryset: QuerySet) -> QuerySet:
    """What a result list shows, fetched in a fixed number of queries."""
    return queryset.prefetch_related(
        "forms",
        "audiences",
        Prefetch(
            "channels",
            queryset=ContactChannel.objects.filter(last_verified__isnull=False).prefetch_related("languages"),
        ),
    )


def serving_ids(municipality: Municipality) -> QuerySet:
    return Organisation.objects.serving(municipality).values("pk")
