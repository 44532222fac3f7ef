"""The ranked ids of a list come straight from the cursor (portal.facets.plain_rows): each column
must be the one asked for, whatever order Django puts the selected columns in. A swap once made
the API count the distinct relevance values of a search instead of its results."""

from __future__ import annotations

import pytest
from django.db.models import Value
from django.http import QueryDict

from directory.models import Organisation
from directory.search import matching
from portal.facets import plain_rows

pytestmark = pytest.mark.django_db


def test_columns_come_in_the_order_asked_for_not_the_order_selected(seeded):
    annotated = Organisation.objects.published().annotate(marker=Value(-5)).order_by("pk")
    ids = list(annotated.values_list("pk", flat=True))
    assert plain_rows(annotated, "pk", "marker") == [(pk, -5) for pk in ids]
    assert plain_rows(annotated, "marker", "pk") == [(-5, pk) for pk in ids]


def test_a_ranked_search_lists_every_match_once_best_first(seeded):
    from directory.views import run_search

    ranked = matching(Organisation.objects.published(), "mensenhandel")
    expected = list(ranked.values_list("pk", flat=True))
    assert len(expected) > 20
    context = run_search(QueryDict("q=mensenhandel"))
    assert context["paginator"].count == len(expected)
    assert [organisation.pk for organisation in context["page"].object_list] == expected[:20]
