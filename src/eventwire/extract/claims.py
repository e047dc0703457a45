"""The ``claims`` component: numbers a report puts forward as facts, and who claims them.

A claim is a number with what it measures (``about``), its unit, bound and rate:
"casualties of 25,000 to 30,000 per month" is casualties 25000..30000 (bound "range") per
month; "at least 5,000 square km" is an area of 5000 km2, at least; "a five-hour meeting" a
duration of 5 hours. The claimant is the speaker of the quote the number sits in, else the
named subject of a reporting verb whose clause holds it, else null (the reporter's own
statement): a number outside a quote is never a speaker's because the quote is near. Dates, years, ordinals and clock times are not claims,
and a bare number with neither a unit nor a keyword saying what it counts is left out:
nothing rather than nonsense. Word tables are data (``knowledge/data/claim_words.tsv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..errors import KnowledgeError
from ..knowledge import data_path, read_tsv, word_list
from ..knowledge.cues import cue_verbs
from ..model import Claim
from ..nlp import Annotated, char_span
from ..registry import components

KINDS = (
    "unit", "about", "bound", "bound_after", "per", "scale", "number", "movement", "comparison",
    "part", "change", "reference", "source",
)
_NUMERIC = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
_SCALED = re.compile(r"^(?P<number>\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?)(?P<scale>[a-z]{1,2})$")
_RANGE_TOKEN = re.compile(
    r"^(?P<low>[\d.,]+[a-z]{0,2})[-–][$£€]?(?P<high>[\d.,]+[a-z]{0,2})$"
)
_RANGE_WORDS = ("to", "-", "–", "and")
_SKIP_ENTS = ("DATE", "ORDINAL")
_MAX_PHRASE = 3
#: classes of cue verbs whose subject claims the numbers of their clause
_SOURCE_CLASSES = frozenset({"speech", "written", "evidence"})


@dataclass(frozen=True)
class Word:
    kind: str
    value: str
    about: str | None


@cache
def claim_words() -> dict[tuple[str, ...], Word]:
    """Phrase (as a tuple of lower-case words) -> its meaning."""
    name = "claim_words.tsv"
    table: dict[tuple[str, ...], Word] = {}
    for i, row in enumerate(read_tsv(name, ("phrase", "kind", "value", "about")), start=1):
        if row["kind"] not in KINDS:
            raise KnowledgeError(
                f"unknown kind {row['kind']!r}", where=f"{data_path(name)} (row {i})"
            )
        if row["kind"] in ("scale", "number"):
            try:
                float(row["value"])
            except ValueError:
                raise KnowledgeError(
                    f"{row['value']!r} is not a number", where=f"{data_path(name)} (row {i})"
                ) from None
        about = None if row["about"] == "-" else row["about"]
        table[tuple(row["phrase"].lower().split())] = Word(row["kind"], row["value"], about)
    return table


def lookup(tokens: list[Token] | list[str], kind: str) -> tuple[Word, int] | None:
    """The longest phrase of ``kind`` starting at ``tokens[0]``, with its length."""
    table = claim_words()
    words = [t if isinstance(t, str) else t.lower_ for t in tokens]
    for size in range(min(_MAX_PHRASE, len(words)), 0, -1):
        word = table.get(tuple(words[:size]))
        if word is not None and word.kind == kind:
            return word, size
    return None


def _scaled(text: str) -> float | None:
    """A number written with its multiplier in one token: "1.13bn", "2bn", "300k", "4.5tn"
    (the multiplier one of the scale words, ``claim_words.tsv``)."""
    match = _SCALED.match(text)
    if match is None:
        return None
    scale = lookup([match["scale"]], "scale")
    if scale is None:
        return None
    return float(match["number"].replace(",", "")) * float(scale[0].value)


def number_value(token: Token) -> float | None:
    """The number a single token names: digits ("25,000", "2.5"), digits with a multiplier
    ("1.13bn", "300k") or a number word ("five")."""
    text = token.text.lower()
    if _NUMERIC.match(text):
        return float(text.replace(",", ""))
    if (scaled := _scaled(text)) is not None:
        return scaled
    if (joined := _RANGE_TOKEN.match(text)) is not None:  # "1bn-$2bn": its low end
        return _amount(joined["low"])
    word = claim_words().get((text,))
    return float(word.value) if word is not None and word.kind == "number" else None


def is_number(token: Token) -> bool:
    # the tagger calls "5bn" an ORDINAL now and then: a multiplier is never an ordinal
    shaped = _SCALED.match(token.lower_) or _RANGE_TOKEN.match(token.lower_)
    skip = token.ent_type_ in _SKIP_ENTS and not shaped
    return not skip and number_value(token) is not None


@dataclass
class Reading:
    """A number phrase as read so far."""

    start: int
    end: int
    value: float
    top: float | None = None
    bound: str = "exact"
    unit: str | None = None
    about: str | None = None
    per: str | None = None
    #: token of a unit said between the ends of a range ("2% to 3%")
    unit_at: int | None = None
    #: token of the whole in "six out of 20": what the part counts is read from there
    whole_at: int | None = None


def read_value(doc, i: int) -> tuple[float, int] | None:
    """The number starting at token ``i`` with any scale word after it, and where it ends."""
    value = number_value(doc[i])
    if value is None:
        return None
    end = i + 1
    while end < len(doc) and (scale := _scale_word(doc[end])) is not None:
        value *= scale
        end += 1
    return value, end


def _scale_word(token: Token) -> float | None:
    """The multiplier a word after a number names ("million", "bn", and "m." where the
    abbreviation's full stop stayed on the word)."""
    found = lookup([token.lower_], "scale") or lookup([token.lower_.removesuffix(".")], "scale")
    return float(found[0].value) if found is not None else None


def _range(doc, reading: Reading, sent: SpacySpan) -> None:
    """ "25,000 to 30,000", "between 10 and 20", "2% to 3%", "$1bn - $2bn": the upper end
    of a range, with the unit said once or on both ends."""
    i = reading.end
    unit_between = i < sent.end and lookup([doc[i]], "unit") is not None
    if unit_between:
        i += 1
    if i + 1 >= sent.end or doc[i].lower_ not in _RANGE_WORDS:
        return
    if doc[i].lower_ == "and" and (
        reading.start == 0 or doc[reading.start - 1].lower_ != "between"
    ):
        return
    j = i + 1
    if j < sent.end and (sign := lookup([doc[j]], "unit")) and sign[0].about == "money":
        j += 1  # "$1bn to $2bn"
    nxt = read_value(doc, j)
    if nxt is None or nxt[0] <= reading.value:
        return
    if unit_between:
        # "2% to 3%": the unit again after the top, else it is a movement's end point
        # ("rose 1% to £933m", "up by 20% to 260,000"), not a range; and a verb of change
        # over both makes them its change and its end ("lifted rates 0.25% to 5.5%")
        if nxt[1] >= sent.end or doc[nxt[1]].lower_ != doc[i - 1].lower_:
            return
        verb = doc[i - 1].head
        lemma = verb.lemma_.lower()
        if verb.pos_ == "VERB" and (lookup([lemma], "movement") or lookup([lemma], "change")):
            return
        reading.top, reading.end, reading.bound = nxt[0], nxt[1] + 1, "range"
        reading.unit_at = i - 1
        return
    digits = _plain(re.sub(r"[a-z]+$", "", doc[j].lower_))
    own = _plain(doc[reading.start].lower_)
    if digits and own == reading.value and reading.end == reading.start + 1:
        # "$1.3 to $1.5bn": the multiplier said once, on the top, scales both ends
        reading.value *= nxt[0] / digits
    reading.top, reading.end, reading.bound = nxt[0], nxt[1], "range"


def _joined_range(doc, reading: Reading) -> None:
    """ "$1bn-$2bn" kept as one token by the tokenizer: both ends of the range."""
    match = _RANGE_TOKEN.match(doc[reading.start].lower_)
    if match is None:
        return
    low, high = _amount(match["low"]), _amount(match["high"])
    if low is not None and high is not None and high > low:
        reading.value, reading.top, reading.bound = low, high, "range"


def _plain(text: str) -> float | None:
    return float(text.replace(",", "")) if _NUMERIC.match(text) else None


def _amount(text: str) -> float | None:
    """Digits with or without their multiplier ("2bn", "2")."""
    scaled = _scaled(text)
    return scaled if scaled is not None else _plain(text)


def _part_of_whole(doc, reading: Reading, sent: SpacySpan) -> None:
    """ "six out of 20 ministers", "four of the 12 judges": the count is the part; the
    whole is part of the claim's words, never a claim of its own."""
    i = reading.end
    for size in (2, 1):
        part = lookup(list(doc[i : i + size]), "part") if i + size < sent.end else None
        if part is None or part[1] != size:
            continue
        whole = read_value(doc, i + size)
        if whole is not None and whole[0] > reading.value:
            reading.end = whole[1]
            reading.whole_at = i + size
        return


def _left(doc, reading: Reading, sent: SpacySpan) -> None:
    """Currency signs and bound phrases before the number ("at least", "$")."""
    start = reading.start
    for size in range(_MAX_PHRASE, 0, -1):  # "Australian dollar 29.4bn", "$"
        if start - size < sent.start or doc[start - 1].pos_ == "VERB":
            continue  # "the team won 3 games": no currency
        unit = lookup(list(doc[start - size : start]), "unit")
        if unit is not None and unit[1] == size and unit[0].about == "money":
            reading.unit, reading.about = unit[0].value, "money"
            start -= size
            break
    for size in range(_MAX_PHRASE, 0, -1):
        if start - size < sent.start:
            continue
        found = lookup(list(doc[start - size : start]), "bound")
        before = doc[start - size - 1] if start - size > sent.start else None
        moved = before is not None and lookup([before], "movement") is not None
        approximate = found is not None and found[0].value == "about"
        if not approximate and (
            moved
            or (before is not None and before.pos_ == "VERB" and lookup([before.lemma_], "movement"))
        ):
            continue  # "went up to 5.5%", "rose over 3%": a movement; "fell almost 3%" is not
        if found is not None and found[1] == size and reading.bound == "exact":
            reading.bound = found[0].value
            return


def _right(doc, reading: Reading, sent: SpacySpan) -> None:
    """Unit and rate after the number ("square km", "-hour", "per month")."""
    i = reading.end
    if i < sent.end and doc[i].text == "-":
        i += 1
    if reading.unit is None and reading.unit_at is not None:
        unit = lookup([doc[reading.unit_at]], "unit")
        if unit is not None:
            reading.unit, reading.about = unit[0].value, unit[0].about
    tokens = list(doc[i : min(sent.end, i + _MAX_PHRASE)])
    if reading.unit is None and (unit := lookup(tokens, "unit")) is not None:
        reading.unit, reading.about = unit[0].value, unit[0].about
        i += unit[1]
    after = lookup(list(doc[i : min(sent.end, i + 2)]), "bound_after")
    if after is not None and reading.bound == "exact":
        reading.bound = after[0].value  # "5% or more"
    j = i
    while j < min(sent.end, i + 4):
        rate = lookup(list(doc[j : min(sent.end, j + 2)]), "per")
        if rate is not None:
            after = j + rate[1]
            # "£125m a year earlier": a comparison date, not a rate
            if after >= sent.end or lookup([doc[after]], "comparison") is None:
                reading.per = rate[0].value
            break
        j += 1


def _keyword(doc, reading: Reading) -> None:
    """What the number counts, from the words it hangs under ("casualties of", "killing")."""
    node = doc[reading.whole_at if reading.whole_at is not None else reading.start]
    for _ in range(4):
        word = claim_words().get((node.lower_,)) or claim_words().get((node.lemma_.lower(),))
        if word is not None and word.kind == "about":
            reading.about = word.about
            reading.unit = reading.unit if reading.unit not in (None, "person") else word.value
            if reading.unit is None:
                reading.unit = word.value
            return
        if node.head is node:
            return
        node = node.head


def _is_year(token: Token, reading: Reading) -> bool:
    """A four-digit year the tagger did not call a date, read as a bare count."""
    return (
        reading.about in (None, "count")
        and reading.unit is None
        and reading.top is None
        and re.fullmatch(r"1[89]\d\d|20\d\d", token.text) is not None
    )


def _is_period(doc, reading: Reading, sent: SpacySpan) -> bool:
    """A stretch of the calendar rather than how long something lasted: "the (first) six
    months ending 31 December", "four months after the vote", "a 30 year low", "in four
    years" after a superlative; "in circulation for 62 years" and "a five-hour meeting" are
    claims."""
    start = reading.start
    before = [t.lower_ for t in doc[max(sent.start, start - 2) : start]]
    if "the" in before:
        return True
    end = reading.end
    while end < sent.end and (doc[end].text == "-" or lookup([doc[end]], "unit")):
        end += 1
    if end < sent.end and lookup([doc[end]], "comparison") is not None:
        return True
    node = doc[start]
    while node.dep_ in ("nummod", "quantmod", "compound") and node.head.i != node.i:
        node = node.head  # "four" -> "years"
    prep = node.head if node.dep_ == "pobj" else None
    if prep is not None and prep.lower_ in ("in", "over"):
        # "its highest level in four years": a superlative just before
        return any(t.tag_ in ("JJS", "RBS") for t in doc[max(sent.start, prep.i - 6) : prep.i])
    return False


def _is_reference(doc, reading: Reading, sent: SpacySpan) -> bool:
    """A few things named again rather than counted: a number word under a determiner that
    points back ("the two sides", "these three industries", "all three parties")."""
    start = reading.start
    word = claim_words().get((doc[start].lower_,))
    return (
        reading.about in (None, "count")
        and reading.unit is None
        and reading.bound == "exact"
        and word is not None
        and word.kind == "number"
        and start > sent.start
        and lookup([doc[start - 1]], "reference") is not None
    )


def read_claim(doc, i: int, sent: SpacySpan) -> Reading | None:
    """The claim a number at token ``i`` puts forward, or None if it is not one."""
    first = read_value(doc, i)
    if first is None:
        return None
    reading = Reading(start=i, end=first[1], value=first[0])
    _joined_range(doc, reading)
    _range(doc, reading, sent)
    _part_of_whole(doc, reading, sent)
    _left(doc, reading, sent)
    _right(doc, reading, sent)
    if reading.about in (None, "count"):
        _keyword(doc, reading)
    counted = doc[reading.whole_at if reading.whole_at is not None else i]
    head = counted.head
    counts_things = counted.dep_ == "nummod" and head.tag_ in ("NNS", "NNPS")
    if doc[i].ent_type_ == "DATE" and reading.about not in ("duration", "money"):
        # the tagger calls "between 10 and 15 people" and "£30.06bn" dates now and then;
        # an amount of money, a multiplied number or a count of things is none
        counted_time = lookup(["a", head.lemma_.lower()], "per") is not None
        if not (counts_things and not counted_time) and not _SCALED.match(doc[i].lower_):
            return None
    if _is_year(doc[i], reading):
        return None  # "the 1993 Des Moines floods"
    if _is_reference(doc, reading, sent):
        return None  # "the two sides", "these three industries"
    if reading.about == "duration" and _is_period(doc, reading, sent):
        return None
    if reading.about is None:
        if counts_things and (reading.value >= 2 or reading.whole_at is not None):
            reading.about = "count"
        else:
            return None
    return reading


def claimant_of(ann: Annotated, quote) -> str | None:
    """Who claims what a quote holds: its speaker, else an entity named in its source
    phrase when the quote layer left the speaker unresolved ("Commission for Racial
    Equality chairman Trevor Phillips said", "according to figures revealed by the
    Electoral Commission"), a person before anything else."""
    if quote.speaker is not None or quote.source is None:
        return quote.speaker
    span = char_span(ann.doc, quote.source.start, quote.source.end)
    return None if span is None else _named_in(ann, span.root.subtree)


def _named_in(ann: Annotated, tokens) -> str | None:
    """The entity named among some words, a person before anything else."""
    named = [ann.token_entity[t.i] for t in tokens if t.i in ann.token_entity]
    if not named:
        return None
    kinds = {e.id: e.type for e in ann.entities}
    return next((e for e in named if kinds.get(e) == "PERSON"), named[0])


def _puts_forward(token: Token) -> bool:
    """A verb whose subject puts forward what its clause says: the cue lexicon's verbs of
    speech, writing and findings ("said", "estimated", "showed"), the plain reporting verbs
    ("mentioned") and the few the claims table adds ("calculated")."""
    lemma = token.lemma_.lower()
    return token.pos_ == "VERB" and (
        cue_verbs().get(lemma) in _SOURCE_CLASSES
        or lemma in word_list("reporting_verbs.tsv")
        or lookup([lemma], "source") is not None
    )


def reporter_of(ann: Annotated, token: Token) -> str | None:
    """Who puts forward a number no quote holds: the named subject of a reporting verb whose
    clause holds it ("The TUC said in its submission that ... 105,000 jobs were lost", "the
    IMF estimated the damage at $1.3bn"), else the named source of "according to" in the
    sentence; None for the narrator's own figures and for a subject that names nobody."""
    node = token
    for _ in range(12):
        head = node.head
        if head.i == node.i:
            break
        if _puts_forward(head) and node.dep_ not in ("nsubj", "nsubjpass"):
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            return _named_in(ann, subject.subtree) if subject is not None else None
        node = head
    for word in token.sent:
        if word.lower_ == "according":
            to = next((c for c in word.children if c.lower_ == "to"), None)
            if to is not None and not (to.left_edge.i <= token.i <= to.right_edge.i):
                return _named_in(ann, to.subtree)
    return None


@components.register("claims")
class ClaimsComponent:
    """Numbers put forward as facts, typed, bounded and attributed to their claimant."""

    name = "claims"
    requires = ("doc", "entities", "token_entity", "quotes")
    assigns = ("claims",)

    def __call__(self, ann: Annotated) -> None:
        claims: list[Claim] = []
        for sent in ann.sentences():
            i = sent.start
            while i < sent.end:
                token = ann.doc[i]
                reading = (
                    read_claim(ann.doc, i, sent)
                    if is_number(token)
                    or (token.ent_type_ == "DATE" and number_value(token) is not None)
                    else None
                )
                if reading is None:
                    i += 1
                    continue
                claims.append(self.claim(ann, reading, sent, len(claims) + 1))
                i = max(reading.end, i + 1)
        ann.claims = claims

    def claim(self, ann: Annotated, reading: Reading, sent: SpacySpan, number: int) -> Claim:
        char = ann.doc[reading.start].idx
        quote = next((q for q in ann.quotes if any(p.start <= char < p.end for p in q.parts)), None)
        text = sent.text
        start = sent.start_char + len(text) - len(text.lstrip())
        end = sent.start_char + len(text.rstrip())
        return Claim(
            id=f"C{number}",
            about=reading.about or "count",
            value=reading.value,
            max=reading.top,
            bound=reading.bound,
            unit=reading.unit,
            per=reading.per,
            claimant=claimant_of(ann, quote) if quote else reporter_of(ann, ann.doc[reading.start]),
            evidence=ann.span(start, end),
        )
