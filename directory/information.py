"""What happens with your information when you contact a desk: the card on its page and in the
wizard result. Defaults per kind of desk (data editors can change), overridable per desk.

Only facts from the project's sources are filled in; everything else stays "not known".
"""

from __future__ import annotations

from dataclasses import dataclass

from directory.models import Answer, InformationPractice, Organisation

QUESTIONS = ("is_police", "anonymous", "passes_on", "free", "papers_needed")

Y, N = Answer.YES, Answer.NO
# code: (name nl, name en), answers, passes_on_note (nl, en), note (nl, en), source
PRACTICES = [
    ("police", ("Politie", "Police"), {"is_police": Y},
     ("Het is de politie zelf. Aangifte doen is geen voorwaarde om hulp te krijgen.",
      "It is the police itself. Filing a report is not a condition for getting help."),
     ("Anoniem melden kan bij Meld Misdaad Anoniem: 0800-7000.",
      "To report anonymously, call Meld Misdaad Anoniem: 0800-7000."),
     "Domeinnotities (seed 001 B.3.1, seed 003)"),
    ("labour_inspectorate", ("Nederlandse Arbeidsinspectie", "Netherlands Labour Authority"),
     {"is_police": Y, "anonymous": Y, "free": Y},
     ("Een melding kan leiden tot een strafrechtelijk onderzoek door de eigen opsporingsdienst.",
      "A report can lead to a criminal investigation by its own investigation service."),
     ("", ""),
     "Seed 001 B.3.1; nlarbeidsinspectie.nl (melden, ook anoniem); 0800-nummer"),
    ("anonymous_reporting", ("Meld Misdaad Anoniem", "Meld Misdaad Anoniem (report crime anonymously)"),
     {"is_police": N, "anonymous": Y, "passes_on": Y, "free": Y, "papers_needed": N},
     ("M. geeft je melding door aan de politie of een andere instantie, zonder jouw gegevens.",
      "M. passes your report on to the police or another authority, without your details."),
     ("Je hoeft je naam niet te zeggen.", "You do not have to give your name."),
     "politie.nl/themas/meld-misdaad-anoniem (gratis, anoniem)"),
    ("care_coordinator", ("Zorgcoördinator mensenhandel", "Care coordinator for trafficking victims"),
     {"is_police": N, "papers_needed": N},
     ("", ""),
     ("Hulp hangt niet af van je verblijfsstatus. Aangifte doen is geen voorwaarde.",
      "Help does not depend on your residence status. Filing a report is not a condition."),
     "Domeinnotities, rechten van slachtoffers (seed 003)"),
    ("veilig_thuis", ("Veilig Thuis", "Veilig Thuis (domestic violence and child abuse)"),
     {"is_police": N, "anonymous": Y, "free": Y},
     ("", ""),
     ("Via de chat kun je anoniem advies vragen.", "You can ask for advice anonymously in the chat."),
     "veiligthuisgv.nl (chat volledig anoniem); 0800-2000 gratis (domeinnotities)"),
    ("victim_support", ("Slachtofferhulp Nederland", "Victim Support Netherlands"), {"is_police": N},
     ("", ""), ("", ""), "Domeinnotities"),
    ("child_helpline", ("De Kindertelefoon", "De Kindertelefoon (child helpline)"),
     {"is_police": N, "anonymous": Y, "free": Y},
     ("", ""), ("", ""), "vriendenkindertelefoon.nl (gratis, anoniem)"),
    ("support_organisation", ("Hulporganisatie", "Support organisation"),
     {"is_police": N, "papers_needed": N},
     ("", ""),
     ("Hulp hangt niet af van je verblijfsstatus.", "Help does not depend on your residence status."),
     "Domeinnotities, rechten van slachtoffers (seed 003)"),
    ("investigation_chain", ("Kenniscentrum van de opsporingsketen", "Knowledge centre of the investigation chain"),
     {"is_police": Y},
     ("", ""),
     ("Dit is geen meldpunt voor het publiek.", "This is not a reporting point for the public."),
     "emm-online.nl (samenwerking politie, KMar, Arbeidsinspectie, IND)"),
    ("municipality", ("Gemeente", "Municipality"), {"is_police": N}, ("", ""), ("", ""), "Seed 001 B.3.1"),
]  # fmt: skip

# Which kind of desk an organisation is: by its slug first, else by its chain roles (in this order).
BY_SLUG = {
    "nationale-politie": "police",
    "nederlandse-arbeidsinspectie-szw": "labour_inspectorate",
    "meld-misdaad-anoniem-m": "anonymous_reporting",
    "veilig-thuis": "veilig_thuis",
    "slachtofferhulp-nederland": "victim_support",
    "de-kindertelefoon": "child_helpline",
    "expertisecentrum-mensenhandel-en-mensensmokkel-emm": "investigation_chain",
    "coordinatiecentrum-tegen-mensenhandel-comensha": "support_organisation",
    "fier": "support_organisation",
    "fairwork": "support_organisation",
    "leger-des-heils": "support_organisation",
    "rode-kruis": "support_organisation",
    "stichting-hulp-en-opvang-prostitutie-shop": "support_organisation",
    "blijf-groep": "support_organisation",
    "moviera": "support_organisation",
}
BY_ROLE = [
    ("police_team", "police"),
    ("veilig_thuis", "veilig_thuis"),
    ("zorgcoordinator", "care_coordinator"),
    ("municipal_meldpunt", "municipality"),
]


def load_practices() -> int:
    """The defaults, and each organisation's kind of desk (where an editor has not chosen one)."""
    practices = {}
    for code, names, answers, passes_on_note, note, source in PRACTICES:
        practices[code] = InformationPractice.objects.create(
            code=code,
            name_nl=names[0],
            name_en=names[1],
            passes_on_note_nl=passes_on_note[0],
            passes_on_note_en=passes_on_note[1],
            note_nl=note[0],
            note_en=note[1],
            source=source,
            **answers,
        )
    assign_practices(practices)
    return len(practices)


def practice_code_for(organisation: Organisation) -> str:
    if organisation.slug in BY_SLUG:
        return BY_SLUG[organisation.slug]
    roles = {role.code for role in organisation.chain_roles.all()}
    return next((code for role, code in BY_ROLE if role in roles), "")


def assign_practices(practices: dict[str, InformationPractice]) -> None:
    for organisation in Organisation.objects.filter(information_practice__isnull=True).prefetch_related("chain_roles"):
        code = practice_code_for(organisation)
        if code in practices:
            Organisation.objects.filter(pk=organisation.pk).update(information_practice=practices[code])


def _here(obj, field: str) -> str:
    """The text only when it is in the page's language (no fallback for these short notes)."""
    from django.utils.translation import get_language

    from portal.i18n import shown_language

    return getattr(obj, field, "") if shown_language(obj, field) == get_language() else ""


@dataclass(frozen=True)
class CardLine:
    question: str
    answer: str  # yes / no / unknown
    note: str = ""


def information_card(organisation: Organisation) -> list[CardLine]:
    """The desk's answers: its own override where set, else its kind's default, else unknown."""
    practice = organisation.information_practice
    lines = []
    for question in QUESTIONS:
        answer = getattr(organisation, f"info_{question}") or (
            getattr(practice, question) if practice else Answer.UNKNOWN
        )
        note = ""
        if question == "passes_on":
            note = _here(organisation, "info_passes_on_note") or (_here(practice, "passes_on_note") if practice else "")
        lines.append(CardLine(question, answer or Answer.UNKNOWN, note))
    return lines
