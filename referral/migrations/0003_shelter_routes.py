"""Who arranges shelter: CoMensha's helpdesk (COSM, B8) and the police for a place right now.

Adds the police rule where it is missing, and rewrites the CoMensha shelter rule only where an
editor has not changed it since the first seed (never over editors' work).
"""

from django.db import migrations

# As in referral/seed.py when this migration was written (a migration keeps its own copy).
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
OLD_SHELTER_COMENSHA = (20, "CoMensha regelt opvang voor mensen zonder verblijfsvergunning en bij arbeidsuitbuiting.")


def forwards(apps, schema_editor):
    RouteRule = apps.get_model("referral", "RouteRule")
    Organisation = apps.get_model("directory", "Organisation")
    RouteRule.objects.filter(
        key="shelter-comensha", priority=OLD_SHELTER_COMENSHA[0], explanation_nl=OLD_SHELTER_COMENSHA[1]
    ).update(priority=SHELTER_COMENSHA[0], explanation_nl=SHELTER_COMENSHA[1], explanation_en=SHELTER_COMENSHA[2])
    police = Organisation.objects.filter(slug="nationale-politie").first()
    if police and RouteRule.objects.exists() and not RouteRule.objects.filter(key="shelter-police-now").exists():
        RouteRule.objects.create(
            key="shelter-police-now",
            priority=SHELTER_POLICE[0],
            need="opvang",
            organisation=police,
            explanation=SHELTER_POLICE[1],
            explanation_nl=SHELTER_POLICE[1],
            explanation_en=SHELTER_POLICE[2],
        )


def backwards(apps, schema_editor):
    RouteRule = apps.get_model("referral", "RouteRule")
    RouteRule.objects.filter(key="shelter-police-now", explanation_nl=SHELTER_POLICE[1]).delete()
    RouteRule.objects.filter(key="shelter-comensha", explanation_nl=SHELTER_COMENSHA[1]).update(
        priority=OLD_SHELTER_COMENSHA[0], explanation_nl=OLD_SHELTER_COMENSHA[1]
    )


class Migration(migrations.Migration):
    dependencies = [("referral", "0002_one_tally_row_per_key"), ("directory", "0010_reach_editor_rights")]
    operations = [migrations.RunPython(forwards, backwards)]
