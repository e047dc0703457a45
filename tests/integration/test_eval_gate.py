"""Quality gate: every scorer in eval_baseline.json must reach its pinned floors.

Raising a floor is a one-line change in eval_baseline.json; lowering one needs a reason in
the commit message.
"""

from __future__ import annotations

import importlib

import pytest
from conftest import ROOT

from eventwire.eval import load_baseline

BASELINE = load_baseline(ROOT / "eval_baseline.json")


@pytest.mark.slow
@pytest.mark.parametrize("scorer", sorted(BASELINE))
def test_scores_reach_floors(scorer):
    entry = BASELINE[scorer]
    module = importlib.import_module(f"eventwire.eval.{entry.get('module', scorer)}")
    evaluate = getattr(module, entry.get("function", "evaluate"))
    result = evaluate((ROOT / entry["path"]).resolve(), limit=entry.get("limit"))
    below = {name: (result.scores.get(name), floor) for name, floor in entry.get("floors", {}).items()
             if result.scores.get(name, float("-inf")) < floor}
    above = {name: (result.scores.get(name), ceiling) for name, ceiling in entry.get("ceilings", {}).items()
             if result.scores.get(name, float("inf")) > ceiling}
    assert not below, f"{scorer}: scores below their floors (score, floor): {below}"
    assert not above, f"{scorer}: scores above their ceilings (score, ceiling): {above}"
