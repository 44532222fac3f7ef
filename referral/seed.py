"""The routes the wizard starts with (seed 002, seed 003 action line 2, the domain notes).

CoMensha edits them in the admin; this is only the first version. Conditions use the answer
codes of referral.flow; an empty condition means "any answer".
"""

from __future__ import annotations

from directory.models import ChainRole, Organisation
from portal import content_translations
from portal.seeding import Dataset
from referral.models import RouteRule

# Who arranges shelter (seed 003, "Probleemanalyse"; domain notes): the regional zorgcoördinator,
# CoMensha's helpdesk (placement in the COSM shelter with the B8 reflection period, and in labour
# exploitation; not 24/7), and the police, who take someone out of the situation and find a place
# with care and shelter organisations, also at night. 112 in danger is on every result.
SHELTER_COMENSHA = (
    11,
    "De helpdesk van CoMensha regelt opvang voor mensen zonder verblijfsvergunning die bedenktijd (B8) "
    "krijgen, in de speciale opvang voor slachtoffers (COSM), en voor slachtoffers van arbeidsuitbuiting. "
    "De helpdesk is niet dag en nacht bereikbaar.",
    "CoMensha's helpdesk arranges shelter for people without a residence permit who get a reflection period "
    "(B8), in the special shelter for victims (COSM), and for victims of labour exploitation. The helpdesk is "
    "not open day and night.",
)
SHELTER_POLICE = (
    12,
    "Heb je nu meteen een veilige plek nodig, ook 's nachts? De politie kan je uit de situatie halen en zoekt "
    "met zorg- en opvangorganisaties een plek voor je. Ben je in gevaar? Bel 112.",
    "Do you need a safe place right now, also at night? The police can take you out of the situation and find "
    "a place for you with care and shelter organisations. In danger? Call 112.",
)

