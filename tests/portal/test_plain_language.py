"""Plain language (B1): a report of Dutch information-page sentences over 20 words, for editors.

Not a hard rule (a long list of examples can be fine): the report test prints the list and fails
only when the check itself stops working.
"""

from __future__ import annotations

import pytest

from portal.plain_language import long_sentences, sentences


class SentenceSplittingTestCase:
    def test_paragraphs_list_items_and_headings_are_separate_sentences(self):
        text = (
            "## Kop zonder punt\n\nEen zin. Nog een zin!\n\n- Een punt\n- Een [link](/nl/) hier?\n\n| a | b |\n|--|--|"
        )
        assert sentences(text) == ["Kop zonder punt", "Een zin.", "Nog een zin!", "Een punt", "Een link hier?"]

    def test_a_sentence_over_twenty_words_is_reported_with_its_length(self):
        short = "Dit is een korte zin met precies tien woorden erin hoor."
        long = " ".join(["woord"] * 21) + "."
        found = long_sentences(f"{short} {long}")
        assert [(item.words, item.text) for item in found] == [(21, long)]
        assert long_sentences(" ".join(["woord"] * 20) + ".") == []


@pytest.mark.django_db
def test_report_of_long_dutch_sentences_on_information_pages(seeded, capsys):
    from portal.models import Page

    report: list[str] = []
    checked = 0
    for page in Page.objects.filter(published=True).order_by("order", "slug"):
        for part, text in (("summary", page.summary_nl), ("text", page.body_nl)):
            checked += len(sentences(text))
            for item in long_sentences(text):
                report.append(f"  {page.slug} ({part}): {item.words} words: {item.text}")
    with capsys.disabled():
        print(f"\nPlain language: {len(report)} of {checked} Dutch sentences on information pages have over 20 words.")
        print("\n".join(report))
    assert checked > 300, "the pages were read"
