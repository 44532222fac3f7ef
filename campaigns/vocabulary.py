"""The library's own vocabularies, with the names the site starts with (editors can rename them).

Names are given in Dutch and English; the other site languages fall back to English until
translators fill them in the admin.
"""

from __future__ import annotations

AUDIENCES = [
    ("burgers", {"nl": "Burgers", "en": "The general public"}),  # never "citizens" (docs/glossary.md)
    ("professionals", {"nl": "Professionals", "en": "Professionals"}),
    ("jongeren", {"nl": "Jongeren", "en": "Young people"}),
    ("ouders", {"nl": "Ouders", "en": "Parents"}),
    ("consumenten", {"nl": "Consumenten", "en": "Consumers"}),
    ("werkgevers", {"nl": "Werkgevers", "en": "Employers"}),
    ("arbeidsmigranten", {"nl": "Arbeidsmigranten", "en": "Labour migrants"}),
    ("ongedocumenteerden", {"nl": "Ongedocumenteerden", "en": "Undocumented people"}),
    ("slachtoffers", {"nl": "(Mogelijke) slachtoffers", "en": "(Possible) victims"}),
    ("reizigers", {"nl": "Reizigers", "en": "Travellers"}),
    ("politici", {"nl": "Politici", "en": "Politicians"}),
]

FORMATS = [
    ("video", {"nl": "Video", "en": "Video"}),
    ("animation", {"nl": "Animatie", "en": "Animation"}),
    ("posters", {"nl": "Posters en buitenreclame", "en": "Posters and outdoor advertising"}),
    ("flyer", {"nl": "Flyer of brochure", "en": "Flyer or brochure"}),
    ("social_media", {"nl": "Sociale media", "en": "Social media"}),
    ("website", {"nl": "Website", "en": "Website"}),
    ("chat", {"nl": "Chat", "en": "Chat"}),
    ("toolkit", {"nl": "Toolkit", "en": "Toolkit"}),
    ("event", {"nl": "Evenement", "en": "Event"}),
    ("training", {"nl": "Training", "en": "Training"}),
    ("exhibition", {"nl": "Tentoonstelling", "en": "Exhibition"}),
    ("petition", {"nl": "Petitie", "en": "Petition"}),
    ("other", {"nl": "Anders", "en": "Other"}),
]

# Used only when the directory's vocabulary has not been loaded (the directory's seed runs first).
FORMS = [
    ("sexual", {"nl": "Seksuele uitbuiting", "en": "Sexual exploitation"}),
    ("labour", {"nl": "Arbeidsuitbuiting", "en": "Labour exploitation"}),
    ("criminal", {"nl": "Criminele uitbuiting", "en": "Criminal exploitation"}),
    ("organ", {"nl": "Gedwongen orgaanverwijdering", "en": "Forced organ removal"}),
]

# The value the fixture and the library filter use for "human trafficking in general".
GENERAL = "general"
