"""Score the quotes component on PolNeAR (Newell, Margolin and Ruths, LREC 2018).

    eventwire eval quotes ../shared/data/polnear-dev
    python -m eventwire.eval.quotes ../shared/data/polnear-dev

Gold: ``attributions/<article>_<annotator>.ann`` (brat standoff: Source, Cue and Content
text-bound spans, possibly discontinuous, joined by an ``E`` line per attribution). Where an
article has several annotators, the first ``.ann`` file in sorted order is the gold, for
every article alike.

The main figure is the field's rule from ``../shared/data/README.md`` ("How quote content is
scored", in ``quote_content.py``): ``content_f1``, ``content_precision``, ``content_recall``
and, on the matched pairs, ``source_accuracy``, ``cue_accuracy`` and ``kind_accuracy``.

Secondary scores follow PARC / BBC citron practice: precision, recall and F1 of content
spans, with exact match and with any character overlap (one-to-one, largest overlap first);
on the overlap-matched pairs, source and cue accuracy (``*_accuracy_exact`` and
``*_accuracy_overlap``). Exact match compares
texts after collapsing spaces, lower-casing, and stripping quotation marks, edge punctuation
and a leading "that" from both sides (PolNeAR content keeps marks and "that", ours does not).
Gold kinds come from the quotation marks: content all inside marks is direct, none is
indirect, partly is mixed. textacy's ``direct_quotations`` runs on the same parse as a
baseline (it refuses a text with an odd number of quotation marks; those are counted).
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import MissingPathError
from ..extract.actors import ActorsComponent
from ..extract.quotes import QuotesComponent
from ..extract.quotes.marks import find_regions
from ..ingest.prepare import gold_article
from ..nlp import Annotated, load_model
from . import EvalResult, greedy_pairs
from .quote_content import HEADER, Bag, ContentTally, Tokens, gold_bag, system_bag

Range = tuple[int, int]
_EDGE = " \t\n\"'“”‘’«».,;:!?—–-()"


@dataclass
class Item:
    """One attribution (gold or predicted): character ranges of its parts and its kind."""

    content: list[Range]
    source: list[Range]
    cue: list[Range]
    kind: str = ""


def _ranges(field: str) -> list[Range]:
    return [(int(a), int(b)) for a, b in (part.split() for part in field.split(";"))]


def read_ann(path: Path) -> list[Item]:
    """The attributions of one brat ``.ann`` file."""
    spans: dict[str, list[Range]] = {}
    events: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, where = cols[1].partition(" ")
            spans[cols[0]] = _ranges(where) if label in ("Content", "Source", "Cue") else []
        elif line.startswith("E") and len(cols) >= 2:
            events.append(cols[1])
    items = []
    for event in events:
        parts: dict[str, list[Range]] = {"Content": [], "Source": [], "Cue": []}
        for arg in event.split():
            role, _, ref = arg.partition(":")
            role = "Content" if role.startswith("Content") else role
            if role in parts:
                parts[role].extend(spans.get(ref, []))
        if parts["Content"]:
            items.append(Item(sorted(parts["Content"]), parts["Source"], parts["Cue"]))
    return items


def norm(text: str) -> str:
    text = " ".join(text.split()).lower().strip(_EDGE)
    if text.startswith("that "):
        text = text[5:].strip(_EDGE)
    return text


def _text(article: str, ranges: list[Range]) -> str:
    return " ".join(article[a:b] for a, b in ranges)


def marked_mask(article: str) -> bytearray:
    """1 for every character inside a quotation (marks included), from the component's own
    mark finder, so gold and predicted kinds are read the same way."""
    mask = bytearray(len(article))
    for region in find_regions(article)[0]:
        end = region.close + 1 if region.close is not None else region.end
        mask[region.open:end] = b"\x01" * (end - region.open)
    return mask


def gold_kind(article: str, ranges: list[Range], mask: bytearray) -> str:
    """direct / indirect / mixed by the share of the content's characters inside quotation marks."""
    total = inside = 0
    for a, b in ranges:
        for i in range(a, b):
            if not article[i].isspace():
                total += 1
                inside += mask[i]
    share = inside / total if total else 0.0
    return "direct" if share >= 0.9 else "indirect" if share <= 0.1 else "mixed"


