"""Cues and what they attribute, read from the one dependency parse.

A cue is a reporting verb from ``knowledge/data/cue_verbs.tsv`` ("said", "added",
"warned", "wrote") or a prepositional cue from ``cue_phrases.tsv`` ("according to"). What
it attributes is the clause it governs: its clausal complement ("said *that X*", "X, he
said"), or, for "according to Y", the clause the phrase hangs on. When that clause lies in
quotation marks the attribution is direct; when it only holds a quoted fragment it is mixed
("said the talks were "constructive""); otherwise it is indirect. Cues inside a quotation
are the quoted speaker's words, not the article's attributions, and are skipped.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ...knowledge import word_list
from .marks import QuotedRegion

#: Tokens trimmed from the edges of a content clause.
_DROP_LEADING = frozenset({"that", "and", "but", "or"})
_MIN_CONTENT_TOKENS = 2
_OBJECT_CLASSES = frozenset({"speech", "written", "stance", "evidence", "cognition"})
_OBJECT_DEPS = frozenset({"dobj", "xcomp", "oprd"})
_OBJECT_PREPS = frozenset({"for", "on", "against", "about", "of", "to"})
_SPEECH_PREPS = frozenset({"about", "of", "against"})
#: What follows such a preposition: a noun phrase, or a gerund clause ("called for *reducing* X").
_PREP_OBJECTS = frozenset({"pobj", "pcomp"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
#: Share of a clause's characters inside quotation marks above which it is a direct quote.
DIRECT_SHARE = 0.8


@dataclass
class Found:
    """One attribution before speakers are resolved (offsets are characters, tokens are indices)."""

    kind: str
    content: tuple[int, int]
    cue: tuple[int, int] | None = None
    cue_token: int | None = None
    subject: int | None = None  # the token naming the source (head of the source phrase)
    regions: tuple[int, ...] = field(default_factory=tuple)
    continues: bool = False
    source: tuple[int, int] | None = None  # characters of the source, when not the subject's phrase
    parts: tuple[tuple[int, int], ...] = ()  # the pieces of an interrupted content; () when one piece
    joins_only: bool = False  # a fragment kept only as the second part of an interrupted quote


class QuoteIndex:
    """Which quoted region, if any, each token lies in (computed in one sweep).

    Regions do not overlap, so their ends are sorted and a lookup is a bisection.
    """

    def __init__(self, doc: Doc, regions: list[QuotedRegion], text: str):
        self.regions = regions
        self.text = text  # doc.text rebuilds the string on every access: keep it once
        self._ends = [reg.end for reg in regions]
        self.token_region = [-1] * len(doc)
        r = 0
        for token in doc:
            while r < len(regions) and _outer_end(regions[r]) <= token.idx:
                r += 1
            if r < len(regions) and regions[r].open <= token.idx < _outer_end(regions[r]):
                self.token_region[token.i] = r

    def inside(self, token: Token) -> bool:
        return self.token_region[token.i] >= 0

    def overlapping(self, start: int, end: int) -> list[int]:
        """Indices of regions sharing characters with ``start:end``."""
        i = bisect.bisect_right(self._ends, start)
        hits = []
        while i < len(self.regions) and self.regions[i].start < end:
            hits.append(i)
            i += 1
        return hits


def _outer_end(region: QuotedRegion) -> int:
    return region.close + 1 if region.close is not None else region.end


def is_cue_verb(token: Token, verbs: dict[str, str]) -> bool:
    return token.pos_ == "VERB" and cue_lemma(token, verbs) is not None


def cue_lemma(token: Token, verbs: dict[str, str]) -> str | None:
    """The reporting-verb lemma of ``token``, repairing the model's lemmatiser where it cuts a
    silent "e" ("hopes", "hoped", "hoping" -> "hop"): the inflected form is tried as a regular
    one ("hope"+"s", "hope"+"d", "hop"+"ing" with the "e" put back)."""
    lemma = token.lemma_.lower()
    if lemma in verbs:
        return lemma
    form = token.lower_
    for suffix, stem_end in (("s", ""), ("d", ""), ("ing", "e")):
        if token.tag_ in ("VBZ", "VBD", "VBN", "VBG") and form.endswith(suffix):
            candidate = form[: -len(suffix)] + stem_end
            if candidate in verbs and candidate.startswith(lemma):
                return candidate
    return None


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without leading "that"/conjunctions/punctuation and trailing punctuation."""
    while start < end and (doc[start].is_punct or doc[start].is_space
                           or (doc[start].dep_ in ("mark", "cc") and doc[start].lower_ in _DROP_LEADING)):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        end -= 1
    return start, end


