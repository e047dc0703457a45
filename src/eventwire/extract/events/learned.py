"""The trained coder ``plover-learned``: a linear model over parse features.

``eventwire train events`` fits a multinomial logistic regression (scikit-learn) that reads
the features of ``features.py`` and answers one of the 16 PLOVER types or NONE for each
candidate word. The model file (``knowledge/data/event_coder.npz``) holds only the feature
names, the weights and the lemmas seen as triggers in training; it is loaded with numpy
(no pickle, no download) and scored here with a sparse dot product, so coding needs
neither scikit-learn nor any other model at run time.

A word whose lemma was never a trigger in training is not scored at all (most nouns and
verbs of a text), which keeps the coder cheap; the rest get the most probable label, and
an event only when its probability beats NONE by the model's margin. The mode and context
come from the CAMEO dictionary reading of the word with that type, else from the rule
lexicon's sense of the word with that type.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from ...errors import KnowledgeError
from ...knowledge import data_path
from ...knowledge.events import trigger_lexicon
from ...registry import coders
from .coder import Candidate, Coding, is_reporting, pos_key, rules_coder
from .features import feature_rows, features, read_by_a_coder

MODEL_FILE = "event_coder.npz"
NONE = "NONE"


@dataclass(frozen=True)
class LinearModel:
    """Feature index, weights (features x classes), intercepts and class names."""

    index: dict[str, int]
    weights: np.ndarray
    intercept: np.ndarray
    classes: tuple[str, ...]
    triggers: frozenset[str]
    #: an event is coded when its type's probability reaches this, even below NONE's
    threshold: float = 0.5

    def probabilities(self, names: list[str]) -> np.ndarray:
        rows = feature_rows(names, self.index)
        scores = self.intercept + self.weights[rows].sum(axis=0, dtype=np.float32)
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()

    def save(self, path: Path) -> None:
        names = sorted(self.index, key=self.index.get)
        np.savez_compressed(
            path,
            features=np.array("\n".join(names)),
            weights=self.weights.astype(np.float16),
            intercept=self.intercept.astype(np.float32),
            classes=np.array("\n".join(self.classes)),
            triggers=np.array("\n".join(sorted(self.triggers))),
            threshold=np.array(self.threshold, dtype=np.float32),
        )

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        try:
            with np.load(path, allow_pickle=False) as data:
                names = str(data["features"]).split("\n")
                return cls(
                    index={name: i for i, name in enumerate(names)},
                    weights=data["weights"].astype(np.float32),
                    intercept=data["intercept"],
                    classes=tuple(str(data["classes"]).split("\n")),
                    triggers=frozenset(str(data["triggers"]).split("\n")),
                    threshold=float(data["threshold"]),
                )
        except (OSError, KeyError, ValueError) as exc:
            raise KnowledgeError(
                f"cannot read the event coder model ({exc}); rebuild it with "
                "'eventwire train events'",
                where=str(path),
            ) from None


@cache
def bundled_model() -> LinearModel:
    return LinearModel.load(data_path(MODEL_FILE))


def mode_and_context(token: Token, event: str) -> tuple[str | None, tuple[str, ...]]:
    """The mode and context of a word read as ``event``: those of the first CAMEO pattern of
    that type that matches the word's phrase (the dictionary coder's matcher), else of its
    bare row, else the rule lexicon's sense of the word with that type."""
    from ...knowledge.cameo import cameo_verbs
    from .dictionary import match, phrase_words

    lemma = token.lemma_.lower()
    patterns = [p for p in cameo_verbs().get(lemma, ()) if p.event == event]
    words = phrase_words(token) if patterns else {}
    found = next((p for p in patterns if match(p, token, words) is not None), None)
    if found is not None:
        return found.mode, found.context
    pos = pos_key(token) or "V"
    sense = next((s for s in trigger_lexicon().get((lemma, pos), ()) if s.event == event), None)
    return (sense.mode, sense.context) if sense else (None, ())


def trigger_words(token: Token) -> tuple[int, ...]:
    """The trigger's words: the word and its particle ("rounded up", "called for")."""
    words = [token.i] + [c.i for c in token.children if c.dep_ == "prt"]
    return tuple(sorted(words))


@coders.register("plover-learned")
class LearnedCoder:
    """PLOVER codes from the trained linear model (``eventwire train events``)."""

    name = "plover-learned"

    def __init__(self, model: LinearModel | None = None) -> None:
        self.model = model or bundled_model()
        #: the one threshold: the model file's, set when it was trained (``train.events.THRESHOLD``)
        self.threshold = self.model.threshold

    def distribution(self, token: Token) -> dict[str, float] | None:
        """Every label's probability for a word, or None where the model does not score it
        (no verb or noun, a lemma never a trigger that no coder reads, a reporting verb, a
        sense the lexicon says names no event). Scored once per word of a parse: the chain,
        its veto and the component's uncoded check all ask."""
        memo = token.doc.user_data.setdefault("eventwire_decisions", {})
        key = (id(self.model), token.i)
        if key not in memo:
            memo[key] = self._distribution(token)
        return memo[key]

    def _distribution(self, token: Token) -> dict[str, float] | None:
        if pos_key(token) is None:
            return None
        if token.lemma_.lower() not in self.model.triggers and not read_by_a_coder(token):
            return None
        if is_reporting(token) or rules_coder().rules_out(Candidate(token, token.sent)):
            return None  # the lexicon knows this sense names no event ("warned that")
        probs = self.model.probabilities(features(token))
        return dict(zip(self.model.classes, (float(p) for p in probs)))

    def label(self, token: Token) -> tuple[str, float]:
        """The most probable event type of a word and its probability, or NONE when no type
        reaches the model's threshold (and for words the model does not score)."""
        probs = self.distribution(token)
        if probs is None:
            return NONE, 1.0
        best = max((c for c in self.model.classes if c != NONE), key=probs.__getitem__)
        if probs[best] < self.threshold:
            return NONE, 1.0 - probs[best]
        return best, probs[best]

    def code(self, candidate: Candidate) -> Coding | None:
        token = candidate.token
        event, _ = self.label(token)
        if event == NONE:
            return None
        mode, context = mode_and_context(token, event)
        return Coding(event, mode, tuple(context), trigger_words(token))
