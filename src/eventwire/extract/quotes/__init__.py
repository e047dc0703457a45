"""The quotes component: every attribution in an article with its source, cue and content.

    quotation marks (marks.py)  ->  quoted regions, repaired and capped, with warnings
    speaker labels opening a paragraph ("PENCE: Well, ...", direct.py)
    reporting verbs and "according to" with the clause they govern (indirect.py), cue nouns
    and adjectives ("Trump's claim that X", "voters are worried about Y", nominal.py)
        -> indirect, mixed (a clause holding a quoted fragment) or direct (a quoted clause);
           a report inside another attribution's content is part of it, not a quote of its own
    quotations no cue governs (direct.py) -> a cue next to the marks, a dash signature
        (""..." ― Name"), else the previous quote's speaker, source and cue (a continuation),
        else, for a fragment inside someone else's sentence, a scare quote, dropped
    the source phrase -> speaker entity via the actors component's index (speakers.py)

Everything is found first, then set on ``ann.quotes`` in text order (ids Q1, Q2, ...).
"""

from __future__ import annotations

import bisect
from collections import ChainMap
from dataclasses import replace

from spacy.tokens import Doc, Token

from ...errors import UsageError
from ...knowledge.cues import SILENT_CLASSES, CuePhrases, cue_phrases, cue_verbs, silent_cues
from ...model import Quote, Span
from ...nlp import Annotated
from ...registry import components
from ...settings import Settings
from . import learned
from .direct import cue_after, cue_before, join_interrupted, sentence_like, signature, speaker_label
from .indirect import (
    Found,
    QuoteIndex,
    classify,
    clause_of_preposition,
    clause_of_verb,
    cue_lemma,
    interruption,
    is_cue_verb,
    prepositional_source,
    trim,
)
from .learned import Scorer, cue_model
from .marks import find_regions, paragraphs
from .nominal import Held, adjective_attribution, noun_attribution
from .referents import (
    PRONOUN_TYPES,
    Previous,
    body_speaker,
    epithet_speaker,
    office_speaker,
    person_genders,
    pronoun_speaker,
    state_speaker,
)
from .speakers import clip_range, entity_of_source, past_dateline, source_range, subject_of

__all__ = ["QuotesComponent", "build_quotes", "find_attributions"]


#: what the component reports (setting ``quotes``): what someone said or wrote, or every
#: attribution PolNeAR annotates, beliefs, findings and positions included
MODES = ("speech", "attributions")


