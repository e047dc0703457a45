"""Named-entity scoring on CoNLL-2003 (``eng.testa``): the spaCy model alone against
eventwire's actors, exact spans, PER / ORG / LOC.

Each document (between ``-DOCSTART-`` lines) is rebuilt as text: tokens joined by spaces,
sentences by newlines (so the model's sentence boundaries hold, through eventwire's
paragraph rule). Gold spans come from the IOB1 tags (MISC is not scored: it has no
counterpart among the types eventwire keeps apart). Systems, mapped the same way
(PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC, others ignored):
  baseline  the model's ``doc.ents``;
  eventwire the name mentions of the actors component's entities, each with its entity's
            type (pronouns, descriptions and group actors are left out: CoNLL tags names),
            except a capital standing for its government, which CoNLL tags LOC.
Scores: precision/recall/f1 (micro over the three types) and per type (``f1_PER`` ...),
the same for the baseline prefixed ``baseline_``.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ..errors import MissingPathError
from ..extract.actors.mentions import CAPITAL_GOVERNMENT
from ..ingest.prepare import gold_article
from ..nlp import Annotated, load_model
from . import EvalResult

if TYPE_CHECKING:
    from ..extract.actors import ActorsComponent
    from ..extract.actors.cluster import Draft
    from ..extract.actors.tokens import NameMention

TYPES = ("PER", "ORG", "LOC")
MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
Spans = set[tuple[int, int, str]]


def _close(spans: Spans, open_: tuple[int, int, str] | None) -> None:
    if open_ is not None and open_[2] in TYPES:
        spans.add(open_)


def read_conll(path: Path) -> list[tuple[str, Spans]]:
    """Documents as (text, gold spans by character offsets)."""
    docs: list[tuple[str, Spans]] = []
    sentences: list[list[tuple[str, str]]] = [[]]

    def flush() -> None:
        sents = [s for s in sentences if s]
        if sents:
            docs.append(_build(sents))
        sentences[:] = [[]]

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            flush()
        elif not line.strip():
            if sentences[-1]:
                sentences.append([])
        else:
            parts = line.split()
            sentences[-1].append((parts[0], parts[-1]))
    flush()
    return docs


def _build(sentences: list[list[tuple[str, str]]]) -> tuple[str, Spans]:
    text_parts: list[str] = []
    spans: Spans = set()
    offset = 0
    for s_index, sentence in enumerate(sentences):
        open_: tuple[int, int, str] | None = None
        for t_index, (token, tag) in enumerate(sentence):
            start = offset
            offset += len(token)
            text_parts.append(token)
            kind = tag[2:] if tag != "O" else None
            if kind and open_ and open_[2] == kind and not tag.startswith("B-"):
                open_ = (open_[0], offset, kind)
            else:
                _close(spans, open_)
                open_ = (start, offset, kind) if kind else None
            if t_index < len(sentence) - 1:
                text_parts.append(" ")
                offset += 1
        _close(spans, open_)
        if s_index < len(sentences) - 1:
            text_parts.append("\n")
            offset += 1
    return "".join(text_parts), spans


def model_spans(doc: Doc) -> Spans:
    return {(e.start_char, e.end_char, MAP[e.label_]) for e in doc.ents if e.label_ in MAP}


def _conll_type(draft: Draft, mention: NameMention) -> str:
    """CoNLL's type for a name mention: a capital standing for its government ("a pact with
    Moscow", an ORG actor in eventwire's contract) keeps its place type, LOC, as CoNLL-2003
    tags every such use of a place name."""
    if (mention.key or "").startswith(CAPITAL_GOVERNMENT):
        return "LOC"
    return MAP[draft.label]


def eventwire_spans(ann: Annotated, component: ActorsComponent) -> Spans:
    drafts, _ = component.drafts(ann)
    doc = ann.doc
    return {(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]), _conll_type(d, m))
            for d in drafts if d.label in MAP for m in d.mentions if m.kind == "name"}


class _Tally:
    def __init__(self) -> None:
        self.tp: Counter[str] = Counter()
        self.sys: Counter[str] = Counter()
        self.gold: Counter[str] = Counter()

    def add(self, system: Spans, gold: Spans) -> None:
        for _, _, t in system:
            self.sys[t] += 1
        for _, _, t in gold:
            self.gold[t] += 1
        for _, _, t in system & gold:
            self.tp[t] += 1

    def prf(self, t: str | None = None) -> tuple[float, float, float]:
        tp = sum(self.tp.values()) if t is None else self.tp[t]
        sys = sum(self.sys.values()) if t is None else self.sys[t]
        gold = sum(self.gold.values()) if t is None else self.gold[t]
        p = tp / sys if sys else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(path: Path, *, limit: int | None = None) -> EvalResult:
    """Exact-span NER scores of the model alone and of eventwire's entities, with the layout
    the default pipeline reads before the actors (the dateline always; the ``sports``
    component's when it is a default component). The actors are also scored with and
    without the sports layout, so the share of the gain that comes from it is visible."""
    from ..extract.actors import ActorsComponent
    from ..extract.sports import SportsComponent
    from ..pipeline import DEFAULT_COMPONENTS

    path = Path(path)
    if not path.is_file():
        raise MissingPathError(f"no CoNLL file at {path}", where=str(path))
    docs = read_conll(path)[:limit]
    nlp, component, sports = load_model(), ActorsComponent(), SportsComponent()
    sports_on = "sports" in DEFAULT_COMPONENTS
    base = _Tally()
    arms = {arm: {"all": _Tally(), "sports": _Tally(), "other": _Tally()} for arm in ("with", "without")}
    started = time.perf_counter()
    for (text, gold), doc in zip(docs, nlp.pipe((t for t, _ in docs), batch_size=32)):
        base.add(model_spans(doc), gold)
        article = gold_article(text)
        ann = Annotated(article=article, doc=doc)
        sports(ann)
        with_layout = eventwire_spans(ann, component)
        # the sports layout changes nothing where it finds no sports report
        without = with_layout if ann.sport is None else eventwire_spans(Annotated(article=article, doc=doc), component)
        genre = "sports" if ann.sport else "other"
        for arm, spans in (("with", with_layout), ("without", without)):
            arms[arm]["all"].add(spans, gold)
            arms[arm][genre].add(spans, gold)
    seconds = time.perf_counter() - started
    chosen = arms["with" if sports_on else "without"]
    result = _result(chosen["all"], base, len(docs), seconds)
    for genre in ("sports", "other"):
        result.scores[f"f1_{genre}"] = chosen[genre].prf()[2]
    for arm, tallies in arms.items():
        for part, tally in tallies.items():
            suffix = "" if part == "all" else f"_{part}"
            result.scores[f"f1{suffix}_{arm}_sports_component"] = tally.prf()[2]
    gain = result.scores["f1"] - result.scores["baseline_f1"]
    from_sports = arms["with"]["all"].prf()[2] - arms["without"]["all"].prf()[2]
    result.scores["sports_component_gain"] = from_sports
    result.scores["sports_component_share_of_gain"] = from_sports / gain if gain > 0 else 0.0
    result.notes.append("f1_sports / f1_other (diagnostic): eventwire's micro F1 on the reports the "
                        "sports component reads as sports reports, and on the rest")
    result.notes.append(
        f"sports component {'on' if sports_on else 'off'} by default: micro F1 "
        f"{arms['with']['all'].prf()[2]:.4f} with it, {arms['without']['all'].prf()[2]:.4f} without "
        f"(sports reports {arms['with']['sports'].prf()[2]:.4f} vs {arms['without']['sports'].prf()[2]:.4f}); "
        f"{result.scores['sports_component_share_of_gain']:.0%} of eventwire's gain over the model")
    return result


def _result(ours: _Tally, base: _Tally, n_docs: int, seconds: float) -> EvalResult:
    scores: dict[str, float] = {}
    p, r, f = ours.prf()
    bp, br, bf = base.prf()
    scores.update(f1=f, precision=p, recall=r, baseline_f1=bf, baseline_precision=bp, baseline_recall=br)
    rows = [("micro", f"{bp:.3f}", f"{br:.3f}", f"{bf:.3f}", f"{p:.3f}", f"{r:.3f}", f"{f:.3f}")]
    for t in TYPES:
        p, r, f = ours.prf(t)
        bp, br, bf = base.prf(t)
        scores.update({f"f1_{t}": f, f"precision_{t}": p, f"recall_{t}": r, f"baseline_f1_{t}": bf})
        rows.append((t, f"{bp:.3f}", f"{br:.3f}", f"{bf:.3f}", f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"))
    scores["documents"] = float(n_docs)
    return EvalResult(
        name="ner", scores=scores,
        header=("type", "model P", "model R", "model F1", "eventwire P", "eventwire R", "eventwire F1"),
        rows=rows,
        notes=[f"{n_docs} documents in {seconds:.0f}s; exact character spans; MISC not scored",
               "baseline: the spaCy model's doc.ents; eventwire: name mentions of the actors entities"])
