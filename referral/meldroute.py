"""A professional's regional reporting route (meldroute) for one municipality."""

from __future__ import annotations

from dataclasses import dataclass

from directory.models import ChainRole, Municipality, Organisation, PoliceUnit
from directory.search import with_listing_data

ROUTE_ORDER = [
    "zorgcoordinator",
    "ketenregisseur",
    "zorg_en_veiligheidshuis",
    "police_team",
    "riec",
    "veilig_thuis",
    "municipal_meldpunt",
]
NATIONAL_VEILIG_THUIS = "veilig-thuis"


@dataclass
class RouteStep:
    role: ChainRole
    organisations: list[Organisation]
    regional: bool
    police_unit: PoliceUnit | None = None  # the police step: the unit's AVIM mensenhandel team


def own_meldpunt(organisation: Organisation, municipality: Municipality) -> bool:
    """A municipality's own meldpunt serves that municipality only (Zwolle's is not Deventer's)."""
    if any(m.pk == municipality.pk for m in organisation.municipalities.all()):
        return True
    return organisation.name.lower().startswith(f"gemeente {municipality.name.lower()}")


def meldroute(municipality: Municipality) -> list[RouteStep]:
    """Each chain role with the organisations that fill it for this municipality.

    Regional organisations are those whose own area covers the municipality (Fier for Fryslân),
    whatever else they do nationally. Where the region has none, the national organisation with
    that role; the police step names the police unit's AVIM team with the national police desk;
    Veilig Thuis's national desk is always there next to a regional one; else an empty step,
    which the page shows as "not known yet".
    """
    roles = {role.code: role for role in ChainRole.objects.filter(code__in=ROUTE_ORDER)}
    # Only organisations with a role on the route: a national organisation without one (most of a
    # large directory) is never shown here, so it is not fetched either.
    with_role = Organisation.objects.filter(chain_roles__code__in=ROUTE_ORDER).values("pk")
    serving = with_listing_data(
        Organisation.objects.serving(municipality)
        .published()
        .filter(pk__in=with_role)
        .select_related("information_practice")
        .prefetch_related("chain_roles", "municipalities")
    ).order_by("name")
    by_area = set(Organisation.objects.serving_by_area(municipality).values_list("pk", flat=True))
    by_role: dict[str, list[Organisation]] = {code: [] for code in ROUTE_ORDER}
    national_by_role: dict[str, list[Organisation]] = {code: [] for code in ROUTE_ORDER}
    for organisation in serving:
        for role in organisation.chain_roles.all():
            if role.code not in by_role:
                continue
            if role.code == "municipal_meldpunt" and not own_meldpunt(organisation, municipality):
                continue
            if organisation.pk in by_area:
                by_role[role.code].append(organisation)
            elif organisation.serves_nationally:  # not Fier, whose role is for Fryslân
                national_by_role[role.code].append(organisation)
    steps = []
    for code in ROUTE_ORDER:
        if code not in roles:
            continue
        regional = by_role[code]
        national = national_by_role[code]
        if code == "veilig_thuis":
            national = [o for o in national if o.slug == NATIONAL_VEILIG_THUIS] or national
            steps.append(RouteStep(roles[code], regional + national, regional=bool(regional)))
        elif code == "police_team":
            unit = municipality.safety_region.police_unit
            steps.append(RouteStep(roles[code], regional or national, regional=True, police_unit=unit))
        else:
            steps.append(RouteStep(roles[code], regional or national, regional=bool(regional)))
    return steps
