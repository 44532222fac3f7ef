"""The referral wizard (verwijswijzer) and the meldroute pages.

Answers travel only in POST bodies, as hidden fields, from step to step: never in the address,
never in a cookie, never stored. Every response says `Cache-Control: no-store`.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from directory.models import Municipality
from directory.places import PlaceAnswer, municipality_datalist, resolve
from portal.client_address import client_address
from portal.forms_security import same_origin_post
from portal.i18n import direction
from portal.input import readable
from portal.page_cache import one_generation
from referral import flow
from referral.cards import desk_cards
from referral.meldroute import meldroute as build_meldroute
from referral.meldroute import route_html
from referral.routing import rights, route
from referral.services import count_recommendations, current_rules, routing_facts


def _place_options(answer: PlaceAnswer) -> tuple[str, list[tuple[str, str]]]:
    """What to ask when a typed place is not clear: which of its municipalities ("postcode",
    "ambiguous") or which similar name ("suggestion"); the template words the question."""
    if answer.is_ambiguous or (answer.postcode and answer.municipalities):
        options = [
            (m.slug, _("%(municipality)s (%(province)s)") % {"municipality": m.name, "province": m.province.name})
            for m in answer.municipalities
        ]
        return ("postcode" if answer.postcode else "ambiguous"), options
    if answer.suggestions:
        options = [
            (
                place.municipality.slug,
                place.name
                if place.name == place.municipality.name
                else _("%(place)s (municipality %(municipality)s)")
                % {"place": place.name, "municipality": place.municipality.name},
            )
            for place in answer.suggestions
        ]
        return "suggestion", options
    return "", []


def _hidden_inputs(pairs, after: str = "") -> SafeString:
    return format_html_join("", '<input type="hidden" name="a_{}" value="{}">' + after, pairs)


def _render(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    """A wizard page. The answers it carries as hidden fields are written out once here, not by a
    template loop in each of the eight forms that carry them (one per language, back, go on):
    a third of a result's rendering (issue 15)."""
    context["answer_inputs"] = _hidden_inputs(context["answers"].items())
    context["hidden_inputs"] = _hidden_inputs(context["hidden_answers"], "\n")
    return render(request, template, context, status=status)


def _question(request, node: str, answers: flow.Answers, *, error: str = "", status: int = 200, value=None, place=None):
    context = {
        "node": node,
        "answers": answers,
        "hidden_answers": [(key, answers[key]) for key in flow.ORDER if key in answers and key != node],
        "current": answers.get(node, "") if value is None else value,
        "previous": flow.previous_node(node, answers),
        "error": error,
        "choices": flow.QUESTIONS[node].choices,
        "progress": flow.progress(node, answers),
        "switch_action": f"show:{node}",
    }
    if node == flow.PLACE:
        current = context["current"]
        municipalities = routing_facts().municipalities
        municipality = municipalities.get(current) if current else None
        context["place_kind"] = (
            current if current in (flow.PLACE_ABROAD, flow.PLACE_UNSAID) else ("municipality" if current else "")
        )
        context["place_name"] = municipality.name if municipality else (value if isinstance(value, str) else "")
        if value is not None and not municipality and value not in (flow.PLACE_ABROAD, flow.PLACE_UNSAID):
            context["place_kind"] = "municipality"
        context["municipality_datalist"] = municipality_datalist()
        if place is not None:
            context["place_options_kind"], context["place_options"] = _place_options(place)
            context["place_postcode"], context["place_typed"] = place.postcode, place.typed.strip()
        if error and context["place_kind"] == "municipality":
            # The problem is in the typed name: the error belongs to (and links to) the text field.
            context["error_field"] = "place-name"
    return _render(request, f"referral/questions/{node}.html", context, status=status)


def _check(request, answers: flow.Answers) -> HttpResponse:
    municipality = routing_facts().municipalities.get(answers.get(flow.PLACE, ""))
    rows = [(node, answers[node]) for node in flow.ORDER if node in answers]
    return _render(
        request,
        "referral/check.html",
        {
            "rows": rows,
            "answers": answers,
            "hidden_answers": [(key, answers[key]) for key in flow.ORDER if key in answers],
            "municipality": municipality,
            "previous": flow.previous_node(flow.CHECK, answers),
            "switch_action": "continue",
        },
    )


def _result(request, answers: flow.Answers) -> HttpResponse:
    place = answers.get(flow.PLACE, "")
    facts = routing_facts()
    recommendations = route(answers, current_rules(), facts.directory)
    ids = [facts.organisation_ids[r.desk.slug] for r in recommendations if r.desk.slug in facts.organisation_ids]
    cards = {card.slug: card for card in desk_cards(ids)}
    items = [
        {
            "card": cards[r.desk.slug],
            "explanation": r.rule.explanation,
            "explanation_lang": r.rule.explanation_lang,
            "explanation_dir": direction(r.rule.explanation_lang),
        }
        for r in recommendations
        if r.desk.slug in cards
    ]
    municipality = facts.municipalities.get(place)
    count_recommendations(recommendations, answers, client=client_address(request), facts=facts)
    context = {
        "items": items,
        "answers": answers,
        "rights": rights(answers),
        "municipality": municipality,
        "meldroute": build_meldroute(municipality, remember=False)
        if municipality and answers.get(flow.WHO) == "professional"
        else [],
        "hidden_answers": [(key, answers[key]) for key in flow.ORDER if key in answers],
        "switch_action": "result",
    }
    return _render(request, "referral/result.html", context)


