"""TempEval-3 (task A) scoring of the ``times`` component on TimeBank + AQUAINT (TBAQ-cleaned).

For each ``.tml`` file the plain text is the ``<TEXT>`` element with its tags removed
(character entities decoded), the gold TIMEX3s keep their offsets in that text, and the
document creation time (the TIMEX3 with ``functionInDocument="CREATION_TIME"``) is the
article's publication date. It is not scored, as in TempEval-3. The text is parsed as is
(no normalisation that would move offsets) and the ``times`` component runs on it.

Scores, as in UzZaman et al. (SemEval 2013) "TempEval-3":
  strict span P/R/F1   system and gold spans with identical offsets;
  relaxed span P/R/F1  spans that overlap by at least one character (each gold and each
                       system expression matched at most once, in text order);
  type_accuracy, value_accuracy  share of relaxed-matched pairs whose type (value) agree;
  value_f1             relaxed-match F1 counting only matched pairs whose value agrees:
                       P = value-correct matches / system count, R = / gold count
                       (TempEval-3's "value F1", the task's ranking score).
"""

from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass
from pathlib import Path

from ..ingest.prepare import gold_article
from ..nlp import Annotated, load_model
from . import EvalResult

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>|&[#\w]+;")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class GoldDoc:
    id: str
    text: str
    dct: str | None
    timexes: list[Timex]


def _strip(markup: str) -> tuple[str, list[Timex]]:
    """Plain text of TimeML markup and the TIMEX3s with offsets into it."""
    out: list[str] = []
    length = 0
    opened: list[tuple[int, dict[str, str]]] = []
    timexes: list[Timex] = []
    pos = 0
    for m in _TAG.finditer(markup):
        out.append(markup[pos:m.start()])
        length += m.start() - pos
        pos = m.end()
        if m.group(0).startswith("&"):
            char = html.unescape(m.group(0))
            out.append(char)
            length += len(char)
        elif m.group(2) == "TIMEX3" and not m.group(1):
            opened.append((length, dict(_ATTR.findall(m.group(3)))))
        elif m.group(2) == "TIMEX3" and opened:
            start, attrs = opened.pop()
            timexes.append(Timex(start, length, attrs.get("type", ""), attrs.get("value", "")))
    out.append(markup[pos:])
    return "".join(out), timexes


def read_tml(path: Path) -> GoldDoc:
    """One TimeML file as its plain text, DCT and scorable TIMEX3s."""
    raw = path.read_text(encoding="utf-8")
    dct = None
    for m in re.finditer(r"<TIMEX3([^>]*)>", raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = attrs.get("value")
            break
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
    text, timexes = _strip(body.group(1) if body else "")
    return GoldDoc(path.stem, text, dct, timexes)


def _published(dct: str | None) -> str | None:
    return dct[:10] if dct and re.match(r"\d{4}-\d{2}-\d{2}", dct) else None


def match(gold: list[Timex], system: list[Timex]) -> tuple[int, list[tuple[Timex, Timex]]]:
    """(strict matches, relaxed pairs): a relaxed pair overlaps by a character; each
    expression is used once, earliest candidates first."""
    strict = len({(g.start, g.end) for g in gold} & {(s.start, s.end) for s in system})
    pairs, used = [], set()
    for g in gold:
        for i, s in enumerate(system):
            if i not in used and s.start < g.end and g.start < s.end:
                pairs.append((g, s))
                used.add(i)
                break
    return strict, pairs


def _prf(hits: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = hits / n_sys if n_sys else 0.0
    r = hits / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _system(nlp, docs: list[GoldDoc]) -> list[list[Timex]]:
    from ..extract.times import Times

    component = Times()
    results = []
    for gold, parsed in zip(docs, nlp.pipe(d.text for d in docs)):
        article = gold_article(gold.text, gold.id, _published(gold.dct))
        ann = Annotated(article, parsed)
        component(ann)
        results.append([Timex(t.text.start, t.text.end, t.type, t.value) for t in ann.times])
    return results


@dataclass
class Tally:
    """Counts summed over documents."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    typed: int = 0
    valued: int = 0

    def add(self, gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
        strict, pairs = match(gold, system)
        self.gold += len(gold)
        self.system += len(system)
        self.strict += strict
        self.relaxed += len(pairs)
        self.typed += sum(g.type == s.type for g, s in pairs)
        self.valued += sum(g.value == s.value for g, s in pairs)
        return pairs

    def scores(self) -> dict[str, float]:
        sp, sr, sf = _prf(self.strict, self.system, self.gold)
        rp, rr, rf = _prf(self.relaxed, self.system, self.gold)
        vp, vr, vf = _prf(self.valued, self.system, self.gold)
        return {
            "span_precision_strict": sp, "span_recall_strict": sr, "span_f1_strict": sf,
            "span_precision_relaxed": rp, "span_recall_relaxed": rr, "span_f1_relaxed": rf,
            "type_accuracy": self.typed / self.relaxed if self.relaxed else 0.0,
            "value_accuracy": self.valued / self.relaxed if self.relaxed else 0.0,
            "value_precision": vp, "value_recall": vr, "value_f1": vf,
        }


def evaluate(path: Path, *, limit: int | None = None) -> EvalResult:
    """Score the ``times`` component on every ``.tml`` under ``path`` (first ``limit``)."""
    files = sorted(Path(path).rglob("*.tml"))[:limit]
    docs = [read_tml(f) for f in files]
    began = time.perf_counter()
    tally, rows = Tally(), []
    for gold, system in zip(docs, _system(load_model(), docs)):
        pairs = tally.add(gold.timexes, system)
        rows.extend(_errors(gold, system, pairs))
    notes = [
        (f"{len(docs)} documents, {tally.gold} gold TIMEX3 (DCT excluded), {tally.system} "
         f"system, {time.perf_counter() - began:.1f}s"),
        "relaxed match: overlap of at least one character, one-to-one in text order",
        ("value_f1: TempEval-3 value F1 = F1 of relaxed matches whose value is also equal "
         "(P over system expressions, R over gold)"),
        "anchor: the DCT date as the article's publication date",
    ]
    return EvalResult("timex", tally.scores(), ("doc", "kind", "gold", "system"), rows, notes)


def _errors(gold: GoldDoc, system: list[Timex], pairs: list[tuple[Timex, Timex]]) -> list[tuple]:
    """Table rows for what went wrong: missed, spurious and wrongly valued expressions."""
    rows: list[tuple] = []
    matched_gold = {id(g) for g, _ in pairs}
    matched_sys = {id(s) for _, s in pairs}
    show = lambda t: f"{gold.text[t.start:t.end]!r} {t.type} {t.value}"
    rows += [(gold.id, "missed", show(g), "") for g in gold.timexes if id(g) not in matched_gold]
    rows += [(gold.id, "spurious", "", show(s)) for s in system if id(s) not in matched_sys]
    rows += [(gold.id, "value" if g.value != s.value else "type", show(g), show(s))
             for g, s in pairs if g.value != s.value or g.type != s.type]
    return rows
