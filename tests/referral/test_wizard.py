"""The wizard over HTTP: one question per page, answers only in POST bodies, never stored."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client

from referral.models import RecommendationTally

pytestmark = pytest.mark.django_db
URL = "/nl/verwijswijzer/"


def post(client: Client, data: dict, **headers):
    return client.post(URL, data, **headers)


def carried(response) -> dict[str, str]:
    """The answers a page carries forward in its hidden fields."""
    import re

    html = response.content.decode()
    return dict(re.findall(r'<input type="hidden" name="(a_\w+)" value="([^"]*)">', html))


def forms(html: str, css_class: str) -> list[tuple[str, dict[str, str]]]:
    """Each form of that class: its action and the fields it sends (hidden fields and its button)."""
    import re

    found = []
    for action, body in re.findall(
        rf'<form method="post" action="([^"]+)" class="{css_class}"[^>]*>(.*?)</form>', html, re.S
    ):
        fields = dict(re.findall(r'<input type="hidden" name="(a_\w+)" value="([^"]*)">', body))
        fields.update(re.findall(r'<button type="submit"[^>]* name="(action)" value="([^"]*)"', body))
        found.append((action, fields))
    return found


def answer(client: Client, response, step: str, value: str, **extra) -> object:
    data = {**carried(response), "step": step, **extra}
    if step != "place":
        data["answer"] = value
    return post(client, data)


def walk(client: Client, answers: list[tuple[str, str]], **place) -> object:
    response = post(client, {"step": "start"})
    for step, value in answers:
        if step == "place":
            response = answer(client, response, "place", "", **place)
        else:
            response = answer(client, response, step, value)
        assert response.status_code == 200, (step, response.content.decode()[:500])
    return response


class WizardFlowTestCase:
    def test_the_start_page_explains_privacy_and_starts_with_a_post(self, client):
        html = client.get(URL).content.decode()
        assert 'method="post"' in html
        assert "112" in html

    def test_it_asks_one_question_per_page_starting_with_danger(self, client):
        response = post(client, {"step": "start"})
        assert response.templates[0].name == "referral/questions/danger.html"
        assert response.content.decode().count('type="radio"') == 2

    def test_danger_shows_112_at_once_with_a_way_to_go_on(self, client):
        response = post(client, {"step": "start"})
        response = answer(client, response, "danger", "yes")
        html = response.content.decode()
        assert 'href="tel:112"' in html
        assert 'value="continue"' in html
        response = post(client, {**carried(response), "action": "continue"})
        assert response.templates[0].name == "referral/questions/who.html"

    def test_the_whole_route_for_a_worried_citizen_in_westland(self, client):
        response = walk(
            client,
            [("danger", "no"), ("who", "other"), ("need", "melden"), ("anonymous", "yes"), ("form", "work"),
             ("minor", "no"), ("place", "")],
            place_kind="municipality", place_name="Westland",
        )  # fmt: skip
        assert response.templates[0].name == "referral/check.html"
        html = response.content.decode()
        assert "Westland" in html and html.count('class="link-button" name="action" value="show:') == 7
        result = post(client, {**carried(response), "action": "result"})
        html = result.content.decode()
        assert result.status_code == 200
        assert html.index("Meld Misdaad Anoniem") < html.index("Nederlandse Arbeidsinspectie")
        assert 'href="tel:08007000"' in html

    def test_a_professional_gets_the_regional_meldroute(self, client):
        response = walk(
            client,
            [("danger", "no"), ("who", "professional"), ("need", "melden"), ("anonymous", "no"), ("form", "unknown"),
             ("minor", "yes"), ("place", ""), ("sector", "education")],
            place_kind="municipality", place_name="enschede",
        )  # fmt: skip
        html = post(client, {**carried(response), "action": "result"}).content.decode()
        assert "meldroute" in html.lower()
        assert "Zorg- en Veiligheidshuis Twente" in html
        assert "RIEC Oost-Nederland" in html
        assert "meldcode" in html.lower()

    def test_the_home_page_choice_enters_the_wizard_with_who_answered(self, client):
        response = post(client, {"step": "entry", "who": "self"})
        assert response.templates[0].name == "referral/questions/danger.html"
        assert carried(response) == {"a_who": "self"}

    def test_change_links_reopen_a_question_with_the_answer_kept(self, client):
        response = walk(
            client,
            [("danger", "no"), ("who", "self"), ("need", "hulp"), ("form", "sex"), ("minor", "no"), ("place", "")],
            place_kind="zeg-ik-liever-niet",
        )
        reopened = post(client, {**carried(response), "action": "show:need"})
        html = reopened.content.decode()
        assert 'value="hulp" checked' in html
        changed = answer(client, reopened, "need", "melden")
        assert changed.templates[0].name == "referral/questions/anonymous.html"

    def test_back_goes_to_the_previous_question_with_answers_kept(self, client):
        response = walk(client, [("danger", "no"), ("who", "self")])
        html = response.content.decode()
        assert 'value="show:who"' in html
        back = post(client, {**carried(response), "action": "show:who"})
        assert 'value="self" checked' in back.content.decode()


class WizardPrivacyTestCase:
    def test_no_cookie_no_cache_and_the_address_never_changes(self, client):
        response = walk(client, [("danger", "no"), ("who", "self"), ("need", "hulp")])
        assert not response.cookies
        assert "no-store" in response["Cache-Control"]
        assert 'action="/nl/verwijswijzer/"' in response.content.decode()
        assert "?" not in response.content.decode().split('action="')[1].split('"')[0]

    def test_only_anonymous_counts_are_kept(self, client):
        response = walk(
            client,
            [("danger", "no"), ("who", "self"), ("need", "hulp"), ("form", "work"), ("minor", "no"), ("place", "")],
            place_kind="municipality", place_name="Rotterdam",
        )  # fmt: skip
        post(client, {**carried(response), "action": "result"})
        tallies = list(RecommendationTally.objects.select_related("form", "province"))
        assert tallies and all(t.count == 1 for t in tallies)
        assert {t.form.code for t in tallies} == {"labour"}
        assert {t.province.name for t in tallies} == {"Zuid-Holland"}
        field_names = {f.name for f in RecommendationTally._meta.get_fields()}
        assert field_names == {"id", "day", "organisation", "form", "province", "count"}

    def test_posts_from_another_site_are_refused(self, client):
        response = client.post(URL, {"step": "start"}, headers={"Origin": "https://evil.example"})
        assert response.status_code == 403
        response = client.post(URL, {"step": "start"}, headers={"Sec-Fetch-Site": "cross-site"})
        assert response.status_code == 403


class WizardBadInputTestCase:
    def test_a_missing_answer_asks_again_with_an_error_summary(self, client):
        response = post(client, {"step": "danger"})
        assert response.status_code == 400
        html = response.content.decode()
        assert 'class="error-summary"' in html and 'href="#answer-yes"' in html

    def test_a_forged_answer_goes_back_to_that_question(self, client):
        response = post(client, {"a_danger": "no", "a_who": "<script>", "step": "need", "answer": "hulp"})
        assert response.status_code == 400
        assert response.templates[0].name == "referral/questions/who.html"
        assert "<script>" not in response.content.decode()

    def test_an_unknown_municipality_asks_again_and_keeps_what_was_typed(self, client):
        response = walk(client, [("danger", "no"), ("who", "self"), ("need", "hulp"), ("form", "sex"), ("minor", "no")])
        response = answer(client, response, "place", "", place_kind="municipality", place_name="Atlantis")
        assert response.status_code == 400
        assert 'value="Atlantis"' in response.content.decode()

    def test_a_truncated_form_asks_the_first_missing_question(self, client):
        response = post(client, {"a_danger": "no", "a_need": "hulp", "action": "result"})
        assert response.status_code == 400
        assert response.templates[0].name == "referral/questions/who.html"

    def test_a_replayed_result_form_still_works(self, client):
        data = {"a_danger": "no", "a_who": "self", "a_need": "aangifte", "a_form": "work", "a_minor": "no",
                "a_place": "zeg-ik-liever-niet", "action": "result"}  # fmt: skip
        first = post(client, data)
        second = post(client, data)
        assert first.status_code == second.status_code == 200

    @pytest.mark.parametrize(
        "data",
        [
            {"step": "nonsense"},
            {"action": "show:nonsense"},
            {"step": "place", "place_kind": "mars"},
            {"a_place": "x" * 5000, "step": "danger", "answer": "no"},
            {"step": "who", "answer": ["self", "other"]},
        ],
    )
    def test_it_never_breaks(self, client, data):
        assert post(client, data).status_code in (200, 400)


class MeldroutePageTestCase:
    def test_it_shows_the_regional_route_of_a_municipality(self, client):
        response = client.get("/nl/meldroute/westland/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Haaglanden" in html and "Den Haag" in html
        assert "Zorg- en Veiligheidshuis Haaglanden" in html
        assert "RIEC Den Haag" in html
        assert "Gemeente Westland" in html
        assert 'href="/nl/organisaties/veilig-thuis/"' in html and 'href="tel:08002000"' in html  # national line

    def test_an_unknown_municipality_is_a_404(self, client):
        assert client.get("/nl/meldroute/atlantis/").status_code == 404

    def test_the_index_finds_a_municipality_by_common_name(self, client):
        response = client.get("/nl/meldroute/?gemeente=Den+Haag")
        assert response.status_code == 302 and response["Location"] == "/nl/meldroute/s-gravenhage/"
        assert client.get("/nl/meldroute/?gemeente=Atlantis").status_code == 400


class CoverageTestCase:
    def test_every_combination_of_answers_leads_to_a_national_desk(self, capsys):
        call_command("check_routes")
        out = capsys.readouterr().out
        assert "Every combination leads to a reachable desk among the first three and a national desk." in out

    def test_a_rule_pointing_to_an_unpublished_organisation_is_reported(self):
        from django.core.management.base import CommandError

        from directory.models import Organisation

        Organisation.objects.filter(slug="fairwork").update(published=False)
        with pytest.raises(CommandError):
            call_command("check_routes")


class WhereAmIAndLanguageTestCase:
    def test_each_question_says_its_number_and_links_its_hint(self, client):
        response = post(client, {"step": "start"})
        assert "Vraag 1 van 6" in response.content.decode()
        response = answer(client, response, "danger", "no")
        response = answer(client, response, "who", "professional")
        html = response.content.decode()
        assert "Vraag 3 van 7" in html, "a professional gets one question more (their field of work)"
        assert 'aria-describedby="question-hint"' in html
        assert 'id="question-hint">Kies wat het best past.' in html

    def test_on_a_wizard_step_the_language_choice_posts_the_answers_to_the_same_step(self, client):
        response = walk(client, [("danger", "no"), ("who", "other")])
        html = response.content.decode()
        assert '<form method="post" action="/ar/verwijswijzer/" class="language-form"' in html
        assert 'href="/ar/verwijswijzer/"' not in html
        switched = client.post("/ar/verwijswijzer/", {"a_danger": "no", "a_who": "other", "action": "show:need"})
        assert switched.status_code == 200
        assert switched.templates[0].name == "referral/questions/need.html"
        assert '<html lang="ar" dir="rtl">' in switched.content.decode()
        assert carried(switched) == {"a_danger": "no", "a_who": "other"}

    def test_every_language_form_and_the_back_form_carry_every_answer(self, client):
        """The forms' own fields, as a browser sends them: each of the seven language forms on a
        result page carries all answers to the same result in that language, and a question's
        back form carries them to the previous question."""
        answers = {"a_danger": "no", "a_who": "self", "a_need": "hulp", "a_form": "work", "a_minor": "no",
                   "a_place": "westland"}  # fmt: skip
        html = post(client, {**answers, "action": "result"}).content.decode()
        language_forms = forms(html, "language-form")
        assert len(language_forms) == 7
        for action, fields in language_forms:
            assert fields == {**answers, "action": "result"}, action
        arabic = client.post("/ar/verwijswijzer/", dict(language_forms)["/ar/verwijswijzer/"])
        assert (
            '<html lang="ar"' in arabic.content.decode() and 'class="result-list route-card"' in arabic.content.decode()
        )
        question = post(client, {**answers, "action": "show:place"}).content.decode()
        ((_action, back),) = forms(question, "back-form")
        assert back == {**answers, "action": "show:minor"}
        assert post(client, back).templates[0].name == "referral/questions/minor.html"

    def test_the_call_112_page_stays_in_the_new_language(self, client):
        response = client.post("/en/verwijswijzer/", {"a_danger": "yes", "action": "danger"})
        assert response.templates[0].name == "referral/danger.html"
        assert "Call 112 now" in response.content.decode()
