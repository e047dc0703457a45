"""The ``times`` component: every time expression in the article, normalised as TIMEX3.

Finds dates, times, durations and sets with the rules in ``extract/timex`` (word data in
``knowledge/data/time_words.tsv``), reads relative ones against ``ann.anchor`` (the
dateline's date, else the publication date) and the governing verb's tense from the
parse (past-tense "on Tuesday" is the Tuesday before, future the one after), then sets
``ann.times`` and ``ann.time_values`` so later components can date a clause by its
character range. Without an anchor, relative values keep X's (``XXXX-XX-XX``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Time, TimeValue
from ..nlp import Annotated, char_span
from ..registry import components
from .timex.normalise import precision_of
from .timex.recognise import Found, recognise
from .timex.rules import Context

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
#: Words on the way up to the verb that put a date ahead: "effective Feb. 1", "payable Dec. 7".
_FUTURE_WORDS = {"effective", "payable", "starting", "beginning", "due", "until", "next"}
#: Verbs whose complement or object happens later: "planned to leave on Thursday".
_FUTURE_VERBS = {"plan", "schedule", "expect", "intend", "prepare", "due", "set", "aim", "hope"}


def verb_direction(token: Token) -> int:
    """-1 past, +1 future, 0 unknown, from the verb that governs ``token``.

    Climbs the dependency tree to the nearest verb. The future: "will"/"would", "going
    to", "is to", a planning verb ("planned to leave"), a word such as "effective" on the
    way up, a present progressive ("is meeting"). The past: a possessive ("Tuesday's
    ruling"), a past-tense verb or auxiliary ("met", "had met", "did"), a bare past
    participle ("the year ended March 31"). A simple present stays unknown: in reports
    it is as often a past event as a scheduled one.
    """
    if token.dep_ == "poss":  # "Tuesday's ruling" names a day already past
        return -1
    verb = token
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        if verb.lower_ in _FUTURE_WORDS:
            return 1
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return 0
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return 1
    if verb.lemma_ in _FUTURE_VERBS or (verb.dep_ == "xcomp" and verb.head.lemma_ in _FUTURE_VERBS | {"go"}):
        return 1
    if any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children) and verb.head.lemma_ == "be":
        return 1  # "is to resume trading Tuesday"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return -1
    if verb.tag_ == "VBN" and (not auxes or any(a.lemma_ == "have" for a in auxes)):
        return -1  # "had met", and reduced relatives: "the year ended March 31"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return 1
    return 0


def _direction_reader(doc: Doc):
    """A function char offset -> tense direction, reading the parse lazily."""

    def direction(char: int) -> int:
        span = char_span(doc, char, char + 1)
        if span is None or not len(span):
            return 0
        return verb_direction(span[0])

    return direction


@components.register("times")
class Times:
    """Time expressions -> ``ann.times`` and ``ann.time_values`` (TIMEX3 values)."""

    name = "times"
    requires = ("doc",)
    assigns = ("times", "time_values")

    def __call__(self, ann: Annotated) -> None:
        ctx = Context(text=ann.text, anchor=ann.anchor_date, direction=_direction_reader(ann.doc))
        found = recognise(ctx)
        anchor_name = ann.anchor.anchor if ann.anchor else None
        for item in found:
            value, anchor = self._value(ann, item, anchor_name)
            ann.times.append(Time(text=ann.span(item.start, item.end), type=item.type,
                                  value=value, anchor=anchor))
            ann.time_values[(item.start, item.end)] = TimeValue(
                value=value, precision=precision_of(value), anchor=anchor)

    @staticmethod
    def _value(ann: Annotated, item: Found, anchor_name: str | None) -> tuple[str, str | None]:
        """The value and anchor of one expression; the dateline's date keeps the value the
        dateline reader gave it, so the dateline is dated once and consistently."""
        dateline = ann.article.dateline
        if dateline and dateline.date and dateline.span.start <= item.start < dateline.span.end:
            return dateline.date.value, dateline.date.anchor
        if item.anchoring == "abs":
            return item.value, None
        if item.anchoring == "text":
            return item.value, "text"
        return item.value, anchor_name if "X" not in item.value[:4] else None
