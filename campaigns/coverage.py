"""Coverage: how many campaigns speak to each audience about each form of exploitation.

All counting happens in Python over a handful of small queries, so the numbers are easy to check:
a campaign counts once in every cell whose audience and form it has. "In general" is the column
for campaigns about human trafficking in general; campaigns without a recorded audience or form
count in the "not recorded" row or column, so nothing silently disappears.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from campaigns.models import Audience, Campaign
from campaigns.vocabulary import GENERAL
from directory.models import ExploitationForm, Province

NOT_RECORDED = ""


@dataclass
class Facts:
    scope: str
    all_forms: bool
    audiences: set[str] = field(default_factory=set)
    forms: set[str] = field(default_factory=set)
    provinces: set[str] = field(default_factory=set)

    def form_keys(self) -> set[str]:
        keys = set(self.forms)
        if self.all_forms:
            keys.add(GENERAL)
        return keys or {NOT_RECORDED}

    def audience_keys(self) -> set[str]:
        return set(self.audiences) or {NOT_RECORDED}


def campaign_facts() -> dict[int, Facts]:
    """Audiences, forms and provinces of every published campaign, in six queries."""
    campaigns = Campaign.objects.published().order_by()
    facts = {pk: Facts(scope=scope, all_forms=all_forms) for pk, scope, all_forms in campaigns.values_list(
        "pk", "scope", "all_forms"
    )}  # fmt: skip
    ids = campaigns.values("pk")
    for campaign_id, code in Campaign.audiences.through.objects.filter(campaign_id__in=ids).values_list(
        "campaign_id", "audience__code"
    ):
        facts[campaign_id].audiences.add(code)
    for campaign_id, code in Campaign.forms.through.objects.filter(campaign_id__in=ids).values_list(
        "campaign_id", "exploitationform__code"
    ):
        facts[campaign_id].forms.add(code)
    place_queries = [
        Campaign.provinces.through.objects.values_list("campaign_id", "province__code"),
        Campaign.safety_regions.through.objects.values_list("campaign_id", "safetyregion__province__code"),
        Campaign.municipalities.through.objects.values_list("campaign_id", "municipality__province__code"),
    ]
    for query in place_queries:
        for campaign_id, code in query.filter(campaign_id__in=ids):
            if facts[campaign_id].scope == Campaign.Scope.REGIONAL:
                facts[campaign_id].provinces.add(code)
    return facts


@dataclass
class Cell:
    count: int
    url: str = ""
    gap: bool = False


@dataclass
class Row:
    key: str
    label: str
    cells: list[Cell]
    total: int


@dataclass
class Matrix:
    columns: list[tuple[str, str]]
    rows: list[Row]
    column_totals: list[int]
    total: int
    gaps: int


def _library_url(**params: str) -> str:
    query = urlencode([(key, value) for key, value in params.items() if value])
    return reverse("campaigns-library") + ("?" + query if query else "")


def form_columns() -> list[tuple[str, str]]:
    return [(form.code, form.name) for form in ExploitationForm.objects.all()] + [
        (GENERAL, _("Human trafficking in general")),
        (NOT_RECORDED, _("Form not recorded")),
    ]


def audience_rows() -> list[tuple[str, str]]:
    return [(audience.code, audience.name) for audience in Audience.objects.all()] + [
        (NOT_RECORDED, _("Audience not recorded"))
    ]


def build_matrix(
    facts: list[Facts], rows: list[tuple[str, str]], columns: list[tuple[str, str]], province: str = ""
) -> Matrix:
    matrix_rows: list[Row] = []
    gaps = 0
    for row_key, row_label in rows:
        in_row = [item for item in facts if row_key in item.audience_keys()]
        cells = []
        for column_key, _label in columns:
            count = sum(1 for item in in_row if column_key in item.form_keys())
            known = bool(row_key and column_key)
            url = _library_url(doelgroep=row_key, vorm=column_key, provincie=province) if count and known else ""
            gap = known and not count
            gaps += gap
            cells.append(Cell(count=count, url=url, gap=gap))
        matrix_rows.append(Row(key=row_key, label=row_label, cells=cells, total=len(in_row)))
    column_totals = [sum(1 for item in facts if key in item.form_keys()) for key, _label in columns]
    return Matrix(columns=columns, rows=matrix_rows, column_totals=column_totals, total=len(facts), gaps=gaps)


@dataclass
class ProvinceLine:
    province: Province
    regional: int
    by_form: list[int]


def province_overview(facts: list[Facts], columns: list[tuple[str, str]]) -> list[ProvinceLine]:
    """Per province: how many regional campaigns there are, in all and per form."""
    lines = []
    for province in Province.objects.all():
        regional = [item for item in facts if province.code in item.provinces]
        by_form = [sum(1 for item in regional if key in item.form_keys()) for key, _label in columns]
        lines.append(ProvinceLine(province=province, regional=len(regional), by_form=by_form))
    return lines