@components.register("quotes")
class QuotesComponent:
    """Fills ``ann.quotes``; speakers come from the entities the actors component found."""

    name = "quotes"
    requires = ("doc", "entities", "token_entity")
    assigns = ("quotes", "warnings")

    def __init__(self, mode: str | None = None) -> None:
        self.mode = mode or Settings.load().quotes
        if self.mode not in MODES:
            raise UsageError(
                f"quotes={self.mode!r} is not one of {', '.join(MODES)}",
                hint="set EVENTWIRE_QUOTES or quotes in eventwire.toml to speech or attributions",
            )

    def __call__(self, ann: Annotated) -> None:
        found, warnings = find_attributions(ann, speech_only=self.mode == "speech")
        quotes = build_quotes(ann, found)
        ann.quotes.extend(quotes)
        ann.warnings.extend(warnings)


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def cue_range(token: Token, phrases: CuePhrases) -> tuple[int, int]:
    """Token range of a verb cue: auxiliaries, negation and adverbs right before it ("has also
    said"), a particle, a day ("said Monday"), the audience of "tell" ("told reporters") and the
    medium ("said in a statement") after it."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start - 1].head.i == token.i and (
            doc[start - 1].dep_ in ("aux", "neg")
            or doc[start - 1].dep_ == "advmod" and doc[start - 1].pos_ == "ADV"):
        start -= 1
    for child in token.rights:
        if child.i != end:
            break
        if child.dep_ == "prt" or (child.dep_ == "dobj" and child.lower_ in phrases.audience):
            end = child.i + 1
        elif child.dep_ == "npadvmod" and child.ent_type_ == "DATE" and child.n_lefts + child.n_rights == 0:
            end = child.i + 1  # "said Monday"
        elif child.dep_ == "prep" and (medium := [
            c for c in child.children if c.dep_ == "pobj" and c.lower_ in phrases.medium
        ]):
            end = medium[0].i + 1
        else:
            break
    return start, end


def _prepositional_length(token: Token, phrases: CuePhrases) -> int:
    doc = token.doc
    for words in phrases.prepositions:
        end = token.i + len(words)
        if end <= len(doc) and tuple(t.lower_ for t in doc[token.i:end]) == words:
            return len(words)
    return 0


def nominal_cue(token: Token, phrases: CuePhrases) -> Held | None:
    """A cue adjective or noun with its trimmed content, source and cue ("is worried about X",
    "Trump's claim that Y"), when it has content of at least two words and a named source."""
    found = adjective_attribution(token, phrases.adjectives) or noun_attribution(token, phrases.nouns)
    if found is None:
        return None
    (start, end), source, cue = found
    start, end = trim(token.doc, start, end)
    if sum(1 for t in token.doc[start:end] if not t.is_punct) < 2:
        return None
    return (start, end), source, cue


def _floor(ann: Annotated) -> int:
    dateline = ann.article.dateline
    return dateline.span.end if dateline else 0


def _verb_clause(token: Token, verbs, phrases: CuePhrases):
    """What a cue verb attributes, its subject and its cue tokens."""
    clause, subject, cue = clause_of_verb(token, verbs), subject_of(token), cue_range(token, phrases)
    if clause is not None and clause[0] == cue[1] + 1 and token.doc[cue[1]].pos_ == "ADP":
        cue = (cue[0], cue[1] + 1)  # "called *for* X": the preposition belongs to the cue
    return clause, subject, cue


_RELATIVE_SOURCES = frozenset({"which", "that", "what"})
_CLAUSES = frozenset({"ccomp", "xcomp"})


def learned_cue(token: Token, verbs, phrases: CuePhrases, index: QuoteIndex) -> Held | None:
    """What a word the cue model picked attributes, read as the lexicon's cues are: a verb as a
    stance verb (its clause or its objects), a noun or an adjective by what it governs."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB":
        return nominal_cue(token, replace(phrases, nouns=frozenset({lemma}), adjectives=frozenset({token.lower_})))
    clause, subject, cue = _verb_clause(token, ChainMap({lemma: "stance"}, verbs), phrases)
    if clause is None or subject is None or subject.lower_ in _RELATIVE_SOURCES:
        return None  # a learned cue with nobody holding it, or "*which* was chanted", is no attribution
    if not any(c.dep_ in _CLAUSES for c in token.children) and index.overlapping(*_chars(token.doc, *clause)):
        return None  # "discussed the "territorial problem"": a quoted object is a scare quote, not speech
    return clause, subject, cue


def _cue_clauses(ann: Annotated, index: QuoteIndex, speech_only: bool = True):
    """Every cue outside quotation marks with the token range it attributes and its subject."""
    doc, verbs, phrases = ann.doc, cue_verbs(), cue_phrases()
    floor, score = _floor(ann), Scorer(index, cue_model())
    for token in doc:
        if index.inside(token) or token.idx < floor or ann.in_heading(token.idx):
            continue
        if (held := nominal_cue(token, phrases)) is not None:
            if (p := score(token)) is not None and p < learned.KEEP:
                continue  # a lexicon noun or adjective that attributes nothing here
            clause, subject, cue = held
        elif is_cue_verb(token, verbs):
            if (p := score(token)) is not None and p < learned.KEEP:
                continue  # "who *know* him": a lexicon verb that attributes nothing here
            clause, subject, cue = _verb_clause(token, verbs, phrases)
            if clause is None and p is not None and p >= learned.ADD and (
                    held := learned_cue(token, verbs, phrases, index)):
                clause, subject, cue = held  # "*pointed to* the polls": the model reads it as a stance
        elif (length := _prepositional_length(token, phrases)) > 0:
            clause = clause_of_preposition(token)
            source = prepositional_source(token, length)
            subject = doc[source] if source is not None else None
            cue = (token.i, token.i + length)
        elif (p := score(token)) is not None and p >= learned.ADD and (held := learned_cue(token, verbs, phrases, index)):
            clause, subject, cue = held
        else:
            continue
        if clause is not None and (not speech_only or communicates(token, verbs, phrases)):
            yield token, clause, subject, cue


