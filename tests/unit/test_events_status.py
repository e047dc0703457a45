"""Factuality from modality cues, on hand-built parses; ``combine`` property-tested."""

from __future__ import annotations

from events_docs import CONDITIONAL, DEMANDED, NEGATED_AGREE, NOT_PLANNED, POSSIBLE, build_doc
from hypothesis import given
from hypothesis import strategies as st

from eventwire.extract.events.status import combine, status_of
from eventwire.knowledge.events import STATUS_KINDS

kinds = st.sets(st.sampled_from(STATUS_KINDS))


def token(doc, text):
    return next(t for t in doc if t.text == text)


def test_did_not_reach_is_negated_on_verb_and_object():
    doc = build_doc([NEGATED_AGREE])
    assert status_of(token(doc, "reach")) == "negated"
    assert status_of(token(doc, "compromise")) == "negated"


def test_meeting_not_planned():
    assert status_of(token(build_doc([NOT_PLANNED]), "meeting")) == "not_planned"


def test_condition_makes_hypothetical_only_its_own_clause():
    doc = build_doc([CONDITIONAL])
    assert status_of(token(doc, "meet")) == "planned"
    assert status_of(token(doc, "agrees")) == "hypothetical"


def test_demanded_withdrawal_and_asserted_demand():
    doc = build_doc([DEMANDED])
    assert status_of(token(doc, "withdraw")) == "demanded"
    assert status_of(token(doc, "demanded")) == "asserted"


def test_could_is_possible():
    doc = build_doc([POSSIBLE])
    assert status_of(token(doc, "sanctions")) == "possible"


@given(kinds)
def test_condition_outranks_everything(found):
    assert (combine(found | {"hypothetical"})) == "hypothetical"


@given(kinds)
def test_negation_with_a_plan_is_not_planned(found):
    found = (found - {"hypothetical"}) | {"negation"}
    assert combine(found) == ("not_planned" if "future" in found else "negated")


@given(kinds)
def test_combine_is_a_status_and_no_cue_is_asserted(found):
    assert combine(found) in {
        "asserted",
        "negated",
        "planned",
        "not_planned",
        "hypothetical",
        "possible",
        "demanded",
    }
    assert combine(set()) == "asserted"
