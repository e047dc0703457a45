"""The event knowledge: PLOVER types, modes, the trigger lexicon and modality cues.

Everything the rule coder knows about words lives in ``data/*.tsv``; this module reads the
files once, checks each value against the PLOVER vocabulary and fails with the file and
line named when a row is wrong (``KnowledgeError``), so a typo never silently disables a
trigger.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..errors import KnowledgeError
from ..model import EVENT_TYPES
from . import data_path, read_tsv

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
STATUS_KINDS = ("negation", "future", "hypothetical", "possible", "demand")


@dataclass(frozen=True)
class TypeInfo:
    event: str
    cameo: str
    quad: str
    #: a place the action lands on is the target when no party is named
    territory: bool = False


#: a lexicon sense that names no event: the word in that sense is no trigger for any coder
#: ("warned that firms could suffer", "will meet its fiscal rules")
NO_EVENT = "NONE"


@dataclass(frozen=True)
class TriggerSense:
    """One row of the lexicon: a word sense and the PLOVER code it carries."""

    lemma: str
    pos: str
    needs: frozenset[str]
    event: str
    mode: str | None
    context: tuple[str, ...]


def _where(name: str, index: int) -> str:
    return f"{data_path(name)} (row {index})"


def _check_event(name: str, index: int, event: str) -> None:
    if event not in EVENT_TYPES:
        raise KnowledgeError(f"unknown PLOVER event type {event!r}", where=_where(name, index))


@cache
def plover_types() -> dict[str, TypeInfo]:
    """PLOVER type -> CAMEO root and quad."""
    name = "plover_types.tsv"
    found: dict[str, TypeInfo] = {}
    for i, row in enumerate(read_tsv(name, ("event", "cameo", "quad", "territory")), start=1):
        _check_event(name, i, row["event"])
        if row["quad"] not in QUADS or not row["cameo"].isdigit():
            raise KnowledgeError(f"bad quad or CAMEO code in {row}", where=_where(name, i))
        if row["territory"] not in ("yes", "no"):
            raise KnowledgeError("territory must be yes or no", where=_where(name, i))
        found[row["event"]] = TypeInfo(
            row["event"], row["cameo"], row["quad"], row["territory"] == "yes"
        )
    missing = set(EVENT_TYPES) - set(found)
    if missing:
        raise KnowledgeError(f"no row for {', '.join(sorted(missing))}", where=str(data_path(name)))
    return found


@cache
def mode_cameo() -> dict[tuple[str, str], str]:
    """(type, mode) -> CAMEO root, for modes whose root differs from the type's."""
    name = "plover_modes.tsv"
    found: dict[tuple[str, str], str] = {}
    for i, row in enumerate(read_tsv(name, ("event", "mode", "cameo")), start=1):
        _check_event(name, i, row["event"])
        found[(row["event"], row["mode"])] = row["cameo"]
    return found


def cameo_root(event: str, mode: str | None) -> str:
    """The CAMEO root code for a PLOVER type and mode (mode first, then the type)."""
    return mode_cameo().get((event, mode or ""), plover_types()[event].cameo)


@cache
def trigger_lexicon() -> dict[tuple[str, str], tuple[TriggerSense, ...]]:
    """(lemma, pos) -> senses, the ones that need a dependent first."""
    name = "event_triggers.tsv"
    columns = ("lemma", "pos", "needs", "event", "mode", "context")
    modes = mode_cameo()
    table: dict[tuple[str, str], list[TriggerSense]] = {}
    for i, row in enumerate(read_tsv(name, columns), start=1):
        if row["event"] != NO_EVENT:
            _check_event(name, i, row["event"])
        if row["pos"] not in ("V", "N"):
            raise KnowledgeError(f"pos must be V or N, not {row['pos']!r}", where=_where(name, i))
        mode = None if row["mode"] == "-" else row["mode"]
        if mode and (row["event"], mode) not in modes:
            raise KnowledgeError(
                f"mode {mode!r} is not listed for {row['event']} in plover_modes.tsv",
                where=_where(name, i),
            )
        needs = frozenset() if row["needs"] == "-" else frozenset(row["needs"].lower().split("|"))
        context = (
            () if row["context"] == "-" else tuple(c.strip() for c in row["context"].split(","))
        )
        sense = TriggerSense(row["lemma"].lower(), row["pos"], needs, row["event"], mode, context)
        table.setdefault((sense.lemma, sense.pos), []).append(sense)
    return {key: tuple(sorted(senses, key=lambda s: not s.needs)) for key, senses in table.items()}


@cache
def modality_cues() -> dict[tuple[str, str], str]:
    """(cue lemma, 'dep' or 'governor') -> status kind."""
    name = "modality.tsv"
    found: dict[tuple[str, str], str] = {}
    for i, row in enumerate(read_tsv(name, ("cue", "kind", "where")), start=1):
        if row["kind"] not in STATUS_KINDS or row["where"] not in ("dep", "governor"):
            raise KnowledgeError(f"bad kind or where in {row}", where=_where(name, i))
        found[(row["cue"].lower(), row["where"])] = row["kind"]
    return found


@cache
def actor_nouns() -> dict[str, str]:
    """Group nouns ("soldiers", "envoys") -> PLOVER sector code."""
    return {
        row["noun"].lower(): row["sector"]
        for row in read_tsv("event_actor_nouns.tsv", ("noun", "sector"))
    }


@cache
def group_words() -> frozenset[str]:
    """Words ("sides", "parties") that refer back to the parties of an earlier event."""
    return frozenset(row["word"].lower() for row in read_tsv("event_groups.tsv", ("word",)))


@dataclass(frozen=True)
class Derivation:
    derived: str
    by: str


@cache
def derivations() -> dict[tuple[str, str], Derivation]:
    """(status, 'cooperation'|'conflict') -> the intent event PLOVER codes for it."""
    name = "event_derivations.tsv"
    found: dict[tuple[str, str], Derivation] = {}
    for i, row in enumerate(read_tsv(name, ("status", "family", "derived", "by")), start=1):
        _check_event(name, i, row["derived"])
        if row["family"] not in ("cooperation", "conflict") or row["by"] not in (
            "actor",
            "speaker",
        ):
            raise KnowledgeError(f"bad family or by in {row}", where=_where(name, i))
        found[(row["status"], row["family"])] = Derivation(row["derived"], row["by"])
    return found
