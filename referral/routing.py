"""Routing: from the wizard's answers to an ordered list of desks. Plain functions, plain data.

A rule says "when the answers look like this, recommend that organisation" or "… the organisation
that has this role in the person's region" (e.g. the zorgcoördinator of their municipality).
Rules are edited by CoMensha in the admin; here they are plain `Rule` values, and the directory
is a plain `DirectorySnapshot`, so routing is testable without HTTP or a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from referral.flow import FORM, MINOR, NEED, PLACE, PLACE_ABROAD, PLACE_UNSAID, WHO, Answers

CONDITION_KEYS = ("who", "need", "form", "minor", "place", "anonymous", "sector")


@dataclass(frozen=True)
class Rule:
    key: str
    priority: int
    conditions: dict[str, tuple[str, ...]]  # missing or empty: any answer
    organisation: str = ""  # an organisation's slug …
    role: str = ""  # … or a chain role, resolved for the person's municipality
    explanation: str = ""
    explanation_lang: str = ""

    def applies_to(self, answers: Answers) -> bool:
        for key, allowed in self.conditions.items():
            if not allowed:
                continue
            value = answers.get(key, "")
            if key == PLACE and value not in (PLACE_ABROAD, PLACE_UNSAID, ""):
                value = "municipality"
            if value not in allowed:
                return False
        return True


@dataclass(frozen=True)
class Desk:
    slug: str
    name: str
    is_national: bool
    roles: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()  # municipality slugs its own area covers (not "the whole country")
    reachable: bool = False  # has a published phone, e-mail, chat, web form or website


@dataclass
class DirectorySnapshot:
    """The published organisations as far as routing needs them, indexed by role and place."""

    desks: dict[str, Desk] = field(default_factory=dict)
    _by_role_place: dict[tuple[str, str], list[Desk]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for desk in sorted(self.desks.values(), key=lambda d: d.name):
            for role in desk.roles:
                for place in desk.places:
                    self._by_role_place.setdefault((role, place), []).append(desk)

    def regional(self, role: str, place: str) -> list[Desk]:
        """The desks with this role whose own area covers the place (Fier for Fryslân)."""
        return self._by_role_place.get((role, place), [])


@dataclass(frozen=True)
class Recommendation:
    desk: Desk
    rule: Rule


NATIONAL_FALLBACKS = ("meld-misdaad-anoniem-m", "nationale-politie")
HELP_FALLBACKS = ("coordinatiecentrum-tegen-mensenhandel-comensha", *NATIONAL_FALLBACKS)
ALL_FALLBACKS = frozenset(HELP_FALLBACKS)
FIRST_DESKS = 3  # among these, at least one the person can actually contact


def route(answers: Answers, rules: list[Rule], directory: DirectorySnapshot) -> list[Recommendation]:
    """Desks for these answers, best first, each once.

    No dead ends: among the first three there is always a desk the person can contact, and the
    list always includes a national desk.
    """
    recommendations: list[Recommendation] = []
    seen: set[str] = set()
    place = answers.get(PLACE, "")
    for rule in sorted(rules, key=lambda r: (r.priority, r.key)):
        if not rule.applies_to(answers):
            continue
        if rule.organisation:
            candidates = [directory.desks[rule.organisation]] if rule.organisation in directory.desks else []
        elif rule.role and place not in ("", PLACE_ABROAD, PLACE_UNSAID):
            candidates = directory.regional(rule.role, place)
        else:
            candidates = []
        for desk in candidates:
            if desk.slug not in seen:
                seen.add(desk.slug)
                recommendations.append(Recommendation(desk, rule))
    return with_reachable_desk(recommendations, answers, directory)


def has_reachable_first(recommendations: list[Recommendation]) -> bool:
    return any(r.desk.reachable for r in recommendations[:FIRST_DESKS])


def with_reachable_desk(
    recommendations: list[Recommendation], answers: Answers, directory: DirectorySnapshot
) -> list[Recommendation]:
    """Bring a reachable desk into the first three: a later recommendation if there is one, else
    the national fallback (CoMensha's helpdesk for help and shelter, else M. or the police)."""
    fallback = Rule(key="national-fallback", priority=1000, conditions={})
    order = HELP_FALLBACKS if answers.get(NEED) in ("hulp", "opvang", "info") else NATIONAL_FALLBACKS
    chosen = [r.desk.slug for r in recommendations]
    fallbacks = [directory.desks[slug] for slug in order if slug in directory.desks and slug not in chosen]
    if not has_reachable_first(recommendations):
        later = next((r for r in recommendations[FIRST_DESKS:] if r.desk.reachable), None)
        reachable = next((desk for desk in fallbacks if desk.reachable), None)
        if later is not None:
            recommendations.remove(later)
            recommendations.insert(FIRST_DESKS - 1, later)
        elif reachable is not None:
            recommendations.insert(min(FIRST_DESKS - 1, len(recommendations)), Recommendation(reachable, fallback))
            fallbacks.remove(reachable)
    if not any(r.desk.is_national for r in recommendations) and fallbacks:
        best = next((desk for desk in fallbacks if desk.reachable), fallbacks[0])
        recommendations.append(Recommendation(best, fallback))
    return recommendations


def rights(answers: Answers) -> list[str]:
    """Which of a person's rights to show (codes; the wording is in the result template)."""
    shown: list[str] = []
    if answers.get(WHO) == "self" or answers.get(NEED) in ("hulp", "opvang"):
        shown.append("help_without_report")
    if answers.get(NEED) in ("hulp", "opvang"):
        shown.append("help_regardless_of_status")
    if answers.get(FORM) in ("crime", "unknown"):
        shown.append("non_punishment")
    if answers.get(NEED) == "opvang" or (answers.get(WHO) == "self" and answers.get(FORM) == "work"):
        shown.append("reflection_period")
    if answers.get(MINOR) == "yes":
        shown.append("minors")
    return shown
