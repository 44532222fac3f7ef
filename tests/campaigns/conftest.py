"""Shared setup for the campaign library tests: the seed fixture read independently, and helpers."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "source" / "campaigns.json"

PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def office_bytes(part: str = "word/document.xml", extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture(scope="session")
def rows() -> list[dict]:
    """The seed file as the tests read it, without the loader's help."""
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def b1(rows) -> list[dict]:
    return [row for row in rows if row["source_section"] == "B.1"]


@pytest.fixture
def vocabularies(db):
    from campaigns.seed import ensure_vocabularies

    ensure_vocabularies()


def proposals():
    """Campaigns that came in through the public form (the seeded library holds none)."""
    from campaigns.models import Campaign

    return Campaign.objects.filter(proposed_at__isnull=False)


@pytest.fixture
def campaigns_loaded(db) -> int:
    """The campaign library as `make run` loads it (part of the session's seed data, tests/conftest.py):
    the number of campaigns its loader reported."""
    from portal.models import LoadedDataset

    return LoadedDataset.objects.get(name="campaigns.seed001").rows


PROVINCES = [("PV23", "Overijssel"), ("PV24", "Flevoland"), ("PV27", "Noord-Holland"), ("PV28", "Zuid-Holland"),
             ("PV30", "Noord-Brabant"), ("PV31", "Limburg"), ("PV26", "Utrecht")]  # fmt: skip
SAFETY_REGIONS = [("VR04", "IJsselland", "PV23"), ("VR05", "Twente", "PV23"), ("VR13", "Amsterdam-Amstelland", "PV27"),
                  ("VR15", "Haaglanden", "PV28"), ("VR16", "Hollands Midden", "PV28"),
                  ("VR17", "Rotterdam-Rijnmond", "PV28"), ("VR20", "Midden- en West-Brabant", "PV30"),
                  ("VR25", "Flevoland", "PV24")]  # fmt: skip
MUNICIPALITIES = [("GM0363", "Amsterdam", "", "VR13"), ("GM0518", "'s-Gravenhage", "Den Haag", "VR15"),
                  ("GM0534", "Hillegom", "", "VR16"), ("GM0553", "Lisse", "", "VR16"),
                  ("GM1525", "Teylingen", "", "VR16"), ("GM0599", "Rotterdam", "", "VR17"),
                  ("GM0855", "Tilburg", "", "VR20")]  # fmt: skip


@pytest.fixture
def regions(db):
    """The real provinces, safety regions and municipalities the seed names (kept if already loaded)."""
    from django.utils.text import slugify

    from directory.models import Municipality, PoliceUnit, Province, SafetyRegion

    provinces = {
        code: Province.objects.get_or_create(code=code, defaults={"name": name})[0] for code, name in PROVINCES
    }
    safety = {}
    for code, name, province in SAFETY_REGIONS:
        if not SafetyRegion.objects.filter(code=code).exists():
            unit, _created = PoliceUnit.objects.get_or_create(code="test-unit", defaults={"name": "Test unit"})
            SafetyRegion.objects.create(code=code, name=name, province=provinces[province], police_unit=unit)
        safety[code] = SafetyRegion.objects.get(code=code)
    for code, name, aliases, region in MUNICIPALITIES:
        Municipality.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "slug": slugify(name),
                "aliases": aliases,
                "province": safety[region].province,
                "safety_region": safety[region],
            },
        )
    return {province.name: province for province in provinces.values()}


@pytest.fixture
def no_organisations(db):
    """Make the directory hold no organisation the seed could match (rolled back after the test)."""
    from django.db.models import Value
    from django.db.models.functions import Concat

    from directory.models import Organisation

    Organisation.objects.update(name=Concat(Value("zz-test "), "slug"), aliases="")


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
