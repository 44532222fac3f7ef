"""Every type of page a person reads to decide what to do, with the pages of each type that the
language tests read: the share of text in another language (issue 11 §1, test_language_share)
and the isolation of numbers and Latin names in Arabic (§3, test_rtl). A new public page type
belongs here. The changelog pages need a history first (tests/changelog_history.py): both tests
read them in a test of their own."""

from __future__ import annotations

# One organisation of each kind of desk, so every "what happens with your information" card is
# read; Veilig Thuis Utrecht for its public note.
ORGANISATIONS = [
    "fairwork", "nationale-politie", "gemeente-westland", "zorg-en-veiligheidshuis-twente", "riec-noord-holland",
    "coordinatiecentrum-tegen-mensenhandel-comensha", "veilig-thuis", "meld-misdaad-anoniem-m", "mee-veluwe",
    "yadeborg", "nederlandse-arbeidsinspectie-szw", "slachtofferhulp-nederland", "de-kindertelefoon",
    "expertisecentrum-mensenhandel-en-mensensmokkel-emm", "gemeente-tilburg", "veilig-thuis-utrecht",
]  # fmt: skip
CAMPAIGNS = ["onzichtbaar-maar-waar", "chaterovernl", "dont-look-away", "out-of-the-shadows", "niet-mijn-kind"]
INFORMATION = ["wat-is-mensenhandel", "rechten-van-slachtoffers", "signalen-professionals", "veilig-internetten"]

PAGES: dict[str, list[str]] = {
    "home": ["/{lang}/"],
    "search": ["/{lang}/organisaties/", "/{lang}/organisaties/?q=politie", "/{lang}/organisaties/?q=Ter+Apel",
               "/{lang}/organisaties/?q=Aalst", "/{lang}/organisaties/?q=zzzxxyq"],
    "organisation": [f"/{{lang}}/organisaties/{slug}/" for slug in ORGANISATIONS],
    "meldroute": ["/{lang}/meldroute/", "/{lang}/meldroute/?gemeente=Aalst", "/{lang}/meldroute/?gemeente=Roterdam",
                  "/{lang}/meldroute/?gemeente=2671", "/{lang}/meldroute/westland/", "/{lang}/meldroute/enschede/",
                  "/{lang}/meldroute/amsterdam/"],
    "campaign": ["/{lang}/campagnes/", "/{lang}/campagnes/dekking/", "/{lang}/campagnes/voorstellen/",
                 *[f"/{{lang}}/campagnes/{slug}/" for slug in CAMPAIGNS]],
    "information": ["/{lang}/informatie/", *[f"/{{lang}}/informatie/{slug}/" for slug in INFORMATION]],
    "open data": ["/{lang}/organisaties/open-data/"],
}  # fmt: skip

_BEFORE_PLACE = {"a_danger": "no", "a_who": "self", "a_need": "hulp", "a_form": "work", "a_minor": "no"}
# Wizard pages, by the POST that leads to each.
WIZARD: dict[str, dict[str, str]] = {
    "result: anonymous signal about work in Westland": {
        "a_danger": "no", "a_who": "other", "a_need": "melden", "a_anonymous": "yes", "a_form": "work", "a_minor": "no",
        "a_place": "westland", "action": "result"},
    "result: a young person in Rotterdam who needs help": {
        "a_danger": "no", "a_who": "self", "a_need": "hulp", "a_form": "crime", "a_minor": "yes",
        "a_place": "rotterdam", "action": "result"},
    "result: a teacher in Enschede (with the meldroute)": {
        "a_danger": "no", "a_who": "professional", "a_need": "melden", "a_anonymous": "no", "a_form": "unknown",
        "a_minor": "yes", "a_place": "enschede", "a_sector": "education", "action": "result"},
    "result: shelter without papers": {
        "a_danger": "no", "a_who": "self", "a_need": "opvang", "a_form": "work", "a_minor": "no",
        "a_place": "zeg-ik-liever-niet", "action": "result"},
    "result: aangifte from abroad": {
        "a_danger": "no", "a_who": "self", "a_need": "aangifte", "a_form": "sex", "a_minor": "no",
        "a_place": "buitenland", "action": "result"},
    "start": {"step": "start"},
    "place question: which Aalst?": {**_BEFORE_PLACE, "step": "place", "place_kind": "municipality",
                                     "place_name": "Aalst"},
    "place question: did you mean Rotterdam?": {**_BEFORE_PLACE, "step": "place", "place_kind": "municipality",
                                                "place_name": "Roterdam"},
    "check your answers": {**_BEFORE_PLACE, "a_place": "westland", "action": "continue"},
    "in danger now": {"step": "danger", "answer": "yes"},
}  # fmt: skip
