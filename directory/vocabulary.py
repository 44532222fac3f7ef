"""Fixed vocabularies of the directory, with their names in every site language.

Editors can rename entries in the admin; these are only the values the site starts with.
"""

from __future__ import annotations

FORMS = [
    ("sexual", {"nl": "Seksuele uitbuiting", "en": "Sexual exploitation", "pl": "Wykorzystywanie seksualne",
                "ro": "Exploatare sexuală", "bg": "Сексуална експлоатация", "uk": "Сексуальна експлуатація",
                "ar": "الاستغلال الجنسي"}),
    ("labour", {"nl": "Arbeidsuitbuiting", "en": "Labour exploitation", "pl": "Wyzysk w pracy",
                "ro": "Exploatare prin muncă", "bg": "Трудова експлоатация", "uk": "Трудова експлуатація",
                "ar": "الاستغلال في العمل"}),
    ("criminal", {"nl": "Criminele uitbuiting", "en": "Criminal exploitation",
                  "pl": "Zmuszanie do przestępstw", "ro": "Exploatare infracțională",
                  "bg": "Принуда към престъпления", "uk": "Кримінальна експлуатація",
                  "ar": "الإجبار على ارتكاب الجرائم"}),
    ("organ", {"nl": "Gedwongen orgaanverwijdering", "en": "Forced organ removal",
               "pl": "Przymusowe pobranie narządów", "ro": "Prelevare forțată de organe",
               "bg": "Принудително отнемане на органи", "uk": "Примусове вилучення органів",
               "ar": "نزع الأعضاء القسري"}),
]  # fmt: skip

AUDIENCES = [
    ("slachtoffers", {"nl": "Mensen die het zelf meemaken", "en": "People it is happening to",
                      "pl": "Osoby, których to dotyczy", "ro": "Persoane cărora li se întâmplă",
                      "bg": "Хора, на които се случва", "uk": "Люди, з якими це відбувається",
                      "ar": "الأشخاص الذين يتعرضون لذلك"}),
    # Never "citizens": many readers have no papers (docs/glossary.md).
    ("burgers", {"nl": "Burgers", "en": "The general public", "pl": "Ogół mieszkańców", "ro": "Publicul larg",
                 "bg": "Широката общественост", "uk": "Широка громадськість", "ar": "عامة الناس"}),
    ("signaleerders", {"nl": "Mensen die iets zien (signaleerders)", "en": "People who notice signs",
                       "pl": "Osoby, które coś zauważyły", "ro": "Persoane care observă semne",
                       "bg": "Хора, които забелязват признаци", "uk": "Люди, які помічають ознаки",
                       "ar": "من يلاحظ العلامات"}),
    ("professionals", {"nl": "Professionals", "en": "Professionals", "pl": "Profesjonaliści",
                       "ro": "Profesioniști", "bg": "Специалисти", "uk": "Фахівці", "ar": "المهنيون"}),
    ("jongeren", {"nl": "Jongeren", "en": "Young people", "pl": "Młodzież", "ro": "Tineri", "bg": "Младежи",
                  "uk": "Молодь", "ar": "الشباب"}),
    ("werkgevers", {"nl": "Werkgevers", "en": "Employers", "pl": "Pracodawcy", "ro": "Angajatori",
                    "bg": "Работодатели", "uk": "Роботодавці", "ar": "أصحاب العمل"}),
    ("beleidsmakers", {"nl": "Beleidsmakers", "en": "Policy makers", "pl": "Decydenci",
                       "ro": "Factori de decizie", "bg": "Политици и администрация",
                       "uk": "Розробники політики", "ar": "صانعو السياسات"}),
]  # fmt: skip

CHAIN_ROLES = [
    ("zorgcoordinator", {"nl": "Zorgcoördinator mensenhandel", "en": "Care coordinator for trafficking"},
     {"nl": "Weet welke hulp en opvang er in de regio is en regelt die.",
      "en": "Knows the help and shelter in the region and arranges it."}),
    ("ketenregisseur", {"nl": "Ketenregisseur mensenhandel", "en": "Regional chain director"},
     {"nl": "Zorgt dat gemeente, politie, zorg en andere partners in de regio samenwerken.",
      "en": "Makes sure municipality, police, care and other partners in the region work together."}),
    ("zorg_en_veiligheidshuis", {"nl": "Zorg- en Veiligheidshuis", "en": "Care and Safety House"},
     {"nl": "Bespreekt ingewikkelde situaties met zorg, gemeente, politie en justitie samen.",
      "en": "Discusses complex cases with care, municipality, police and justice together."}),
    ("police_team", {"nl": "Politie: team mensenhandel", "en": "Police: trafficking team"},
     {"nl": "Neemt aangifte op en onderzoekt mensenhandel.",
      "en": "Takes police reports and investigates trafficking."}),
    ("riec", {"nl": "RIEC", "en": "RIEC (regional information and expertise centre)"},
     {"nl": "Helpt gemeenten en overheden samen ondermijning en mensenhandel aan te pakken.",
      "en": "Helps municipalities and authorities tackle organised crime and trafficking together."}),
    ("veilig_thuis", {"nl": "Veilig Thuis", "en": "Veilig Thuis (domestic violence and child abuse)"},
     {"nl": "Advies- en meldpunt voor huiselijk geweld en kindermishandeling.",
      "en": "Advice and reporting centre for domestic violence and child abuse."}),
    ("municipal_meldpunt", {"nl": "Meldpunt van de gemeente", "en": "Municipal reporting point"},
     {"nl": "Hier meld je signalen bij je eigen gemeente.",
      "en": "Where you pass on signals to your own municipality."}),
]  # fmt: skip

LANGUAGES = [
    ("nl", "Nederlands"), ("en", "English"), ("pl", "Polski"), ("ro", "Română"), ("bg", "Български"),
    ("uk", "Українська"), ("ar", "العربية"), ("de", "Deutsch"), ("fr", "Français"), ("es", "Español"),
    ("tr", "Türkçe"), ("ru", "Русский"), ("ti", "ትግርኛ"), ("zh", "中文"),
]  # fmt: skip
