"""Every public page asks the database a fixed number of questions, however large the directory.

A page whose query count grows with the number of organisations gets slower for everyone as the
directory grows (issue 15); this measures each page at the seed size and again with 150 more
organisations (with verified channels, languages, forms, audiences and areas), and wants the same
number of queries, within a small budget.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

PAGES = [
    ("/nl/", 3),
    ("/nl/informatie/wat-is-mensenhandel/", 2),
    ("/nl/organisaties/", 14),
    ("/nl/organisaties/?q=loverboy", 17),
    ("/nl/organisaties/?q=arbeidsuitbuting&vorm=labour&taal=pl", 18),
    ("/nl/organisaties/?gemeente=westland&schaal=regional&pagina=2", 15),
    ("/api/v1/organisaties/?q=mensenhandel&pagina=2", 20),
    # 12 on the first request after a change (the seven vocabularies, the languages and the
    # kinds of desk are then remembered per content generation, portal/rows.py); 3 on the next.
    ("/nl/organisaties/veilig-thuis/", 12),
    # The first request after a change, as here: 12 (the route is then remembered per content
    # generation, referral/meldroute.py; the next request asks 2: the municipality and the generation).
    ("/nl/meldroute/westland/", 12),
    ("/nl/meldroute/", 2),
    ("/nl/campagnes/", 17),
    ("/nl/campagnes/?doelgroep=professionals&provincie=PV28", 17),
    # The changelog and its feed: a page of 50 lines, each naming its organisation and fields.
    ("/nl/organisaties/wijzigingen/", 2),
    ("/nl/organisaties/wijzigingen/?pagina=2", 2),
    ("/nl/organisaties/wijzigingen/atom.xml", 1),
    ("/nl/organisaties/veilig-thuis/wijzigingen/", 3),
]
WIZARD = "/nl/verwijswijzer/"
WIZARD_RESULT = {"a_danger": "no", "a_who": "professional", "a_need": "melden", "a_anonymous": "yes",
                 "a_form": "work", "a_minor": "no", "a_place": "westland", "a_sector": "care",
                 "action": "result"}  # fmt: skip
# The professional's result with its anonymous count: the generation, the meldroute and the
# count's one upsert in a savepoint (6 statements); the routing facts (desks per role and place,
# reachability, rules, municipalities) and the desks' cards come from memory (issue 15; it was 33).
WIZARD_BUDGET = 15


def query_counts(client: Client, address: str) -> dict[str, int]:
    """Queries per page; the wizard's result from a new client `address`, so its anonymous count
    is written each time (a repeated answer set from one client is counted once an hour)."""
    counts = {}
    for path, _budget in PAGES:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        counts[path] = len(queries)
    # The first wizard request after a content change reads the routing facts (kept per content
    # generation, like the facts index of ADR 022): count one after it.
    client.post(WIZARD, WIZARD_RESULT, REMOTE_ADDR="198.51.100.1")
    with CaptureQueriesContext(connection) as queries:
        response = client.post(WIZARD, WIZARD_RESULT, REMOTE_ADDR=address)
    assert response.status_code == 200 and "meldroute" in response.context
    counts[WIZARD] = len(queries)
    return counts


def add_organisations(count: int) -> None:
    """`count` more published organisations in Westland, each with two verified channels in Polish."""
    from directory.models import ContactChannel, Language, Municipality, Organisation
    from directory.search import reindex
    from scripts.synthetic import create_synthetic_organisations

    before = set(Organisation.objects.values_list("pk", flat=True))
    create_synthetic_organisations(count, seed=len(before))
    westland = Municipality.objects.get(slug="westland")
    polish = Language.objects.get(code="pl")
    for organisation in Organisation.objects.exclude(pk__in=before):
        organisation.municipalities.add(westland)
        for kind in ("phone", "email"):
            channel = ContactChannel.objects.create(
                organisation=organisation,
                kind=kind,
                value="0800-0000000" if kind == "phone" else "info@example.org",
                source="test",
                status=ContactChannel.Status.PUBLIC_SOURCE,
                taken_over=dt.date(2026, 11, 1),
            )
            channel.languages.add(polish)
    reindex()
    add_history(Organisation.objects.exclude(pk__in=before))


def add_history(organisations) -> None:
    """Revisions, so the changelog pages list lines: each new organisation's phone number is
    changed, and Veilig Thuis's description once more each time."""
    import reversion

    from directory.models import ContactChannel, Organisation

    for channel in ContactChannel.objects.filter(organisation__in=organisations, kind="phone"):
        with reversion.create_revision():
            channel.value = "0800-0000001"
            channel.save()
    veilig_thuis = Organisation.objects.get(slug="veilig-thuis")
    with reversion.create_revision():
        veilig_thuis.role_nl += " Meer uitleg."
        veilig_thuis.save()


def test_the_number_of_queries_does_not_grow_with_the_directory(client, seeded):
    add_organisations(30)  # so both sizes list organisations with channels and languages on every page
    small = query_counts(client, "192.0.2.10")
    add_organisations(150)
    large = query_counts(client, "192.0.2.11")
    assert large == small
    for path, budget in [*PAGES, (WIZARD, WIZARD_BUDGET)]:
        assert large[path] <= budget, (path, large[path])
