"""Verbal conflict and requests, crowds as parties, and word senses that are no event, on real parses of sentences written
for this test from the PLOVER manual's definitions (ACCUSE 'disapprove': "criticize,
condemn, decry"; REQUEST: demands and calls; THREATEN only a warning the speaker would carry
out). Each sentence gives exactly the events listed: (type, mode, actor codes, recipient
codes)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

CASES = [
    ("The Tory co-chairman attacked Labour's pledges as vacuous.",
     [("ACCUSE", "disapprove", None, ["GBRPTY"])]),
    ("Labour criticised the Conservatives over their plans for the health service.",
     [("ACCUSE", "disapprove", ["GBRPTY"], ["GBRPTY"])]),
    ("The minister denied claims that he had lied to parliament.",
     [("ACCUSE", "disapprove", ["GOV"], [])]),
    ("The opposition leader condemned the government's decision to raise taxes.",
     [("ACCUSE", "disapprove", ["GOV"], None)]),
    ("The unions urged the government to drop the reforms.",
     [("REQUEST", None, ["LAB"], ["GOV"])]),
    # the secretary is not Iran's: a verbal act's group takes no country from its target
    ("The foreign secretary warned Iran not to resume enrichment.",
     [("REQUEST", None, ["GOV"], ["IRN"])]),
    ("Russia warned it would retaliate.", [("THREATEN", None, ["RUS"], [])]),
    ("Russia warned of reprisals against the West.", [("THREATEN", None, ["RUS"], None)]),
    # a warning of what others may suffer threatens nothing; meeting a rule is no meeting
    ("The foreign secretary warned that small firms could be crippled by the tax.", []),
    ("The chancellor will meet his fiscal rules, the Treasury said.", []),
    # a light verb's noun keeps its own reading: the CAMEO pattern of "held" does not win
    ("Russian and Ukrainian officials held talks in Geneva.",
     [("CONSULT", "meet", ["RUSGOV", "UKRGOV"], None)]),
    # a news conference or a party's own conference is no meeting of parties
    ("The minister will hold a news conference on Friday.", []),
    ("Labour will hold its autumn conference in Manchester.", []),
    # a tour of one's own country's towns is no visit to a host; a state visit is
    ("British Prime Minister Tony Blair visited Leeds and York on the campaign trail.", []),
    ("Putin visited China on Tuesday.", [("CONSULT", "visit", ["RUSGOV"], ["CHN"])]),
    # the territory an act of force lands on is its target when no party is named
    ("Security forces imposed a curfew in Algiers.", [("COERCE", "curfew", None, ["DZA"])]),
    # a person with no code of their own takes the sector of the body named before them
    ("U.N. mediator Diego Cordovez met Pakistani officials in Geneva.",
     [("CONSULT", "meet", ["IGO"], ["PAKGOV"])]),
    # a physical attack stays one
    ("Gunmen attacked a police station in Kabul.", [("ASSAULT", None, None, None)]),
    # the crowd is the party of the arrest, not a protest of the police
    ("French police arrested 20 protesters in Paris.",
     [("COERCE", "arrest", ["FRACOP"], ["FRAOPP"])]),
    ("Police arrested 40 protesters in Cairo.", [("COERCE", "arrest", ["EGYCOP"], ["EGYOPP"])]),
]


def codes(refs) -> list[str | None]:
    return [r.code for r in refs]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_each_sentence_gives_exactly_its_events(annotate, text, expected):
    events = annotate(text, published="2025-06-01").events
    got = [(e.event, e.mode, codes(e.actor), codes(e.recipient)) for e in events]
    assert len(got) == len(expected), got
    for (event, mode, actors, recipients), want in zip(got, expected):
        assert (event, mode) == want[:2], got
        if want[2] is not None:
            assert actors == want[2], got
        if want[3] is not None:
            assert recipients == want[3], got
