"""No dead ends on an organisation's page: when it has no contact route we could check, offer the
two or three reachable desks that fit its role and region."""

from __future__ import annotations

from django.db.models import Q

from directory.models import ContactChannel, Municipality, Organisation
from directory.search import with_listing_data

HELPDESK = "coordinatiecentrum-tegen-mensenhandel-comensha"
# Regional roles that can take over a question meant for an organisation with this role.
RELATED_ROLES = {
    "municipal_meldpunt": ["zorg_en_veiligheidshuis", "zorgcoordinator"],
    "riec": ["zorg_en_veiligheidshuis"],
    "zorg_en_veiligheidshuis": ["zorgcoordinator", "ketenregisseur"],
    "ketenregisseur": ["zorg_en_veiligheidshuis", "zorgcoordinator"],
    "zorgcoordinator": ["zorg_en_veiligheidshuis"],
    "veilig_thuis": ["veilig_thuis"],
}
# National desks that fit a role, best first.
NATIONAL_BY_ROLE = {
    "municipal_meldpunt": ["meld-misdaad-anoniem-m", "nationale-politie"],
    "riec": ["nationale-politie", "meld-misdaad-anoniem-m"],
    "police_team": ["nationale-politie", "meld-misdaad-anoniem-m"],
    "veilig_thuis": ["veilig-thuis", "de-kindertelefoon"],
    "zorgcoordinator": [HELPDESK, "slachtofferhulp-nederland"],
    "zorg_en_veiligheidshuis": [HELPDESK, "nationale-politie"],
    "ketenregisseur": [HELPDESK, "nationale-politie"],
}
DEFAULT_NATIONAL = [HELPDESK, "meld-misdaad-anoniem-m"]
MINORS_NATIONAL = ["veilig-thuis", "de-kindertelefoon"]
LABOUR_NATIONAL = ["nederlandse-arbeidsinspectie-szw", "fairwork"]


def representative_municipality(organisation: Organisation) -> Municipality | None:
    """A municipality inside the organisation's own area (its region for the regional desks)."""
    area = (
        Q(pk__in=organisation.municipalities.values("pk"))
        | Q(safety_region__in=organisation.safety_regions.all())
        | Q(province__in=organisation.provinces.all())
        | Q(safety_region__police_unit__in=organisation.police_units.all())
    )
    return Municipality.objects.select_related("safety_region").filter(area).order_by("name").first()


def reachable_alternatives(organisation: Organisation, limit: int = 3) -> list[Organisation]:
    roles = [role.code for role in organisation.chain_roles.all()]
    related = {code for role in roles for code in [role, *RELATED_ROLES.get(role, [])]}
    public = ContactChannel.objects.public().exclude(kind=ContactChannel.Kind.WALK_IN, organisation__is_shelter=True)
    reachable = Organisation.objects.published().filter(pk__in=public.values("organisation_id"))
    reachable = reachable.exclude(pk=organisation.pk)
    chosen: list[Organisation] = []
    municipality = None if organisation.serves_nationally else representative_municipality(organisation)
    if municipality is not None and related:
        regional = reachable.serving_by_area(municipality).filter(chain_roles__code__in=related).distinct()
        chosen += list(regional.order_by("name")[: limit - 1])
    national: list[str] = []
    if organisation.minors_focus:
        national += MINORS_NATIONAL
    if {form.code for form in organisation.forms.all()} == {"labour"}:
        national += LABOUR_NATIONAL
    for role in roles:
        national += NATIONAL_BY_ROLE.get(role, [])
    national += DEFAULT_NATIONAL
    by_slug = {o.slug: o for o in reachable.filter(slug__in=national)}
    for slug in national:
        if slug in by_slug and by_slug[slug] not in chosen:
            chosen.append(by_slug[slug])
    ids = [o.pk for o in chosen[:limit]]
    listed = {o.pk: o for o in with_listing_data(Organisation.objects.filter(pk__in=ids))}
    return [listed[pk] for pk in ids]
