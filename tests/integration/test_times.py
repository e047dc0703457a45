"""The ``times`` component with the real parse: each category on hand-written sentences,
tense from the parse, and the reference article's time expectations."""

from __future__ import annotations

import pytest
from conftest import seed_expected

import eventwire.extract.times  # noqa: F401  (registers the component)

pytestmark = pytest.mark.slow
PUBLISHED = "2025-12-03"  # a Wednesday


@pytest.fixture(scope="module")
def times_of(annotate):
    def run(text: str, published: str | None = PUBLISHED) -> dict[str, tuple[str, str]]:
        ann = annotate(text, components=("times",), published=published)
        return {t.text.text: (t.type, t.value) for t in ann.times}

    return run


@pytest.mark.parametrize(("text", "span", "kind", "value"), [
    ("The ceasefire was agreed on November 28, 2025, in Doha.", "November 28, 2025", "DATE", "2025-11-28"),
    ("The company was founded in March 2019 by two engineers.", "March 2019", "DATE", "2019-03"),
    ("Rebels seized the town yesterday, officials said.", "yesterday", "DATE", "2025-12-02"),
    ("The parliament will vote tomorrow on the budget.", "tomorrow", "DATE", "2025-12-04"),
    ("The central bank raised rates last month.", "last month", "DATE", "2025-11"),
    ("Elections will be held next year.", "next year", "DATE", "2026"),
    ("The border crossing reopened three days ago.", "three days ago", "DATE", "2025-11-30"),
    ("Jazz clubs flourished there in the 1920s.", "the 1920s", "DATE", "192"),
    ("The negotiators held a six-hour session in Cairo.", "six-hour", "DURATION", "PT6H"),
    ("Output has doubled over the past three years.", "the past three years", "DURATION", "P3Y"),
    ("Aid convoys arrive every week at the border.", "every week", "SET", "P1W"),
    ("The shelling killed dozens per day, the agency said.", "per day", "SET", "P1D"),
    ("The statement was issued at 4 p.m. in the capital.", "4 p.m.", "TIME", "2025-12-03T16:00"),
    ("The minister landed this morning in Kyiv.", "this morning", "TIME", "2025-12-03TMO"),
    ("The talks are currently stalled.", "currently", "DATE", "PRESENT_REF"),
    ("The factory recently cut its workforce.", "recently", "DATE", "PAST_REF"),
    ("Growth slowed in the second quarter.", "the second quarter", "DATE", "2025-Q2"),
])
def test_categories(times_of, text, span, kind, value):
    assert times_of(text).get(span) == (kind, value)


def test_past_tense_weekday_is_the_one_before(times_of):
    assert times_of("The envoy met the president on Monday.")["Monday"] == ("DATE", "2025-12-01")


def test_future_tense_weekday_is_the_one_after(times_of):
    assert times_of("The envoy will meet the president on Monday.")["Monday"] == ("DATE", "2025-12-08")


def test_planned_weekday_is_ahead(times_of):
    got = times_of("The delegation planned to leave Kyiv on Friday.")
    assert got["Friday"] == ("DATE", "2025-12-05")


def test_possessive_weekday_is_past(times_of):
    assert times_of("Protesters rejected Monday's ruling.")["Monday"] == ("DATE", "2025-12-01")


def test_without_a_date_relative_values_are_not_invented(times_of):
    got = times_of("The strike began yesterday.", published=None)
    assert got["yesterday"] == ("DATE", "XXXX-XX-XX")


def test_spans_index_the_text(annotate):
    text = "On Friday, Dec. 5, the court ruled, two days after a five-hour hearing."
    ann = annotate(text, components=("times",), published=PUBLISHED)
    assert ann.times
    for t in ann.times:
        assert text[t.text.start:t.text.end] == t.text.text
        assert (t.text.start, t.text.end) in ann.time_values


def _seed_times(annotate):
    from conftest import SEED_TEXT

    meta = seed_expected()["input"]
    ann = annotate(SEED_TEXT.read_text(encoding="utf-8"), components=("times",),
                   published=meta["published"], source="wire", origin=str(SEED_TEXT))
    return ann.times


@pytest.mark.parametrize("item", seed_expected()["times"]["required"] + seed_expected()["times"]["optional"],
                         ids=lambda item: item["text"])
def test_seed_times(annotate, item):
    times = _seed_times(annotate)
    hits = [t for t in times if t.text.text.lower() == item["text"].lower() and t.value == item["value"]]
    if item["text"] == "1980s":  # the alternative span of "the 1980s": either span counts
        hits = hits or [t for t in times if t.text.text.lower() == "the 1980s" and t.value == item["value"]]
    assert hits, f"{item['text']!r}={item['value']} not in {[(t.text.text, t.value) for t in times]}"
    if "type" in item:
        assert hits[0].type == item["type"]


def test_seed_dateline_date_once(annotate):
    times = _seed_times(annotate)
    assert [t.value for t in times if t.text.text == "Dec 3"] == ["2025-12-03"]
