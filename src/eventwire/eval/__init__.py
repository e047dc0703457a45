"""Scorers for the gold sets in ``../shared/data`` and the fixtures.

Each scorer module has ``evaluate(path, *, limit=None) -> EvalResult``. ``eventwire eval
NAME PATH`` prints the result; ``eval_baseline.json`` at the project root pins a floor
for the scores CI enforces (``tests/integration/test_eval_gate.py``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class EvalResult:
    """Scores by name (0..1 unless the name says otherwise), a table and notes."""

    name: str
    scores: dict[str, float]
    header: tuple[str, ...] = ()
    rows: list[tuple] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary_line(self) -> str:
        """The machine-readable last line: ``eval NAME key=value ...``."""
        parts = " ".join(f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}" for k, v in self.scores.items())
        return f"eval {self.name} {parts}"


def greedy_pairs(ranked: list[tuple[object, int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs (system i, gold j) from candidates ranked best first: each side is
    used once, the better candidate wins (the greedy matching the field's scorers use)."""
    used_s: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in ranked:
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def load_baseline(path: Path) -> dict[str, dict]:
    """The pinned floors: ``{scorer: {"path": ..., "floors": {score: minimum}}}``."""
    return json.loads(path.read_text(encoding="utf-8"))
