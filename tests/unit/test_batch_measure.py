"""The length-scaling arithmetic the linear-cost test and the benchmark share."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventwire.batch.measure import Rate, growth, length_scaling, repeat_text, spread


def test_repeat_text_multiplies_the_words():
    assert len(repeat_text("a b c\n", 4).split()) == 12
    assert repeat_text("One.", 2) == "One.\n\nOne."


def test_growth_ignores_a_fixed_cost_but_sees_quadratic_work():
    assert growth({1: 3.0, 4: 1.5, 16: 1.1}) <= 1.0
    assert growth({1: 1.0, 4: 4.0, 16: 16.0}) == 16.0
    assert spread({1: 3.0, 4: 1.5}) == 2.0


@given(st.dictionaries(st.integers(1, 64), st.floats(0.01, 100), min_size=1))
def test_growth_is_one_for_level_costs_and_never_below_a_later_ratio(per_word):
    level = dict.fromkeys(per_word, 2.0)
    assert abs(growth(level) - 1.0) < 1e-9 or len(level) == 1
    factors = sorted(per_word)
    if len(factors) > 1:
        assert growth(per_word) >= per_word[factors[-1]] / per_word[factors[0]] - 1e-9


def test_length_scaling_charges_work_per_word():
    calls = []

    def quadratic(text: str) -> None:
        calls.append(text)
        n = len(text.split())
        sum(i * j for i in range(n) for j in range(n))

    per_word = length_scaling(quadratic, "w " * 30, (1, 8), rounds=2)
    assert growth(per_word) > 2.5
    assert Rate("x", 1, 10, 100, 2.0).words_per_s == 50.0
