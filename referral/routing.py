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
    places: frozenset[str] = frozenset()  # municipality slugs served (empty for national desks)


@dataclass
class DirectorySnapshot:
    """The published organisations as far as routing needs them."""

    desks: dict[str, Desk] = field(default_factory=dict)

    def regional(self, role: str, place: str) -> list[Desk]:
        return sorted(
            (d for d in self.desks.values() if not d.is_national and role in d.roles and place in d.places),
            key=lambda desk: desk.name,
        )


@dataclass(frozen=True)
class Recommendation:
    desk: Desk
    rule: Rule


NATIONAL_FALLBACKS = ("meld-misdaad-anoniem-m", "nationale-politie")


def route(answers: Answers, rules: list[Rule], directory: DirectorySnapshot) -> list[Recommendation]:
    """Desks for these answers, best first, each once; always ending with a national desk."""
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
    if not any(r.desk.is_national for r in recommendations):
        for slug in NATIONAL_FALLBACKS:
            if slug in directory.desks:
                fallback = Rule(key="national-fallback", priority=1000, conditions={})
                recommendations.append(Recommendation(directory.desks[slug], fallback))
                break
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
