"""A professional's regional reporting route (meldroute) for one municipality."""

from __future__ import annotations

from dataclasses import dataclass

from directory.models import ChainRole, Municipality, Organisation
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


@dataclass
class RouteStep:
    role: ChainRole
    organisations: list[Organisation]
    regional: bool


def meldroute(municipality: Municipality) -> list[RouteStep]:
    """Each chain role with the organisations that fill it for this municipality.

    Regional organisations first; where the region has none, the national organisation with that
    role (e.g. the national police, Veilig Thuis's national number); otherwise an empty step, which
    the page shows as "not known yet".
    """
    roles = {role.code: role for role in ChainRole.objects.filter(code__in=ROUTE_ORDER)}
    # Only organisations with a role on the route: a national organisation without one (most of a
    # large directory) is never shown here, so it is not fetched either.
    with_role = Organisation.objects.filter(chain_roles__code__in=ROUTE_ORDER).values("pk")
    serving = with_listing_data(
        Organisation.objects.serving(municipality).published().filter(pk__in=with_role).prefetch_related("chain_roles")
    ).order_by("name")
    by_role: dict[str, list[Organisation]] = {code: [] for code in ROUTE_ORDER}
    national_by_role: dict[str, list[Organisation]] = {code: [] for code in ROUTE_ORDER}
    for organisation in serving:
        national = organisation.serves_nationally or organisation.is_national_desk
        for role in organisation.chain_roles.all():
            if role.code in by_role:
                (national_by_role if national else by_role)[role.code].append(organisation)
    steps = []
    for code in ROUTE_ORDER:
        if code not in roles:
            continue
        regional = by_role[code]
        steps.append(RouteStep(roles[code], regional or national_by_role[code], regional=bool(regional)))
    return steps