def communicates(token: Token, verbs, phrases: CuePhrases) -> bool:
    """Whether a cue says something aloud or in writing: a quote needs one. "according to",
    reporting verbs of speech and writing, stance verbs that are speech acts ("urged",
    "criticised") and cue nouns of statements ("his claim that") do; thinking, finding,
    wanting and deciding ("believes", "the study found", "wants", "refused to") and cue
    adjectives ("worried that") do not (``silent_cues.tsv``), nor does a word only the cue
    model reads as one."""
    if _prepositional_length(token, phrases) > 0:
        return True
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        lemma = cue_lemma(token, verbs) or lemma
        kind = verbs.get(lemma)
        if kind is None or kind in SILENT_CLASSES or (lemma, "verb") in silent_cues():
            return False
        return not _an_act(token)
    if token.pos_ == "NOUN":
        return lemma in phrases.nouns and (lemma, "noun") not in silent_cues()
    return False


def _an_act(verb: Token) -> bool:
    """Whether a cue verb in the passive with an object names an act done to its subject,
    not words ("has been denied bail", "was refused entry"); "the court was told X" stays.
    Read on PolNeAR first: a verb of speech with only a thing or a deed as its complement
    ("announced appointments", "agreed to merge") is an act too, but PolNeAR counts most of
    them as attributions (45 of the 62 such quotes matched one), so they stay."""
    deps = {c.dep_ for c in verb.children}
    return bool(deps & {"nsubjpass", "auxpass"}) and "dobj" in deps and not deps & {"ccomp", "parataxis"}


def find_attributions(ann: Annotated, speech_only: bool = True) -> tuple[list[Found], list[str]]:
    """All attributions of the article in text order (with ``speech_only``, those whose cue
    says something: ``communicates``), and warnings about broken quotation marks."""
    regions, warnings = find_regions(ann.text)
    index = QuoteIndex(ann.doc, regions, ann.text)
    claimed: set[int] = set()  # quotation regions some cue already attributes
    used: set[int] = set()  # cue tokens already attributing something
    found = _labelled(ann, index, claimed, used)
    found += _governed(ann, index, claimed, used, speech_only) + _ungoverned(ann, index, claimed, used)
    found = _outermost(ann.doc, found)
    found.sort(key=lambda f: (f.content[0], f.content[1]))
    return join_interrupted(found, ann.text), warnings


def _outermost(doc: Doc, found: list[Found]) -> list[Found]:
    """Drop an indirect attribution whose cue lies inside the content of another ("she said
    *Obama hopes* his successor will ..."): the reported speaker's own report is part of
    what the outer source said, and PolNeAR annotators mostly mark only the outer one."""
    spans = sorted(f.content for f in found if f.kind in ("indirect", "mixed"))
    starts = [a for a, _ in spans]
    kept = []
    for f in found:
        if f.kind in ("indirect", "mixed") and f.cue_token is not None:
            at = doc[f.cue_token].idx
            i = bisect.bisect_right(starts, at)
            if any(a <= at < b and (a, b) != f.content for a, b in spans[max(0, i - 20):i]):
                continue
        kept.append(f)
    return kept