def _next_page(request, answers: flow.Answers) -> HttpResponse:
    """The first question still open, or the check-your-answers page when all are answered."""
    node = flow.next_node(answers)
    return _check(request, answers) if node == flow.CHECK else _question(request, node, answers)


def _danger(request, answers: flow.Answers) -> HttpResponse:
    context = {"answers": answers, "hidden_answers": list(answers.items()), "switch_action": "danger"}
    return _render(request, "referral/danger.html", context)


def _read_place(request: HttpRequest) -> tuple[str | None, str, str, PlaceAnswer | None]:
    """The place answer: a municipality's slug, abroad or rather-not-say.

    Returns (value, typed, error, what the typed place can mean). A place in several
    municipalities, a postcode or a misspelling is answered with a choice of municipalities,
    sent back as `place_choice`.
    """
    kind = request.POST.get("place_kind", "")
    typed = readable(request.POST.get("place_name", "")[:100])
    if kind in (flow.PLACE_ABROAD, flow.PLACE_UNSAID):
        return kind, typed, "", None
    choice = readable(request.POST.get("place_choice", "")[:100])
    if choice:
        if choice in routing_facts().municipalities:
            return choice, typed, "", None
        return None, typed, _("Choose one of the answers."), None
    if kind == "municipality" or typed.strip():
        if not typed.strip():
            return None, typed, _("Type the name of your town, village or municipality."), None
        answer = resolve(typed)
        if answer.municipality and not answer.postcode:
            return answer.municipality.slug, typed, "", None
        if answer.municipalities:
            return None, typed, "", answer
        return None, typed, _("We do not know a place with that name. Check the spelling."), answer
    return None, typed, _("Choose where it happens."), None


@never_cache
@same_origin_post
@require_http_methods(["GET", "HEAD", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "referral/start.html")
    # A step changes no content (its only write is the anonymous tally): one generation read.
    with one_generation():
        return _step(request)


def _step(request: HttpRequest) -> HttpResponse:
    known_places = routing_facts().places
    answers, forged = flow.read_answers(request.POST, known_places)
    if forged:
        return _question(
            request,
            forged,
            answers,
            status=400,
            error=_("Something went wrong with this answer. Please answer this question again."),
        )

    action = request.POST.get("action", "answer")
    if action.startswith("show:"):
        node = action.removeprefix("show:")
        if node in flow.QUESTIONS and flow.is_relevant(node, answers):
            return _question(request, node, answers)
        return _next_page(request, answers)
    if action == "result":
        if flow.next_node(answers) != flow.CHECK:
            return _question(
                request,
                flow.next_node(answers),
                answers,
                status=400,
                error=_("Please answer this question first."),
            )
        return _result(request, answers)
    if action == "danger" and answers.get(flow.DANGER) == "yes":
        # The "call 112" page again, in the language just chosen.
        return _danger(request, answers)
    if action == "continue":
        return _next_page(request, answers)

    step = request.POST.get("step", "")
    if step == "entry":
        who = request.POST.get("who", "")
        if who in flow.QUESTIONS[flow.WHO].choices:
            answers[flow.WHO] = who
        return _next_page(request, answers)
    if step == "start" or step not in flow.QUESTIONS:
        return _next_page(request, answers)

    if step == flow.PLACE:
        value, typed, error, place = _read_place(request)
        if value is None:
            status = 400 if error else 200
            return _question(request, step, answers, error=error, status=status, value=typed, place=place)
    else:
        value = request.POST.get("answer", "")
        if not flow.is_valid_answer(step, value, known_places):
            return _question(request, step, answers, error=_("Choose one of the answers."), status=400)
    answers[step] = value
    answers = flow.relevant_answers(answers)

    if step == flow.DANGER and value == "yes":
        return _danger(request, answers)
    return _next_page(request, answers)


@require_safe
def meldroute_index(request: HttpRequest) -> HttpResponse:
    """Choose a municipality (GET form: a municipality is not a personal answer).

    A place is resolved as in the wizard (directory.places.resolve): a clear place goes straight
    to its municipality's route; a place in several municipalities, a postcode or a misspelling
    is answered with the same choice as in the wizard, here as links to the routes.
    """
    typed = request.GET.get("gemeente", "")[:100]
    error, options_kind, options, answer = "", "", [], None
    if typed.strip():
        answer = resolve(typed)
        municipality = (answer.municipality if not answer.postcode else None) or Municipality.objects.filter(
            slug=typed
        ).first()
        if municipality:
            return HttpResponseRedirect(municipality_url(municipality))
        options_kind, choices = _place_options(answer)
        options = [(reverse("referral-meldroute", args=[slug]), label) for slug, label in choices]
        if not answer.municipalities:
            error = _("We do not know a place with that name. Check the spelling.")
    return render(
        request,
        "referral/meldroute_index.html",
        {
            "typed": typed,
            "error": error,
            "municipality_datalist": municipality_datalist(),
            "place_options_kind": options_kind,
            "place_options": options,
            "place_postcode": answer.postcode if answer else "",
            "place_typed": typed.strip(),
        },
        status=400 if error else 200,
    )


def municipality_url(municipality: Municipality) -> str:
    return reverse("referral-meldroute", args=[municipality.slug])


@require_safe
def meldroute(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = get_object_or_404(
        Municipality.objects.select_related("province", "safety_region__police_unit"), Q(slug=slug)
    )
    return render(
        request,
        "referral/meldroute.html",
        {"municipality": municipality, "route_html": route_html(municipality)},
    )
