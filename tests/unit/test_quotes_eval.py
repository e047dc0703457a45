"""The PolNeAR scorer's pieces: brat parsing, normalisation, matching, gold kinds."""

from __future__ import annotations

from eventwire.eval.quotes import Item, _Tally, gold_kind, marked_mask, match, norm, read_ann

ANN = """T1\tSource 0 5\tSmith
T2\tCue 6 10\tsaid
T3\tContent 11 30;35 40\tthat the talks fail ... again
T4\tAttribution 6 10\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tContent 50 60\tsomething
T6\tCue 61 65\tsaid
T7\tAttribution-no-source 61 65\tsaid
E2\tAttribution-no-source:T7 Content:T5 Cue:T6
T8\tDiscard 70 80\tignored
"""


def test_read_ann_keeps_discontinuous_content_and_missing_sources(tmp_path):
    path = tmp_path / "a_x.ann"
    path.write_text(ANN, encoding="utf-8")
    first, second = read_ann(path)
    assert first.content == [(11, 30), (35, 40)] and first.source == [(0, 5)] and first.cue == [(6, 10)]
    assert second.source == [] and second.cue == [(61, 65)]


def test_norm_ignores_marks_edges_and_that():
    assert norm('that “The talks,  failed.”') == norm("the talks, failed") == "the talks, failed"


def test_match_is_one_to_one_and_exact_needs_equal_text():
    text = "Smith said the talks failed badly today."
    gold = [Item([(11, 39)], [], [])]
    pred = [Item([(11, 26)], [], []), Item([(15, 39)], [], [])]
    assert match(pred, gold, text, exact=False) == [(1, 0)]
    assert match(pred, gold, text, exact=True) == []
    assert match([Item([(11, 40)], [], [])], gold, text, exact=True) == [(0, 0)]


def test_gold_kind_by_quotation_marks():
    text = 'He said "we won" and that the talks were "good" overall.'
    mask = marked_mask(text)
    assert gold_kind(text, [(8, 16)], mask) == "direct"
    assert gold_kind(text, [(26, 55)], mask) == "mixed"
    assert gold_kind(text, [(26, 40)], mask) == "indirect"


def test_second_piece_of_a_discontinuous_gold_is_no_false_positive():
    text = '"One two," he said. "Three four."'
    gold = [Item([(1, 8), (21, 31)], [(11, 13)], [(14, 18)], "direct")]
    pred = [Item([(1, 8)], [(11, 13)], [(14, 18)], "direct"), Item([(21, 31)], [(11, 13)], [(14, 18)], "direct")]
    tally = _Tally()
    tally.add(text, pred, gold)
    scores = tally.scores()
    assert scores["content_precision_overlap"] == 1.0 and tally.fragments == 1
    assert scores["source_accuracy"] == 1.0 and scores["cue_accuracy"] == 1.0


def test_joined_items_merge_a_quote_split_by_its_cue_with_its_marks():
    from eventwire.eval.quotes import joined_items

    text = '"One two," he said. "Three four." Then "five six," she said.'
    pred = [Item([(1, 8)], [(11, 13)], [(14, 18)], "direct"), Item([(21, 32)], [(11, 13)], [(14, 18)], "direct"),
            Item([(40, 48)], [(51, 54)], [(55, 59)], "direct")]
    first, second = joined_items(pred, text)
    assert first.content == [(0, 10), (20, 33)] and second.content == [(40, 48)]
    gold = [Item([(0, 10), (20, 33)], [(11, 13)], [(14, 18)], "direct")]
    assert match([first], gold, text, exact=True) == [(0, 0)]
