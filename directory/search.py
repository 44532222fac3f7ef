"""Searching the directory: text matching, synonyms, facets and the search index.

Plain functions over plain data where possible; the database work is kept to a few queries per
search whatever the number of results: PostgreSQL full text with the accent-free `dutch_unaccent`
configuration, after correcting unknown words to the closest known one by trigram similarity
(docs/arch/003-directory-search.md).
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Iterable
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramSimilarity
from django.db import connection
from django.db.models import F, Lookup, Prefetch, QuerySet

from directory.models import ContactChannel, Municipality, Organisation

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
SEARCH_CONFIG = "dutch_unaccent"

# Words people type, and what the directory calls them. Keys and values are normalised text.
SYNONYMS: dict[str, list[str]] = {
    "loverboy": ["seksuele uitbuiting", "loverboys", "pooierboy", "jeugdprostitutie"],
    "loverboys": ["seksuele uitbuiting", "loverboy", "pooierboy", "jeugdprostitutie"],
    "pooierboy": ["seksuele uitbuiting", "loverboy"],
    "prostitutie": ["seksuele uitbuiting", "sekswerk"],
    "sekswerk": ["seksuele uitbuiting", "prostitutie"],
    "mensenhandel": ["uitbuiting", "mensenhandelaar"],
    "uitbuiting": ["mensenhandel", "arbeidsuitbuiting", "seksuele uitbuiting", "criminele uitbuiting"],
    "arbeidsuitbuiting": ["arbeid", "arbeidsinspectie", "arbeidsmigranten", "labour exploitation"],
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
    """Rebuild the search text and the weighted tsvector of organisations."""
    from directory.facet_bits import Layout

    layout = Layout()
    queryset = Organisation.objects.prefetch_related(
        "forms",
        "audiences",
        "chain_roles",
        "channels__languages",
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
        rows.append((organisation.pk, parts, normalise(" ".join(parts)), layout.bits_of(organisation)))
    for pk, _parts, text, bits in rows:
        Organisation.objects.filter(pk=pk).update(search_text=text, facet_bits=bits)
    _refresh_words()
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE directory_organisation SET search_vector = "
                "setweight(to_tsvector('dutch_unaccent', %s), 'A') || "
                "setweight(to_tsvector('dutch_unaccent', %s), 'B') || "
                "setweight(to_tsvector('dutch_unaccent', %s), 'C') || "
                "setweight(to_tsvector('dutch_unaccent', %s), 'D') WHERE id = %s",
                [(*parts, pk) for pk, parts, _text, _bits in rows],
            )
    return len(rows)


def _refresh_words() -> None:
    from directory.models import SearchWord

    words: set[str] = set()
    for text in Organisation.objects.values_list("search_text", flat=True):
        words.update(word.strip("'-") for word in _WORD.findall(text) if 4 <= len(word) <= 100)
    SearchWord.objects.exclude(word__in=words).delete()
    known = set(SearchWord.objects.values_list("word", flat=True))
    SearchWord.objects.bulk_create([SearchWord(word=word) for word in sorted(words - known)])


def corrected_terms(terms: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """Replace words the directory does not know by the closest word it does.

    Returns the terms to search for and the corrections made, for a "did you mean" line.
    """
    from directory.models import SearchWord

    words = [alternatives[0] for alternatives in terms if " " not in alternatives[0]]
    known = set(SearchWord.objects.filter(word__in=words).values_list("word", flat=True))
    result, corrections = [], []
    for alternatives in terms:
        word = alternatives[0]
        if word in known or " " in word or len(word) < 4 or len(alternatives) > 1:
            result.append(alternatives)
            continue
        closest = (
            SearchWord.objects.filter(word__trigram_similar=word)  # uses the trigram index
            .annotate(similarity=TrigramSimilarity("word", word))
            .filter(similarity__gt=0.45)
            .order_by("-similarity", "word")
            .values_list("word", flat=True)
            .first()
        )
        if closest and closest != word:
            corrections.append(closest)
            result.append([closest, *SYNONYMS.get(closest, [])])
        else:
            result.append(alternatives)
    return result, corrections


# --- Matching -------------------------------------------------------------------------------


def _postgres_matching(queryset: QuerySet, terms: list[list[str]]) -> QuerySet:
    """Full text: every term, each by any of its synonyms, ranked (typos were corrected before)."""
    full_text = None
    for alternatives in terms:
        term = reduce(
            operator.or_,
            [SearchQuery(alt, config=SEARCH_CONFIG, search_type="plain") for alt in alternatives],
        )
        full_text = term if full_text is None else full_text & term
    return (
        queryset.filter(search_vector=full_text)
        .annotate(relevance=SearchRank(F("search_vector"), full_text))
        .order_by("-relevance", "name")
    )


def matching(queryset: QuerySet, query: str, corrections: list[str] | None = None) -> QuerySet:
    """Organisations matching the query, best first, then by name.

    Words the directory does not know are corrected to the closest known word first; the
    corrections are appended to `corrections` when a list is given.
    """
    terms = query_terms(query)
    if not terms:
        return queryset.order_by("name")
    terms, made = corrected_terms(terms)
    if corrections is not None:
        corrections.extend(made)
    return _postgres_matching(queryset, terms)


def with_listing_data(queryset: QuerySet) -> QuerySet:
    """What a result list shows, fetched in a fixed number of queries."""
    return queryset.defer("search_text", "search_vector").prefetch_related(
        "forms",
        "audiences",
        Prefetch(
            "channels",
            queryset=ContactChannel.objects.filter(last_verified__isnull=False).prefetch_related("languages"),
        ),
    )


def serving_ids(municipality: Municipality) -> QuerySet:
    return Organisation.objects.serving(municipality).values("pk")


class AnyOf(Lookup):
    """`field__any_of=[1, 2, 3]` → `field = ANY(%s)` with one array parameter (PostgreSQL).

    Lets facet counts reuse one list of matching ids instead of repeating the text search.
    """

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", [*lhs_params, list(self.rhs)]


def register_lookups() -> None:
    from django.db.models import BigAutoField, ForeignKey

    BigAutoField.register_lookup(AnyOf)
    ForeignKey.register_lookup(AnyOf)
