"""The regional meldroute against the audit of seed 001 (issue 10 §5), for every municipality."""

from __future__ import annotations

import pytest
from django.test import Client

from directory.models import Municipality
from referral.meldroute import meldroute

pytestmark = pytest.mark.django_db


def routes() -> dict[str, dict[str, list[str]]]:
    """municipality slug → role code → the organisations (slugs) of that step."""
    return {
        municipality.slug: {step.role.code: [o.slug for o in step.organisations] for step in meldroute(municipality)}
        for municipality in Municipality.objects.select_related("province", "safety_region__police_unit")
    }


@pytest.fixture(scope="module")
def every_route(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return routes()


def test_fier_is_the_zorgcoordinator_in_all_of_fryslan(every_route):
    fryslan = Municipality.objects.filter(province__name="Fryslân").values_list("slug", flat=True)
    assert len(fryslan) == 18
    for slug in fryslan:
        assert "fier" in every_route[slug]["zorgcoordinator"], slug


def test_a_municipal_meldpunt_is_shown_only_for_its_own_municipality(every_route):
    with_zwolle = [slug for slug, route in every_route.items() if "gemeente-zwolleregio-ijsselland" in
                   route["municipal_meldpunt"]]  # fmt: skip
    assert with_zwolle == ["zwolle"]
    assert "gemeente-tilburg" not in every_route["tilburg"]["municipal_meldpunt"]  # a zorgcoördinator
    assert "gemeente-tilburg" in every_route["tilburg"]["zorgcoordinator"]


def test_national_veilig_thuis_is_on_every_route_and_emm_is_no_meldpunt(every_route):
    for slug, route in every_route.items():
        assert "veilig-thuis" in route["veilig_thuis"], slug
        assert not any(
            "expertisecentrum-mensenhandel-en-mensensmokkel" in organisation
            for organisation in route["municipal_meldpunt"] + route["veilig_thuis"]
        ), slug


def test_the_police_step_names_the_units_avim_team_with_the_national_number(client: Client):
    html = client.get("/nl/meldroute/leeuwarden/").content.decode()
    step = html.split("Politie: team mensenhandel</h3>", 1)[1].split("<h3", 1)[0]
    assert "Noord-Nederland" in step and "AVIM" in step
    assert 'href="tel:09008844"' in step
    assert "Geen regionale organisatie" not in step


def test_rows_editors_still_check_show_a_public_caveat(client: Client):
    emmen = client.get("/nl/meldroute/emmen/").content.decode()
    step = emmen.split("Zorgcoördinator mensenhandel</h3>", 1)[1].split("<h3", 1)[0]
    assert "ggd-drenthe" in step and 'class="notice caveat"' in step
    utrecht = client.get("/nl/meldroute/utrecht/").content.decode()
    assert "liep van juni tot december 2024 en is voorbij" in utrecht  # Veilig Thuis Utrecht's pilot


def test_the_professionals_page_and_the_home_card_lead_to_the_meldroute(client: Client):
    assert 'href="/nl/meldroute/"' in client.get("/nl/informatie/signalen-professionals/").content.decode()
    assert 'class="card-link" href="/nl/meldroute/"' in client.get("/nl/").content.decode()


def test_the_rights_on_a_result_fit_who_is_asking(client: Client):
    answers = {"a_danger": "no", "a_need": "melden", "a_anonymous": "no", "a_form": "crime", "a_minor": "no",
               "a_place": "enschede", "action": "result"}  # fmt: skip
    professional = client.post("/nl/verwijswijzer/", {**answers, "a_who": "professional", "a_sector": "education"})
    html = professional.content.decode()
    assert professional.status_code == 200
    assert "Wie gedwongen is om strafbare feiten te plegen, heeft recht op bescherming." in html
    assert "Moest je misdaden plegen?" not in html
    victim = client.post("/nl/verwijswijzer/", {**answers, "a_who": "self", "a_need": "hulp"}).content.decode()
    assert "Moest je misdaden plegen?" in victim


def add_zorgcoordinators(count: int, *, reachable: int = 0, area: str = "municipality") -> list[str]:
    """`count` published organisations with the zorgcoördinator role in Westland's own area
    (`municipality`) or its safety region (`region`); the first `reachable` get a public phone."""
    import datetime as dt

    from directory.models import ChainRole, ContactChannel, Organisation

    westland = Municipality.objects.select_related("safety_region").get(slug="westland")
    role = ChainRole.objects.get(code="zorgcoordinator")
    slugs = []
    for number in range(count):
        organisation = Organisation.objects.create(
            name=f"Testcoördinator {area} {number:02d}", slug=f"testcoordinator-{area}-{number:02d}", published=True
        )
        organisation.chain_roles.add(role)
        if area == "municipality":
            organisation.municipalities.add(westland)
        else:
            organisation.safety_regions.add(westland.safety_region)
        if number < reachable:
            ContactChannel.objects.create(
                organisation=organisation, kind="phone", value=f"0800-00000{number:02d}", source="test",
                status=ContactChannel.Status.PUBLIC_SOURCE, taken_over=dt.date(2026, 11, 1),
            )  # fmt: skip
        slugs.append(organisation.slug)
    return slugs


def zorgcoordinator_step(client: Client) -> str:
    html = client.get("/nl/meldroute/westland/").content.decode()
    return html.split("Zorgcoördinator mensenhandel</h3>", 1)[1].split("<h3", 1)[0]


def cards(step: str) -> list[str]:
    """The organisations a step shows in full (a card each, before the named others), by address."""
    import re

    full = step.split("Andere organisaties met deze rol:", 1)[0]
    return re.findall(r'<li>\n\s+<a href="/nl/organisaties/([^/]+)/" translate="no">', full)


class TestALargeRegion:
    """A region with dozens of organisations in one role (a large directory) gets a readable step:
    five desks in full, those one can contact and the most local first, the others named."""

    def test_a_step_shows_five_desks_in_full_and_names_the_others(self, client: Client):
        regional = add_zorgcoordinators(4, area="region")
        local = add_zorgcoordinators(8, reachable=2, area="municipality")
        step = zorgcoordinator_step(client)
        shown = cards(step)
        assert len(shown) == 5
        assert shown == local[:5], "the two one can contact, then the municipality's own"
        assert not set(regional) & set(shown), "a municipality's own desks before the region's"
        assert shown == sorted(shown, key=lambda slug: step.index(f"/{slug}/")), "in name order"
        assert 'href="tel:08000000000"' in step  # a full card has its channels
        assert "Andere organisaties met deze rol:" in step
        named = [*regional, *local[5:], "stichting-hulp-en-opvang-prostitutie-shop"]
        for slug in named:
            assert f'href="/nl/organisaties/{slug}/"' in step, slug
        assert "in de gids" not in step.split("Andere organisaties", 1)[1]  # all named: no directory link

    def test_past_fifteen_the_step_leads_to_the_directory(self, client: Client):
        add_zorgcoordinators(20, area="region")
        step = zorgcoordinator_step(client)
        assert len(cards(step)) == 5
        others = step.split("Andere organisaties met deze rol:", 1)[1]
        assert others.count("<li><a href=") == 10
        assert 'href="/nl/organisaties/?gemeente=westland"' in others


def test_a_new_desk_shows_on_the_route_on_the_next_request(client: Client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # what every first visitor after a change gets
    assert "testcoordinator" not in zorgcoordinator_step(client)  # the route is remembered now
    (slug,) = add_zorgcoordinators(1, reachable=1)
    assert slug in cards(zorgcoordinator_step(client))
    from directory.models import Organisation

    Organisation.objects.filter(slug=slug).update(published=False)  # a bulk "unpublish"
    assert slug not in zorgcoordinator_step(client)


def test_the_finder_offers_every_municipality_also_after_a_rename(client: Client, settings):
    """The finder's datalist is built once per content generation (directory.places)."""
    settings.PAGE_CACHE_SECONDS = 0
    html = client.get("/nl/meldroute/").content.decode()
    options = html.split('<datalist id="municipality-names">', 1)[1].split("</datalist>", 1)[0]
    assert options.count("<option ") == Municipality.objects.count() == 342
    assert '<option value="Súdwest-Fryslân">' in options and '<option value="&#x27;s-Hertogenbosch">' in options
    Municipality.objects.filter(slug="westland").update(name="Westland & Co")
    assert '<option value="Westland &amp; Co">' in client.get("/nl/meldroute/").content.decode()
