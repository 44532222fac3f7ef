"""The directory's filters (facets): which exist, and the facts each one is counted from.

Reading, applying and counting them is shared with the campaign library (portal/facets.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet, Value
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from directory.models import (
    Audience,
    ContactChannel,
    ExploitationForm,
    Language,
    Municipality,
    Organisation,
)
from portal import facets as shared
from portal.facets import YES, Facet, facts, related, vocabulary

PAGE_SIZE = shared.PAGE_SIZE


def _verified_channels() -> QuerySet:
    return ContactChannel.objects.public()


def _kind_facts() -> list[QuerySet]:
    """An organisation that is both a reporting point and a knowledge centre counts for both."""
    return [
        facts(Organisation.objects.filter(kind__in=[kind, Organisation.Kind.BOTH]), "pk", Value(str(kind)))
        for kind in (Organisation.Kind.MELDPUNT, Organisation.Kind.KENNISCENTRUM)
    ]


def _channel_flag(param: str, legend: str, label: str, **flag: bool) -> Facet:
    """A yes/no filter: organisations with a verified channel that has the flag."""
    return Facet(
        param,
        legend,
        lambda: [(YES, label)],
        lambda: [facts(_verified_channels().filter(**flag), "organisation_id", Value(YES))],
        single=True,
    )


def build_facets() -> list[Facet]:
    return [
        Facet(
            "soort",
            gettext_lazy("Kind of organisation"),
            lambda: [
                (Organisation.Kind.MELDPUNT, _("Reporting point (meldpunt)")),
                (Organisation.Kind.KENNISCENTRUM, _("Knowledge centre (kenniscentrum)")),
            ],
            _kind_facts,
        ),
        Facet(
            "vorm",
            gettext_lazy("Form of exploitation"),
            vocabulary(ExploitationForm),
            related(Organisation.forms, "exploitationform__code"),
        ),
        Facet(
            "doelgroep",
            gettext_lazy("For whom"),
            vocabulary(Audience),
            related(Organisation.audiences, "audience__code"),
        ),
        Facet(
            "kanaal",
            gettext_lazy("Way to make contact"),
            lambda: list(ContactChannel.Kind.choices),
            lambda: [facts(_verified_channels(), "organisation_id", "kind")],
        ),
        _channel_flag(
            "dag-en-nacht", gettext_lazy("Open day and night"), _("Open 24 hours, 7 days a week"), is_24_7=True
        ),
        _channel_flag("anoniem", gettext_lazy("Anonymous"), _("You can stay anonymous"), anonymous=True),
        Facet(
            "taal",
            gettext_lazy("Language"),
            vocabulary(Language),
            lambda: [
                facts(
                    ContactChannel.languages.through.objects.filter(contactchannel__in=_verified_channels()),
                    "contactchannel__organisation_id",
                    "language__code",
                )
            ],
        ),
        Facet(
            "schaal",
            gettext_lazy("Scale"),
            lambda: list(Organisation.Scale.choices),
            lambda: [facts(Organisation.objects, "pk", "scale")],
        ),
    ]


@dataclass
class SearchRequest(shared.ListRequest):
    """A directory search: the shared one plus the municipality the person is in."""

    municipality: Municipality | None = None

    def as_params(self) -> list[tuple[str, str]]:
        params = super().as_params()
        if self.municipality:
            params.append(("gemeente", self.municipality.slug))
        return params


def read_request(data: QueryDict, facets: list[Facet]) -> SearchRequest:
    """Read and check a query string. Bad values are dropped with a notice, never an error page."""
    search = shared.read_request(data, facets, SearchRequest())
    place = data.get("gemeente", "").strip()
    if place:
        municipality = (
            Municipality.objects.select_related("safety_region", "province")
            .filter(Q(slug=place[:100]) | Q(code=place[:6].upper()))
            .first()
        )
        if municipality is None:
            search.refuse("gemeente", _("We do not know that municipality. We show organisations for all places."))
        search.municipality = municipality
    return search


def in_area(queryset: QuerySet, search: SearchRequest) -> QuerySet:
    """The organisations serving the chosen municipality (all of them when none is chosen)."""
    if search.municipality is None:
        return queryset
    return queryset.filter(pk__in=Organisation.objects.serving(search.municipality).values("pk"))


fact_index = shared.fact_index
narrow = shared.narrow
