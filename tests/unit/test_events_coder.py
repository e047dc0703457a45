"""The rule coder and the coder registry, on hand-built parses."""

from __future__ import annotations

from events_docs import BLEW_UP, NEGATED_AGREE, STROLL, TALKS, build_doc

from eventwire.extract.events import Candidate, Coder, Coding, RulesCoder
from eventwire.registry import coders


def code(sentence: str, word: str) -> Coding | None:
    doc = build_doc([sentence])
    token = next(t for t in doc if t.text == word)
    return RulesCoder().code(Candidate(token, token.sent))


def test_registered_under_its_name_and_meets_the_protocol():
    coder = coders.get("plover-rules")()
    assert isinstance(coder, Coder) and coder.name == "plover-rules"


def test_reach_a_compromise_is_agree_with_both_words():
    coding = code(NEGATED_AGREE, "reach")
    assert coding is not None and coding.event == "AGREE"
    assert len(coding.words) == 2


def test_reach_alone_is_nothing_and_reporting_verbs_are_not_events():
    assert (
        code(
            "Troops|troop|NOUN|NNS|nsubj|1 reached|reach|VERB|VBD|ROOT|1 the|the|DET|DT|det|3 "
            "city|city|NOUN|NN|dobj|1|- .|.|PUNCT|.|punct|1|-",
            "reached",
        )
        is None
    )
    assert code(NEGATED_AGREE, "said") is None


def test_phrasal_sense_blow_up_is_coerce_destroy():
    coding = code(BLEW_UP, "blew")
    assert (coding.event, coding.mode) == ("COERCE", "destroy")


def test_noun_trigger_talks_is_consult_meet():
    coding = code(TALKS, "Talks")
    assert (coding.event, coding.mode, coding.context) == ("CONSULT", "meet", ("diplomatic",))


def test_idle_background_is_not_an_event():
    assert code(STROLL, "stroll") is None
    assert code(STROLL, "took") is None
