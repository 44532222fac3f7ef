"""Corrections to the inventory rows (seed 001) found in the audit of issue 10, applied to a new
database by the seed and to an existing one by migration 0011, only where editors left the row
as the seed wrote it.

- Gemeente Tilburg's row is a zorgcoördinator, not a citizens' meldpunt.
- EMM is a knowledge centre for the investigation chain, not a public meldpunt.
- Veilig Thuis Utrecht's trafficking pilot ran from June to December 2024 (seed 001): say so.
"""

from __future__ import annotations

from django.db.models import Q

UTRECHT_PILOT = (
    "De proef met een meldpunt mensenhandel bij Veilig Thuis Utrecht liep van juni tot december 2024 en is "
    "voorbij. Veilig Thuis helpt nog steeds bij huiselijk geweld en kindermishandeling: bel gratis 0800-2000.",
    "Veilig Thuis Utrecht's trial with a reporting point for human trafficking ran from June to December 2024 "
    "and has ended. Veilig Thuis still helps with domestic violence and child abuse: call 0800-2000 for free.",
)


def apply_corrections(Organisation, ChainRole) -> None:  # noqa: N803 (historical models in a migration)
    tilburg = Organisation.objects.filter(slug="gemeente-tilburg").first()
    if tilburg is not None:
        codes = set(tilburg.chain_roles.values_list("code", flat=True))
        if codes == {"municipal_meldpunt", "zorgcoordinator"}:
            tilburg.chain_roles.remove(*ChainRole.objects.filter(code="municipal_meldpunt"))
    Organisation.objects.filter(slug="expertisecentrum-mensenhandel-en-mensensmokkel-emm", kind="both").update(
        kind="kenniscentrum"
    )
    unset = Q(public_note_nl="") | Q(public_note_nl__isnull=True)
    Organisation.objects.filter(unset, slug="veilig-thuis-utrecht").update(
        public_note=UTRECHT_PILOT[0], public_note_nl=UTRECHT_PILOT[0], public_note_en=UTRECHT_PILOT[1]
    )