_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def _labelled(ann: Annotated, index: QuoteIndex, claimed: set[int], used: set[int]) -> list[Found]:
    """Paragraphs opened by a speaker label ("PENCE: Well, look, ..."): the rest of the
    paragraph is that speaker's, direct when it lies in quotation marks."""
    doc, found = ann.doc, []
    types = {e.id: e.type for e in ann.entities}
    paras = paragraphs(ann.text)
    para_zero = paras[0][0] if paras else -1
    for start, end in paras:
        span = ann.token_range(start, end)
        if span is None or ann.in_heading(start) or start < _floor(ann):
            continue
        labelled = speaker_label(doc, span[0], ann.token_entity)
        if labelled is None:
            continue
        name, colon = labelled
        if start == para_zero and types.get(ann.token_entity.get(name.i, "")) in _PLACE_TYPES:
            continue  # "LONDON: The Bank of England warned ...": a dateline, not a speaker
        content = trim(doc, colon.i + 1, span.end)
        if content[1] - content[0] < 3:
            continue
        kind, contents, hits = classify(_chars(doc, *content), index, ann.text)
        if kind != "indirect" and any(index.regions[h].start < colon.idx for h in hits):
            contents = [(max(a, colon.idx + 1), b) for a, b in contents]  # the label sits inside the marks
            contents = [(a + len(ann.text[a:b]) - len(ann.text[a:b].lstrip()), b) for a, b in contents]
        contents = [(a, min(b, _chars(doc, *content)[1])) for a, b in contents]  # not past the paragraph
        claimed.update(hits)
        used.add(colon.i)
        label = _chars(doc, max(span.start, name.left_edge.i, colon.i - 4), colon.i)
        label = (max(label[0], start + 1) if ann.text[start] in "\"“'" else label[0], label[1])
        found.extend(Found(kind, c, _chars(doc, colon.i, colon.i + 1), colon.i, name.i, hits, source=label)
                     for c in contents)
    return found


def _governed(
    ann: Annotated, index: QuoteIndex, claimed: set[int], used: set[int], speech_only: bool = True
) -> list[Found]:
    """Attributions a cue governs in the parse: indirect, mixed, and direct quotes that are the
    cue's complement."""
    doc, floor = ann.doc, _floor(ann)
    found: list[Found] = []
    for token, (first, last), subject, cue in _cue_clauses(ann, index, speech_only):
        if subject is None and (split := source_after_marks(doc, index, first, last, token)) is not None:
            last, subject = split
        while first < last and (doc[first].idx < floor or doc[first].is_punct or doc[first].is_space):
            first += 1  # the dateline ("MOSCOW, Dec 3 —") is not part of what was said
        if first == last:
            continue
        kind, contents, hits = classify(_chars(doc, first, last), index, ann.text)
        if kind == "direct" and all(h in claimed for h in hits):
            continue
        claimed.update(hits)
        used.add(token.i)
        pieces = interruption(doc, token, first, last) if kind == "indirect" else None
        parts = tuple(_chars(doc, *piece) for piece in pieces) if pieces else ()
        if parts:
            contents = [(parts[0][0], parts[-1][1])]
        for content in contents:
            found.append(Found(kind, content, _chars(doc, *cue), token.i,
                               subject.i if subject is not None else None, hits, parts=parts))
    return found


#: How many words may name a speaker between a closing mark and a cue.
_SOURCE_WORDS = 8


def source_after_marks(doc: Doc, index: QuoteIndex, first: int, last: int, cue: Token) -> tuple[int, Token] | None:
    """""A," Demir, the police spokesman, said": a parse that hung the speaker's words inside
    the quoted clause, leaving the cue without a subject. The clause ends at its closing mark
    and the words between that mark and the cue name the source: (new clause end, source head)."""
    if last > cue.i or not any(index.inside(t) for t in doc[first:last]):
        return None
    close = max(t.i for t in doc[first:last] if index.inside(t))
    words = [t for t in doc[close + 1:cue.i] if not (t.is_punct or t.is_space)]
    if not words or len(words) > _SOURCE_WORDS or any(index.inside(t) for t in words):
        return None
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in words):
        return None
    return close + 1, doc[words[0].i:words[-1].i + 1].root


