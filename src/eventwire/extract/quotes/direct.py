"""Direct quotes whose cue does not govern them in the parse.

The parser often attaches a quotation loosely: ""What a mess," Trump said" makes "mess" an
object of "said", and "Ushakov said:" may end a sentence of its own. So a quotation no cue
claimed through its clause looks for a cue next to its marks: right after the closing mark
(""...," Ushakov told reporters"), unless the quote ended its own sentence, or right
before the opening mark ("Ushakov said: "...""). A quotation with no cue near it is either
the continuation of the quote before it (a new sentence, a new paragraph: same speaker) or,
when it is a fragment inside someone else's sentence ("the "territorial problem""), a
scare quote, which is not a quotation at all.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...nlp import char_span
from .indirect import QuoteIndex
from .marks import QuotedRegion

#: How many tokens after a closing mark / before an opening mark a cue may be.
AFTER_WINDOW = 12
BEFORE_WINDOW = 8
#: A quotation without a cue shorter than this, inside a sentence, is a scare quote.
MIN_SENTENCE_WORDS = 4
_FINAL = frozenset(".!?")


def _breaks(token: Token) -> bool:
    return "\n" in token.text or "\n" in token.whitespace_


def cue_after(doc: Doc, region: QuotedRegion, index: QuoteIndex, is_cue, used: set[int]) -> Token | None:
    """A cue in the few tokens after the closing mark, in the same sentence."""
    if region.close is None or index.text[region.end - 1:region.end] == ".":
        return None
    span = char_span(doc, region.close, region.close + 1)
    if span is None or _breaks(span[-1]):
        return None
    for token in doc[span.end:span.end + AFTER_WINDOW]:
        if index.inside(token) or token.text in _FINAL:
            return None
        if is_cue(token) and token.i not in used:
            return token
        if _breaks(token):
            return None
    return None


def cue_before(doc: Doc, region: QuotedRegion, index: QuoteIndex, is_cue, used: set[int]) -> Token | None:
    """A cue in the few tokens before the opening mark, joined to it by ":" or "," or nothing
    ("Ushakov said: "...""), within the paragraph."""
    span = char_span(doc, region.open, region.open + 1)
    if span is None or span.start == 0:
        return None
    tokens = list(doc[max(0, span.start - BEFORE_WINDOW):span.start])
    if not tokens or _breaks(tokens[-1]):
        return None
    last = tokens[-1]
    for token in reversed(tokens):
        if index.inside(token) or token.text in _FINAL or _breaks(token):
            return None
        if is_cue(token) and token.i not in used:
            adjacent = token.i == last.i or last.text in (":", ",") or span.start - token.i <= 3
            return token if adjacent else None
    return None


def sentence_like(doc: Doc, region: QuotedRegion, text: str) -> bool:
    """Whether a quotation reads as someone's statement rather than a quoted phrase: it opens
    its sentence (or paragraph), or is long enough to be one."""
    words = text[region.start:region.end].split()
    if len(words) >= 2 * MIN_SENTENCE_WORDS:
        return True
    if len(words) < MIN_SENTENCE_WORDS:
        return False
    span = char_span(doc, region.open, region.open + 1)
    if span is None:
        return False
    first = span[0]
    if first.is_sent_start or first.i == 0:
        return True
    before = doc[first.i - 1]
    return _breaks(before) or before.text in _FINAL or before.text in (":", "—")


_DASHES = frozenset({"―", "—", "–", "--", "-"})


def signature(doc: Doc, region: QuotedRegion) -> tuple[Token, Token] | None:
    """A quotation signed with a dash and a name (""..." ― Sonya Herridge"): the dash and the
    head of the name."""
    if region.close is None:
        return None
    span = char_span(doc, region.close, region.close + 1)
    if span is None or span.end + 1 >= len(doc):
        return None
    dash = doc[span.end]
    if dash.text not in _DASHES or _breaks(span[-1]):
        return None
    name = [t for t in doc[dash.i + 1:dash.i + 6] if t.pos_ == "PROPN" and not index_breaks(t, dash)]
    if not name or name[0].i != dash.i + 1 + (doc[dash.i + 1].is_space):
        return None
    head = name[-1]
    while head.head.i != head.i and head.head.pos_ == "PROPN" and head.dep_ == "compound":
        head = head.head
    return dash, head


def index_breaks(token: Token, start: Token) -> bool:
    """Whether a paragraph break lies between ``start`` and ``token``."""
    return any(_breaks(t) for t in token.doc[start.i:token.i])
