"""Junk in every public GET parameter and POST form: never a 500, nothing stored (issue 13 §5).

Hypothesis draws the requests from a fixed seed (`derandomize`), so a run is repeatable and
bounded; each test prints how many requests it tried. The parameter names are read from the
code (the facets, the filters, the proposal form, the wizard's questions), so a new parameter is
fuzzed without anyone adding it here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


# Tables a junk request may write to by design: the proposal form's rate limit (a salted hash) and
# the wizard's anonymous recommendation counts (only for a complete, valid set of answers).
WRITABLE_BY_DESIGN = {"campaigns.proposalattempt", "referral.recommendationtally"}
CHECKED_APPS = ("directory", "campaigns", "referral", "portal", "auth", "admin", "reversion")

TRICKY = [
    "\x00", "a\x00b", "%00", "²", "³", "٣", "۳", "३", "３", "߃", "-1", "0", "00", "+1", "1.5", "1e9", " 1 ",
    "99999999999999999999999999999999", "../../etc/passwd", "//evil.example/", "<script>alert(1)</script>",
    "' OR 1=1 --", "\u202ertl", "\ufeff", "\r\n", "é", "🙂", "null", "[]", "{}", "1²", "٦²२02", "", "9" * 400,
    "x" * 6000,
]  # fmt: skip
TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=30)
JUNK = st.one_of(
    TEXT,
    st.sampled_from(TRICKY),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.text(alphabet="0123456789²³¹٠١٢٣٤٥٦٧٨٩०१२३０１２３", min_size=1, max_size=12),
    st.builds(
        lambda piece, times: piece * times, st.sampled_from(["x", "é", "\x00", "9", "٣"]), st.integers(200, 6000)
    ),
)


def junk_or(*good: str) -> st.SearchStrategy[str]:
    """Mostly junk, sometimes a value the page knows (so the fuzz also gets past the first check)."""
    return st.one_of(JUNK, st.sampled_from(good)) if good else JUNK


def stored_state() -> tuple:
    """Row counts of every table a visitor must not change, in one query, plus the media files."""
    tables = [
        model._meta.db_table
        for model in apps.get_models()
        if model._meta.app_label in CHECKED_APPS and model._meta.label_lower not in WRITABLE_BY_DESIGN
    ]
    # Table names from the models, never from a request.
    sql = "SELECT " + ", ".join(f'(SELECT count(*) FROM "{table}")' for table in tables)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql)
        counts = dict(zip(tables, cursor.fetchone(), strict=True))
    from django.conf import settings as django_settings

    media = Path(django_settings.MEDIA_ROOT)
    files = sorted(str(path) for path in media.rglob("*") if path.is_file()) if media.exists() else []
    return counts, files


def run_fuzz(
    capsys,
    name: str,
    sweep: list,
    examples: int,
    strategy: st.SearchStrategy,
    send: Callable[[Client, object], object],
) -> None:
    """First the sweep (every tricky value in every field, one value per request), then
    `examples` requests drawn by Hypothesis (mixtures of junk and known values)."""
    client = Client()
    tried = {"requests": 0}
    before = stored_state()
    for drawn in sweep:
        tried["requests"] += 1
        response = send(client, drawn)
        assert response.status_code < 500, (drawn, response.status_code, response.content[:300])
        assert stored_state() == before, drawn

    @settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def one_request(drawn) -> None:
        tried["requests"] += 1
        response = send(client, drawn)
        assert response.status_code < 500, (drawn, response.status_code, response.content[:300])
        assert stored_state() == before, drawn

    one_request()
    with capsys.disabled():
        print(f"\nfuzz {name}: {tried['requests']} requests, no 500, nothing stored")
    assert tried["requests"] >= len(sweep) + examples // 2


def query(params: list[str]) -> st.SearchStrategy:
    """Any of the page's parameters at once (each with one or two junk values), plus unknown ones."""
    known = st.fixed_dictionaries({}, optional={param: st.lists(JUNK, min_size=1, max_size=2) for param in params})
    unknown = st.dictionaries(JUNK.filter(lambda key: key not in params), st.lists(JUNK, max_size=1), max_size=2)
    return st.tuples(known, unknown).map(lambda both: {**both[1], **both[0]})


def directory_params() -> list[str]:
    from directory.facets import build_facets

    return ["q", "gemeente", "pagina", "taal_tekst", *(facet.param for facet in build_facets())]


def campaign_params() -> list[str]:
    from campaigns.filters import build_filters

    return ["q", "pagina", *(item.param for item in build_filters())]