def _drop_trailing_asides(doc: Doc, start: int, end: int) -> int:
    """End a content before a closing aside: ", who ..." on a name, ", according to X" (a cue
    of its own), or a participle the writer added (", focusing on ...", ", forcing ...")."""
    for token in doc[start:end]:
        if token.right_edge.i != end - 1 or token.left_edge.i <= start:
            continue
        before = doc[token.left_edge.i - 1]
        aside = token.dep_ == "relcl" or (token.dep_ == "prep" and token.lower_ == "according") or (
            token.dep_ in ("advcl", "acl") and token.tag_ == "VBG" and token.left_edge.i == token.i)
        if aside and before.text == ",":
            return before.i
    return end


def _dateline_prefix(doc: Doc, start: int, end: int) -> int:
    """Skip a dateline the ingest step did not catch ("WASHINGTON ― Trump ...")."""
    for i in range(start, min(end, start + 6)):
        if doc[i].text in ("―", "—", "--", "–") and i > start:
            if all(t.is_upper or t.is_punct or t.like_num for t in doc[start:i]):
                return i + 1
            return start
    return start


def inverted_cue(token: Token, verbs: dict[str, str]) -> bool:
    """Whether ``token`` is a reporting verb closing its sentence after a comma with its own
    subject ("He cannot comment, *Lovas said*."): the cue of what precedes it, even where the
    parser hung it under that clause as a complement."""
    doc = token.doc
    return (
        token.lemma_.lower() in verbs
        and any(c.dep_ == "nsubj" for c in token.children)
        and not any(c.dep_ == "ccomp" for c in token.children)
        and token.left_edge.i > 0
        and doc[token.left_edge.i - 1].text == ","
        and token.right_edge.i >= token.sent.end - 2
    )


def after_colon(cue: Token) -> tuple[int, int] | None:
    """"He added: It is typical of her.": what follows a colon right after the cue, up to the
    end of the paragraph."""
    doc = cue.doc
    colon = cue.i + 1
    while colon < len(doc) and doc[colon].dep_ in ("prt", "advmod", "npadvmod") and colon - cue.i < 3:
        colon += 1
    if colon + 1 >= len(doc) or doc[colon].text != ":" or "\n" in doc[colon].whitespace_:
        return None
    end = colon + 1
    while end < len(doc) and "\n" not in doc[end].text and "\n" not in doc[end - 1].whitespace_:
        end += 1
    return colon + 1, end


def object_range(cue: Token, verbs: dict[str, str]) -> tuple[int, int] | None:
    """What a stance or speech verb without a clause attributes through its objects: "called
    *for an investigation*", "urged *Congress to act*", "denied *the allegations*". "say" and
    "add" take no object content ("said so", "added nothing": ``cue_no_object.tsv``), nor a
    bare audience ("told reporters")."""
    lemma = cue.lemma_.lower()
    if lemma in word_list("cue_no_object.tsv") or verbs.get(lemma) not in _OBJECT_CLASSES:
        return None
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in verbs:  # "agreed not to disclose X"
        return None
    parts = [c for c in cue.rights if c.dep_ in _OBJECT_DEPS or _topic(c, verbs[cue.lemma_.lower()])]
    if cue.lemma_.lower() == "tell" and not any(c.dep_ in ("xcomp", "oprd") for c in parts):
        return None
    if not parts or all(c.pos_ == "PRON" and c.n_rights == 0 and c.n_lefts == 0 for c in parts):
        return None
    if any(c.dep_ == "xcomp" for c in parts):  # "urged *Americans to check it out*", as PolNeAR marks it
        parts = [c for c in parts if c.dep_ in ("xcomp", "dobj")]
    starts = [_object_start(c) for c in parts]
    return min(starts), _object_end(cue, max(c.right_edge.i for c in parts) + 1)


#: Dependents after an object that still belong to what is held ("regards Jerusalem *as its
#: capital*", "praised the efforts of a donor *to Sen. Rubio*"), unless they name a place, a
#: time or an organisation ("supported Sanders *in Virginia*", "spoke *on Fox News*").
_OBJECT_TAIL_DEPS = frozenset({"prep", "oprd", "dative"})
_NOT_HELD = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "ORG"})


