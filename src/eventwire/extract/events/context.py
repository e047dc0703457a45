"""When and where an event happened: the clause's own time and place, else the anchor.

A time expression counts for an event when it belongs to the event's clause (its nearest
verb) or hangs under a noun trigger ("the meeting on Tuesday"); the dateline is never a
clause's time. Durations and sets ("five-hour", "per month") are not dates. Without a
clause time the event takes the article's anchor (dateline, else publication date).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ...model import TimeValue
from ...nlp import Annotated

_DATE_VALUE = re.compile(r"^\d{3,4}")
_PLACE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "throughout", "through", "around"}
)


def is_date_value(value: str) -> bool:
    """Whether a TIMEX3 value is a calendar date (a year at least), not a duration or set."""
    return bool(_DATE_VALUE.match(value))


def clause_head(token: Token) -> Token:
    """The verb heading the clause a token belongs to (the root if there is none)."""
    node = token
    for _ in range(40):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
            return node
        if node.head is node:
            return node
        node = node.head
    return node


def _in_dateline(ann: Annotated, start: int) -> bool:
    dateline = ann.article.dateline
    return dateline is not None and dateline.span.start <= start < dateline.span.end


def event_date(ann: Annotated, trigger: Token) -> TimeValue | None:
    """The date of the trigger's clause, else the article's anchor."""
    head = clause_head(trigger)
    below = {t.i for t in trigger.subtree} if trigger.pos_ != "VERB" else set()
    best: tuple[int, TimeValue] | None = None
    sent = trigger.sent
    for (start, end), value in ann.time_values.items():
        if not sent.start_char <= start < sent.end_char:  # a clause's time is in its sentence
            continue
        if not is_date_value(value.value) or _in_dateline(ann, start):
            continue
        span = ann.token_range(start, end)
        if span is None or not (clause_head(span.root) == head or span.root.i in below):
            continue
        distance = abs(span.root.i - trigger.i)
        if best is None or distance < best[0]:
            best = (distance, value)
    if best is not None:
        value = best[1]
        return value if value.anchor else value.model_copy(update={"anchor": "text"})
    return ann.anchor


def _place_below(ann: Annotated, token: Token) -> str | None:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS:
            for node in prep.subtree:
                if node.i in ann.token_place:
                    return ann.token_place[node.i]
        if prep.dep_ == "compound" and prep.i in ann.token_place:
            return ann.token_place[prep.i]
    return None


def event_location(ann: Annotated, trigger: Token, words: tuple[int, ...] = ()) -> str | None:
    """The place id named in an "in/at/near" phrase of the trigger (any of its words, as in
    "blocked streets in Hong Kong") or of its clause, if any."""
    doc = trigger.doc
    for token in [trigger] + [doc[i] for i in words if i != trigger.i]:
        if (found := _place_below(ann, token)) is not None:
            return found
    head = clause_head(trigger)
    return _place_below(ann, head) if head is not trigger else None
