"""Score the events component on the PLOVER gold standard records, and count false alarms.

    python -m eventwire.eval.events ../shared/data/plover-gsr/dev.json
    python -m eventwire.eval.events --false-positives ../shared/data/bbc/articles.jsonl

``evaluate``: each gold record is one sentence coded in PLOVER (event type, mode, context,
source and target actors with country codes). The record's text runs through the pipeline;
the output event that best matches the gold (same type, then most actor countries in
common) is compared, else the first event. Older labels map onto the current manual:
DEMAND -> REQUEST, DISAPPROVE -> ACCUSE 'disapprove', INVESTIGATE -> ACCUSE 'investigate',
FIGHT -> ASSAULT. Scores: type accuracy and macro-F1 over the 16 types (a record with no
event counts as a miss for its type), mode accuracy where gold gives a mode and the type is
right, actor and recipient country accuracy (over records whose gold names them; a gold
code matches an actor's country, sector or code, so 'IGO' matches a UN actor), the share
of records with no event (uncoded), extra events per record, and the share of records with
an event of another type than gold beside the one scored (wrong_extra_type).

``evaluate_false_positives``: BBC sport, entertainment and tech articles, where a political
event is rare: events per article and the most common triggers.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import MissingPathError
from ..ingest.raw import RawArticle
from ..model import EVENT_TYPES, ActorRef, Document, Event
from . import EvalResult
from .splits import VALIDATION, halves, is_held_out

if TYPE_CHECKING:
    from ..pipeline import Pipeline

OLD_LABELS = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
}
QUIET_CATEGORIES = ("sport", "entertainment", "tech")
#: reported beside the quiet ones, so a user sees how much more political news yields
NEWS_CATEGORIES = ("politics", "business")


def pipeline() -> Pipeline:
    """The default components up to events, in their order (a component that cannot be
    imported fails here, loudly, rather than being scored without)."""
    from ..pipeline import DEFAULT_COMPONENTS, Pipeline

    return Pipeline(DEFAULT_COMPONENTS[: DEFAULT_COMPONENTS.index("events") + 1])


def gold_of(record: dict) -> tuple[str, str | None, set[str], set[str]]:
    """(type, mode, source codes, target codes) of a record, in current PLOVER labels."""
    event, mode = record["event"], (record.get("mode") or "").strip() or None
    if event in OLD_LABELS:
        event, implied = OLD_LABELS[event]
        mode = mode or implied

    def codes(field) -> set[str]:
        actors = field if isinstance(field, list) else []
        return {a["code"].strip()[:3] for a in actors if isinstance(a, dict) and a.get("code")}

    return event, mode, codes(record.get("source")), codes(record.get("target"))


def _hits(refs: list[ActorRef], codes: set[str]) -> bool:
    return any(
        code in codes for r in refs for code in (r.country, r.sector, (r.code or "")[:3]) if code
    )


def best_event(
    events: list[Event], event: str, sources: set[str], targets: set[str]
) -> Event | None:
    """The output event that best matches the gold: same type first, then actor countries."""
    if not events:
        return None
    return max(
        events,
        key=lambda v: (
            v.event == event,
            _hits(v.actor, sources) + _hits(v.recipient, targets),
            -events.index(v),
        ),
    )


def _load(path: Path) -> list[dict]:
    if not path.exists():
        raise MissingPathError(f"no PLOVER gold file at {path}")
    return json.loads(path.read_text(encoding="utf-8"))


def _documents(records: list[dict], published_key: str | None) -> list[Document | None]:
    raws = [
        RawArticle(
            text=r["text"],
            published=(r.get(published_key) if published_key else None),
            origin=str(r.get("id", i)),
        )
        for i, r in enumerate(records)
    ]
    return [outcome.document for outcome in pipeline().pipe(raws)]


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _type_table(pairs: list[tuple[str, str | None]]) -> tuple[float, list[tuple]]:
    """Macro-F1 over the 16 types (those with gold or predicted records) and its table."""
    rows, f1s = [], []
    for event in EVENT_TYPES:
        tp = sum(g == event and p == event for g, p in pairs)
        fp = sum(g != event and p == event for g, p in pairs)
        fn = sum(g == event and p != event for g, p in pairs)
        if tp + fp + fn == 0:
            continue
        p, r, f = _f1(tp, fp, fn)
        f1s.append(f)
        rows.append((event, tp + fn, tp + fp, round(p, 3), round(r, 3), round(f, 3)))
    return (sum(f1s) / len(f1s) if f1s else 0.0), rows


def evaluate(path: Path, *, limit: int | None = None) -> EvalResult:
    """Score PLOVER type, mode and actor countries on the gold standard records: on all of
    them, and (``validation_*``) on the half that nothing is trained or tuned on."""
    records = _load(Path(path))[:limit]
    documents = _documents(records, "date")
    split = halves(records, key=lambda r: str(r.get("id")), group=lambda r: r["event"])
    held = [(r, d) for r, d in zip(records, documents) if split[str(r.get("id"))] == VALIDATION]
    result = score(records, documents)
    validation = score([r for r, _ in held], [d for _, d in held])
    result.scores |= {f"validation_{k}": v for k, v in validation.scores.items()}
    result.notes.append(
        f"validation half ({len(held)} records, stratified by type, never trained or tuned "
        "on): " + ", ".join(f"{e} P {p} R {r}" for e, _, _, p, r, _ in validation.rows)
    )
    return result


def score(records: list[dict], documents: list[Document | None]) -> EvalResult:
    """The scores of a list of gold records against their documents."""
    pairs: list[tuple[str, str | None]] = []
    mode_hits = mode_total = actor_hits = actor_total = recipient_hits = recipient_total = 0
    uncoded = extra = wrong_extra = 0
    confusion: Counter = Counter()
    for record, doc in zip(records, documents):
        event, mode, sources, targets = gold_of(record)
        events = doc.events if doc is not None else []
        best = best_event(events, event, sources, targets)
        uncoded += best is None
        extra += max(0, len(events) - 1)
        wrong_extra += any(e is not best and e.event != event for e in events)
        predicted = best.event if best else None
        pairs.append((event, predicted))
        if predicted != event:
            confusion[(event, predicted or "none")] += 1
        if mode and predicted == event:
            mode_total += 1
            mode_hits += best.mode == mode
        if sources:
            actor_total += 1
            actor_hits += bool(best and _hits(best.actor, sources))
        if targets:
            recipient_total += 1
            recipient_hits += bool(best and _hits(best.recipient, targets))
    n = max(1, len(records))
    macro, rows = _type_table(pairs)
    scores = {
        "type_accuracy": sum(g == p for g, p in pairs) / n,
        "macro_f1": macro,
        "mode_accuracy": mode_hits / max(1, mode_total),
        "actor_country_accuracy": actor_hits / max(1, actor_total),
        "recipient_country_accuracy": recipient_hits / max(1, recipient_total),
        "uncoded": uncoded / n,
        "extra_events_per_record": extra / n,
        "wrong_extra_type": wrong_extra / n,
        "records": float(len(records)),
    }
    notes = [
        "most common confusions (gold -> predicted): "
        + ", ".join(f"{g}->{p} x{c}" for (g, p), c in confusion.most_common(8))
    ]
    return EvalResult(
        "events", scores, ("type", "gold", "predicted", "precision", "recall", "f1"), rows, notes
    )


def _bbc_quiet(path: Path, limit: int | None) -> list[dict]:
    """The sport, entertainment and tech articles of the held-out half (the training half
    gives the trained coder its hard negatives), ``limit`` of each category (default 100)."""
    if not path.exists():
        raise MissingPathError(f"no BBC articles at {path}")
    per = limit or 100
    taken: Counter = Counter()
    chosen = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if (
            record.get("category") in QUIET_CATEGORIES + NEWS_CATEGORIES
            and taken[record["category"]] < per
            and is_held_out(str(record.get("id")))
        ):
            taken[record["category"]] += 1
            chosen.append(record)
    return chosen


def evaluate_false_positives(path: Path, *, limit: int | None = None) -> EvalResult:
    """Events per article on non-political BBC news and the triggers that fire most."""
    records = _bbc_quiet(Path(path), limit)
    documents = _documents(records, None)
    triggers: Counter = Counter()
    by_category: Counter = Counter()
    for record, doc in zip(records, documents):
        for event in doc.events if doc is not None else []:
            by_category[record["category"]] += 1
            if record["category"] not in QUIET_CATEGORIES:
                continue
            triggers[(event.event, event.event_text.text.lower())] += 1
    per_category = Counter(r["category"] for r in records)
    quiet = sum(per_category[c] for c in QUIET_CATEGORIES)
    scores = {
        "events_per_article": sum(by_category[c] for c in QUIET_CATEGORIES) / max(1, quiet),
        "articles": float(quiet),
    }
    for category in QUIET_CATEGORIES + NEWS_CATEGORIES:
        scores[f"events_per_{category}_article"] = by_category[category] / max(
            1, per_category[category]
        )
    rows = [(event, text, count) for (event, text), count in triggers.most_common(20)]
    return EvalResult(
        "events_false_positives",
        scores,
        ("event", "trigger", "count"),
        rows,
        [
            (
                f"{len(records)} BBC articles of the held-out half: up to {limit or 100} each of "
                f"{', '.join(QUIET_CATEGORIES + NEWS_CATEGORIES)}; events_per_article counts "
                f"{', '.join(QUIET_CATEGORIES)} only"
            )
        ],
    )


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    scorer = evaluate
    if args and args[0] == "--false-positives":
        scorer, args = evaluate_false_positives, args[1:]
    limit = int(args[1]) if len(args) > 1 else None
    result = scorer(Path(args[0]), limit=limit)
    print(" | ".join(result.header))
    for row in result.rows:
        print(" | ".join(str(c) for c in row))
    for note in result.notes:
        print(note)
    print(result.summary_line())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