def _object_end(cue: Token, end: int) -> int:
    """The end of an object content with the verb's later dependents that go with the object
    (PolNeAR's content reaches them; the parser often hangs them on the verb)."""
    for child in cue.rights:
        if child.i < end or child.dep_ not in _OBJECT_TAIL_DEPS:
            continue
        if child.dep_ == "prep":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if not objects or objects[0].ent_type_ in _NOT_HELD:
                break
        end = child.right_edge.i + 1
    return end


def _topic(prep: Token, verb_class: str) -> bool:
    """Whether a prepositional phrase after a cue names what was said or held: "called *for* X",
    "spoke *about* Y", not "spoke *on Monday*" or "*on condition of anonymity*"."""
    allowed = _SPEECH_PREPS if verb_class == "speech" else _OBJECT_PREPS
    if prep.dep_ != "prep" or prep.lower_ not in allowed:
        return False
    objects = [g for g in prep.children if g.dep_ in _PREP_OBJECTS]
    return bool(objects) and objects[0].ent_type_ not in ("DATE", "TIME") and objects[0].lemma_ != "condition"


def passive_range(cue: Token, verbs: dict[str, str]) -> tuple[int, int] | None:
    """"*Trump* is supported by far fewer publications": a passive stance verb with an agent
    attributes its passive subject (the agent is the source)."""
    if verbs.get(cue.lemma_.lower()) not in _OBJECT_CLASSES:
        return None
    if not any(c.dep_ == "agent" for c in cue.children):
        return None
    subjects = [c for c in cue.children if c.dep_ == "nsubjpass"]
    if not subjects or subjects[0].lower_ in _RELATIVE_PRONOUNS:
        return None
    return subjects[0].left_edge.i, subjects[0].right_edge.i + 1


def _object_start(part: Token) -> int:
    """Where an object's content starts: after the preposition of "called *for* X"."""
    if part.dep_ == "prep":
        objects = [g for g in part.children if g.dep_ in _PREP_OBJECTS]
        return objects[0].left_edge.i
    return part.left_edge.i


def _clause_start(clause: Token) -> int:
    """A that-clause starts at its "that": words the parser hung before it belong elsewhere
    ("said, as did the campaign, that X")."""
    marks = [m.i for m in clause.children if m.dep_ == "mark" and m.lower_ == "that"]
    return marks[0] if marks else clause.left_edge.i


def _stranded_complements(cue: Token) -> list[Token]:
    """"said in a statement *that X*": the parser may hang the that-clause on the noun of a
    phrase after the verb instead of on the verb."""
    found = []
    for prep in cue.rights:
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            for clause in noun.rights if noun.dep_ == "pobj" else ():
                if clause.dep_ in ("acl", "relcl", "ccomp") and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in clause.children
                ):
                    found.append(clause)
    return found


def clause_of_verb(cue: Token, verbs: dict[str, str]) -> tuple[int, int] | None:
    """Token range of what a reporting verb attributes, or None when it governs no clause."""
    doc = cue.doc
    comps = [c for c in cue.children if c.dep_ == "ccomp" and not inverted_cue(c, verbs)]
    comps += _stranded_complements(cue)
    minimum = _MIN_CONTENT_TOKENS
    if comps:
        start = min(_clause_start(c) for c in comps)
        end = max(c.right_edge.i for c in comps) + 1
        for conj in cue.children:  # "said X, and that Y": Y is attributed too
            if conj.dep_ == "conj" and conj.i > end and any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.children):
                end = conj.right_edge.i + 1
        if start < cue.i < end:  # a parse that put the cue inside its own clause
            end = cue.left_edge.i if cue.left_edge.i > start else end
    elif (cue.dep_ == "parataxis" or inverted_cue(cue, verbs)) \
            and cue.head.pos_ in ("VERB", "AUX") and cue.head.lemma_.lower() not in verbs:
        start, end = _around(cue)
    elif (after := after_colon(cue)) is not None:
        start, end = after
    elif (objects := object_range(cue, verbs) or passive_range(cue, verbs)) is not None:
        start, end = objects
        minimum = 1  # "attacked *Trump*", "denied *it*" is an attribution too
    else:
        return None
    start = _dateline_prefix(doc, start, end)
    end = _next_report(doc, start, end, verbs)
    start, end = trim(doc, start, _drop_trailing_asides(doc, start, end))
    if sum(1 for t in doc[start:end] if not t.is_punct) < minimum:
        return None
    return start, end


