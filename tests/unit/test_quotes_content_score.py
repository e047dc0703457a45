"""The field's rule for quote content (../shared/data/README.md, "How quote content is scored")."""

from __future__ import annotations

import pytest

from eventwire.eval.quote_content import (
    ContentTally,
    Tokens,
    gold_bag,
    greedy_pairs,
    jaccard,
    system_bag,
)


def _at(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


INTERRUPTED = '"We will not sign," Ushakov said, "not this year."'


def test_discontinuous_gold_content_runs_from_first_to_last_part_without_its_source_and_cue():
    text = INTERRUPTED
    tokens = Tokens(text)
    gold = gold_bag(tokens, [_at(text, "We will not sign,"), _at(text, "not this year.")],
                    [_at(text, "Ushakov")], [_at(text, "said")], "direct")
    assert sorted(text[slice(*tokens.spans[i])] for i in gold.content) == sorted(
        ["We", "will", "not", "sign", "not", "this", "year"])
    # a system content spanning the interruption matches it exactly: the cue and source are not charged
    whole = system_bag(tokens, [(1, len(text) - 2)], [_at(text, "Ushakov")], [_at(text, "said")], "direct")
    assert greedy_pairs([whole], [gold]) == [(0, 0)]
    # the first part alone shares 4 of 7 tokens: still a match; "this year" alone (2 of 7) is not
    first = system_bag(tokens, [_at(text, "We will not sign")], [], [], "direct")
    tail = system_bag(tokens, [_at(text, "this year")], [], [], "direct")
    assert greedy_pairs([first], [gold]) == [(0, 0)]
    assert greedy_pairs([tail], [gold]) == []


def test_a_source_inside_the_content_span_is_removed_from_both_sides():
    text = "The talks, the Kremlin aide Ushakov said on Friday, had ended without a deal."
    tokens = Tokens(text)
    content = [_at(text, "The talks,"), _at(text, "on Friday, had ended without a deal")]
    gold = gold_bag(tokens, content, [_at(text, "the Kremlin aide Ushakov")], [_at(text, "said")], "indirect")
    assert "Ushakov" not in {text[slice(*tokens.spans[i])] for i in gold.content}
    system = system_bag(tokens, [(0, len(text) - 1)], [_at(text, "Ushakov")], [_at(text, "said")], "indirect")
    tally = ContentTally()
    tally.add([system], [gold])
    scores = tally.scores()
    assert scores["content_f1"] == 1.0
    # the source "Ushakov" shares 1 of 4 tokens with "the Kremlin aide Ushakov": wrong by the same rule
    assert scores["source_accuracy"] == 0.0 and scores["cue_accuracy"] == 1.0 and scores["kind_accuracy"] == 1.0


def test_greedy_one_to_one_takes_the_best_pair_first_and_counts_the_rest_as_errors():
    text = "Smith said one two three four five six. Jones said seven eight nine ten."
    tokens = Tokens(text)
    gold = [gold_bag(tokens, [_at(text, "one two three four five six")], [_at(text, "Smith")],
                     [_at(text, "said")], "indirect"),
            gold_bag(tokens, [_at(text, "seven eight nine ten")], [_at(text, "Jones")],
                     [_at(text, "said", 1)], "indirect")]
    wide = system_bag(tokens, [_at(text, "one two three four five six")], [_at(text, "Smith")], [], "direct")
    part = system_bag(tokens, [_at(text, "two three four five")], [_at(text, "Smith")], [], "indirect")
    pairs = greedy_pairs([part, wide], gold)
    assert pairs == [(1, 0)]  # the exact one wins; the other may not take the same gold
    tally = ContentTally()
    tally.add([part, wide], gold)
    scores = tally.scores()
    assert scores["content_precision"] == 0.5 and scores["content_recall"] == 0.5
    assert scores["kind_accuracy"] == 0.0 and scores["source_accuracy"] == 1.0 and scores["cue_accuracy"] == 0.0


def test_tokens_are_positions_not_spellings():
    text = "said said said"
    tokens = Tokens(text)
    assert tokens.within([(0, 4)]) == {0} and len(tokens.extent([(0, 4), (10, 14)])) == 3
    assert jaccard(frozenset(), frozenset()) == 0.0


@pytest.mark.parametrize("words,matched", [(8, True), (9, False)])
def test_threshold_is_half_of_the_union(words, matched):
    text = "a b c d e f g h i"
    tokens = Tokens(text)
    gold = gold_bag(tokens, [(0, 7)], [], [], "indirect")  # a b c d
    system = system_bag(tokens, [(0, 2 * words - 1)], [], [], "indirect")  # 4 shared of `words`
    assert (len(greedy_pairs([system], [gold])) == 1) is matched
