"""Quote content scored as the field does (``../shared/data/README.md``, "How quote content is
scored"): the main quote figure.

A system quote matches a gold attribution when their contents share at least half of their
word tokens (``\\w+``; Jaccard >= 0.5), one-to-one and greedily (highest Jaccard first) within
an article. The gold content is every word token from the first to the last character of its
Content spans, however discontinuous, minus the tokens of that attribution's own Source and
Cue spans; those same tokens are removed from the system content before comparing, so a
system content that runs over its cue ("A," he said, "B.") is not charged for it. Precision,
recall and F1 are over attributions; source, cue and kind accuracy are read on the matched
pairs. A source or cue is right when its word tokens share at least half with the gold's by
the same Jaccard rule; source accuracy counts the pairs whose gold has a source, cue accuracy
those whose gold has a cue, kind accuracy every pair.

Tokens are identified by their position in the article, never by their spelling, so two
"said"s in one sentence are two tokens.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from . import greedy_pairs as one_to_one

Range = tuple[int, int]
#: Jaccard share two token sets need to match.
THRESHOLD = 0.5
_WORD = re.compile(r"\w+")


class Tokens:
    """The ``\\w+`` tokens of one article, as ``(start, end)`` character pairs in order."""

    def __init__(self, text: str):
        self.spans = [m.span() for m in _WORD.finditer(text)]
        self._ends = [end for _, end in self.spans]

    def within(self, ranges: list[Range]) -> frozenset[int]:
        """Indices of the tokens overlapping any of ``ranges``."""
        out: set[int] = set()
        for start, end in ranges:
            i = bisect.bisect_right(self._ends, start)
            while i < len(self.spans) and self.spans[i][0] < end:
                out.add(i)
                i += 1
        return frozenset(out)

    def extent(self, ranges: list[Range]) -> frozenset[int]:
        """Every token from the first to the last character of ``ranges``."""
        if not ranges:
            return frozenset()
        return self.within([(min(a for a, _ in ranges), max(b for _, b in ranges))])


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


@dataclass(frozen=True)
class Bag:
    """One attribution as token sets: content, source and cue, and its kind."""

    content: frozenset[int]
    source: frozenset[int]
    cue: frozenset[int]
    kind: str = ""


def gold_bag(tokens: Tokens, content: list[Range], source: list[Range], cue: list[Range], kind: str) -> Bag:
    """A gold attribution: its content's extent without its own source and cue tokens."""
    own_source, own_cue = tokens.within(source), tokens.within(cue)
    return Bag(tokens.extent(content) - own_source - own_cue, own_source, own_cue, kind)


def system_bag(tokens: Tokens, content: list[Range], source: list[Range], cue: list[Range], kind: str) -> Bag:
    """A system quote: its content's extent (from its first part to its last), source and cue."""
    return Bag(tokens.extent(content), tokens.within(source), tokens.within(cue), kind)


def content_score(system: Bag, gold: Bag) -> float:
    """Jaccard of the contents once the gold's source and cue tokens are out of both."""
    return jaccard(system.content - gold.source - gold.cue, gold.content)


def greedy_pairs(system: list[Bag], gold: list[Bag]) -> list[tuple[int, int]]:
    """One-to-one (system index, gold index) pairs with Jaccard >= 0.5, highest first."""
    scored = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            if s.content & g.content and (score := content_score(s, g)) >= THRESHOLD:
                scored.append((-score, i, j))
    scored.sort()
    return one_to_one(scored)


@dataclass
class ContentTally:
    """Counts over all articles for one system under the field's rule."""

    n_system: int = 0
    n_gold: int = 0
    matched: int = 0
    right: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in ("source", "cue", "kind")})

    def add(self, system: list[Bag], gold: list[Bag]) -> list[tuple[int, int]]:
        """Count one article; returns its matched pairs."""
        pairs = greedy_pairs(system, gold)
        self.n_system += len(system)
        self.n_gold += len(gold)
        self.matched += len(pairs)
        for i, j in pairs:
            s, g = system[i], gold[j]
            for part in ("source", "cue"):
                if getattr(g, part):
                    self.right[part][0] += 1
                    self.right[part][1] += jaccard(getattr(s, part), getattr(g, part)) >= THRESHOLD
            self.right["kind"][0] += 1
            self.right["kind"][1] += s.kind == g.kind
        return pairs

    def scores(self, prefix: str = "") -> dict[str, float]:
        p = self.matched / self.n_system if self.n_system else 0.0
        r = self.matched / self.n_gold if self.n_gold else 0.0
        out = {f"{prefix}content_f1": 2 * p * r / (p + r) if p + r else 0.0,
               f"{prefix}content_precision": p, f"{prefix}content_recall": r}
        for part, (pairs, right) in self.right.items():
            out[f"{prefix}{part}_accuracy"] = right / pairs if pairs else 0.0
        return out

    def row(self, system: str) -> tuple:
        s = self.scores()
        return (system, self.n_gold, self.n_system, self.matched, *(round(s[k], 4) for k in ROW_SCORES))


ROW_SCORES = ("content_precision", "content_recall", "content_f1", "source_accuracy", "cue_accuracy",
              "kind_accuracy")
#: The table's columns: precision, recall, F1, then source, cue and kind accuracy on matched pairs.
HEADER = ("system", "gold", "predicted", "matched", "P", "R", "F1", "source", "cue", "kind")
