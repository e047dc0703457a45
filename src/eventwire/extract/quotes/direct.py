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

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from ...knowledge import word_list
from ...knowledge.cues import cue_phrases
from ...nlp import char_span
from .indirect import Found, QuoteIndex
from .marks import QuotedRegion

#: How many tokens after a closing mark / before an opening mark a cue may be.
AFTER_WINDOW = 12
BEFORE_WINDOW = 8
#: A quotation without a cue shorter than this, inside a sentence, is a scare quote.
MIN_SENTENCE_WORDS = 4
_FINAL = frozenset(".!?")
#: How many characters may stand between two parts of one quote (the cue, its source, and
#: for a continuation what the writer added: "told Reuters in an interview when asked ...").
MAX_INTERRUPTION = 400
#: An interruption ending its sentence (""A," he said. "B.""): the second piece is a new sentence.
_SENTENCE_END = re.compile(r"[.!?][\s\"'“”‘’«»]*$")
#: Whether a cue-less quotation in the next sentence (""A," he said. "B."") is a part of the
#: same attribution, as PolNeAR annotates it, rather than a quote of its own.
JOIN_NEXT_SENTENCE = True
#: Punctuation and capitalised words (a name after the cue: ""A," said Ushakov, "b"") to the end.
_ONLY_NAMES = re.compile(r"(?:[\s,;:\"'“”‘’]|[A-Z][\w.'’-]*)*$")


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
    ("Ushakov said: "...""), within the paragraph, or closing the paragraph before with a colon
    ("Caddell continued:" and the quotation set off as a paragraph of its own)."""
    span = char_span(doc, region.open, region.open + 1)
    if span is None or span.start == 0:
        return None
    end = span.start
    while end > 0 and doc[end - 1].is_space:
        end -= 1
    if end == 0 or (end < span.start or _breaks(doc[end - 1])) and doc[end - 1].text != ":":
        return None
    tokens = list(doc[max(0, end - BEFORE_WINDOW):end])
    last = tokens[-1]
    for token in reversed(tokens):
        if index.inside(token) or token.text in _FINAL or (_breaks(token) and token.i != last.i):
            return None
        if is_cue(token) and token.i not in used:
            adjacent = token.i == last.i or last.text in (":", ",") or end - token.i <= 3
            return token if adjacent else None
    return None


def sentence_like(doc: Doc, region: QuotedRegion, text: str) -> bool:
    """Whether a quotation reads as someone's statement rather than a quoted phrase: it opens
    its sentence (or paragraph), or is long enough to be one."""
    words = text[region.start:region.end].split()
    if len(words) >= 2 * MIN_SENTENCE_WORDS or _whole_paragraph(region, text):
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


def _whole_paragraph(region: QuotedRegion, text: str) -> bool:
    """A quotation that is its paragraph ("\n"It is over."\n"): a follow-up, however short."""
    if region.close is None or not re.search(r"[.!?]\W*$", text[region.start:region.close + 1]):
        return False
    before = text.rfind("\n", 0, region.open) + 1
    after = text.find("\n", region.close)
    after = len(text) if after < 0 else after
    return not text[before:region.open].strip() and not text[region.close + 1:after].strip()


_DASHES = frozenset({"―", "—", "–", "--", "-"})


def signature(doc: Doc, region: QuotedRegion) -> tuple[Token, Token] | None:
    """A quotation signed with a dash and a name (""..." ― Sonya Herridge"): the dash and the
    head of the name. The tokeniser may glue the dash to the closing mark ("”―") or leave a
    (non-breaking) space token between them."""
    if region.close is None:
        return None
    span = char_span(doc, region.close, region.close + 1)
    if span is None or span.end + 1 >= len(doc):
        return None
    dash = span[-1]
    if dash.text[-1] not in _DASHES:
        dash = doc[span.end]
        if dash.is_space and "\n" not in dash.text and dash.i + 1 < len(doc):
            dash = doc[dash.i + 1]
        if dash.text not in _DASHES or _breaks(span[-1]) and not span[-1].is_space:
            return None
    first = dash.i + 1
    if first < len(doc) and doc[first].is_space and "\n" not in doc[first].text:
        first += 1
    name = [t for t in doc[first:first + 5] if t.pos_ == "PROPN" and not index_breaks(t, dash)]
    if not name or name[0].i != first:
        return None
    head = name[-1]
    while head.head.i != head.i and head.head.pos_ == "PROPN" and head.dep_ == "compound":
        head = head.head
    return dash, head


def index_breaks(token: Token, start: Token) -> bool:
    """Whether a paragraph break lies between ``start`` and ``token``."""
    return any(_breaks(t) for t in token.doc[start.i:token.i])


_LABEL_WORDS = 4


def _heading(label) -> bool:
    """A one-word label in capitals that the tagger reads as a common noun ("ENERGY:",
    "BONDS:" heading a market report) is a heading, unless the word names a speaker's role
    ("MODERATOR:"; ``label`` rows of ``cue_phrases.tsv``). A name in capitals ("PENCE:")
    keeps its case as its lemma."""
    if len(label) != 1:
        return False
    word = label[0]
    lemma = word.lemma_
    common = word.pos_ == "NOUN" and lemma == lemma.lower() and lemma != word.text
    return common and lemma not in cue_phrases().labels


def speaker_label(doc: Doc, first: Token, token_entity: dict[int, str]) -> tuple[Token, Token] | None:
    """A paragraph (or quoted paragraph) opened by a speaker's name and a colon, as in a
    transcript ("PENCE: Well, look, ...") or a headline ("Sanders: Clinton needs to ..."): the
    head of the name and the colon. The name must be in capitals or a name the actors
    component knows, so "Editor's note:" or "Another challenge:" is no speaker."""
    start = first.i + 1 if first.is_quote or first.text in ('"', "“", "''") else first.i
    colon = next((t for t in doc[start:start + _LABEL_WORDS + 1] if t.text == ":"), None)
    if colon is None or colon.i == start or _breaks(doc[colon.i - 1]) or colon.i + 3 >= len(doc):
        return None
    label = doc[start:colon.i]
    if any(t.lower_ in word_list("label_words.tsv") or _breaks(t) for t in label):
        return None
    shouting = all(t.is_upper and t.is_alpha and len(t) > 1 for t in label) and not _heading(label)
    named = all(t.pos_ == "PROPN" for t in label) and any(t.i in token_entity for t in label)
    if not (shouting or named):
        return None
    return label[-1], colon


def join_interrupted(found: list[Found], text: str) -> list[Found]:
    """One attribution for a direct quote interrupted by its own cue (""A," he said, "B.""):
    its content runs from A to B and its parts are A and B. ``found`` is in text order."""
    out: list[Found] = []
    for f in found:
        last = out[-1] if out else None
        if last is not None and interrupts(last, f, text):
            parts = (last.parts or (last.content,)) + (f.parts or (f.content,))
            out[-1] = replace(last, content=(last.content[0], f.content[1]), parts=parts,
                              regions=last.regions + f.regions)
        elif not f.joins_only:
            out.append(f)
    return out


def _next_paragraph(second: Found, gap: str) -> bool:
    """Whether a continuation opens the paragraph right after its cue's (""A," she said.¶"B.""):
    PolNeAR keeps it a part of the same attribution."""
    return (second.continues and not second.joins_only and gap.count("\n") <= 2
            and not gap.rsplit("\n", 1)[1].strip(" \t\"'“”‘’«»„"))


def interrupts(first: Found, second: Found, text: str) -> bool:
    """Whether ``second`` goes on with ``first`` across its cue: both direct, in one paragraph
    (or a continuation opening the next), the second with the first's cue or, as a
    continuation, none of its own, and the cue between them."""
    if first.kind != "direct" or second.kind != "direct" or first.cue is None:
        return False
    if not (second.continues or second.cue_token == first.cue_token):
        return False
    gap_start, gap_end = first.content[1], second.content[0]
    if not (gap_start <= first.cue[0] and first.cue[1] <= gap_end) or gap_end - gap_start > MAX_INTERRUPTION:
        return False
    gap = text[gap_start:gap_end]
    if "\n" in gap and not _next_paragraph(second, gap):
        return False
    if second.joins_only:  # a short piece: only the cue and a name may stand between
        return not _SENTENCE_END.search(gap) and _ONLY_NAMES.match(text, first.cue[1], gap_end) is not None
    return not _SENTENCE_END.search(gap) or (second.continues and JOIN_NEXT_SENTENCE)
