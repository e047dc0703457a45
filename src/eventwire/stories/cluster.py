"""Incremental story assignment: each arriving article joins the most similar story or
starts a new one; nothing already assigned is ever re-clustered.

A story keeps a centroid per feature group (words, people, names, cities, years: see
``features.py``), truncated to its strongest terms so its state stays small. Document
frequencies are kept for every feature and updated as articles arrive, so IDF weights
are always those of the stream seen so far (a rare name weighs more than a common word).
The similarity of an article to a story is a weighted mean of per-group IDF-weighted
cosines over the groups both sides have (what the story is about), then moved by its
specific anchors (which one of its kind it is): small penalties when both name people,
cities or years and share none, a bonus or penalty for the same or another lead year,
a penalty growing with the gap in days (``gap_penalty`` per ``gap_days``) and one growing
slowly with the story's size (a big centroid reaches every article of its kind).
With ``weights={"words": 1}`` and no penalties this is plain single-pass TF-IDF.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from ..model import Document
from .features import GROUPS, document_day, document_features, unit_vector

DEFAULT_WEIGHTS: dict[str, float] = {"words": 1.0, "persons": 0.5, "names": 0.2}
#: subtracted when the article and the story both name people / cities / years and share
#: none: the specific anchors that tell two events of one kind apart
DEFAULT_DISJOINT: dict[str, float] = {"dates": 0.05, "persons": 0.03, "cities": 0.06}
#: per log of a story's size: a big centroid reaches every article of its kind
DEFAULT_SIZE_PENALTY = 0.01
DEFAULT_THRESHOLD = 0.2
TEXT_ONLY: dict[str, float] = {"words": 1.0}
#: each group's prefix in the stored document-frequency keys ("w:quake"); unique per group,
#: and the first five match the keys that stores written before people, cities and dates hold
PREFIX: dict[str, str] = {"words": "w", "names": "n", "places": "p", "events": "e", "years": "y",
                          "persons": "who", "cities": "c", "dates": "d"}
#: how many of an article's most distinctive words find its candidate stories
CANDIDATE_TERMS = 20


@dataclass
class Story:
    """A story's incremental state: centroid sums per group and its date range."""

    id: str
    title: str
    n: int = 0
    centroid: dict[str, dict[str, float]] = field(default_factory=dict)
    first: date | None = None
    last: date | None = None

    def add(self, vectors: dict[str, dict[str, float]], day: date | None, max_terms: int) -> None:
        self.n += 1
        for group, vec in vectors.items():
            cen = self.centroid.setdefault(group, {})
            for term, w in vec.items():
                cen[term] = cen.get(term, 0.0) + w
            if len(cen) > max_terms:
                keep = sorted(cen.items(), key=lambda kv: -kv[1])[:max_terms]
                self.centroid[group] = dict(keep)
        if day:
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)

    def state(self) -> dict:
        return {"n": self.n, "c": self.centroid}

    @classmethod
    def from_state(cls, sid: str, title: str, first, last, state: dict) -> Story:
        return cls(sid, title, state["n"], state["c"], first, last)


def day_gap(day: date | None, first: date | None, last: date | None) -> int:
    """Days between a day and a story's range (0 inside it, or when a date is unknown)."""
    if day is None or first is None or last is None:
        return 0
    if day < first:
        return (first - day).days
    return max(0, (day - last).days)


