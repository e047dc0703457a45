"""Checking a document against a hand-made expectations file (``NAME.expected.json``).

The matching rules are those of ``../shared/fixtures/README.md``: by meaning, not by ids.
``check_document`` returns one ``Check`` per expected item, so a test can be written per
item and a failure names exactly what was missed. ``evaluate(dir)`` runs every fixture in
a directory through the default pipeline and counts what passes.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..model import ActorRef, Document, Entity
from . import EvalResult

SECTIONS = ("article", "entities", "relations", "quotes", "events", "claims", "times", "places")


@dataclass(frozen=True)
class Check:
    section: str
    category: str  # required | forbidden | optional
    label: str
    ok: bool
    detail: str = ""

    @property
    def id(self) -> str:
        return f"{self.section}/{self.category}/{self.label}"


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _is_code(name: str) -> bool:
    return len(name) == 3 and name.isalpha() and name.isupper()


class Matcher:
    """Name matching over one output document, aware of the gold aliases."""

    def __init__(self, doc: Document, expected: dict):
        self.doc = doc
        self.entities = {e.id: e for e in doc.entities}
        self.places = {p.id: p for p in doc.places}
        self.aliases: dict[str, set[str]] = {}
        ents = expected.get("entities", {})
        for gold in ents.get("required", []) + ents.get("optional", []):
            names = {_norm(gold["name"]), *(_norm(a) for a in gold.get("aliases", []))}
            self.aliases[_norm(gold["name"])] = names

    def names_of(self, name: str) -> set[str]:
        return self.aliases.get(_norm(name), {_norm(name)})

    def entity_matches(self, entity: Entity | None, names: Iterable[str]) -> bool:
        if entity is None:
            return False
        surface = {_norm(entity.name), *(_norm(m.text) for m in entity.mentions)}
        for name in names:
            if _is_code(name):
                if entity.country == name:
                    return True
            elif surface & self.names_of(name):
                return True
        return False

    def id_matches(self, entity_id: str | None, names: Iterable[str]) -> bool:
        return self.entity_matches(self.entities.get(entity_id or ""), names)

    def ref_matches(self, ref: ActorRef, names: Iterable[str]) -> bool:
        names = list(names)
        if any(_is_code(n) and ref.country == n for n in names):
            return True
        if self.id_matches(ref.entity, names):
            return True
        return any(_norm(ref.text.text) in self.names_of(n) for n in names if not _is_code(n))

    def place_matches(self, place_id: str | None, names: Iterable[str]) -> bool:
        place = self.places.get(place_id or "")
        if place is None:
            return False
        surface = {_norm(place.name), *(_norm(m.text) for m in place.mentions)}
        return any(surface & self.names_of(n) for n in names)


def _label(item: dict, *keys: str) -> str:
    for key in keys:
        value = item.get(key)
        if value:
            return str(value if not isinstance(value, list) else value[0])[:60]
    return json.dumps(item, ensure_ascii=False)[:60]


def _accepts(gold, value) -> bool:
    if gold is None or gold == "*":
        return True
    return value in gold if isinstance(gold, list) else value == gold


# --- article ----------------------------------------------------------------------------

def _article_checks(doc: Document, gold: dict) -> list[Check]:
    checks: list[Check] = []
    if "dateline" in gold:
        want, got = gold["dateline"], doc.article.dateline
        ok = got is not None and _norm(got.place) == _norm(want["place"])
        ok = ok and got.country == want.get("country", got.country)
        ok = ok and ("date" not in want or (got.date is not None and got.date.value == want["date"]))
        checks.append(Check("article", "required", "dateline", ok, f"got {got.model_dump() if got else None}"))
    found = {_norm(h.text) for h in doc.article.headings}
    for heading in gold.get("headings", []):
        checks.append(Check("article", "required", f"heading {heading}", _norm(heading) in found,
                            f"headings found: {sorted(found)}"))
    return checks


# --- entities -----------------------------------------------------------------------------

def _entity_candidates(m: Matcher, gold: dict) -> list[str]:
    names = [gold["name"], *gold.get("aliases", [])]
    return [
        e.id for e in m.doc.entities
        if e.type == gold["type"]
        and m.entity_matches(e, names)
        and all(gold.get(k) is None or getattr(e, k) == gold[k] for k in ("country", "sector"))
    ]


def _assign(candidates: list[list[str]]) -> list[str | None]:
    """A maximum matching of gold items to distinct output ids (augmenting paths)."""
    owner: dict[str, int] = {}

    def place(i: int, seen: set[str]) -> bool:
        for cid in candidates[i]:
            if cid in seen:
                continue
            seen.add(cid)
            if cid not in owner or place(owner[cid], seen):
                owner[cid] = i
                return True
        return False

    for i in range(len(candidates)):
        place(i, set())
    result: list[str | None] = [None] * len(candidates)
    for cid, i in owner.items():
        result[i] = cid
    return result


def _entity_checks(m: Matcher, gold: dict) -> list[Check]:
    checks: list[Check] = []
    for category in ("required", "optional"):
        items = gold.get(category, [])
        candidates = [_entity_candidates(m, g) for g in items]
        for g, cands, got in zip(items, candidates, _assign(candidates)):
            detail = "no entity of that name, type, country and sector" if not cands else (
                "" if got else f"its candidates {cands} are taken by other gold entities")
            checks.append(Check("entities", category, g["name"], got is not None, detail))
    for pair in gold.get("forbidden_merges", []):
        merged = [e.id for e in m.doc.entities if all(m.entity_matches(e, [n]) for n in pair)]
        checks.append(Check("entities", "forbidden", " + ".join(pair), not merged, f"merged in {merged}"))
    return checks


# --- relations ----------------------------------------------------------------------------

def _relation_ok(m: Matcher, g: dict) -> bool:
    evidence = _norm(g.get("evidence_contains", ""))
    for r in m.doc.relations:
        if (r.predicate == g["predicate"] and m.id_matches(r.subject, [g["subject"]])
                and m.id_matches(r.object, [g["object"]]) and evidence in _norm(r.evidence.text)):
            return True
    for e in m.doc.entities:
        if m.entity_matches(e, [g["subject"]]):
            for role in e.roles:
                if m.id_matches(role.of, [g["object"]]) and _norm(role.span.text) in (evidence or _norm(role.span.text)):
                    return True
    return False


# --- quotes, events, claims, times, places --------------------------------------------

def _quote_ok(m: Matcher, g: dict) -> bool:
    for q in m.doc.quotes:
        if g.get("content_contains", "") and _norm(g["content_contains"]) not in _norm(q.content.text):
            continue
        if "kind" in g and q.kind != g["kind"]:
            continue
        if g.get("speaker") and not m.id_matches(q.speaker, [g["speaker"]]):
            continue
        if g.get("cue") and (q.cue is None or _norm(g["cue"]) not in _norm(q.cue.text)):
            continue
        return True
    return False


def _event_ok(m: Matcher, g: dict) -> bool:
    for v in m.doc.events:
        if not (_accepts(g.get("event"), v.event) and _accepts(g.get("status"), v.status)):
            continue
        if "mode" in g and v.mode != g["mode"]:
            continue
        if "actor_any" in g and not any(m.ref_matches(r, g["actor_any"]) for r in v.actor):
            continue
        if "recipient_any" in g and not any(m.ref_matches(r, g["recipient_any"]) for r in v.recipient):
            continue
        if "reported_by_any" in g and not m.id_matches(v.reported_by, g["reported_by_any"]):
            continue
        if "location_any" in g and not m.place_matches(v.location, g["location_any"]):
            continue
        if "trigger_any" in g and not any(t.lower() in v.event_text.text.lower() for t in g["trigger_any"]):
            continue
        if "date_any" in g and not (v.date and any(v.date.value.startswith(d) for d in g["date_any"])):
            continue
        return True
    return False


def _claim_ok(m: Matcher, g: dict) -> bool:
    for c in m.doc.claims:
        if c.about != g["about"] or c.value != g["value"]:
            continue
        if any(k in g and getattr(c, k) != g[k] for k in ("max", "unit", "per", "bound")):
            continue
        if g.get("claimant") and not m.id_matches(c.claimant, [g["claimant"]]):
            continue
        return True
    return False


def _time_ok(m: Matcher, g: dict) -> bool:
    return any(_norm(t.text.text) == _norm(g["text"]) and t.value == g["value"] for t in m.doc.times)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _place_ok(m: Matcher, g: dict) -> bool:
    for p in m.doc.places:
        if not m.place_matches(p.id, [g["name"]]) or p.country != g.get("country", p.country):
            continue
        if "lat" in g and (p.lat is None or p.lon is None or
                           distance_km(p.lat, p.lon, g["lat"], g["lon"]) > g.get("tolerance_km", 25)):
            continue
        return True
    return False


_ITEM_RULES: dict[str, tuple[Callable[[Matcher, dict], bool], tuple[str, ...]]] = {
    "relations": (_relation_ok, ("subject", "predicate", "object")),
    "quotes": (_quote_ok, ("content_contains", "speaker")),
    "events": (_event_ok, ("event", "trigger_any")),
    "claims": (_claim_ok, ("about", "value")),
    "times": (_time_ok, ("text",)),
    "places": (_place_ok, ("name",)),
}


def _item_checks(m: Matcher, section: str, gold: dict) -> list[Check]:
    rule, keys = _ITEM_RULES[section]
    checks = []
    for category in ("required", "optional", "forbidden"):
        for i, item in enumerate(gold.get(category, [])):
            label = f"{i}:" + " ".join(_label(item, k) for k in keys if item.get(k) not in (None, ""))
            if section == "relations":
                label = f"{i}:{item['subject']} {item['predicate']} {item['object']}"
            found = rule(m, item)
            checks.append(Check(section, category, label, not found if category == "forbidden" else found))
    return checks


def check_document(doc: Document, expected: dict, sections: Iterable[str] = SECTIONS) -> list[Check]:
    """One ``Check`` per expected item of the chosen sections."""
    m = Matcher(doc, expected)
    checks: list[Check] = []
    for section in sections:
        gold = expected.get(section)
        if not gold:
            continue
        if section == "article":
            checks += _article_checks(doc, gold)
        elif section == "entities":
            checks += _entity_checks(m, gold)
        else:
            checks += _item_checks(m, section, gold)
    return checks


def load_fixture(expected_path: Path) -> tuple[str, dict]:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    name = expected.get("input", {}).get("file") or re.sub(r"\.expected\.json$", ".txt", expected_path.name)
    return (expected_path.parent / name).read_text(encoding="utf-8"), expected


def evaluate(path: Path, *, limit: int | None = None) -> EvalResult:
    """Run every ``*.expected.json`` under ``path`` and count passing items per section."""
    from ..ingest.raw import RawArticle
    from ..pipeline import Pipeline

    pipeline = Pipeline()
    files = sorted(path.rglob("*.expected.json"))[:limit]
    tally: dict[tuple[str, str], list[int]] = {}
    failures: list[str] = []
    for expected_path in files:
        text, expected = load_fixture(expected_path)
        meta = {k: v for k, v in expected.get("input", {}).items() if k in ("published", "title", "source", "url")}
        doc = pipeline.analyse(RawArticle(text=text, origin=str(expected_path), **meta))
        for check in check_document(doc, expected):
            counts = tally.setdefault((check.section, check.category), [0, 0])
            counts[0] += check.ok
            counts[1] += 1
            if not check.ok and check.category != "optional":
                failures.append(f"{expected_path.name} {check.id} {check.detail}".strip())
    rows = [(s, c, ok, n) for (s, c), (ok, n) in sorted(tally.items())]
    must = [(ok, n) for (s, c), (ok, n) in tally.items() if c != "optional"]
    scores = {
        "required_and_forbidden": sum(ok for ok, _ in must) / max(1, sum(n for _, n in must)),
        "optional": sum(ok for (s, c), (ok, n) in tally.items() if c == "optional")
        / max(1, sum(n for (s, c), (ok, n) in tally.items() if c == "optional")),
        "fixtures": float(len(files)),
    }
    return EvalResult("fixtures", scores, ("section", "category", "passed", "items"), rows, failures)