def _next_report(doc: Doc, start: int, end: int, verbs: dict[str, str]) -> int:
    """End a content before a second report of the same source joined to it: "said it was
    opposed *and warned* X to ...", "said A, *citing* B": each is an attribution of its own."""
    for token in doc[start + 2:end]:
        if token.pos_ != "VERB" or not start <= token.head.i < end or cue_lemma(token, verbs) is None:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) or token.left_edge.i <= start + 1:
            continue
        before = doc[token.left_edge.i - 1]
        if (token.dep_ == "conj" and before.dep_ == "cc") or (token.dep_ == "advcl" and before.text == ","):
            return before.i
    return end


def _around(cue: Token) -> tuple[int, int]:
    """What an inserted cue attributes: the clause before it ("X, he said."), or the whole
    clause it interrupts ("The talks, the aide said, had ended": ``interruption`` gives the
    parts), else the side holding its head."""
    head, sent = cue.head, cue.sent
    start, end = max(head.left_edge.i, sent.start), min(head.right_edge.i + 1, sent.end)
    words = [t for t in cue.doc[cue.right_edge.i + 1:end] if not (t.is_punct or t.is_space)]
    if start < cue.left_edge.i and words:
        return start, end
    if head.i < cue.i:
        return start, cue.left_edge.i
    return cue.right_edge.i + 1, end


def interruption(doc: Doc, cue: Token, start: int, end: int) -> list[tuple[int, int]] | None:
    """The two token ranges of a clause ``start:end`` that the cue's phrase interrupts ("The
    talks, the aide said on Friday, had ended"), or None when it does not."""
    left, right = cue.left_edge.i, cue.right_edge.i + 1
    if not start < left <= cue.i < right < end:
        return None
    first, second = trim(doc, start, left), trim(doc, right, end)
    if first[0] >= first[1] or second[0] >= second[1]:
        return None
    return [first, second]


def clause_of_preposition(cue: Token) -> tuple[int, int] | None:
    """Token range "according to X" attributes: its clause, minus the phrase itself."""
    doc = cue.doc
    phrase_start, phrase_end = cue.left_edge.i, cue.right_edge.i + 1
    anchor = cue.head if cue.head.i != cue.i else cue
    clause_start = max(anchor.left_edge.i, cue.sent.start)
    clause_end = min(anchor.right_edge.i + 1, cue.sent.end)
    if anchor is cue or anchor.left_edge.i >= phrase_start and anchor.i > phrase_end:
        clause_start, clause_end = cue.sent.start, cue.sent.end
    if phrase_start - clause_start <= 1:
        start, end = phrase_end, clause_end
    elif clause_end - phrase_end <= 1:
        start, end = clause_start, phrase_start
    else:
        start, end = clause_start, clause_end
    start, end = trim(doc, start, end)
    if sum(1 for t in doc[start:end] if not t.is_punct) < _MIN_CONTENT_TOKENS:
        return None
    return start, end


def prepositional_source(cue: Token, length: int) -> int | None:
    """The head token of X in "according to X"."""
    last = cue.doc[cue.i + length - 1]
    objects = [c for c in last.children if c.dep_ == "pobj"]
    if objects:
        return objects[0].i
    nxt = cue.i + length
    return nxt if nxt < len(cue.doc) and not cue.doc[nxt].is_punct else None


def classify(content: tuple[int, int], index: QuoteIndex, text: str) -> tuple[str, list[tuple[int, int]], tuple[int, ...]]:
    """Kind of an attributed clause by its quotation marks, with its content widened to whole
    quotations, and the regions it claims. A direct quote split by its cue (""A," she said,
    "B."") gives one content per quotation, so no content holds the cue."""
    start, end = content
    hits = index.overlapping(start, end)
    if not hits:
        return "indirect", [content], ()
    inside = sum(min(end, index.regions[i].end) - max(start, index.regions[i].start) for i in hits)
    total = len(text[start:end].strip()) or 1
    if inside / total >= DIRECT_SHARE:
        return "direct", [(index.regions[i].start, index.regions[i].end) for i in hits], tuple(hits)
    lo = min(start, *(index.regions[i].start for i in hits))
    hi = max(end, *(index.regions[i].end for i in hits))
    return "mixed", [(lo, hi)], tuple(hits)
