"""Attribution cues as data: reporting verbs (``cue_verbs.tsv``) and cue phrases
(``cue_phrases.tsv``).

The quotes component asks only two questions of this module: is this lemma a reporting
verb, and which words around one belong to the cue. Both files are checked when first read;
a bad row fails with its file and line (``KnowledgeError``), never silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import KnowledgeError
from . import data_path, read_tsv

VERB_CLASSES = frozenset({"speech", "written", "cognition", "evidence", "stance"})
PHRASE_ROLES = frozenset({"preposition", "audience", "medium", "noun", "adjective", "label"})


@dataclass(frozen=True)
class CuePhrases:
    """Multi-word prepositional cues ("according to"), the nouns kept inside a cue, and the
    nouns and adjectives that are cues themselves when they govern what is held or said."""

    prepositions: frozenset[tuple[str, ...]]
    audience: frozenset[str]
    medium: frozenset[str]
    nouns: frozenset[str] = frozenset()  # "his claim *that X*", "Trump's plans *to Y*"
    adjectives: frozenset[str] = frozenset()  # "is worried *about X*", "are afraid *that Y*"
    labels: frozenset[str] = frozenset()  # "MODERATOR:", "Q:": common words that label a speaker


def _numbered_rows(name: str, columns: tuple[str, ...], path: Path | None) -> list[tuple[int, dict[str, str]]]:
    """Rows of a TSV file with their line numbers (``read_tsv`` checks the shape)."""
    path = path or data_path(name)
    rows = read_tsv(name, columns, path)
    numbers = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if tuple(c.strip() for c in line.split("\t")) == columns:
            continue
        numbers.append(number)
    return list(zip(numbers, rows))


def load_cue_verbs(path: Path | None = None) -> dict[str, str]:
    """``lemma -> class`` from ``cue_verbs.tsv``; a lemma listed twice keeps its first class."""
    verbs: dict[str, str] = {}
    for number, row in _numbered_rows("cue_verbs.tsv", ("lemma", "class"), path):
        where = f"{path or data_path('cue_verbs.tsv')}:{number}"
        lemma, kind = row["lemma"], row["class"]
        if not lemma or lemma != lemma.lower() or " " in lemma:
            raise KnowledgeError(f"lemma {lemma!r} must be one lower-case word", where=where)
        if kind not in VERB_CLASSES:
            raise KnowledgeError(
                f"class {kind!r} is not one of {', '.join(sorted(VERB_CLASSES))}", where=where
            )
        verbs.setdefault(lemma, kind)
    return verbs


def load_cue_phrases(path: Path | None = None) -> CuePhrases:
    """The cue phrases of ``cue_phrases.tsv``, by role."""
    by_role: dict[str, set[str]] = {role: set() for role in PHRASE_ROLES}
    for number, row in _numbered_rows("cue_phrases.tsv", ("phrase", "role"), path):
        where = f"{path or data_path('cue_phrases.tsv')}:{number}"
        phrase, role = row["phrase"].lower(), row["role"]
        if role not in PHRASE_ROLES:
            raise KnowledgeError(
                f"role {role!r} is not one of {', '.join(sorted(PHRASE_ROLES))}", where=where
            )
        if not phrase:
            raise KnowledgeError("empty phrase", where=where)
        by_role[role].add(phrase)
    return CuePhrases(
        prepositions=frozenset(tuple(p.split()) for p in by_role["preposition"]),
        audience=frozenset(by_role["audience"]),
        medium=frozenset(by_role["medium"]),
        nouns=frozenset(by_role["noun"]),
        adjectives=frozenset(by_role["adjective"]),
        labels=frozenset(by_role["label"]),
    )


#: classes of reporting verbs that say nothing aloud: a held view or a finding
SILENT_CLASSES = frozenset({"cognition", "evidence"})


@cache
def silent_cues() -> frozenset[tuple[str, str]]:
    """(word, pos) of the stance verbs and cue nouns that attribute no speech
    (``silent_cues.tsv``)."""
    found = set()
    for number, row in _numbered_rows("silent_cues.tsv", ("word", "pos"), None):
        if row["pos"] not in ("verb", "noun"):
            raise KnowledgeError(
                f"pos {row['pos']!r} is not verb or noun", where=f"{data_path('silent_cues.tsv')}:{number}"
            )
        found.add((row["word"].lower(), row["pos"]))
    return frozenset(found)


@cache
def cue_verbs() -> dict[str, str]:
    """The bundled reporting verbs, read once."""
    return load_cue_verbs()


@cache
def cue_phrases() -> CuePhrases:
    """The bundled cue phrases, read once."""
    return load_cue_phrases()
