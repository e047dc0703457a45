"""Claims on real parses of sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.extract.claims import ClaimsComponent
from eventwire.model import Article
from eventwire.nlp import Annotated

pytestmark = pytest.mark.slow


def claims(nlp, text):
    ann = Annotated(article=Article(id="t", text=text), doc=nlp(text))
    ClaimsComponent()(ann)
    return [(c.about, c.value, c.max, c.bound, c.unit, c.per) for c in ann.claims]


def test_deaths_with_lower_bound(nlp):
    assert ("deaths", 156, None, "at_least", "person", None) in claims(
        nlp, "Militiamen attacked the camp, killing at least 156 people."
    )


def test_money_percent_and_distance(nlp):
    found = claims(
        nlp,
        "The fund paid $50,000 in fines, prices rose 3 per cent a year and the convoy drove 12 miles.",
    )
    assert ("money", 50000, None, "exact", "USD", None) in found
    assert ("percent", 3, None, "exact", "percent", "year") in found
    assert ("distance", 12, None, "exact", "mi", None) in found


def test_years_and_dates_are_not_claims(nlp):
    assert claims(nlp, "Russia invaded Ukraine in February 2022, and on Dec 3 in the 1980s.") == []


def test_displaced_range(nlp):
    assert ("displaced", 10000, 20000, "range", "person", None) in claims(
        nlp, "Between 10,000 and 20,000 people were displaced by the fighting."
    )


def test_a_movement_is_not_a_bound(nlp):
    found = claims(nlp, "The jobless rate went up to 5.5%, and rebels killed up to 40 soldiers.")
    assert ("percent", 5.5, None, "exact", "percent", None) in found
    assert ("deaths", 40, None, "at_most", "person", None) in found


MONEY = [
    # every multiplier news abbreviates, joined to the number or not, before a full stop,
    # in brackets, with a symbol, a code or a currency word
    ("Profits rose to $1.13bn last year.", 1.13e9, "USD"),
    ("Turnover rose to £2bn.", 2e9, "GBP"),
    ("Profits jumped to $1.13bn (£600m) in the year.", 1.13e9, "USD"),
    ("Profits jumped to $1.13bn (£600m) in the year.", 6e8, "GBP"),
    ("The firm expects a predicted extra £250m. Turnover rose.", 2.5e8, "GBP"),
    ("It also set a limit at $500m. It intends to change that.", 5e8, "USD"),
    ("The bank lent US$3 mn to the farmers.", 3e6, "USD"),
    ("The plan costs €4.5tn over a decade.", 4.5e12, "EUR"),
    ("They paid 5bn euros for the network.", 5e9, "EUR"),
    ("The company raised ¥2 billion from investors.", 2e9, "JPY"),
    ("The state spent Rs 30 crore on the roads.", 3e8, "INR"),
    ("The startup raised $300k from friends.", 3e5, "USD"),
    ("The budget grew by $3 billion this year.", 3e9, "USD"),
    ("Shares rose 274.5 pence on the news.", 274.5, "GBp"),
    ("Net profit rose 28% to A$458.4m from a year earlier.", 4.584e8, "AUD"),
    ("The deficit rose to a record Australian dollar 29.4bn in the quarter.", 2.94e10, "AUD"),
    ("It has earmarked 100 trillion won for the year.", 1e14, "KRW"),
    ("Labour has come up with a figure of £22 billions worth of savings.", 2.2e10, "GBP"),
]


@pytest.mark.parametrize(("text", "value", "unit"), MONEY)
def test_money_with_every_multiplier_is_one_claim_of_the_exact_amount(nlp, text, value, unit):
    found = claims(nlp, text)
    money = [c for c in found if c[0] == "money" and c[4] == unit]
    assert len(money) == 1, found
    assert money[0][1] == pytest.approx(value), found


def test_an_abbreviated_amount_ends_its_sentence(nlp):
    text = "The firm expects a predicted extra £250m. It also set a limit at $500m. It intends to change that."
    ann = Annotated(article=Article(id="t", text=text), doc=nlp(text))
    assert [s.text for s in ann.doc.sents] == [
        "The firm expects a predicted extra £250m.",
        "It also set a limit at $500m.",
        "It intends to change that.",
    ]
    ClaimsComponent()(ann)
    assert [c.evidence.text for c in ann.claims] == [
        "The firm expects a predicted extra £250m.", "It also set a limit at $500m."
    ]
    # a distance before a full stop is left alone: no number word, no sentence break
    assert len(list(nlp("He ran 5 m. away from them.").sents)) == 1


def test_no_money_claim_under_a_thousand_where_the_text_has_a_multiplier(nlp):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=60, deadline=None)
    @given(
        st.decimals(min_value=1, max_value=999, places=2),
        st.sampled_from(["$", "£", "€", "US$"]),
        st.sampled_from(["k", "m", "bn", "tn", " million", " billion", " mn", " bn"]),
        st.sampled_from([".", " in the year.", ") last year."]),
    )
    def check(number, symbol, scale, tail):
        text = f"The group reported {symbol}{number}{scale}{tail}"
        money = [c for c in claims(nlp, text) if c[0] == "money"]
        assert money and all(c[1] >= 1000 for c in money), (text, money)

    check()


SHAPES = [
    # ranges are one claim: value, max, bound range, the unit said once or twice
    ("The firm expects a 2% to 3% rise in sales.", [("percent", 2, 3, "range", "percent", None)]),
    ("Growth will be between 3% and 3.5% next year.",
     [("percent", 3, 3.5, "range", "percent", None)]),
    ("Between 10 and 15 people were hurt.", [("count", 10, 15, "range", "person", None)]),
    ("Between 10-15 people died in the fire.", [("deaths", 10, 15, "range", "person", None)]),
    ("The deal is worth $1bn-$2bn to the group.", [("money", 1e9, 2e9, "range", "USD", None)]),
    # a movement's end point is no range: "rose 1% to £933m"
    ("Underlying profits rose 1% to £933m in 2004.",
     [("percent", 1, None, "exact", "percent", None), ("money", 9.33e8, None, "exact", "GBP", None)]),
    # approximate after a movement verb stays approximate; a year is no count; "won" after
    # a verb is no currency
    ("Qantas shares fell almost 3%.", [("percent", 3, None, "about", "percent", None)]),
    ("A study of the 1993 floods found that 70% of firms were fine.",
     [("percent", 70, None, "exact", "percent", None)]),
    ("The team won 3 games in a row.", [("count", 3, None, "exact", None, None)]),
    ("The bank lifted interest rates 0.25% to 5.5% on Wednesday.",
     [("percent", 0.25, None, "exact", "percent", None), ("percent", 5.5, None, "exact", "percent", None)]),
    ("The firm will cut up to 500 jobs.", [("count", 500, None, "at_most", None, None)]),
    ("Investors must build at least 50,000 square meters (538,000 square feet) of housing.",
     [("area", 50000, None, "at_least", "m2", None), ("area", 538000, None, "exact", "ft2", None)]),
    # a stretch of the calendar is no duration claim; how long something lasted is
    ("Net profit in the six months ending 31 December rose 28%.",
     [("percent", 28, None, "exact", "percent", None)]),
    ("Earnings will increase from the previous 12 months.", []),
    ("The rate is at its highest level in four years.", []),
    ("Unemployment is at a near 30 year low.", []),
    ("The proposal comes just four months after the vote.", []),
    ("Jagran has been in circulation for 62 years.", [("duration", 62, None, "exact", "year", None)]),
    ("A five-hour meeting ended without a deal.", [("duration", 5, None, "exact", "hour", None)]),
    # the part of a whole is the count; the whole is no claim of its own
    ("Six out of 20 ministers agreed, officials said.", [("count", 6, None, "exact", None, None)]),
    ("Four of the 12 judges dissented.", [("count", 4, None, "exact", None, None)]),
    # a comparison date is no rate; a rate stays one
    ("Profit was £150m against £125m a year earlier.",
     [("money", 1.5e8, None, "exact", "GBP", None), ("money", 1.25e8, None, "exact", "GBP", None)]),
    ("Rents rose 5% a year.", [("percent", 5, None, "exact", "percent", "year")]),
]


@pytest.mark.parametrize(("text", "expected"), SHAPES)
def test_each_shape_gives_exactly_its_claims(nlp, text, expected):
    assert claims(nlp, text) == [
        (about, pytest.approx(value), None if top is None else pytest.approx(top), bound, unit, per)
        for about, value, top, bound, unit, per in expected
    ]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (("Labour's campaign cost £1.7m, according to figures revealed by the Electoral "
          "Commission on Wednesday."), "Electoral Commission"),
        (("Commission for Racial Equality chairman Trevor Phillips said asylum applications "
          "were down 40%."), "Trevor Phillips"),
        ("Profits rose to £2bn, Tesco said.", "Tesco"),
        ("Turnover rose 4.3%, a spokesman said.", None),  # nobody named: no claimant
        # no quote holds the number: the named subject of the reporting verb over it
        (("The TUC said in its submission before the Budget that action is needed because "
          "of 105,000 jobs lost from the sector."), "TUC"),
        # the narrator's own figure, beside nobody's words
        ("The group employs 76,200 staff worldwide.", None),
    ],
)
def test_the_claimant_is_who_the_attribution_names(annotate, text, claimant):
    ann = annotate(text, published="2025-01-01")
    names = {e.id: e.name for e in ann.entities}
    assert ann.claims and {names.get(c.claimant) for c in ann.claims} == {claimant}


def test_a_range_multiplier_said_once_scales_both_ends(nlp):
    assert claims(nlp, "The damage was put at $1.3 to $1.5bn by the fund.") == [
        ("money", 1.3e9, 1.5e9, "range", "USD", None)
    ]


def test_a_bound_after_the_number(nlp):
    found = claims(nlp, "The rule covers holders of 5% or more of the shares and 10 staff or fewer.")
    assert ("percent", 5, None, "at_least", "percent", None) in found
    assert not any(c[1] == 5 and c[3] == "exact" for c in found)


def test_things_named_again_are_not_counts(nlp):
    text = "The two banks held talks, and these three industries lost 400 jobs to the two sides."
    found = claims(nlp, text)
    assert not any(c[1] in (2, 3) for c in found), found
    # a count with no determiner still is one
    assert ("count", 3, None, "exact", None, None) in claims(nlp, "Police detained three men.")


def test_counting_words_for_jobs_and_markets(nlp):
    found = claims(
        nlp,
        "The firm employs 76,200 staff, the index closed at 11,488.76 points and about five "
        "million unemployed were counted, while 400,000 Sri Lankans lost their jobs.",
    )
    assert ("count", 76200, None, "exact", "person", None) in found
    assert ("index", pytest.approx(11488.76), None, "exact", "point", None) in found
    assert ("unemployed", 5e6, None, "about", "person", None) in found
    assert ("count", 400000, None, "exact", None, None) in found