class FuzzGetTestCase:
    def test_every_public_get_parameter(self, capsys, media_root):
        targets = [
            ("/nl/organisaties/", directory_params()),
            ("/ar/organisaties/wijzigingen/", ["pagina"]),
            ("/api/v1/organisaties/", directory_params()),
            ("/nl/campagnes/", campaign_params()),
            ("/ar/campagnes/dekking/", ["provincie"]),
            ("/nl/meldroute/", ["gemeente"]),
            ("/uk/", ["q"]),
            ("/open-data/organisaties.csv", ["q"]),
            ("/nl/organisaties/wijzigingen/atom.xml", ["pagina"]),
        ]
        strategy = st.one_of(
            *(st.tuples(st.just(url), query(params)) for url, params in targets),
            # Junk inside the path, where a page reads a slug from it.
            st.tuples(
                st.sampled_from(SLUG_PAGES),
                JUNK.filter(bool),
            ).map(lambda pair: (pair[0].format(quote(pair[1][:300], safe="")), [])),
            # A raw query string that is not valid percent-encoding or UTF-8.
            st.tuples(
                st.sampled_from(["/nl/organisaties/", "/api/v1/organisaties/", "/nl/campagnes/"]),
                st.text(alphabet="%0123456789abcdefFE&=+;x", max_size=40),
            ).map(lambda pair: (f"{pair[0]}?{pair[1]}", [])),
        )

        def send(client: Client, drawn):
            url, params = drawn
            return client.get(url, params) if params else client.get(url)

        sweep = [(url, dict.fromkeys(params, value)) for url, params in targets[:6] for value in TRICKY]
        sweep += [
            (SLUG_PAGES[number % len(SLUG_PAGES)].format(quote(value, safe="")), [])
            for number, value in enumerate(TRICKY)
            if value
        ]
        run_fuzz(capsys, "GET", sweep, 40, strategy, send)


SLUG_PAGES = [
    "/nl/organisaties/{}/", "/en/campagnes/{}/", "/nl/meldroute/{}/", "/pl/informatie/{}/",
    "/uk/organisaties/{}/wijzigingen/",
]  # fmt: skip
WIZARD_ACTIONS = ["answer", "result", "continue", "show:place", "show:danger", "show:check", "show:"]


class FuzzPostTestCase:
    def test_the_wizard(self, capsys, media_root):
        from referral import flow

        answer_fields = {
            f"a_{node}": junk_or(*question.choices, "amsterdam", flow.PLACE_ABROAD)
            for node, question in flow.QUESTIONS.items()
        }
        fields = {
            **answer_fields,
            "step": junk_or("start", "entry", *flow.ORDER),
            "action": junk_or(*WIZARD_ACTIONS),
            "answer": junk_or("yes", "no", "self", "hulp", "work"),
            "who": junk_or("self", "professional"),
            "place_kind": junk_or("municipality", flow.PLACE_ABROAD, flow.PLACE_UNSAID),
            "place_name": junk_or("Amsterdam", "Den Haag"),
        }
        strategy = st.tuples(
            st.fixed_dictionaries({}, optional=fields),
            st.sampled_from(["/nl/verwijswijzer/", "/ar/verwijswijzer/"]),
            st.booleans(),
        )

        def send(client: Client, drawn):
            data, url, urlencoded = drawn
            if urlencoded:
                from urllib.parse import urlencode

                return client.post(url, urlencode(data), content_type="application/x-www-form-urlencoded")
            return client.post(url, data)

        valid = {"a_danger": "no", "a_who": "self", "a_need": "hulp", "a_form": "work", "a_minor": "no"}
        sweep = []
        for value in TRICKY:
            sweep.append((dict.fromkeys(fields, value), "/nl/verwijswijzer/", False))
            place = {"step": "place", "place_kind": "municipality", "place_name": value}
            sweep.append(({**valid, **place}, "/nl/verwijswijzer/", True))
            sweep.append(
                ({**valid, "a_place": "amsterdam", "action": value, "step": value}, "/nl/verwijswijzer/", True)
            )
        run_fuzz(capsys, "wizard POST", sweep, 40, strategy, send)

    def test_the_campaign_proposal_form(self, capsys, media_root):
        from campaigns.forms import ProposalForm
        from campaigns.models import ProposalAttempt
        from campaigns.seed import ensure_vocabularies

        ensure_vocabularies()
        names = [name for name in ProposalForm.base_fields if name not in ("material", "contact_email", "website")]
        good = {"title": "Kijk verder", "senders": "Fier", "goal": "Signalen herkennen", "scope": "national",
                "status": "ongoing", "contact_name": "Sam", "start_year": "2024", "audiences": "jongeren"}  # fmt: skip
        fields = {name: junk_or(*([good[name]] if name in good else [])) for name in names}
        # The e-mail address is always junk (never an "@"), so no junk proposal can be a valid one.
        fields["contact_email"] = JUNK.map(lambda text: text.replace("@", ""))
        fields["material"] = st.builds(
            lambda head, body, name: SimpleUploadedFile(name or "x", head + body),
            st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"\x00\x00"]),
            st.binary(max_size=200),
            JUNK.map(lambda text: text.replace("\x00", "")[:100]),
        )
        strategy = st.fixed_dictionaries({}, optional=fields)

        def send(client: Client, data):
            ProposalAttempt.objects.all().delete()  # the rate limit would soon answer every post
            return client.post("/nl/campagnes/voorstellen/", data)

        sweep = [{**dict.fromkeys(names, value), "contact_email": value.replace("@", "")} for value in TRICKY]
        run_fuzz(capsys, "proposal POST", sweep, 30, strategy, send)
