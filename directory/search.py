"""Searching the directory: text matching, synonyms, facets and the search index.

Plain functions over plain data where possible; the database work is kept to a few queries per
search whatever the number of results: PostgreSQL full text with the accent-free `dutch_unaccent`
configuration, after correcting unknown words to the closest known one by trigram similarity
(docs/arch/003-directory-search.md). Words people type in seven languages (SearchTerm) and Dutch
places (Place, directory/places.py) widen a term to the directory's own words.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramSimilarity
from django.db import connection
from django.db.models import Case, F, IntegerField, Lookup, Prefetch, QuerySet, Value, When
from django.db.models.functions import Lower

from directory.models import ContactChannel, Municipality, Organisation
from portal.facets import MAX_QUERY_LENGTH
from portal.text import normalise

MAX_TERMS = 8
SEARCH_CONFIG = "dutch_unaccent"

# Words people type and what the directory calls them live in the database (SearchTerm, edited in
# the admin, seeded from fixtures/source/search_terms.json); places in Place (fixtures/source/places.csv).
MAX_PHRASE_WORDS = 5
# Ranking: A name and other names, B what an organisation specialises in, C its role text and
# area, D the forms it lists when it lists every form (so specialists come first). A match on D
# alone ranks below GENERAL_MATCH: "works on every form", shown after the specific matches.
RANK_WEIGHTS = [0.02, 0.2, 0.5, 1.0]
GENERAL_MATCH = 0.04

_WORD = re.compile(r"[\w'-]+", re.UNICODE)


def query_words(query: str) -> list[str]:
    text = normalise(query)[:MAX_QUERY_LENGTH]
    words = [word.strip("'-") for word in _WORD.findall(text)]
    return [word for word in words if len(word) >= 2]


@dataclass
class PlaceNote:
    """A place in the query and the municipality (or municipalities) it lies in: shown to the
    person with a link to all desks for that municipality."""

    typed: str
    municipalities: list[Municipality]
    postcode: bool = False


@dataclass
class Understanding:
    """A query as the search understood it: terms (each with the alternatives that may match it)."""

    terms: list[list[str]] = field(default_factory=list)
    corrections: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    places: list[PlaceNote] = field(default_factory=list)


def _phrases(words: list[str]) -> list[str]:
    return [
        " ".join(words[start : start + size])
        for size in range(1, MAX_PHRASE_WORDS + 1)
        for start in range(0, len(words) - size + 1)
    ]


def expansions(phrases: list[str]) -> tuple[dict[str, list[str]], dict[str, PlaceNote], set[str]]:
    """What each phrase also means: the vocabulary's directory words and the municipality a place
    lies in (with a note to show), and which phrases the vocabulary knows only in other languages
    than Dutch. Two indexed queries, whatever the query."""
    from directory.models import SearchTerm
    from directory.places import is_latin, municipalities_for, place_key, places_for_postcode, places_named

    found: dict[str, list[str]] = {}
    languages: dict[str, set[str]] = {}
    rows = SearchTerm.objects.filter(normalised__in=phrases).values_list("normalised", "means", "language")
    for phrase, means, language in rows:
        found.setdefault(phrase, []).extend(normalise(word.strip()) for word in means.split(",") if word.strip())
        languages.setdefault(phrase, set()).add(language)
    foreign = {phrase for phrase, codes in languages.items() if "nl" not in codes}
    keys = {phrase: place_key(phrase) for phrase in phrases}
    places = places_named(list(keys.values()))
    notes: dict[str, PlaceNote] = {}
    for phrase in phrases:
        is_postcode = len(phrase) == 4 and phrase.isdigit()
        matches = places_for_postcode(int(phrase)) if is_postcode else places.get(keys[phrase], [])
        if phrase in found and not is_latin(phrase):
            # A word of the vocabulary ("العمل") is not a place that merely sounds alike.
            matches = [
                place for place in matches if keys[phrase] in (place.normalised, *place.other_normalised.split("|"))
            ]
        chosen = municipalities_for(keys[phrase], matches)
        if not chosen:
            continue
        found.setdefault(phrase, []).extend(normalise(municipality.name) for municipality in chosen)
        if len(chosen) > 1 or is_postcode or place_key(chosen[0].name) != keys[phrase]:
            # The place as it is written ("Ter Apel"), not as the query was lowered ("ter apel").
            written = next((place.name for place in matches if place.normalised == keys[phrase]), phrase)
            notes[phrase] = PlaceNote(written, chosen, postcode=is_postcode)
    return found, notes, foreign


def query_terms(query: str, notes: list[PlaceNote] | None = None) -> list[list[str]]:
    """Split a query into terms; each term lists the alternatives that may match it.

    The longest phrase the vocabulary or the place list knows wins ("ter apel", "handel ludźmi").
    """
    words = query_words(query)
    known, places, foreign = expansions(_phrases(words)) if words else ({}, {}, set())
    terms: list[list[str]] = []
    index = 0
    while index < len(words):
        for size in range(min(MAX_PHRASE_WORDS, len(words) - index), 0, -1):
            phrase = " ".join(words[index : index + size])
            if size == 1 or phrase in known:
                # The first alternative also ranks "as typed". For a word of another language
                # ("dzieci") that is the directory's own word it stands for, so a query ranks the
                # desks as its Dutch equivalent does, not by where a translation repeats the word.
                alternatives = [*known[phrase], phrase] if phrase in foreign else [phrase, *known.get(phrase, [])]
                terms.append(list(dict.fromkeys(alternatives)))
                if notes is not None and phrase in places:
                    notes.append(places[phrase])
                index += size
                break
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

    # settings.LANGUAGES starts with Dutch, the site's default.
    return [getattr(obj, f"{field}_{code}", "") or "" for code, _name in settings.LANGUAGES]


def document_parts(organisation: Organisation, all_forms: int | None = None) -> tuple[str, str, str, str]:
    """Weighted parts of an organisation's search document: A name, B subjects, C role and area,
    D the forms of an organisation that lists every form.

    The forms of exploitation go under B only for an organisation that does not list every form:
    a desk for labour exploitation ranks above one that lists all four (those go under D).
    """
    names = [organisation.name, organisation.aliases]
    # "Dontlookaway.nl" and "HVO-Querido" are also found as "dontlookaway" and "hvo querido".
    names.append(re.sub(r"[^\w]+", " ", f"{organisation.name} {organisation.aliases}"))
    name = " ".join(names)
    forms = list(organisation.forms.all())
    lists_every_form = all_forms is not None and len(forms) >= all_forms > 1
    subjects: list[str] = [organisation.get_kind_display()]
    generic: list[str] = []
    for item in forms:
        (generic if lists_every_form else subjects).extend(_translations(item, "name"))
    for item in [*organisation.audiences.all(), *organisation.chain_roles.all()]:
        subjects.extend(_translations(item, "name"))
    if organisation.minors_focus:
        subjects.append("minderjarigen kinderen jongeren")
    if organisation.is_shelter:
        subjects.append("opvang")
    # The Dutch role text ranks; its translations (B1 texts in six more languages) only help to
    # find a desk, under D: otherwise a query in Polish ranks desks by how often their Polish
    # description happens to repeat the query's words, not by what they do.
    dutch_role, *translated_roles = _translations(organisation, "role")
    role = " ".join([dutch_role, *_area_names(organisation)])
    return name, " ".join(subjects), role, " ".join([*generic, *translated_roles])


def reindex(organisation_ids: Iterable[int] | None = None) -> int:
    """Rebuild the search text and the weighted tsvector of organisations."""
    from directory.models import ExploitationForm

    all_forms = ExploitationForm.objects.count()
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
        parts = document_parts(organisation, all_forms)
        rows.append((organisation.pk, parts, normalise(" ".join(parts))))
    for pk, _parts, text in rows:
        Organisation.objects.filter(pk=pk).update(search_text=text)
    refresh_words()
    if rows:
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


def refresh_words() -> None:
    """The words typos are corrected to: the directory's own words and the vocabulary's."""
    from directory.models import SearchTerm, SearchWord

    words: set[str] = set()
    texts = [
        *Organisation.objects.values_list("search_text", flat=True),
        *SearchTerm.objects.values_list("normalised", flat=True),
    ]
    for text in texts:
        words.update(word.strip("'-") for word in _WORD.findall(text) if 4 <= len(word) <= 100)
    SearchWord.objects.exclude(word__in=words).delete()
    known = set(SearchWord.objects.values_list("word", flat=True))
    SearchWord.objects.bulk_create([SearchWord(word=word) for word in sorted(words - known)])


def _closest_word(word: str) -> str | None:
    from directory.models import SearchWord

    return (
        SearchWord.objects.filter(word__trigram_similar=word)  # uses the trigram index
        .annotate(similarity=TrigramSimilarity("word", word))
        .filter(similarity__gt=0.45)
        .order_by("-similarity", "word")
        .values_list("word", flat=True)
        .first()
    )


def correct(understanding: Understanding) -> None:
    """Replace words the directory does not know by the closest word it does; leave out words
    that match nothing at all ("gdzie", "please") when other words of the query do."""
    from directory.models import SearchWord

    terms = understanding.terms
    single = [alternatives[0] for alternatives in terms if len(alternatives) == 1]
    firsts = [alternatives[0] for alternatives in terms]
    joined = "".join(firsts) if 1 < len(firsts) <= 4 and not any(" " in word for word in firsts) else ""
    known = set(SearchWord.objects.filter(word__in=[*single, joined]).values_list("word", flat=True))
    if joined and joined in known:  # "dont look away" → "dontlookaway"
        understanding.terms = [[joined]]
        understanding.corrections.append(joined)
        understanding.places.clear()
        return
    replaced: dict[int, str] = {}
    unknown: list[int] = []
    for index, alternatives in enumerate(terms):
        word = alternatives[0]
        if len(alternatives) > 1 or " " in word or len(word) < 4 or word in known:
            continue
        closest = _closest_word(word)
        if closest and closest != word:
            replaced[index] = closest
            understanding.corrections.append(closest)
        else:
            unknown.append(index)
    if replaced:
        again, places, _foreign = expansions(list(replaced.values()))
        understanding.places.extend(places.values())
        for index, word in replaced.items():
            terms[index] = list(dict.fromkeys([word, *again.get(word, [])]))
    if unknown and len(unknown) < len(terms):
        understanding.ignored = [terms[index][0] for index in unknown]
        understanding.terms = [alternatives for index, alternatives in enumerate(terms) if index not in unknown]


def understand(query: str) -> Understanding:
    """The terms to search for, with the corrections, left-out words and places to tell about."""
    understanding = Understanding()
    understanding.terms = query_terms(query, understanding.places)
    if understanding.terms:
        correct(understanding)
    return understanding


# --- Matching -------------------------------------------------------------------------------


def _postgres_matching(queryset: QuerySet, terms: list[list[str]], query: str = "") -> QuerySet:
    """Full text: every term, each by any of its alternatives, best first.

    Best: the name as typed, then a name that starts with the query, then the weighted rank
    (name, then specialisation, role text, area). Never alphabetical unless all else is equal.
    """
    full_text = None
    for alternatives in terms:
        term = reduce(
            operator.or_,
            [SearchQuery(alt, config=SEARCH_CONFIG, search_type="plain") for alt in alternatives],
        )
        full_text = term if full_text is None else full_text & term
    words = [alternatives[0] for alternatives in terms]
    # The words as typed count once more: a desk that names "loverboys" itself ranks above one
    # that is only specialised in sexual exploitation, the form the word stands for.
    as_typed = reduce(operator.and_, [SearchQuery(word, config=SEARCH_CONFIG, search_type="plain") for word in words])
    wanted = " ".join(words)
    name_match = Case(
        When(name_lower=" ".join(query.lower().split()), then=Value(3)),
        When(search_text__startswith=wanted + " ", then=Value(2)),
        When(search_text__startswith=wanted, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return (
        queryset.filter(search_vector=full_text)
        .annotate(
            name_lower=Lower("name"),
            name_match=name_match,
            relevance=SearchRank(F("search_vector"), full_text, weights=RANK_WEIGHTS)
            + SearchRank(F("search_vector"), as_typed, weights=RANK_WEIGHTS),
        )
        .order_by("-name_match", "-relevance", "-is_national_desk", "name")
    )


def matching(
    queryset: QuerySet,
    query: str,
    corrections: list[str] | None = None,
    understanding: Understanding | None = None,
) -> QuerySet:
    """Organisations matching the query, best first.

    Words the directory does not know are corrected to the closest known word first; the
    corrections are appended to `corrections` when a list is given. Pass `understanding` to
    get the query as understood (corrections, left-out words, places) filled in.
    """
    understood = understand(query)
    if corrections is not None:
        corrections.extend(understood.corrections)
    if understanding is not None:
        understanding.__dict__.update(understood.__dict__)
    if not understood.terms:
        return queryset.order_by("name")
    return _postgres_matching(queryset, understood.terms, query)


def with_listing_data(queryset: QuerySet) -> QuerySet:
    """What a result list shows, fetched in a fixed number of queries."""
    return queryset.defer("search_text", "search_vector").prefetch_related(
        "forms",
        Prefetch(
            "channels",
            queryset=ContactChannel.objects.public().prefetch_related("languages"),
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
