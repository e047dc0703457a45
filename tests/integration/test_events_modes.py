"""The PLOVER manual's types and modes (PLOVER_MANUAL.tex, ../shared/data/ngec/
plover_codebook.csv) on real parses of sentences written for this test: kidnapping and
captured combatants are ASSAULT 'abduct', suicide attacks ASSAULT 'suicide-attack', riots
PROTEST 'riot', strikes on a place military, an accusation ACCUSE 'allege', a lawsuit
ACCUSE 'sue'."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

CASES = [
    ("Gunmen kidnapped two aid workers in northern Nigeria.", "kidnapped", "ASSAULT", "abduct"),
    ("Rebels captured three soldiers near the border.", "captured", "ASSAULT", "abduct"),
    ("Police captured the suspect in Lagos.", "captured", "COERCE", "detain"),
    ("A suicide attack on a market in Baghdad killed ten people.", "attack", "ASSAULT",
     "suicide-attack"),
    ("Youths rioted in the suburbs of Paris.", "rioted", "PROTEST", "riot"),
    ("Israeli strikes on Gaza were reported overnight.", "strikes", "ASSAULT", "aerial"),
    ("Dock workers began a strike over pay in Liverpool.", "strike", "PROTEST", "strike-gen"),
    ("The opposition accused the minister of lying to parliament.", "accused", "ACCUSE",
     "allege"),
    ("The government sued the company over the spill.", "sued", "ACCUSE", "sue"),
]


@pytest.mark.parametrize(("text", "trigger", "event", "mode"), CASES)
def test_the_trigger_gets_the_manuals_type_and_mode(annotate, text, trigger, event, mode):
    events = annotate(text, published="2025-06-01").events
    found = [(e.event, e.mode) for e in events if trigger in e.event_text.text.split()]
    assert found == [(event, mode)], [(e.event, e.mode, e.event_text.text) for e in events]