# key, priority, conditions, organisation slug or "role:<code>", explanation (nl, en)
RULES = [
    ("abroad-child-sex", 5, {"place": "buitenland", "form": "sex", "minor": "yes"}, "dontlookawaynl",
     "Hier meld je misbruik van kinderen in het buitenland. De melding gaat naar een speciaal politieteam.",
     "Report abuse of children abroad here. The report goes to a special police team."),
    ("report-police", 10, {"need": "aangifte"}, "nationale-politie",
     "Bij de politie doe je aangifte. Een rechercheur mensenhandel kijkt naar je verhaal.",
     "You file a police report here. A trafficking detective looks at what you tell."),
    ("signal-anonymous", 10, {"need": "melden", "anonymous": "yes"}, "meld-misdaad-anoniem-m",
     "Hier meld je wat je zag zonder je naam te geven. Gratis.",
     "Report what you saw here without giving your name. Free."),
    ("care-coordinator", 10, {"need": "hulp,opvang"}, "role:zorgcoordinator",
     "De zorgcoördinator mensenhandel in jouw regio weet welke hulp en opvang er is en regelt die.",
     "The care coordinator in your region knows which help and shelter there is and arranges it."),
    ("minor-veilig-thuis", 9, {"minor": "yes"}, "veilig-thuis",
     "Gaat het om iemand onder de 18? Veilig Thuis geeft advies en kan helpen. Gratis, dag en nacht.",
     "Is someone under 18 involved? Veilig Thuis gives advice and can help. Free, day and night."),
    ("meldcode-veilig-thuis", 8, {"who": "professional", "sector": "care,education,youth"}, "veilig-thuis",
     "Werk je in zorg, onderwijs of jeugdhulp? Volg de meldcode van je organisatie. "
     "Vraag Veilig Thuis om advies.",
     "Do you work in care, education or youth work? Follow your organisation's meldcode. "
     "Ask Veilig Thuis for advice."),
    ("work-inspectorate", 15, {"form": "work", "need": "melden,aangifte,info"}, "nederlandse-arbeidsinspectie-szw",
     "Gaat het om werk? De Arbeidsinspectie onderzoekt uitbuiting op het werk. Bellen is gratis.",
     "Is it about work? The Labour Inspectorate investigates exploitation at work. Calling is free."),
    ("signal-police", 20, {"need": "melden", "anonymous": "no"}, "nationale-politie",
     "Je kunt je signaal ook met je naam aan de politie doorgeven.",
     "You can also pass your signal on to the police with your name."),
    ("work-help-fairwork", 20, {"form": "work", "need": "hulp,opvang,info"}, "fairwork",
     "FairWork helpt mensen die op hun werk worden uitgebuit, ook zonder papieren.",
     "FairWork helps people who are exploited at work, also without papers."),
    ("shelter-comensha", SHELTER_COMENSHA[0], {"need": "opvang"}, "coordinatiecentrum-tegen-mensenhandel-comensha",
     SHELTER_COMENSHA[1], SHELTER_COMENSHA[2]),
    ("shelter-police-now", SHELTER_POLICE[0], {"need": "opvang"}, "nationale-politie", SHELTER_POLICE[1],
     SHELTER_POLICE[2]),
    ("municipal-riec", 20, {"who": "professional", "sector": "municipality"}, "role:riec",
     "Werk je bij de gemeente? Het RIEC helpt gemeenten bij signalen van mensenhandel.",
     "Do you work for the municipality? The RIEC helps municipalities with signs of trafficking."),
    ("professional-zvh", 22, {"who": "professional", "need": "melden,hulp,opvang"},
     "role:zorg_en_veiligheidshuis",
     "Het Zorg- en Veiligheidshuis bespreekt ingewikkelde situaties met alle partners samen.",
     "The Care and Safety House discusses complex cases with all partners together."),
    ("professional-police", 24, {"who": "professional", "sector": "police"}, "nationale-politie",
     "Geef het signaal door aan het team mensenhandel (AVIM) van je politie-eenheid.",
     "Pass the signal on to the trafficking team (AVIM) of your police unit."),
    ("child-helpline", 9, {"who": "self", "minor": "yes"}, "de-kindertelefoon",
     "Ben je jonger dan 18? Bij De Kindertelefoon kun je praten over alles. Gratis.",
     "Are you under 18? At De Kindertelefoon you can talk about anything. Free."),
    ("sex-help-fier", 25, {"form": "sex", "need": "hulp,opvang,info"}, "fier",
     "Fier is gespecialiseerd in hulp bij seksuele uitbuiting en geweld in afhankelijkheidsrelaties.",
     "Fier specialises in help for sexual exploitation and violence in dependent relationships."),
    ("municipal-meldpunt", 28, {"need": "melden", "place": "municipality"}, "role:municipal_meldpunt",
     "Jouw gemeente heeft een eigen meldpunt voor signalen.",
     "Your municipality has its own reporting point for signals."),
    ("victim-support", 30, {"need": "hulp,aangifte"}, "slachtofferhulp-nederland",
     "Slachtofferhulp Nederland helpt met praktische en juridische vragen.",
     "Victim Support Netherlands helps with practical and legal questions."),
    ("information-comensha", 30, {"need": "info"}, "coordinatiecentrum-tegen-mensenhandel-comensha",
     "CoMensha is het landelijke centrum tegen mensenhandel en geeft informatie en advies.",
     "CoMensha is the national centre against trafficking and gives information and advice."),
    ("signal-police-fallback", 40, {"need": "melden,info"}, "nationale-politie",
     "Je kunt altijd bij de politie terecht, ook voor advies.",
     "You can always go to the police, also for advice."),
]  # fmt: skip


def load_rules() -> int:
    organisations = {o.slug: o for o in Organisation.objects.all()}
    roles = {r.code: r for r in ChainRole.objects.all()}
    created = 0
    for key, priority, conditions, target, explanation_nl, explanation_en in RULES:
        rule = RouteRule(
            key=key, priority=priority, explanation_nl=explanation_nl, explanation_en=explanation_en, **conditions
        )
        if target.startswith("role:"):
            rule.chain_role = roles[target.removeprefix("role:")]
        elif target in organisations:
            rule.organisation = organisations[target]
        else:
            continue  # the directory does not hold this organisation (any more): no rule
        rule.save()
        created += 1
    return created


DATASETS = [
    Dataset(name="referral.rules", load=load_rules, fills=[RouteRule], order=50),
    *content_translations.datasets("referral", order=90),
]
