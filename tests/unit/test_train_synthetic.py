"""The synthetic training sentences for the learned PLOVER coder (train/synthetic.py)."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from eventwire.train import synthetic
from eventwire.train.synthetic import Example, generate

TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "MOBILIZE",
    "SANCTION",
    "COERCE",
    "ASSAULT",
}


@pytest.fixture(scope="module")
def examples() -> list[Example]:
    return generate(seed=0, per_type=300)


def test_deterministic_for_a_seed(examples):
    assert generate(seed=0, per_type=300) == examples
    assert generate(seed=1, per_type=300) != examples


def test_marked_word_is_one_word(examples):
    for ex in examples:
        if ex.label is not None:
            assert ex.start >= 0, ex
        if ex.start == -1:
            assert ex.end == -1 and ex.label is None, ex
            continue
        word = ex.text[ex.start : ex.end]
        assert word and word.strip() == word and " " not in word, ex
        assert word.replace("-", "").isalpha(), ex


def test_every_type_has_enough_examples_and_triggers(examples):
    counts = Counter(ex.label for ex in examples if ex.label)
    triggers: dict[str, set[str]] = defaultdict(set)
    for ex in examples:
        if ex.label:
            triggers[ex.label].add(ex.text[ex.start : ex.end].lower())
    assert set(counts) == TYPES
    for kind in TYPES:
        assert counts[kind] >= 300, kind
        assert len(triggers[kind]) >= 25, (kind, sorted(triggers[kind]))


def test_hard_negatives_are_at_least_30_percent(examples):
    negatives = [ex for ex in examples if ex.label is None]
    assert len(negatives) / len(examples) >= 0.30
    marked = [ex for ex in negatives if ex.start >= 0]
    assert len(marked) / len(negatives) > 0.9


def test_no_text_repeats_more_than_twice(examples):
    assert max(Counter(ex.text for ex in examples).values()) <= 2


def test_texts_are_single_clean_sentences(examples):
    for ex in examples:
        assert "\n" not in ex.text and "{" not in ex.text and "[[" not in ex.text, ex
        assert "  " not in ex.text and " ," not in ex.text, ex
        assert ex.text[0].isupper() or ex.text[0].isdigit(), ex
        assert ex.text.endswith("."), ex


def test_families_named_and_datelines_present(examples):
    families = {ex.family for ex in examples}
    assert {"assault-passive", "protest-labour-strike", "sport-beat", "market-talks"} <= families
    assert any("(Reuters)" in ex.text for ex in examples)
    assert any(ex.text.endswith("officials said.") for ex in examples)


def test_both_kinds_of_strike_are_labelled():
    examples = generate(seed=3, per_type=300)
    kinds = {ex.label for ex in examples if ex.text[ex.start : ex.end].lower() == "strikes"}
    kinds |= {ex.label for ex in examples if ex.text[ex.start : ex.end].lower() == "strike"}
    assert {"ASSAULT", "PROTEST", None} <= kinds


def test_small_run_prints_nothing(capsys):
    small = generate(seed=2, per_type=20)
    assert Counter(ex.label for ex in small if ex.label)["AID"] == 20
    assert capsys.readouterr() == ("", "")


def test_templates_mark_exactly_one_word():
    groups = [g for gs in synthetic.positive_groups().values() for g in gs]
    for group in groups + synthetic.negative_groups():
        for template in group.templates:
            assert template.count("[[") == 1 == template.count("]]"), template
