"""Dutch places → municipalities: what a person types ("Ter Apel", "Венло", "3011", "Roterdam")
and which municipality (or municipalities) that can mean.

Used by the directory search and by the wizard's place question. Names are matched without
regard to case, accents or punctuation; names in Cyrillic or Arabic script are compared by their
consonant "skeleton" (Венло, فينلو and Venlo all become "fnl"), so a transliteration matches
without a table of every name in every script. Editors can add other names per place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import TrigramSimilarity
from django.db.models import Q
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from directory.models import Municipality, Place
from directory.search import normalise
from portal.page_cache import remembered

MAX_PLACE_WORDS = 5
MIN_SKELETON = 3
SUGGESTION_SIMILARITY = 0.4
MAX_CHOICES = 12

_POSTCODE = re.compile(r"^(\d{4})(?:\s?[a-z]{2})?$")
_RANGE = re.compile(r"(\d{4})\s*[–-]\s*(\d{4})")
_NON_LETTER = re.compile(r"[^\w]+", re.UNICODE)

# Letters of Cyrillic (Bulgarian, Ukrainian, Russian) and Arabic script, written the Dutch way.
_CYRILLIC_LETTERS = "абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя"
_CYRILLIC_LATIN = "a b v g g d e je e zj z i i ji j k l m n o p r s t oe f ch ts tsj sj sjtsj a i - e joe ja"
_CYRILLIC = dict(zip(_CYRILLIC_LETTERS, _CYRILLIC_LATIN.split(), strict=True))
_CYRILLIC["ь"] = ""
_ARABIC = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ى": "a", "ب": "b", "پ": "p", "ت": "t", "ث": "s", "ج": "g",
    "ح": "h", "خ": "ch", "د": "d", "ذ": "d", "ر": "r", "ز": "z", "س": "s", "ش": "sj", "ص": "s", "ض": "d",
    "ط": "t", "ظ": "z", "ع": "", "غ": "g", "ف": "f", "ڤ": "v", "ق": "k", "ك": "k", "گ": "g", "ل": "l",
    "م": "m", "ن": "n", "ه": "h", "ة": "", "ي": "i", "ء": "", "ئ": "", "ؤ": "", "ـ": "",
}  # fmt: skip
# Sounds that sound alike across scripts fall into one class; vowels are dropped.
_DIGRAPHS = [("sch", "sg"), ("ch", "g"), ("kh", "g"), ("gh", "g"), ("sj", "s"), ("zj", "s"), ("ph", "f"),
             ("ck", "k"), ("qu", "k"), ("ij", "i"), ("x", "ks")]  # fmt: skip
_CLASSES = str.maketrans({"p": "b", "v": "f", "w": "f", "h": "g", "c": "k", "q": "k", "z": "s", "d": "t"})
_VOWELS = re.compile(r"[aeiouyj]")


def transliterate(text: str) -> str:
    """Cyrillic and Arabic letters written in Latin letters; other text unchanged."""
    out: list[str] = []
    for index, char in enumerate(text.lower()):
        if char in _CYRILLIC:
            out.append(_CYRILLIC[char])
        elif char == "و":  # a consonant (w) at the start of a word, else a vowel (o, oe)
            out.append("w" if index == 0 or not text[index - 1].isalpha() else "o")
        elif char in _ARABIC:
            out.append(_ARABIC[char])
        else:
            out.append(char)
    return "".join(out)


def place_key(text: str) -> str:
    """The form names are compared in: 's-Gravenhage, s Gravenhage and 'S-GRAVENHAGE are one."""
    return " ".join(_NON_LETTER.sub(" ", normalise(text)).split())


def skeleton(text: str) -> str:
    """The consonants of a name, in broad sound classes: Венло, فينلو and Venlo all give "fnl"."""
    latin = re.sub(r"[^a-z]", "", normalise(transliterate(normalise(text))))
    for digraph, replacement in _DIGRAPHS:
        latin = latin.replace(digraph, replacement)
    latin = re.sub(r"c(?=[eiy])", "s", latin).translate(_CLASSES)
    consonants = _VOWELS.sub("", latin)
    return re.sub(r"(.)\1+", r"\1", consonants)


def is_latin(text: str) -> bool:
    return all(not char.isalpha() or ord(char) < 0x0250 for char in text)


def postcode_span(ranges: str) -> tuple[int | None, int | None]:
    spans = [(int(low), int(high)) for low, high in _RANGE.findall(ranges)]
    if not spans:
        return None, None
    return min(low for low, _high in spans), max(high for _low, high in spans)


def in_postcode_ranges(postcode: int, ranges: str) -> bool:
    return any(int(low) <= postcode <= int(high) for low, high in _RANGE.findall(ranges))


def prepare(place: Place) -> None:
    """Fill the derived matching fields of a place before it is saved."""
    place.normalised = place_key(place.name)[:100]
    others = [place_key(name) for name in place.other_names.split(",") if place_key(name)]
    place.other_normalised = ("|" + "|".join(others) + "|")[:400] if others else ""
    place.skeleton = skeleton(place.name)[:100]
    place.postcode_low, place.postcode_high = postcode_span(place.postcodes)


# --- Looking places up ---------------------------------------------------------------------


@dataclass
class PlaceAnswer:
    """What a typed place can mean.

    `municipalities`: one when the place is clear, several when it lies in several (ask which).
    `suggestions`: places with a similar name when nothing matched ("Bedoel je Rotterdam?").
    """

    typed: str
    municipalities: list[Municipality] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    suggestions: list[Place] = field(default_factory=list)
    postcode: str = ""

    @property
    def municipality(self) -> Municipality | None:
        return self.municipalities[0] if len(self.municipalities) == 1 else None

    @property
    def is_ambiguous(self) -> bool:
        return len(self.municipalities) > 1


def _with_municipality(queryset):
    return queryset.select_related("municipality__province", "municipality__safety_region")


def _distinct_municipalities(places: list[Place]) -> list[Municipality]:
    seen: dict[int, Municipality] = {}
    for place in places:
        seen.setdefault(place.municipality_id, place.municipality)
    return sorted(seen.values(), key=lambda municipality: municipality.name)


def _name_condition(keys: list[str]) -> Q:
    condition = Q(normalised__in=keys)
    for key in keys:
        condition |= Q(other_normalised__contains=f"|{key}|")
    return condition


def places_named(keys: list[str]) -> dict[str, list[Place]]:
    """Places by name (place keys), in one query; names in another script by their skeleton too."""
    keys = [key for key in dict.fromkeys(keys) if key]
    if not keys:
        return {}
    skeletons = {key: skeleton(key) for key in keys if not is_latin(key)}
    wanted = {skel for skel in skeletons.values() if len(skel) >= MIN_SKELETON}
    condition = _name_condition(keys)
    if wanted:
        condition |= Q(skeleton__in=wanted)
    found: dict[str, list[Place]] = {}
    for place in _with_municipality(Place.objects.filter(condition)):
        others = set(place.other_normalised.strip("|").split("|")) if place.other_normalised else set()
        for key in keys:
            if key == place.normalised or key in others or skeletons.get(key) == place.skeleton:
                found.setdefault(key, []).append(place)
    for key, places in found.items():
        # A name typed exactly is better than a skeleton match of another name.
        exact = [place for place in places if key == place.normalised or key in (place.other_normalised or "")]
        found[key] = exact or places
    return found


def places_for_postcode(postcode: int) -> list[Place]:
    candidates = Place.objects.filter(postcode_low__lte=postcode, postcode_high__gte=postcode)
    return [place for place in _with_municipality(candidates) if in_postcode_ranges(postcode, place.postcodes)]


def similar_places(key: str, limit: int = 3) -> list[Place]:
    """Places whose name looks like what was typed: for "Bedoel je …?"."""
    if not key:
        return []
    latin = key if is_latin(key) else place_key(transliterate(key))
    rows = (
        _with_municipality(Place.objects.filter(normalised__trigram_similar=latin))
        .annotate(similarity=TrigramSimilarity("normalised", latin))
        .filter(similarity__gte=SUGGESTION_SIMILARITY)
        .order_by("-similarity", "name")[: limit * 4]
    )
    # Best match first; of equal names the place that is its own municipality ("Rotterdam", not
    # the part of Albrandswaard of that name); one suggestion per municipality.
    ordered = sorted(rows, key=lambda place: (-place.similarity, place.name != place.municipality.name))
    chosen: list[Place] = []
    for place in ordered:
        if place.municipality_id not in {other.municipality_id for other in chosen}:
            chosen.append(place)
    return chosen[:limit]


def municipalities_for(key: str, places: list[Place]) -> list[Municipality]:
    """The municipalities a place name stands for, by name.

    "Rotterdam" is the municipality Rotterdam, though a part of Albrandswaard has that name too:
    a municipality of the very name (or sound, for another script) is meant over other places.
    """
    own = [place for place in places if place_key(place.municipality.name) == key]
    if not own and not is_latin(key):
        own = [place for place in places if skeleton(place.municipality.name) == skeleton(key)]
    return _distinct_municipalities(own or places)[:MAX_CHOICES]


def resolve(typed: str) -> PlaceAnswer:
    """What a typed place name or four-digit postcode means."""
    answer = PlaceAnswer(typed=typed)
    key = place_key(typed)[:100]
    if not key:
        return answer
    postcode = _POSTCODE.match(key.replace(" ", "") if key[:4].isdigit() else key)
    if postcode:
        answer.postcode = postcode.group(1)
        answer.places = places_for_postcode(int(answer.postcode))
    else:
        answer.places = places_named([key]).get(key, []) or _municipalities_named(key)
    answer.municipalities = municipalities_for(key, answer.places)
    if not answer.municipalities and not answer.postcode:
        answer.suggestions = similar_places(key)
    return answer


def _municipalities_named(key: str) -> list[Place]:
    """A municipality an editor added without places still counts as a place of itself."""
    for municipality in Municipality.objects.select_related("province", "safety_region"):
        names = [municipality.name, *municipality.aliases.split(",")]
        if any(place_key(name) == key for name in names if name.strip()):
            return [Place(name=municipality.name, municipality=municipality)]
    return []


def place_names() -> list[str]:
    """Every name a person may type for a place, for the place fields' autocomplete: each place
    and municipality with its other names (also in Cyrillic and Arabic script), once each."""
    names: set[str] = set()
    for name, others in Place.objects.values_list("name", "other_names"):
        names.add(name)
        names.update(other.strip() for other in others.split(","))
    for name, aliases in Municipality.objects.values_list("name", "aliases"):
        names.add(name)
        names.update(alias.strip() for alias in aliases.split(","))
    names.discard("")
    return sorted(names, key=lambda name: (place_key(name), name))


def municipality_datalist() -> SafeString:
    """The `<option>`s of a place field's `<datalist>`: every municipality's name, in name order.
    Built once per content generation (ADR 022): the template loop over 342 names took about a
    third of the meldroute finder's time (profile, issue 15)."""

    def build() -> SafeString:
        names = Municipality.objects.values_list("name", flat=True)
        return mark_safe("".join(format_html('<option value="{}">', name) for name in names))  # noqa: S308

    return remembered("directory.municipality_datalist", build)
