"""Quotation-mark regions: pairing, continuation over paragraphs, repairs of broken input."""

from __future__ import annotations

import itertools
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.extract.quotes.marks import MAX_PARAGRAPHS, find_regions, paragraphs


def texts(text: str) -> list[str]:
    regions, _ = find_regions(text)
    return [text[r.start:r.end] for r in regions]


def test_straight_and_curly_marks():
    assert texts('He said: "We won." Then “we left,” she said.') == ["We won.", "we left"]


def test_double_apostrophe_marks_of_wire_copy():
    assert texts("''It's anti-reform,'' he said.") == ["It's anti-reform"]


def test_nested_single_marks_stay_inside_the_outer_quote():
    assert texts("“He told me ‘never again’ twice,” she said.") == ["He told me ‘never again’ twice"]


def test_single_curly_marks_outside_doubles_and_apostrophes_ignored():
    assert texts("Democrats’ voters: It’s ‘in their heads.’") == ["in their heads."]


def test_quote_spanning_sentences():
    assert texts('"One. Two. Three," he said.') == ["One. Two. Three"]


def test_continued_paragraphs_make_one_quote():
    text = '"First part of it.\n"Second part of it," he said.\nNext.'
    regions, warnings = find_regions(text)
    assert [text[r.start:r.end] for r in regions] == ['First part of it.\n"Second part of it']
    assert regions[0].paragraphs == 2 and not warnings


def test_unclosed_quote_is_cut_at_its_paragraph_with_a_warning():
    text = 'He said "this never closes.\nA new paragraph with no mark.'
    regions, warnings = find_regions(text)
    assert [text[r.start:r.end] for r in regions] == ["this never closes."]
    assert regions[0].close is None
    assert len(warnings) == 1 and "never closed" in warnings[0]


def test_continuation_is_capped():
    text = "\n".join(f'"Paragraph {i} of a speech.' for i in range(MAX_PARAGRAPHS + 3))
    regions, warnings = find_regions(text)
    assert all(r.paragraphs <= MAX_PARAGRAPHS for r in regions)
    assert warnings


def test_stray_closing_mark_is_ignored():
    assert texts('Nothing opens here” but “this does.”') == ["this does."]


def test_long_quote_and_long_text_are_linear():
    words = " ".join(["word"] * 5000)
    assert texts(f'"{words}," he said.') == [words]
    big = ('He said "a quote here" and more. ' * 3000 + "\n") * 5
    started = time.perf_counter()
    regions, _ = find_regions(big)
    assert len(regions) == 15000
    assert time.perf_counter() - started < 2.0


def test_paragraphs_skip_blank_lines():
    assert paragraphs("a\n\n  \nb") == [(0, 1), (6, 7)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab "“”‘’\n.,\'')), max_size=200))
def test_regions_are_ordered_disjoint_and_inside_the_text(text):
    regions, _ = find_regions(text)
    for r in regions:
        assert 0 <= r.open < r.start < r.end <= len(text)
        assert text[r.start:r.end].strip() == text[r.start:r.end]
    for a, b in itertools.pairwise(regions):
        assert a.end <= b.open
    assert find_regions(text) == (regions, find_regions(text)[1])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab "“”\n.')), max_size=200))
def test_a_region_never_reaches_past_its_cap(text):
    regions, _ = find_regions(text)
    for r in regions:
        assert text[r.start:r.end].count("\n") < MAX_PARAGRAPHS + text[r.start:r.end].count("\n\n") + 1
        assert r.paragraphs <= MAX_PARAGRAPHS
