"""A list page's filter (portal.facets.Facet.fieldset): the markup the search page and the campaign
library show, every label escaped, chosen values checked, empty values hidden where asked."""

from __future__ import annotations

from portal.facets import Facet, Option


def facet(hide_empty: bool = False) -> Facet:
    made = Facet(param="vorm", legend="Vorm <van> uitbuiting", choices=list, facts=list, hide_empty=hide_empty)
    made.options = [
        Option(value="labour", label="Arbeid & werk", count=6000, selected=True),
        Option(value="sex work", label="Seksueel", count=0),
    ]
    return made


def test_a_filter_is_a_fieldset_of_checkboxes_with_their_counts():
    assert facet().fieldset() == (
        "\n<fieldset>\n  <legend>Vorm &lt;van&gt; uitbuiting</legend>\n  <ul>\n    "
        '\n    <li>\n      <input type="checkbox" id="f-vorm-labour" name="vorm" value="labour" checked>'
        '\n      <label for="f-vorm-labour">Arbeid &amp; werk <span class="count">(6000)</span></label>'
        "\n    </li>\n    "
        '\n    <li>\n      <input type="checkbox" id="f-vorm-sex-work" name="vorm" value="sex work">'
        '\n      <label for="f-vorm-sex-work">Seksueel <span class="count">(0)</span></label>\n    </li>\n    '
        "\n  </ul>\n</fieldset>\n"
    )


def test_a_filter_that_hides_empty_values_shows_only_those_with_results_or_chosen():
    assert "Seksueel" not in facet(hide_empty=True).fieldset()
    empty = facet(hide_empty=True)
    empty.options = [Option(value="labour", label="Arbeid", count=0)]
    assert empty.fieldset() == ""
