"""The referral wizard's flow: which questions exist, which answers are valid, what comes next.

Routing only. The wording of questions and answers lives in templates
(referral/templates/referral/questions/<node>.html); the choice of desks lives in routing.py.
"""

from __future__ import annotations

from dataclasses import dataclass

DANGER = "danger"
WHO = "who"
NEED = "need"
ANONYMOUS = "anonymous"
FORM = "form"
MINOR = "minor"
PLACE = "place"
SECTOR = "sector"
CHECK = "check"
RESULT = "result"

PLACE_ABROAD = "buitenland"
PLACE_UNSAID = "zeg-ik-liever-niet"


@dataclass(frozen=True)
class Question:
    node: str
    choices: tuple[str, ...]  # empty: free choice checked elsewhere (the municipality)


QUESTIONS: dict[str, Question] = {
    DANGER: Question(DANGER, ("yes", "no")),
    WHO: Question(WHO, ("self", "other", "professional")),
    NEED: Question(NEED, ("aangifte", "melden", "hulp", "opvang", "info")),
    ANONYMOUS: Question(ANONYMOUS, ("yes", "no")),
    FORM: Question(FORM, ("work", "sex", "crime", "organs", "unknown")),
    MINOR: Question(MINOR, ("yes", "no", "unknown")),
    PLACE: Question(PLACE, ()),
    SECTOR: Question(SECTOR, ("care", "education", "youth", "municipality", "police", "other")),
}
ORDER = [DANGER, WHO, NEED, ANONYMOUS, FORM, MINOR, PLACE, SECTOR]

Answers = dict[str, str]


def is_relevant(node: str, answers: Answers) -> bool:
    """Only questions that matter for the route are asked."""
    if node == ANONYMOUS:
        return answers.get(NEED) == "melden"
    if node == SECTOR:
        return answers.get(WHO) == "professional"
    return True


def relevant_answers(answers: Answers) -> Answers:
    return {node: answers[node] for node in ORDER if node in answers and is_relevant(node, answers)}


def next_node(answers: Answers) -> str:
    """The first relevant question not answered yet, else the check-your-answers page."""
    for node in ORDER:
        if is_relevant(node, answers) and node not in answers:
            return node
    return CHECK


def previous_node(node: str, answers: Answers) -> str | None:
    """The relevant question before `node` (for the back link)."""
    if node == CHECK:
        asked = [n for n in ORDER if is_relevant(n, answers)]
        return asked[-1] if asked else None
    before = ORDER[: ORDER.index(node)] if node in ORDER else []
    for candidate in reversed(before):
        if is_relevant(candidate, answers):
            return candidate
    return None


def is_valid_answer(node: str, value: str, known_places: set[str]) -> bool:
    if node == PLACE:
        return value in known_places or value in {PLACE_ABROAD, PLACE_UNSAID}
    question = QUESTIONS.get(node)
    return question is not None and value in question.choices


def read_answers(data: dict[str, str], known_places: set[str]) -> tuple[Answers, str | None]:
    """Read the answers carried in a form; return them and the first question that was forged.

    Answers are checked one by one in question order; anything after a bad answer is dropped, so
    the person is sent back to that question.
    """
    answers: Answers = {}
    for node in ORDER:
        value = data.get(f"a_{node}")
        if value is None or value == "":
            continue
        if not is_valid_answer(node, value, known_places):
            return answers, node
        answers[node] = value
    return relevant_answers(answers), None


def progress(node: str, answers: Answers) -> tuple[int, int]:
    """Where the person is: (number of this question, number of questions asked with these answers)."""
    asked = [n for n in ORDER if is_relevant(n, answers)]
    if node not in asked:
        return 0, len(asked)
    return asked.index(node) + 1, len(asked)
