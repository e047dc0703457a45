"""Scorers never score a pipeline with a component missing (issue 16): a component that
cannot be built stops the scorer instead of being left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.registry import components

EVAL = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "eval"


def test_no_scorer_swallows_an_import_error():
    offenders = [p.name for p in EVAL.glob("*.py") if "except ImportError" in p.read_text(encoding="utf-8")]
    assert not offenders, f"scorers that hide a missing component: {offenders}"


@pytest.mark.parametrize("name", ["sports", "actors", "events"])
def test_the_events_scorer_stops_when_a_default_component_cannot_load(monkeypatch, name):
    from eventwire.eval import events

    def broken():
        raise ImportError("No module named 'a_missing_dependency'")

    monkeypatch.setitem(components._factories, name, broken)
    with pytest.raises(ImportError, match="a_missing_dependency"):
        events.pipeline()


def test_the_stories_scorer_stops_when_a_default_component_cannot_load(monkeypatch):
    from eventwire.eval import stories

    def broken():
        raise ImportError("No module named 'a_missing_dependency'")

    monkeypatch.setitem(components._factories, "claims", broken)
    with pytest.raises(ImportError, match="a_missing_dependency"):
        stories.analyse([{"text": "Talks ended.", "doc_id": "d1"}])
