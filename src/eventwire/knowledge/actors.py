"""Actor knowledge other than the roster: titles, metonyms, nationality words, sector words
and the relation patterns (``data/titles.tsv``, ``metonyms.tsv``, ``demonyms.tsv``,
``sector_words.tsv``, ``relation_patterns.tsv``).

Each loader reads its file once and checks what ``read_tsv`` cannot (known sector codes,
ISO3 codes, compilable patterns), failing with the file and line named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..errors import KnowledgeError
from . import data_line_numbers, data_path, name_key, read_tsv

#: PLOVER / CAMEO actor sectors eventwire emits.
SECTORS = frozenset({
    "GOV", "MIL", "REB", "OPP", "JUD", "LEG", "COP", "BUS", "MED", "NGO", "IGO", "CVL",
    "EDU", "REF", "PTY", "SPY", "LAB", "REL", "ELI", "HLH", "AGR", "CRM",
})
TITLE_KINDS = frozenset({"office", "staff", "kin", "other"})
PREDICATES = frozenset({
    "envoy_of", "aide_of", "spokesperson_of", "member_of", "leader_of", "head_of",
    "minister_of", "employee_of", "spouse_of", "child_of", "parent_of", "son_in_law_of",
    "sibling_of", "citizen_of", "located_in", "part_of",
})
_ISO3 = re.compile(r"^[A-Z]{3}$")
_WORD = re.compile(r"[\w']+|[^\w\s]")
_ABBREVIATION = re.compile(r"^\w+\.$")


@dataclass(frozen=True)
class Title:
    phrase: tuple[str, ...]  # lower-case tokens, hyphens as their own tokens
    canonical: str
    sector: str | None
    predicate: str
    kind: str


@dataclass(frozen=True)
class Metonym:
    name: str
    country: str
    sector: str
    kind: str  # "seat" or "capital"


def phrase_tokens(text: str) -> tuple[str, ...]:
    """A phrase split the way spaCy splits it for matching: words, and each punctuation mark
    (the hyphens of "son-in-law") as its own token, except an abbreviation's final dot
    ("sen.", which spaCy keeps in the word)."""
    tokens: list[str] = []
    for piece in text.lower().split():
        tokens.extend([piece] if _ABBREVIATION.match(piece) else _WORD.findall(piece))
    return tuple(tokens)


def _rows(name: str, columns: tuple[str, ...], path: Path | None) -> list[tuple[dict[str, str], str]]:
    """Rows with a ``file:line`` label each, for loaders that check values."""
    path = path or data_path(name)
    rows = read_tsv(name, columns, path)
    numbers = data_line_numbers(path)[-len(rows):] if rows else []
    return [(row, f"{path}:{number}") for row, number in zip(rows, numbers)]


def _check(ok: bool, problem: str, where: str) -> None:
    if not ok:
        raise KnowledgeError(problem, where=where)


def parse_titles(path: Path | None = None) -> tuple[Title, ...]:
    titles = []
    for row, where in _rows("titles.tsv", ("phrase", "canonical", "sector", "predicate", "kind"), path):
        _check(bool(row["phrase"]), "empty phrase", where)
        _check(not row["sector"] or row["sector"] in SECTORS, f"unknown sector {row['sector']!r}", where)
        _check(row["predicate"] in PREDICATES, f"unknown predicate {row['predicate']!r}", where)
        _check(row["kind"] in TITLE_KINDS, f"kind must be one of {sorted(TITLE_KINDS)}", where)
        titles.append(Title(phrase_tokens(row["phrase"]), row["canonical"], row["sector"] or None,
                            row["predicate"], row["kind"]))
    return tuple(titles)


def parse_metonyms(path: Path | None = None) -> dict[str, Metonym]:
    table = {}
    for row, where in _rows("metonyms.tsv", ("name", "country", "sector", "kind"), path):
        _check(bool(_ISO3.match(row["country"])), f"country {row['country']!r} is not ISO3", where)
        _check(row["sector"] in SECTORS, f"unknown sector {row['sector']!r}", where)
        _check(row["kind"] in {"seat", "capital"}, "kind must be seat or capital", where)
        table[name_key(row["name"])] = Metonym(row["name"], row["country"], row["sector"], row["kind"])
    return table


def parse_demonyms(path: Path | None = None) -> dict[str, str | None]:
    table: dict[str, str | None] = {}
    for row, where in _rows("demonyms.tsv", ("demonym", "country"), path):
        _check(not row["country"] or bool(_ISO3.match(row["country"])),
               f"country {row['country']!r} is not ISO3", where)
        table[name_key(row["demonym"])] = row["country"] or None
    return table


def parse_sector_words(path: Path | None = None) -> dict[str, tuple[str, str]]:
    table = {}
    for row, where in _rows("sector_words.tsv", ("word", "sector", "type"), path):
        _check(row["sector"] in SECTORS, f"unknown sector {row['sector']!r}", where)
        _check(row["type"] in {"ORG", "NORP"}, "type must be ORG or NORP", where)
        table[row["word"].lower()] = (row["sector"], row["type"])
    return table


def parse_patterns(path: Path | None = None) -> tuple[tuple[str, re.Pattern[str]], ...]:
    patterns = []
    for row, where in _rows("relation_patterns.tsv", ("name", "regex"), path):
        try:
            compiled = re.compile(row["regex"])
        except re.error as exc:
            raise KnowledgeError(f"pattern does not compile: {exc}", where=where) from None
        _check({"subj", "title"} <= set(compiled.groupindex), "pattern needs groups subj and title", where)
        patterns.append((row["name"], compiled))
    return tuple(patterns)


def parse_gender_words(path: Path | None = None) -> dict[str, str]:
    table = {}
    for row, where in _rows("gender_words.tsv", ("word", "gender"), path):
        _check(row["gender"] in {"m", "f"}, "gender must be m or f", where)
        table[row["word"].lower()] = row["gender"]
    return table


@cache
def gender_words() -> dict[str, str]:
    return parse_gender_words()


@cache
def titles() -> tuple[Title, ...]:
    return parse_titles()


@cache
def title_index() -> dict[str, tuple[Title, ...]]:
    """Titles by their first token, longest first, for greedy matching over tokens."""
    index: dict[str, list[Title]] = {}
    for title in titles():
        index.setdefault(title.phrase[0], []).append(title)
    return {k: tuple(sorted(v, key=lambda t: -len(t.phrase))) for k, v in index.items()}


@cache
def canonical_titles() -> frozenset[str]:
    return frozenset(t.canonical for t in titles())


@cache
def metonyms() -> dict[str, Metonym]:
    return parse_metonyms()


@cache
def demonyms() -> dict[str, str | None]:
    return parse_demonyms()


@cache
def sector_words() -> dict[str, tuple[str, str]]:
    return parse_sector_words()


@cache
def relation_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return parse_patterns()


@lru_cache(maxsize=65536)
def demonym_country(word: str) -> str | None:
    """The country a nationality word names ("Palestinians" -> PSE), else None."""
    key = name_key(word)
    table = demonyms()
    if key in table:
        return table[key]
    if key.endswith("s") and key[:-1] in table:
        return table[key[:-1]]
    return None


SPORT_KINDS = frozenset({"sport", "solo", "cue", "team"})


def parse_sports_words(path: Path | None = None) -> dict[str, frozenset[str]]:
    """Sports vocabulary (``data/sports_words.tsv``): word -> its kinds (sport, solo, cue, team)."""
    table: dict[str, set[str]] = {}
    for row, where in _rows("sports_words.tsv", ("word", "kind"), path):
        _check(bool(row["word"]), "empty word", where)
        _check(row["kind"] in SPORT_KINDS, f"kind must be one of {sorted(SPORT_KINDS)}", where)
        table.setdefault(row["word"].lower(), set()).add(row["kind"])
    return {word: frozenset(kinds) for word, kinds in table.items()}


@cache
def sports_words() -> dict[str, frozenset[str]]:
    return parse_sports_words()


NAME_WORD_KINDS = frozenset({"company", "org", "event", "club"})


def parse_name_words(path: Path | None = None) -> dict[str, frozenset[str]]:
    """Naming words (``data/name_words.tsv``): word -> its kinds (company, org, event, club)."""
    table: dict[str, set[str]] = {}
    for row, where in _rows("name_words.tsv", ("word", "kind"), path):
        _check(bool(row["word"]), "empty word", where)
        _check(row["kind"] in NAME_WORD_KINDS, f"kind must be one of {sorted(NAME_WORD_KINDS)}", where)
        table.setdefault(row["word"].lower(), set()).add(row["kind"])
    return {word: frozenset(kinds) for word, kinds in table.items()}


@cache
def name_words() -> dict[str, frozenset[str]]:
    return parse_name_words()
