"""The learned cue model: which words introduce an attribution, beyond the cue lexicon.

PolNeAR's annotators mark far more cues than any list holds ("is calling for", "went after",
"seemed", "sees"). A logistic regression trained on PolNeAR's training split
(``eventwire train quotes``, ``train/quotes.py``) scores every verb, noun and adjective
outside quotation marks from its parse features: its lemma, part of speech and dependency,
its head, its dependents (a that-clause, an object, a preposition), its subject's kind, the
words beside it and whether a quotation is near. Two thresholds read the score:

- a word the lexicon does not know is a cue when its score reaches ``ADD``;
- a lexicon cue (verb, noun or adjective) scoring below ``KEEP`` in its context ("who *know*
  him", "*refused* to attend") attributes nothing.

Both were chosen on PolNeAR train articles the model was not fitted on (a model trained
without the first 140, scored on them), never on the dev split.

The model file (``knowledge/data/quote_cues.json``) holds only feature names and weights;
scoring is a sum of weights, so running needs no scikit-learn and no download. Without the
file the component runs on its lexicon alone.
"""

from __future__ import annotations

import bisect
import json
import math
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from ...errors import KnowledgeError
from ...knowledge import data_path

MODEL_FILE = "quote_cues.json"
#: Score a word outside the lexicon needs to be a cue, and a lexicon cue needs to stay one.
ADD = 0.5
KEEP = 0.2
CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def is_candidate(token: Token) -> bool:
    return token.pos_ in CANDIDATE_POS and token.is_alpha


def _subject_kind(children: list[Token]) -> str:
    subjects = [c for c in children if c.dep_ in _SUBJECT_DEPS]
    if not subjects:
        return "none"
    s = subjects[0]
    if s.ent_type_:
        return s.ent_type_
    return "pron" if s.pos_ == "PRON" else s.pos_.lower()


def features(token: Token, quote_near: bool) -> list[str]:
    """The parse features of one candidate word outside quotation marks (``quote_near``: a
    quotation in the same sentence)."""
    doc, lemma, head, children = token.doc, token.lemma_.lower(), token.head, list(token.children)
    subject = _subject_kind(children)
    f = [f"l={lemma}", f"p={token.pos_}", f"t={token.tag_}", f"d={token.dep_}", f"ld={lemma}|{token.dep_}",
         f"lp={lemma}|{token.pos_}", f"h={head.lemma_.lower()}|{token.dep_}", f"hp={head.pos_}",
         f"s={subject}", f"ls={lemma}|{subject}", f"q={quote_near}"]
    for c in children:
        f += [f"c={c.dep_}", f"lc={lemma}|{c.dep_}"]
        if c.dep_ in ("prep", "prt", "agent"):
            f += [f"cp={c.lower_}", f"lcp={lemma}|{c.lower_}"]
        if c.dep_ in ("ccomp", "acl", "advcl") and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children):
            f.append("that")
        if c.dep_ == "aux" and c.lower_ == "to":
            f.append("to")
    before = doc[token.i - 1].lower_ if token.i > 0 else "<s>"
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else "</s>"
    f += [f"w-1={before}", f"w+1={after}", f"lw+1={lemma}|{after}"]
    return f


class CueModel:
    """A linear model over feature names: ``score`` is the logistic of the summed weights."""

    def __init__(self, weights: dict[str, float], bias: float):
        self.weights = weights
        self.bias = bias

    def score(self, names: list[str]) -> float:
        total = self.bias + sum(self.weights.get(n, 0.0) for n in names)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def to_json(self, meta: dict) -> str:
        return json.dumps({"bias": self.bias, "weights": self.weights, **meta}, sort_keys=True)

    @classmethod
    def read(cls, path: Path) -> CueModel:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls({k: float(v) for k, v in data["weights"].items()}, float(data["bias"]))
        except (OSError, KeyError, ValueError, AttributeError) as exc:
            raise KnowledgeError(f"cannot read the quote cue model ({exc}); rebuild it with "
                                 "'eventwire train quotes'", where=str(path)) from None


@cache
def cue_model() -> CueModel | None:
    """The bundled cue model, or None when it was never trained."""
    path = data_path(MODEL_FILE)
    return CueModel.read(path) if path.exists() else None


class Scorer:
    """Cue scores for one article's words (None: no model, or not a candidate word)."""

    def __init__(self, index, model: CueModel | None):
        self.index = index
        self.model = model
        self._near: dict[int, bool] = {}
        self._starts: list[int] = []  # first token of each sentence, read once per article
        self._chars: list[tuple[int, int]] = []

    def _sentence(self, token: Token) -> tuple[int, int, int]:
        """(first token, start char, end char) of the token's sentence. ``token.sent`` walks
        the sentence each time it is asked, so many cues in one long sentence (a run of
        quotation marks) cost quadratic time; the bounds are read once instead."""
        if not self._starts:
            for sent in token.doc.sents:
                self._starts.append(sent.start)
                self._chars.append((sent.start_char, sent.end_char))
        k = bisect.bisect_right(self._starts, token.i) - 1
        return self._starts[k], *self._chars[k]

    def __call__(self, token: Token) -> float | None:
        if self.model is None or not is_candidate(token):
            return None
        first, start, end = self._sentence(token)
        if first not in self._near:
            self._near[first] = bool(self.index.overlapping(start, end))
        return self.model.score(features(token, self._near[first]))
