"""A quote needs a communication cue (issue 24, part 2): by default (``quotes = "speech"``)
thinking, seeing, feeling, finding, wanting and deciding make no quote, and neither does a
word only the learned cue model reads as a cue. ``quotes = "attributions"`` keeps them, as
PolNeAR annotates them. Sentences written for this test, one per class of the issue's
table."""

from __future__ import annotations

import pytest

from eventwire.extract.quotes import QuotesComponent

pytestmark = pytest.mark.slow

NOT_SAID = [
    # thinking, seeing, feeling
    "Officials believe the plant will reopen next year.",
    "Investors expected that the bank would cut rates.",
    "Ministers fear the talks could collapse.",
    # actions and decisions
    "The board decided that the chief executive would step down.",
    "The union refused to discuss the offer with managers.",
    # wanting and positions
    "The party wants the tax to be scrapped.",
    # findings of a study or a chart
    "The study found that sales had fallen in every region.",
    # a feeling as an adjective
    "Farmers are worried about the price of feed.",
]

SAID = [
    ("The minister said the plant would reopen next year.", "said"),
    ("Officials warned that the talks could collapse.", "warned"),
    ("The union urged managers to raise the offer.", "urged"),
    ("According to the police, two men were arrested.", "According to"),
    ("The company's statement that profits had fallen surprised analysts.", "statement"),
]


def quotes(annotate, text, mode):
    ann = annotate(text, components=("times", "actors"))
    ann.quotes = []
    QuotesComponent(mode=mode)(ann)
    return ann.quotes


@pytest.mark.parametrize("text", NOT_SAID)
def test_no_quote_without_a_communication_cue(annotate, text):
    assert quotes(annotate, text, "speech") == []


@pytest.mark.parametrize(("text", "cue"), SAID)
def test_speech_and_writing_stay_quotes(annotate, text, cue):
    found = quotes(annotate, text, "speech")
    assert [q.cue.text for q in found] == [cue]


def test_the_attributions_mode_keeps_beliefs(annotate):
    found = quotes(annotate, NOT_SAID[0], "attributions")
    assert [(q.cue.text, q.content.text) for q in found] == [
        ("believe", "the plant will reopen next year")
    ]



@pytest.mark.parametrize(("text", "source"), [
    ("A study by Professor John Smith suggests that sales will fall.", "A study by Professor John Smith"),
    ("A report by the National Audit Office said the scheme had failed.",
     "A report by the National Audit Office"),
])
def test_a_document_is_the_source_and_no_person_its_speaker(annotate, text, source):
    """Issue 24, part 4: a study or report put forward with a reporting cue keeps the
    document as its source; the person or body named inside it is not the speaker."""
    ann = annotate(text, components=("times", "actors", "quotes"))
    assert [(q.source.text, q.speaker) for q in ann.quotes] == [(source, None)]


def test_a_finding_with_no_reporting_cue_is_no_quote(annotate):
    ann = annotate("A poll for the Times showed Labour ahead.", components=("times", "actors", "quotes"))
    assert ann.quotes == []


def test_an_act_done_to_someone_is_no_quote(annotate):
    ann = annotate("He has been repeatedly denied bail by the court.", components=("times", "actors", "quotes"))
    assert ann.quotes == []
    ann = annotate("The court was told the men had lied.", components=("times", "actors", "quotes"))
    assert [q.content.text for q in ann.quotes] == ["the men had lied"]
