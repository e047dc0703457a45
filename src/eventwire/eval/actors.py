"""Actor coding on the PLOVER gold standard records (``plover-gsr/dev.json``).

Each record is one sentence with its source and target actors, each an ``actorText`` with a
country ``code`` (ISO3, or IGO/NGO for international bodies) and, for most, a ``sector``.
The actors component runs on the sentence (the record's ``date`` as publication date); each
gold actor is found in the text, and the entity whose mention overlaps it most is its match.

Scores:
  coverage                share of gold actors with a matched entity;
  country_accuracy        share of gold actors whose matched entity has the gold country
                          (unmatched count as wrong; gold IGO/NGO match the entity's sector);
  country_accuracy_matched the same over matched actors only;
  sector_accuracy         over gold actors with a sector: the matched entity's sector equals
                          its first three letters (CVLalb -> CVL); ``***`` is skipped.
Each score is also given on the validation half (``validation_...``): the records of the
events scorer's untuned half (``splits.halves`` by record id within each gold event type),
on which no rule or knowledge entry is tuned. The rows list misses of the tuning half only,
so nobody reads validation records while writing rules.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import MissingPathError
from ..ingest.prepare import gold_article
from ..model import Entity
from ..nlp import Annotated, load_model
from . import EvalResult
from .splits import VALIDATION, halves


@dataclass
class GoldActor:
    record: str
    text: str
    start: int
    end: int
    code: str | None
    sector: str | None


def gold_actors(record: dict) -> list[GoldActor]:
    """The record's actors that can be found in its text, with character offsets."""
    found = []
    for role in ("source", "target"):
        actors = record.get(role)
        if not isinstance(actors, list):
            continue
        for actor in actors:
            text = str(actor.get("actorText") or "").split("...")[0].strip()
            start = record["text"].find(text) if text else -1
            if start < 0:
                continue
            sector = actor.get("sector") or None
            found.append(GoldActor(record["id"], text, start, start + len(text),
                                   actor.get("code") or None, sector))
    return found


def best_entity(entities: list[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping ``start:end`` the most."""
    best, best_overlap = None, 0
    for entity in entities:
        for m in entity.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = entity, overlap
    return best


def country_ok(entity: Entity | None, code: str | None) -> bool:
    if entity is None or code is None:
        return False
    if code in {"IGO", "NGO"}:
        return entity.sector == code
    return entity.country == code


def evaluate(path: Path, *, limit: int | None = None) -> EvalResult:
    """Country and sector accuracy of the actors component on PLOVER records."""
    from ..extract.actors import ActorsComponent

    path = Path(path)
    if not path.is_file():
        raise MissingPathError(f"no PLOVER records at {path}", where=str(path))
    records = json.loads(path.read_text(encoding="utf-8"))[:limit]
    nlp, component = load_model(), ActorsComponent()
    split = halves(records, key=lambda r: str(r.get("id")), group=lambda r: str(r.get("event")))
    rows: list[tuple] = []
    counts = {"gold": 0, "matched": 0, "country": 0, "sector_gold": 0, "sector": 0}
    held_out = dict(counts)
    started = time.perf_counter()
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records)):
        ann = Annotated(article=gold_article(record["text"], record["id"], record.get("date")), doc=doc)
        component(ann)
        validation = split[str(record.get("id"))] == VALIDATION
        for gold in gold_actors(record):
            entity = best_entity(ann.entities, gold.start, gold.end)
            _count(counts, gold, entity)
            if validation:
                _count(held_out, gold, entity)
            elif not country_ok(entity, gold.code) or (gold.sector and entity and entity.sector != gold.sector[:3]):
                rows.append((gold.record, gold.text, gold.code, gold.sector,
                             entity.name if entity else None, entity.country if entity else None,
                             entity.sector if entity else None))
    seconds = time.perf_counter() - started
    return _result(counts, held_out, rows, len(records), seconds)


def _count(counts: dict[str, int], gold: GoldActor, entity: Entity | None) -> None:
    counts["gold"] += 1
    counts["matched"] += entity is not None
    counts["country"] += country_ok(entity, gold.code)
    if gold.sector and gold.sector != "***":
        counts["sector_gold"] += 1
        counts["sector"] += entity is not None and entity.sector == gold.sector[:3]


def _scores(counts: dict[str, int]) -> dict[str, float]:
    gold, matched = counts["gold"] or 1, counts["matched"] or 1
    return {
        "coverage": counts["matched"] / gold,
        "country_accuracy": counts["country"] / gold,
        "country_accuracy_matched": counts["country"] / matched,
        "sector_accuracy": counts["sector"] / (counts["sector_gold"] or 1),
        "gold_actors": float(counts["gold"]),
    }


def _result(counts: dict[str, int], held_out: dict[str, int], rows: list[tuple], n: int,
            seconds: float) -> EvalResult:
    scores = _scores(counts) | {f"validation_{k}": v for k, v in _scores(held_out).items()}
    return EvalResult(
        name="actors", scores=scores,
        header=("record", "gold actor", "gold country", "gold sector", "entity", "country", "sector"),
        rows=rows,
        notes=[f"{n} records in {seconds:.0f}s; {counts['gold']} gold actors found in their text",
               ("rows: the gold actors of the tuning half whose country or sector the matched entity "
                "gets wrong (validation records are scored, not listed)"),
               "gold IGO/NGO codes match an entity whose sector is IGO/NGO"])
