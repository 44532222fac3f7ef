"""The library's filters: which exist, and the facts each one is counted from.

Reading, applying and counting them is shared with the directory (portal/facets.py): within one
filter several values mean "any of these", different filters must all hold, and the count beside
a value says how many campaigns choosing it would give. Bad values are dropped with a notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import QuerySet, Value
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.models import Audience, Campaign, Format, Material
from campaigns.vocabulary import GENERAL
from directory.models import ExploitationForm, Language, Province
from portal import facets as shared
from portal.facets import YES, facts, related, vocabulary
from portal.facets import Facet as Filter
from portal.text import normalise

PAGE_SIZE = shared.PAGE_SIZE
MAX_TERMS = 8
_WORD = re.compile(r"\w+", re.UNICODE)


def _province_facts() -> list[QuerySet]:
    """A national campaign reaches every province; a regional one the provinces its area lies in."""
    national = Campaign.objects.filter(scope=Campaign.Scope.NATIONAL)
    regional = {"campaign__scope": Campaign.Scope.REGIONAL}
    return [
        *(facts(national, "pk", Value(code)) for code in Province.objects.values_list("code", flat=True)),
        facts(Campaign.provinces.through.objects.filter(**regional), "campaign_id", "province__code"),
        facts(
            Campaign.safety_regions.through.objects.filter(**regional), "campaign_id", "safetyregion__province__code"
        ),
        facts(
            Campaign.municipalities.through.objects.filter(**regional), "campaign_id", "municipality__province__code"
        ),
    ]


def build_filters() -> list[Filter]:
    return [
        Filter(
            "doelgroep",
            gettext_lazy("Audience"),
            vocabulary(Audience),
            related(Campaign.audiences, "audience__code"),
        ),
        Filter(
            "vorm",
            gettext_lazy("Form of exploitation"),
            lambda: (
                [(form.code, form.name) for form in ExploitationForm.objects.all()]
                + [(GENERAL, _("Human trafficking in general"))]
            ),
            lambda: [
                facts(Campaign.forms.through.objects, "campaign_id", "exploitationform__code"),
                facts(Campaign.objects.filter(all_forms=True), "pk", Value(GENERAL)),
            ],
        ),
        Filter(
            "middel",
            gettext_lazy("Format"),
            vocabulary(Format),
            related(Campaign.formats, "format__code"),
        ),
        Filter(
            "bereik",
            gettext_lazy("Scope"),
            lambda: [(Campaign.Scope.NATIONAL, _("National")), (Campaign.Scope.REGIONAL, _("Regional"))],
            lambda: [facts(Campaign.objects, "pk", "scope")],
        ),
        Filter(
            "provincie",
            gettext_lazy("Reaches the province"),
            vocabulary(Province),
            _province_facts,
        ),
        Filter(
            "looptijd",
            gettext_lazy("Running or ended"),
            lambda: [(Campaign.Status.ONGOING, _("Still running")), (Campaign.Status.ENDED, _("Ended"))],
            lambda: [facts(Campaign.objects, "pk", "status")],
        ),
        Filter(
            "materiaal",
            gettext_lazy("Material"),
            lambda: [(YES, _("Has material to reuse"))],
            lambda: [facts(Material.objects, "campaign_id", Value(YES))],
            single=True,
        ),
        Filter(
            "taal",
            gettext_lazy("Language"),
            vocabulary(Language),
            lambda: [
                facts(Campaign.languages.through.objects, "campaign_id", "language__code"),
                facts(Material.objects.filter(language__isnull=False), "campaign_id", "language__code"),
            ],
            hide_empty=True,
        ),
    ]


@dataclass
class LibraryRequest(shared.ListRequest):
    """A library search: the shared one plus the words searched for."""

    terms: list[str] = field(default_factory=list)


def search_terms(query: str) -> list[str]:
    words = [word for word in _WORD.findall(normalise(query)) if len(word) > 1 or word.isdigit()]
    return list(dict.fromkeys(words))[:MAX_TERMS]


def read_request(data: QueryDict, filters: list[Filter]) -> LibraryRequest:
    """Read and check a query string. Bad values are dropped with a notice, never an error page."""
    request = shared.read_request(data, filters, LibraryRequest())
    request.terms = search_terms(request.query)
    return request


def matching(queryset: QuerySet, terms: list[str]) -> QuerySet:
    for term in terms:
        queryset = queryset.filter(search_text__contains=term)
    return queryset


fact_index = shared.fact_index
narrow = shared.narrow
