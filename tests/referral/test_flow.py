"""The wizard's flow: which question comes next, and which answers are accepted."""

from __future__ import annotations

from referral import flow

PLACES = {"rotterdam", "westland"}


class NextQuestionTestCase:
    def test_the_first_question_is_always_about_danger(self):
        assert flow.next_node({}) == flow.DANGER
        assert flow.next_node({"who": "self"}) == flow.DANGER

    def test_anonymity_is_asked_only_for_passing_on_a_signal(self):
        answers = {"danger": "no", "who": "other", "need": "melden"}
        assert flow.next_node(answers) == flow.ANONYMOUS
        assert flow.next_node({"danger": "no", "who": "other", "need": "hulp"}) == flow.FORM

    def test_the_sector_is_asked_only_of_professionals(self):
        base = {"danger": "no", "need": "hulp", "form": "work", "minor": "no", "place": "westland"}
        assert flow.next_node({**base, "who": "professional"}) == flow.SECTOR
        assert flow.next_node({**base, "who": "self"}) == flow.CHECK

    def test_every_question_is_reachable(self):
        reached = set()
        for who in flow.QUESTIONS[flow.WHO].choices:
            for need in flow.QUESTIONS[flow.NEED].choices:
                answers: dict[str, str] = {}
                while (node := flow.next_node(answers)) != flow.CHECK:
                    reached.add(node)
                    answers[node] = {flow.WHO: who, flow.NEED: need, flow.PLACE: "westland"}.get(
                        node, flow.QUESTIONS[node].choices[0] if flow.QUESTIONS[node].choices else ""
                    )
        assert reached == set(flow.QUESTIONS)

    def test_back_skips_questions_that_were_not_asked(self):
        answers = {"danger": "no", "who": "self", "need": "hulp"}
        assert flow.previous_node(flow.FORM, answers) == flow.NEED
        answers_melden = {"danger": "no", "who": "self", "need": "melden", "anonymous": "yes"}
        assert flow.previous_node(flow.FORM, answers_melden) == flow.ANONYMOUS
        assert flow.previous_node(flow.DANGER, {}) is None


class ReadingAnswersTestCase:
    def test_valid_answers_are_read_and_irrelevant_ones_dropped(self):
        answers, forged = flow.read_answers(
            {"a_danger": "no", "a_who": "self", "a_need": "hulp", "a_sector": "care"}, PLACES
        )
        assert forged is None
        assert answers == {"danger": "no", "who": "self", "need": "hulp"}

    def test_a_forged_answer_sends_the_person_back_to_that_question(self):
        answers, forged = flow.read_answers({"a_danger": "no", "a_who": "hacker", "a_need": "hulp"}, PLACES)
        assert forged == flow.WHO
        assert answers == {"danger": "no"}

    def test_an_unknown_municipality_is_forged(self):
        _answers, forged = flow.read_answers({"a_place": "atlantis"}, PLACES)
        assert forged == flow.PLACE
