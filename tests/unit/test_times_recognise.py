"""The time-expression rules on hand-written text, without the model (tense given by hand)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.errors import KnowledgeError
from eventwire.extract.timex import lexicon as lex
from eventwire.extract.timex.recognise import recognise
from eventwire.extract.timex.rules import Context

ANCHOR = date(2025, 12, 3)  # a Wednesday


def found(text: str, anchor: date | None = ANCHOR, direction: int = -1) -> dict[str, tuple[str, str]]:
    """{span text: (type, value)} of everything recognised in ``text``."""
    items = recognise(Context(text=text, anchor=anchor, direction=lambda _: direction))
    return {text[f.start:f.end]: (f.type, f.value) for f in items}


@pytest.mark.parametrize(("text", "span", "kind", "value"), [
    ("The deal was signed on December 3, 2024.", "December 3, 2024", "DATE", "2024-12-03"),
    ("Officials met on Dec. 1 in Geneva.", "Dec. 1", "DATE", "2025-12-01"),
    ("The file was dated 2025-11-30.", "2025-11-30", "DATE", "2025-11-30"),
    ("The war began in February 2022 after months of build-up.", "February 2022", "DATE", "2022-02"),
    ("Prices rose in 1998 and fell later.", "1998", "DATE", "1998"),
    ("She has lived there since the 1980s.", "the 1980s", "DATE", "198"),
    ("The strike ended yesterday.", "yesterday", "DATE", "2025-12-02"),
    ("The vote is due tomorrow.", "tomorrow", "DATE", "2025-12-04"),
    ("Markets were calm today.", "today", "DATE", "2025-12-03"),
    ("Inflation slowed last month.", "last month", "DATE", "2025-11"),
    ("Output rose this year.", "this year", "DATE", "2025"),
    ("The ministers met last week.", "last week", "DATE", "2025-W48"),
    ("The bridge opened two days ago.", "two days ago", "DATE", "2025-12-01"),
    ("The talks lasted five hours.", "five hours", "DURATION", "PT5H"),
    ("After a five-hour meeting they left.", "five-hour", "DURATION", "PT5H"),
    ("Sales fell over the past two years.", "the past two years", "DURATION", "P2Y"),
    ("He was held for three days.", "three days", "DURATION", "P3D"),
    ("Losses ran to 3,000 per month.", "per month", "SET", "P1M"),
    ("The committee meets every week.", "every week", "SET", "P1W"),
    ("The paper is printed daily.", "daily", "SET", "P1D"),
    ("The session resumed at 3 p.m.", "3 p.m.", "TIME", "2025-12-03T15:00"),
    ("The convoy left this morning.", "this morning", "TIME", "2025-12-03TMO"),
    ("Troops are in the city right now.", "right now", "DATE", "PRESENT_REF"),
    ("The plant is currently closed.", "currently", "DATE", "PRESENT_REF"),
    ("The firm recently hired a new chief.", "recently", "DATE", "PAST_REF"),
    ("Cuts may come in the future.", "the future", "DATE", "FUTURE_REF"),
    ("Profit fell in the third quarter.", "the third quarter", "DATE", "2025-Q3"),
    ("Exports grew last summer.", "last summer", "DATE", "2025-SU"),
    ("Sales peak around Thanksgiving.", "Thanksgiving", "DATE", "2025-11-27"),
    ("Prices doubled over the past year.", "the past year", "DATE", "2024"),
    ("Revenue for the year ended March 31 rose.", "the year", "DURATION", "P1Y"),
    ("The plan was drafted in July last year.", "July last year", "DATE", "2024-07"),
    ("Rebels held the town over the weekend.", "the weekend", "DATE", "2025-W48-WE"),
    ("The law dates from the 19th century.", "the 19th century", "DATE", "18"),
    ("He spoke of the year two thousand.", "the year two thousand", "DATE", "2000"),
    ("It was built in nineteen eighty-four.", "nineteen eighty-four", "DATE", "1984"),
    ("The alarm rang at 4 in the morning.", "4 in the morning", "TIME", "2025-12-03T04:00"),
    ("The truce lasted two more weeks.", "two more weeks", "DURATION", "P2W"),
    ("It has stood for almost two decades.", "almost two decades", "DURATION", "P20Y"),
    ("Three days later, the army withdrew.", "Three days", "DURATION", "P3D"),
])
def test_each_category(text, span, kind, value):
    assert found(text).get(span) == (kind, value)


def test_weekday_direction_follows_the_tense():
    assert found("The envoy arrived on Tuesday.", direction=-1)["Tuesday"] == ("DATE", "2025-12-02")
    assert found("The envoy will arrive on Tuesday.", direction=1)["Tuesday"] == ("DATE", "2025-12-09")
    assert found("The envoy left on Friday.", direction=-1)["Friday"] == ("DATE", "2025-11-28")


def test_no_anchor_keeps_unknown_parts():
    got = found("He resigned yesterday and left on Friday, Dec. 5.", anchor=None)
    assert got["yesterday"] == ("DATE", "XXXX-XX-XX")
    assert got["Friday, Dec. 5"] == ("DATE", "XXXX-12-05")
    assert found("The meeting was on Tuesday.", anchor=None)["Tuesday"] == ("DATE", "XXXX-WXX-2")


@pytest.mark.parametrize("text", [
    "You may go now if you wish, the officer said.",  # modal "may" is not a month
    "The 6-year-old boy was found safe.",              # an age is not a duration
    "He paid $1998 for the car.",                      # money is not a year
    "About three-quarters of voters agreed.",          # a fraction is not a duration
    "Wait a second, he said.",
])
def test_non_times_are_left_alone(text):
    got = found(text)
    assert not any(v[0] in ("DURATION", "DATE") and v[1] not in ("PRESENT_REF",) for v in got.values()), got


def test_longest_match_wins_and_spans_do_not_overlap():
    text = "The treaty was signed on Tuesday, December 2, 2025, in the capital."
    items = recognise(Context(text=text, anchor=ANCHOR))
    assert [(text[f.start:f.end], f.value) for f in items] == [("Tuesday, December 2, 2025", "2025-12-02")]


def test_year_earlier_reads_against_the_quarter_named_before():
    text = "Profit rose in the third quarter. A year earlier it had fallen."
    got = found(text)
    assert got["the third quarter"] == ("DATE", "2025-Q3")
    assert got["A year earlier"] == ("DATE", "2024-Q3")


def test_following_year_reads_against_the_date_named_before():
    got = found("The plant opened in 1996. The following year it closed.")
    assert got["The following year"] == ("DATE", "1997")


def test_the_quarter_is_the_quarter_named_before():
    got = found("In the second quarter sales fell; the quarter was hard.")
    assert got["the quarter"] == ("DATE", "2025-Q2")


def test_number_words():
    assert lex.number_value("twenty-five") == 25
    assert lex.number_value("twenty four") == 24
    assert lex.number_value("several") == "X"
    assert lex.number_value("3") == 3
    assert lex.number_value("banana") is None


def test_malformed_lexicon_row_is_named(tmp_path):
    bad = tmp_path / "time_words.tsv"
    bad.write_text("# test\nphrase\tkind\tvalue\nfoo\tnonsense\t1\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="unknown kind 'nonsense'"):
        lex.load_lexicon(bad)


def test_bundled_lexicon_loads():
    assert lex.lexicon().get("month", "Sept") == "9"
    assert lex.lexicon().get("ref", "right  now") == "PRESENT_REF"
