"""The bundled trained coder (``plover-learned``, alone) on real parses of sentences written
for this test: each word gives exactly the type written here, or no event. Sentences were
written from the PLOVER manual's type definitions, not from any gold record."""

from __future__ import annotations

import pytest

from eventwire.extract.events import Candidate, LearnedCoder
from eventwire.extract.events.learned import NONE

pytestmark = pytest.mark.slow

CASES = [
    ("Rebels ambushed an army convoy near the border on Tuesday.", "ambushed", "ASSAULT"),
    ("Warplanes bombed the town overnight.", "bombed", "ASSAULT"),
    ("Police detained two journalists in the capital.", "detained", "COERCE"),
    ("Thousands of workers marched through the capital.", "marched", "PROTEST"),
    ("The government expelled three diplomats.", "expelled", "SANCTION"),
    pytest.param(
        "The two leaders met in Vienna on Tuesday.", "met", "CONSULT",
        marks=pytest.mark.xfail(strict=True, reason="known miss: 'met' with no object reads "
                                "as AGREE; the model trained with NGEC's stories "
                                "(--ngec-per-type 150) gets it right"),
    ),
    ("Iran rejected the proposal on Monday.", "rejected", "REJECT"),
    ("The president accused the opposition of fraud.", "accused", "ACCUSE"),
    # words that name no event here
    ("Arsenal beat Chelsea 2-0 on Saturday.", "beat", NONE),
    ("Shares rallied on Wall Street after the report.", "rallied", NONE),
    ("The minister said the talks were useful.", "said", NONE),
    ("The minister will meet the deadline.", "will", NONE),  # an auxiliary is no trigger
    # a sense the lexicon says is no event binds the trained coder too
    ("The minister warned that small firms could be crippled.", "warned", NONE),
    ("The chancellor will meet his fiscal rules.", "meet", NONE),
]


@pytest.mark.parametrize(("text", "word", "expected"), CASES)
def test_the_trained_coder_gives_exactly_the_written_type(nlp, text, word, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    coder = LearnedCoder()
    label, probability = coder.label(token)
    assert label == expected, (label, probability)
    coding = coder.code(Candidate(token, token.sent))
    if expected == NONE:
        assert coding is None
    else:
        assert coding is not None and coding.event == expected and token.i in coding.words
        assert probability >= coder.model.threshold


# The chain: the trained decision drops a CAMEO dictionary reading it is sure names no
# event here, and never overrules the rule lexicon (whose senses are read for news).
CHAIN_CASES = [
    # a pattern of "take over" read as a seizure, about a band and a radio show
    ("The folk duo will take over the helm of a London radio station for a week in May.",
     "take", None),
    ("Russian troops took over the airport in Crimea on Friday.", "took", "COERCE"),
    # the lexicon's "agree" stays, however unsure the decision is of a conjoined clause
    (
        (
            "Ushakov said Putin had sent greetings, but that the sides had agreed not to "
            "disclose details."
        ),
        "agreed",
        "AGREE",
    ),
]


@pytest.mark.parametrize(("text", "word", "expected"), CHAIN_CASES)
def test_the_decision_drops_only_dictionary_readings_it_is_sure_of(nlp, text, word, expected):
    from eventwire.extract.events.dictionary import SURE, ChainCoder, DictionaryCoder

    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    candidate = Candidate(token, token.sent)
    coding = ChainCoder().code(candidate)
    assert (coding.event if coding else None) == expected
    if expected is None:  # the dictionary did read an event: the decision dropped it
        assert DictionaryCoder(bare=False).code(candidate).event == "COERCE"
        assert LearnedCoder().distribution(token)[NONE] >= SURE
