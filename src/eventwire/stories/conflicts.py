"""Numbers claimed differently within one story: the same quantity (what it is about, its
unit and its rate) given values that cannot both be true.

Each claim is read as an interval: an exact value allows a small rounding tolerance,
"about" ten per cent either way, "at least"/"at most" are open on one side and a range is
its two ends. Two claims disagree when their intervals do not meet: "at least 10 dead"
and "12 dead" agree; "12 dead" and "30 dead" do not.

Only claims from different articles are compared (two numbers in one report are two
quantities), and a bare count with no unit is never compared: "1,200 drones" and "28
countries" are both counts, but not of the same thing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ..model import Claim, Document, Span

EXACT_TOLERANCE = 0.02
ABOUT_TOLERANCE = 0.10


@dataclass
class ClaimRef:
    """One side of a disagreement: who claimed what, where, in which article."""

    article: str
    claim: str
    claimant: str | None
    value: float
    max: float | None
    bound: str
    evidence: Span


@dataclass
class Conflict:
    about: str
    unit: str | None
    per: str | None
    a: ClaimRef
    b: ClaimRef


def interval(claim: Claim | ClaimRef) -> tuple[float, float]:
    v = claim.value
    if claim.bound == "at_least":
        return v, math.inf
    if claim.bound == "at_most":
        return -math.inf, v
    if claim.bound == "range" and claim.max is not None:
        return min(v, claim.max), max(v, claim.max)
    tolerance = ABOUT_TOLERANCE if claim.bound == "about" else EXACT_TOLERANCE
    return v - abs(v) * tolerance, v + abs(v) * tolerance


def disagree(a: Claim | ClaimRef, b: Claim | ClaimRef) -> bool:
    (lo_a, hi_a), (lo_b, hi_b) = interval(a), interval(b)
    return hi_a < lo_b or hi_b < lo_a


def _ref(doc: Document, claim: Claim) -> ClaimRef:
    names = {e.id: e.name for e in doc.entities}
    return ClaimRef(doc.article.input_id or doc.article.id, claim.id,
                    names.get(claim.claimant) if claim.claimant else None,
                    claim.value, claim.max, claim.bound, claim.evidence)


def find_conflicts(docs: list[Document]) -> list[Conflict]:
    """Every pair of claims about the same quantity that cannot both be true."""
    groups: dict[tuple[Any, ...], list[ClaimRef]] = {}
    for doc in docs:
        for claim in doc.claims:
            if claim.about == "count" and claim.unit is None:
                continue
            groups.setdefault((claim.about, claim.unit, claim.per), []).append(_ref(doc, claim))
    conflicts = []
    for (about, unit, per), refs in groups.items():
        for i, a in enumerate(refs):
            for b in refs[i + 1:]:
                if a.article != b.article and disagree(a, b):
                    conflicts.append(Conflict(about, unit, per, a, b))
    return conflicts
