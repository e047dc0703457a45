"""Candidate triggers: the verbs and nouns of body sentences worth showing a coder.

Sentences that are not prose are skipped whole, so bad input yields nothing rather than
nonsense: very long run-ons (over ``MAX_TOKENS``), all-capitals headlines, lists of names
and tables flattened into text (almost no verbs). Words inside scare quotes ("the
'territorial problem'") are not candidates. Plain reporting verbs ("said", "told") are not
in the lexicon, so a quote's frame is no event; evaluative ones are ("accused", "demanded",
"threatened"), because PLOVER codes the accusation or the demand itself.
Everything here is one pass over the tokens: linear in the length of the text.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator

from spacy.tokens import Span as SpacySpan

from ...nlp import Annotated
from .coder import Candidate

MAX_TOKENS = 120
_QUOTE_MARKS = {'"', "\u201c", "\u201d", "``", "''"}
_SCARE_QUOTE_MAX_WORDS = 5


def is_prose(sent: SpacySpan) -> bool:
    """Whether a sentence reads as prose worth coding."""
    words = [t for t in sent if t.is_alpha]
    if len(sent) > MAX_TOKENS or len(words) < 3:
        return False
    if sum(t.is_upper and len(t) > 1 for t in words) > 0.6 * len(words):
        return False
    verbs = sum(t.pos_ in ("VERB", "AUX") for t in sent)
    if verbs == 0 or (len(sent) > 40 and verbs < len(sent) / 40):
        return False
    names = sum(t.pos_ in ("PROPN", "PUNCT", "NUM") for t in sent)
    return names < 0.75 * len(sent)


class _LongQuotes:
    """The article's direct quotes longer than a scare quote, to ask in log time whether one
    holds a pair of marks (asking every quote for every pair was quadratic in the marks)."""

    def __init__(self, ann: Annotated):
        spans = sorted((q.content.start, q.content.end) for q in ann.quotes
                       if q.kind == "direct" and len(q.content.text.split()) > _SCARE_QUOTE_MAX_WORDS)
        self.starts = [start for start, _ in spans]
        self.reach = list(itertools.accumulate((end for _, end in spans), max))  # furthest end so far

    def hold(self, start: int, end: int) -> bool:
        """Whether a long quote starts by ``start + 1`` and ends at ``end - 1`` or later."""
        k = bisect.bisect_right(self.starts, start + 1)
        return k > 0 and self.reach[k - 1] + 1 >= end


def scare_quoted(sent: SpacySpan, ann: Annotated, long: _LongQuotes | None = None) -> set[int]:
    """Token indices inside short quoted phrases that are not quotations of their own."""
    long = long or _LongQuotes(ann)
    inside: set[int] = set()
    opened: int | None = None
    for token in sent:
        if token.text not in _QUOTE_MARKS:
            continue
        if opened is None:
            opened = token.i
            continue
        words = sum(t.is_alpha for t in sent.doc[opened + 1 : token.i])
        if words <= _SCARE_QUOTE_MAX_WORDS and not long.hold(sent.doc[opened].idx, token.idx):
            inside.update(range(opened + 1, token.i))
        opened = None
    return inside


def candidates(ann: Annotated) -> Iterator[Candidate]:
    """Every verb and noun of the body's prose sentences, minus scare-quoted words."""
    long = _LongQuotes(ann)
    for sent in ann.sentences():
        if not is_prose(sent):
            continue
        skip = scare_quoted(sent, ann, long)
        for token in sent:
            if token.pos_ in ("VERB", "NOUN", "PROPN") and token.i not in skip:
                yield Candidate(token, sent)
