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


def scare_quoted(sent: SpacySpan, ann: Annotated) -> set[int]:
    """Token indices inside short quoted phrases that are not quotations of their own."""
    inside: set[int] = set()
    opened: int | None = None
    for token in sent:
        if token.text not in _QUOTE_MARKS:
            continue
        if opened is None:
            opened = token.i
            continue
        words = [t for t in sent.doc[opened + 1 : token.i] if t.is_alpha]
        start, end = sent.doc[opened].idx, token.idx
        quoted = any(
            q.content.start <= start + 1 and end <= q.content.end + 1
            for q in ann.quotes
            if q.kind == "direct" and len(q.content.text.split()) > _SCARE_QUOTE_MAX_WORDS
        )
        if len(words) <= _SCARE_QUOTE_MAX_WORDS and not quoted:
            inside.update(range(opened + 1, token.i))
        opened = None
    return inside


def candidates(ann: Annotated) -> Iterator[Candidate]:
    """Every verb and noun of the body's prose sentences, minus scare-quoted words."""
    for sent in ann.sentences():
        if not is_prose(sent):
            continue
        skip = scare_quoted(sent, ann)
        for token in sent:
            if token.pos_ in ("VERB", "NOUN", "PROPN") and token.i not in skip:
                yield Candidate(token, sent)
