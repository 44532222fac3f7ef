"""Synthetic organisations for benchmarks (never for the real site): plausible names and areas."""

from __future__ import annotations

import random

from django.utils.text import slugify

from directory.models import Audience, ChainRole, ExploitationForm, Municipality, Organisation, Province, SafetyRegion
from directory.search import reindex

WORDS = ["Stichting", "Centrum", "Meldpunt", "Expertisecentrum", "Hulp", "Opvang", "Regio", "Zorg", "Veilig",
         "Samen", "Netwerk", "Steunpunt", "Kenniscentrum", "Platform", "Huis"]  # fmt: skip
TOPICS = ["mensenhandel", "uitbuiting", "arbeidsmigranten", "jongeren", "loverboys", "prostitutie", "werk",
          "slachtoffers", "signalen", "criminele uitbuiting"]  # fmt: skip


def create_synthetic_organisations(count: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    municipalities = list(Municipality.objects.all())
    regions = list(SafetyRegion.objects.all())
    provinces = list(Province.objects.all())
    forms = list(ExploitationForm.objects.all())
    audiences = list(Audience.objects.all())
    roles = list(ChainRole.objects.all())
    organisations = []
    for number in range(count):
        place = rng.choice(municipalities)
        name = f"{rng.choice(WORDS)} {rng.choice(TOPICS).title()} {place.name} {number}"
        organisations.append(
            Organisation(
                name=name,
                slug=f"synthetisch-{seed}-{number}-{slugify(place.name)}"[:120],
                kind=rng.choice(["meldpunt", "kenniscentrum", "both"]),
                role_nl=f"{rng.choice(WORDS)} voor {rng.choice(TOPICS)} in {place.name}.",
                scale=rng.choice(["national", "regional", "local", "local"]),
                serves_nationally=rng.random() < 0.02,
                source="Synthetisch (benchmark)",
                published=True,
            )
        )
    created = Organisation.objects.bulk_create(organisations, batch_size=1000)
    through = Organisation.municipalities.through
    links = [through(organisation_id=o.pk, municipality_id=rng.choice(municipalities).pk) for o in created]
    through.objects.bulk_create(links, batch_size=5000)
    Organisation.safety_regions.through.objects.bulk_create(
        [Organisation.safety_regions.through(organisation_id=o.pk, safetyregion_id=rng.choice(regions).pk)
         for o in created if rng.random() < 0.3], batch_size=5000)  # fmt: skip
    Organisation.provinces.through.objects.bulk_create(
        [Organisation.provinces.through(organisation_id=o.pk, province_id=rng.choice(provinces).pk)
         for o in created if rng.random() < 0.1], batch_size=5000)  # fmt: skip
    Organisation.forms.through.objects.bulk_create(
        [Organisation.forms.through(organisation_id=o.pk, exploitationform_id=f.pk)
         for o in created for f in rng.sample(forms, rng.randint(1, 3))], batch_size=5000)  # fmt: skip
    Organisation.audiences.through.objects.bulk_create(
        [Organisation.audiences.through(organisation_id=o.pk, audience_id=a.pk)
         for o in created for a in rng.sample(audiences, rng.randint(1, 2))], batch_size=5000)  # fmt: skip
    Organisation.chain_roles.through.objects.bulk_create(
        [Organisation.chain_roles.through(organisation_id=o.pk, chainrole_id=rng.choice(roles).pk)
         for o in created if rng.random() < 0.2], batch_size=5000)  # fmt: skip
    reindex()
    return len(created)