@dataclass
class StoryIndex:
    """All stories with the document frequencies; ``assign`` places one document."""

    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    threshold: float = DEFAULT_THRESHOLD
    gap_days: float = 30.0
    gap_penalty: float = 0.3
    year_penalty: float = 0.1
    year_bonus: float = 0.1
    size_penalty: float = DEFAULT_SIZE_PENALTY
    #: subtracted when both sides have the group but share nothing in it
    disjoint_penalty: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_DISJOINT))
    max_terms: int = 300
    stories: dict[str, Story] = field(default_factory=dict)
    df: dict[str, int] = field(default_factory=dict)
    n_docs: int = 0
    next_id: int = 1
    dirty_stories: set[str] = field(default_factory=set)
    dirty_terms: set[str] = field(default_factory=set)
    _postings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _norms: dict[tuple, tuple] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for story in self.stories.values():
            self._post(story)

    def _post(self, story: Story) -> None:
        for term in story.centroid.get("words", {}):
            self._postings[term].add(story.id)

    def idf(self, key: str) -> float:
        return math.log((1 + self.n_docs) / (1 + self.df.get(key, 0))) + 1.0

    def vectors(self, doc: Document) -> dict[str, dict[str, float]]:
        feats = document_features(doc)
        wanted = set(self.weights) | set(self.disjoint_penalty)
        if self.year_penalty or self.year_bonus:
            wanted.add("years")
        return {g: unit_vector(feats[g]) for g in GROUPS if g in wanted and feats[g]}

    def assign(self, doc: Document) -> str:
        """The id of the story the document joins (a new one when none is close enough)."""
        vectors = self.vectors(doc)
        self._count(vectors)
        day = document_day(doc)
        best, score = self.best_story(vectors, day)
        if best is None or score < self.threshold:
            best = self._new_story(doc)
        story = self.stories[best]
        before = set(story.centroid.get("words", {}))
        for group in vectors:  # the centroid changes in place: its cached norm goes
            self._norms.pop((PREFIX[group], id(story.centroid.get(group))), None)
        story.add(vectors, day, self.max_terms)
        for term in before - set(story.centroid.get("words", {})):  # truncated away
            self._postings[term].discard(story.id)
        self._post(story)
        self.dirty_stories.add(best)
        return best

    def _count(self, vectors: dict[str, dict[str, float]]) -> None:
        self.n_docs += 1
        for group, vec in vectors.items():
            for term in vec:
                key = f"{PREFIX[group]}:{term}"
                self.df[key] = self.df.get(key, 0) + 1
                self.dirty_terms.add(key)

    def _weighted(self, vectors: dict[str, dict[str, float]]) -> dict[str, tuple[dict[str, float], float]]:
        """Each group's document vector times IDF squared (for dot products with a raw
        centroid), with the norm of the IDF-weighted vector: computed once per document."""
        out = {}
        for group, vec in vectors.items():
            idf = {t: self.idf(f"{PREFIX[group]}:{t}") for t in vec}
            out[group] = ({t: w * idf[t] * idf[t] for t, w in vec.items()},
                          math.sqrt(sum((w * idf[t]) ** 2 for t, w in vec.items())))
        return out

    def best_story(self, vectors, day: date | None) -> tuple[str | None, float]:
        weighted = self._weighted(vectors)
        best, best_score = None, -1.0
        for sid in sorted(self._candidates(weighted)):  # sorted: ties go the same way every run
            score = self.similarity(weighted, self.stories[sid], day)
            if score > best_score:
                best, best_score = sid, score
        return best, best_score

    def _candidates(self, weighted) -> set[str]:
        """Stories sharing one of the document's most distinctive words."""
        words = weighted.get("words", ({}, 0.0))[0]
        top = sorted(words, key=words.__getitem__, reverse=True)[:CANDIDATE_TERMS]
        found: set[str] = set()
        for term in top:
            found |= self._postings.get(term, set())
        return found

    def similarity(self, weighted, story: Story, day: date | None) -> float:
        """Weighted mean of per-group cosines, minus penalties for groups both sides have
        but share nothing in, for another lead year, a date gap and a story's size.

        Sharing the lead year adds ``year_bonus``: two articles of one kind of event dated
        the same year are most often about the same one (measured on ECB+: lead years of
        two articles of one topic agree for 93% of same-event pairs, 0.4% of others).
        A bigger story's centroid covers more terms and so reaches every article of its
        kind more easily: ``size_penalty`` per log of its size evens that out."""
        total = weight_sum = penalty = 0.0
        for group in set(self.weights) | set(self.disjoint_penalty):
            vec, cen = weighted.get(group), story.centroid.get(group)
            if not vec or not vec[0] or not cen:
                continue
            weight = self.weights.get(group, 0.0)
            cosine = self._cosine(PREFIX[group], vec, cen)
            total += weight * cosine
            weight_sum += weight
            if cosine < 0.02:
                penalty += self.disjoint_penalty.get(group, 0.0)
        score = (total / weight_sum if weight_sum else 0.0) - penalty
        years, story_years = weighted.get("years"), story.centroid.get("years")
        if years and story_years:
            score += self.year_bonus if set(years[0]) & set(story_years) else -self.year_penalty
        score -= self.size_penalty * math.log1p(story.n)
        if self.gap_penalty:
            gap = day_gap(day, story.first, story.last)
            score -= min(1.0, self.gap_penalty * gap / self.gap_days)
        return score

    def _cosine(self, prefix: str, weighted: tuple[dict[str, float], float], cen: dict[str, float]) -> float:
        vec, norm = weighted
        small, large = (vec, cen) if len(vec) <= len(cen) else (cen, vec)
        dot = sum(w * large[t] for t, w in small.items() if t in large)
        if dot <= 0 or not norm:
            return 0.0
        nc = self._centroid_norm(prefix, cen)
        return dot / (norm * nc) if nc else 0.0

    def _centroid_norm(self, prefix: str, cen: dict[str, float]) -> float:
        """The IDF-weighted norm of a centroid at the current document count.

        Cached for one document only: a norm kept while IDF drifts would make assignments
        depend on when the process started, and an ingest resumed after a crash must
        assign exactly as an uninterrupted one (the state is what the store holds)."""
        key = (prefix, id(cen))
        cached = self._norms.get(key)
        if cached and cached[0] is cen and cached[1] == self.n_docs:
            return cached[2]
        if len(self._norms) > 4096:
            self._norms.clear()
        norm = math.sqrt(sum((w * self.idf(f"{prefix}:{t}")) ** 2 for t, w in cen.items()))
        self._norms[key] = (cen, self.n_docs, norm)
        return norm

    def _new_story(self, doc: Document) -> str:
        sid = f"S{self.next_id:06d}"
        self.next_id += 1
        self.stories[sid] = Story(sid, story_title(doc))
        return sid


def story_title(doc: Document) -> str:
    """The first article's title, else its first line, shortened."""
    title = doc.article.title or doc.article.text.strip().split("\n", 1)[0]
    return title if len(title) <= 120 else title[:117].rstrip() + "..."


def baseline_index(threshold: float = 0.2) -> StoryIndex:
    """Plain single-pass TF-IDF over words: the floor the full clusterer must beat."""
    return StoryIndex(weights=dict(TEXT_ONLY), threshold=threshold, gap_penalty=0.0, year_penalty=0.0,
                      year_bonus=0.0, size_penalty=0.0, disjoint_penalty={})