def _ungoverned(ann: Annotated, index: QuoteIndex, claimed: set[int], used: set[int]) -> list[Found]:
    """Quotations no cue governs: a cue beside the marks, a dash signature, a continuation of
    the quote before (speaker filled in later), or a scare quote (dropped)."""
    doc, floor, phrases, verbs = ann.doc, _floor(ann), cue_phrases(), cue_verbs()
    found: list[Found] = []

    def is_cue(tok: Token) -> bool:
        return is_cue_verb(tok, verbs)

    for r, region in enumerate(index.regions):
        if r in claimed or region.start < floor:
            continue
        content = (region.start, region.end)
        cue_token = cue_after(doc, region, index, is_cue, used) or cue_before(doc, region, index, is_cue, used)
        signed = signature(doc, region) if cue_token is None else None
        if signed is not None:
            dash, name = signed
            found.append(Found("direct", content, _chars(doc, dash.i, dash.i + 1), dash.i, name.i, (r,)))
        elif cue_token is not None:
            used.add(cue_token.i)
            subject = subject_of(cue_token)
            found.append(Found("direct", content, _chars(doc, *cue_range(cue_token, phrases)), cue_token.i,
                               subject.i if subject is not None else None, (r,)))
        else:  # a continuation, or a piece after its interrupting cue; else a scare quote (dropped)
            joins_only = not sentence_like(doc, region, ann.text)
            found.append(Found("direct", content, regions=(r,), continues=True, joins_only=joins_only))
    return found


def build_quotes(ann: Annotated, found: list[Found]) -> list[Quote]:
    """Contract quotes with sources and speakers, in text order.

    A quotation with no cue of its own continues the quote before it when that one ended in
    the same or the previous paragraph: it takes that quote's speaker, source and cue (the cue
    that attributes both); otherwise its speaker stays unknown.
    """
    doc, floor = ann.doc, _floor(ann)
    para_starts = [start for start, _ in paragraphs(ann.text)]
    said = Said(ann, [f.content for f in found])
    quotes: list[Quote] = []
    for f in found:
        source: Span | None = None
        speaker: str | None = None
        cue = ann.span(*f.cue) if f.cue else None
        head = None if f.subject is None else past_dateline(
            doc[f.subject], doc[f.cue_token] if f.cue_token is not None else None, floor)
        if head is not None:
            source = ann.span(*(f.source or _chars(doc, *clip_range(doc, source_range(head), floor))))
            speaker = said.speaker(head, floor)
        elif f.continues and quotes:
            last = quotes[-1]
            gap = bisect.bisect_right(para_starts, f.content[0]) - bisect.bisect_right(para_starts, last.content.end)
            if gap <= 1 and last.content.end <= f.content[0]:  # the same attribution goes on
                speaker, source, cue = last.speaker, last.source, last.cue
        if speaker is not None:
            said.previous.append((source.start if source else f.content[0], speaker))
        quotes.append(Quote(
            id=f"Q{len(quotes) + 1}", kind=f.kind, content=ann.span(*f.content),
            parts=[ann.span(*p) for p in f.parts], cue=cue, source=source, speaker=speaker,
        ))
    return quotes


class Said:
    """What one article's speaker resolution reads: earlier speakers, genders, and the
    quoted contents, whose people are mentioned, not speaking."""

    def __init__(self, ann: Annotated, contents: list[tuple[int, int]]):
        self.ann = ann
        self.previous: Previous = []
        self.genders = person_genders(ann)
        self.quoted = sorted(contents)

    def speaker(self, head: Token, floor: int) -> str | None:
        """A pronoun's most recent compatible person; else the entity on the source's words;
        else the person an epithet refers to; else the person an office named alone is; else
        the organisation a body noun stands for ("the company"); else the state "the
        government" stands for."""
        if head.lower_ in PRONOUN_TYPES:
            return pronoun_speaker(self.ann, head, self.previous, self.genders, self.quoted)
        return (entity_of_source(self.ann, head, floor)
                or epithet_speaker(self.ann, head, self.previous, self.quoted)
                or office_speaker(self.ann, head, self.previous, self.quoted)
                or body_speaker(self.ann, head, self.previous, self.quoted)
                or state_speaker(self.ann, head, self.previous, self.quoted))