def _overlap(a: list[Range], b: list[Range]) -> int:
    return sum(max(0, min(x1, y1) - max(x0, y0)) for x0, x1 in a for y0, y1 in b)


def match(pred: list[Item], gold: list[Item], article: str, exact: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index): equal normalised text, or largest overlap first."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if exact:
                if norm(_text(article, p.content)) == norm(_text(article, g.content)):
                    pairs.append((1, i, j))
            elif (size := _overlap(p.content, g.content)) > 0:
                pairs.append((size, i, j))
    pairs.sort(reverse=True)
    return greedy_pairs(pairs)


def _prf(matched: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = matched / n_pred if n_pred else 0.0
    r = matched / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _part_right(article: str, pred: list[Range], gold: list[Range], exact: bool) -> bool:
    if not pred:
        return False
    if exact:
        return norm(_text(article, pred)) == norm(_text(article, gold))
    return _overlap(pred, gold) > 0


def _items(quotes) -> list[Item]:
    return [Item([(p.start, p.end) for p in q.parts],
                 [(q.source.start, q.source.end)] if q.source else [],
                 [(q.cue.start, q.cue.end)] if q.cue else [], q.kind) for q in quotes]


class _Runner:
    """The quotes component on raw text, after the actors component."""

    def __init__(self) -> None:
        self.nlp = load_model()
        # PolNeAR annotates attributions, beliefs and positions included: the main figures
        # score that mode; the default, speech only, is scored beside it (``speech_*``)
        self.quotes = QuotesComponent(mode="attributions")
        self.speech = QuotesComponent(mode="speech")
        self.actors = ActorsComponent()  # speakers are entities where the text names them

    def __call__(self, text: str) -> tuple[list[Item], object]:
        doc = self.nlp(text)
        article = gold_article(text)
        ann = Annotated(article=article, doc=doc)
        self.actors(ann)
        self.quotes(ann)
        items = _items(ann.quotes)
        ann.quotes = []
        self.speech(ann)
        return items, doc, _items(ann.quotes)


def joined_items(items: list[Item], article: str) -> list[Item]:
    """Diagnostic only: a direct quote split by its own cue (""A," she said, "B."") comes out
    as two quotes sharing one cue; PolNeAR annotates it as one attribution with a
    discontinuous content whose pieces keep their marks. Quotes with the same cue and source
    whose cue lies between their contents are joined into one item here, each piece widened
    to its quotation marks, to show how much of the exact-match gap is that representation
    and not wrong boundaries. The main scores do not use it."""
    marks = {(r.start, r.end): (r.open, r.close + 1) for r in find_regions(article)[0] if r.close is not None}
    out: list[Item] = []
    for item in items:
        last = out[-1] if out else None
        if (last is not None and item.cue and item.cue == last.cue and item.source == last.source
                and last.content[-1][1] <= item.cue[0][0] and item.cue[0][1] <= item.content[0][0]):
            pieces = [marks.get(r, r) for r in last.content[:1]] if len(last.content) == 1 else last.content
            pieces = pieces + [marks.get(r, r) for r in item.content]
            out[-1] = Item(pieces, last.source, last.cue, last.kind)
        else:
            out.append(Item(list(item.content), item.source, item.cue, item.kind))
    return out


def textacy_items(doc) -> list[Item] | None:
    """textacy's direct quotations as items, or None when textacy refuses the text."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return None
    items = []
    for t in triples:
        items.append(Item([(t.content.start_char, t.content.end_char)],
                          [(tok.idx, tok.idx + len(tok)) for tok in t.speaker][:1],
                          [(tok.idx, tok.idx + len(tok)) for tok in t.cue][:1], "direct"))
    return items


KINDS = ("direct", "indirect", "mixed")


class _Tally:
    """Counts over all articles for one system."""

    def __init__(self) -> None:
        self.n_pred = self.n_gold = self.exact = self.overlap = self.fragments = 0
        self.parts = {k: [0, 0, 0] for k in ("source", "cue")}  # [pairs, exact, overlap]
        self.kind = {k: [0, 0, 0, 0] for k in KINDS}  # [gold, pred, gold matched, pred matched]

    def add(self, article: str, pred: list[Item], gold: list[Item]) -> None:
        self.n_pred += len(pred)
        self.n_gold += len(gold)
        self.exact += len(match(pred, gold, article, exact=True))
        pairs = match(pred, gold, article, exact=False)
        self.overlap += len(pairs)
        self._discount_fragments(pred, gold, pairs)
        for g in gold:
            self.kind[g.kind][0] += 1
        for p in pred:
            self.kind[p.kind][1] += 1
        for i, j in pairs:
            self.kind[gold[j].kind][2] += 1
            self.kind[pred[i].kind][3] += 1
            for part in ("source", "cue"):
                g_part, p_part = getattr(gold[j], part), getattr(pred[i], part)
                if g_part:
                    counts = self.parts[part]
                    counts[0] += 1
                    counts[1] += _part_right(article, p_part, g_part, exact=True)
                    counts[2] += _part_right(article, p_part, g_part, exact=False)

    def _discount_fragments(self, pred: list[Item], gold: list[Item], pairs: list[tuple[int, int]]) -> None:
        """A gold content in pieces ("..." he said. "...") is one attribution; a system that gives
        each piece its own quote is not charged a false positive for the second piece."""
        matched_p = {i for i, _ in pairs}
        pieces = [gold[j].content for _, j in pairs if len(gold[j].content) > 1]
        for i, p in enumerate(pred):
            if i not in matched_p and any(_overlap(p.content, g) > 0 for g in pieces):
                self.n_pred -= 1
                self.kind[p.kind][1] -= 1
                self.fragments += 1

    def scores(self, prefix: str = "") -> dict[str, float]:
        out: dict[str, float] = {}
        for name, matched in (("exact", self.exact), ("overlap", self.overlap)):
            p, r, f = _prf(matched, self.n_pred, self.n_gold)
            out.update({f"{prefix}content_precision_{name}": p, f"{prefix}content_recall_{name}": r,
                        f"{prefix}content_f1_{name}": f})
        for part, (pairs, exact, overlap) in self.parts.items():
            out[f"{prefix}{part}_accuracy"] = exact / pairs if pairs else 0.0
            out[f"{prefix}{part}_accuracy_overlap"] = overlap / pairs if pairs else 0.0
        return out

    def kind_rows(self, system: str) -> list[tuple]:
        rows = []
        for kind, (n_gold, n_pred, gold_hit, pred_hit) in self.kind.items():
            p = pred_hit / n_pred if n_pred else 0.0
            r = gold_hit / n_gold if n_gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            rows.append((system, kind, n_gold, n_pred, round(p, 4), round(r, 4), round(f, 4)))
        return rows


def _gold_for(path: Path, stem: str) -> Path | None:
    files = sorted((path / "attributions").glob(f"{stem}_*.ann"))
    return files[0] if files else None


def _bags(tokens: Tokens, items: list[Item], gold: bool) -> list[Bag]:
    make = gold_bag if gold else system_bag
    return [make(tokens, i.content, i.source, i.cue, i.kind) for i in items]


class _Systems:
    """Tallies for eventwire and textacy, under the field's rule and the older measures."""

    def __init__(self) -> None:
        self.field, self.base_field, self.speech = ContentTally(), ContentTally(), ContentTally()
        self.ours, self.base, self.joined = _Tally(), _Tally(), _Tally()
        self.refused = self.articles = 0

    def add(self, article: str, gold: list[Item], pred: list[Item], baseline: list[Item] | None,
            speech: list[Item] = ()) -> None:
        tokens = Tokens(article)
        gold_bags = _bags(tokens, gold, gold=True)
        self.field.add(_bags(tokens, pred, gold=False), gold_bags)
        self.speech.add(_bags(tokens, list(speech), gold=False), gold_bags)
        self.ours.add(article, pred, gold)
        self.joined.add(article, joined_items(pred, article), gold)
        if baseline is None:
            self.refused += 1
            baseline = []
        self.base_field.add(_bags(tokens, baseline, gold=False), gold_bags)
        self.base.add(article, baseline, gold)
        self.articles += 1

    def scores(self) -> dict[str, float]:
        scores = self.field.scores()
        scores.update({k: v for k, v in self.speech.scores("speech_").items() if "content" in k or "source" in k})
        # gold attributions found in attributions mode that the speech-only default drops
        scores["speech_dropped_gold"] = float(self.field.matched - self.speech.matched)
        scores["speech_dropped_quotes"] = float(self.field.n_system - self.speech.n_system)
        scores.update({k: v for k, v in self.base_field.scores("textacy_").items() if "content" in k})
        old = self.ours.scores()
        for part in ("source", "cue"):
            old[f"{part}_accuracy_exact"] = old.pop(f"{part}_accuracy")
        scores.update(old)
        scores.update({k: v for k, v in self.base.scores("textacy_").items() if "content" in k})
        scores.update({k: v for k, v in self.joined.scores("joined_").items() if "content" in k})
        for _, kind, _, _, p, r, f in self.ours.kind_rows("eventwire"):
            scores.update({f"{kind}_precision_overlap": p, f"{kind}_recall_overlap": r, f"{kind}_f1_overlap": f})
        scores["articles"] = float(self.articles)
        scores["textacy_refused_articles"] = float(self.refused)
        return scores


def _read_gold(path: Path, text_path: Path) -> tuple[str, list[Item]] | None:
    gold_path = _gold_for(path, text_path.stem)
    if gold_path is None:
        return None
    article = text_path.read_text(encoding="utf-8")
    mask = marked_mask(article)
    gold = read_ann(gold_path)
    for g in gold:
        g.kind = gold_kind(article, g.content, mask)
    return article, gold


def evaluate(path: Path, *, limit: int | None = None) -> EvalResult:
    """Quote content scored by the field's rule (the main figure: ``content_f1``,
    ``content_precision``, ``content_recall``, ``source_accuracy``, ``cue_accuracy``,
    ``kind_accuracy``), then the older overlap and exact measures, with textacy's
    direct-quotation extractor scored the same way as a baseline."""
    path = Path(path)
    if not (path / "text").is_dir():
        raise MissingPathError(f"no PolNeAR text folder in {path}", where=str(path))
    runner, systems = _Runner(), _Systems()
    started = time.perf_counter()
    for text_path in sorted((path / "text").glob("*.txt"))[:limit]:
        if (read := _read_gold(path, text_path)) is None:
            continue
        article, gold = read
        pred, doc, speech = runner(article)
        systems.add(article, gold, pred, textacy_items(doc), speech)
    notes = [
        ("main figure: quote content as ../shared/data/README.md 'How quote content is scored' "
         "(word-token Jaccard >= 0.5, one-to-one greedy; source and cue right at Jaccard >= 0.5)"),
        "gold: the first annotator's .ann per article (sorted file name)",
        f"speaker spans from {'the actors component' if runner.actors else 'the parse only (actors component not installed)'}",
        (f"textacy refused {systems.refused} of {systems.articles} articles (odd number of quotation marks); "
         "they count as no output"),
        ("secondary: *_overlap (any character overlap) and *_exact (equal text ignoring marks, edge punctuation "
         f"and a leading 'that'); {systems.ours.fragments} further pieces of a matched discontinuous gold "
         "content were not counted as false positives there"),
        "joined_* scores (diagnostic): quotes split by their own cue joined into one discontinuous content",
        f"{time.perf_counter() - started:.1f} s",
    ]
    return EvalResult(name="quotes", scores=systems.scores(), header=HEADER,
                      rows=[systems.field.row("eventwire"), systems.base_field.row("textacy")], notes=notes)


def main(argv: list[str] | None = None) -> None:
    args = argv if argv is not None else sys.argv[1:]
    result = evaluate(Path(args[0]) if args else Path("../shared/data/polnear-dev"),
                      limit=int(args[1]) if len(args) > 1 else None)
    print("\t".join(result.header))
    for row in result.rows:
        print("\t".join(str(c) for c in row))
    for note in result.notes:
        print("#", note)
    print(result.summary_line())


if __name__ == "__main__":
    main()
