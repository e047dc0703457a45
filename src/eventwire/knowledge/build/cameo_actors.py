"""Convert PETRARCH-2's actor dictionaries (TABARI ``.actors`` format) into
``cameo_actors.tsv``: thousands of people and organisations with their dated CAMEO roles,
read by the actors component beside the project's own roster (the roster wins for the
offices it lists).

Sources, in the ``--cameo`` folder: ``Phoenix.Countries.actors.txt`` (heads of state,
ministers, parties, armed forces ... by country, to about 2014), ``Phoenix.International.actors.txt``
(IGOs, NGOs, multinational companies and their people) and ``Phoenix.MilNonState.actors.txt``
(rebel and militant groups), with ``LICENSE.petrarch2`` (MIT).

The format, as PETRARCH-2's ``PETRreader.read_actor_dictionary`` reads it: a record is a
primary phrase (optionally with a default ``[CODE]`` on its line), synonyms on lines that
start with ``+``, and code restrictions on lines that start with a tab: ``[CODE]`` (the
default), ``[CODE <YYMMDD]`` (before), ``[CODE >YYMMDD]`` (after), ``[CODE YYMMDD-YYMMDD]``
(between; dates may also have four-digit years). Consecutive primary phrases with no code
between them share the next codes. Words are joined by ``_``; ``#`` starts a comment.

A role whose code gives neither a country nor a sector (``knowledge.cameo_actors.code_parts``)
is left out, and so is an actor left with no role.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...errors import EventwireError
from ..cameo_actors import ACTORS_FILE, COLUMNS, Role, code_parts
from .cameo import PETRARCH_COMMIT, format_tsv, read_sources

SOURCES = {
    "Phoenix.Countries.actors.txt": "countries",
    "Phoenix.International.actors.txt": "international",
    "Phoenix.MilNonState.actors.txt": "nonstate",
}
LICENSE = "LICENSE.petrarch2"
_BRACKET = re.compile(r"\[([^\]]*)\]")
_DATE = re.compile(r"\d{6}(?:\d{2})?")

Skipped = Counter


@dataclass
class Record:
    names: list[str]
    roles: list[Role]
    closed: bool = False  # a code was given (the null code [---] too): the next name starts anew


def parse_date(text: str) -> date:
    """TABARI's dates: YYMMDD (years before 30 are 20xx) or YYYYMMDD."""
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy < 30 else 1900 + yy
        return date(year, int(text[2:4]), int(text[4:6]))
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def parse_role(body: str) -> Role | None:
    """``CODE``, ``CODE <date``, ``CODE >date`` or ``CODE date-date`` -> a Role; None for
    the null code ``---`` or an empty bracket."""
    code, _, rest = body.strip().partition(" ")
    code = code.strip().upper()
    if not code or code.startswith("-") or not code.isalpha():
        return None
    rest = rest.strip()
    if not rest:
        return Role(code)
    dates = _DATE.findall(rest)
    if rest.startswith("<") and dates:
        return Role(code, end=parse_date(dates[0]))
    if rest.startswith(">") and dates:
        return Role(code, start=parse_date(dates[0]))
    if "-" in rest and len(dates) == 2:
        return Role(code, parse_date(dates[0]), parse_date(dates[1]))
    raise ValueError(f"cannot read the restriction {rest!r}")


def phrase(text: str) -> str:
    """A dictionary phrase as words: underscores to spaces, no trailing connector. A
    parenthesis the source opens and never closes is a note, not words of the name
    ("STANKO_TODOROV (ACTING_" is Stanko Todorov); a closed one is kept as written
    ("SAMOA_(AMERICAN)", as PETRARCH-2 matches it)."""
    if "(" in text and ")" not in text.split("(", 1)[1]:
        text = text.split("(", 1)[0]
    return " ".join(text.replace("_", " ").split())


def parse_actors(text: str, skipped: Skipped) -> list[Record]:
    """The records of one actor dictionary, in file order."""
    records: list[Record] = []
    current: Record | None = None
    for raw in text.splitlines():
        if not raw.strip() or raw.startswith(("#", "<!")):
            continue
        if "---STOP---" in raw:
            break
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        brackets = _BRACKET.findall(line)
        words = _BRACKET.sub(" ", line).split(";", 1)[0].strip()
        if raw[0] in " \t" and not words.startswith("+"):
            if current is None:
                skipped["restriction before any actor"] += 1
                continue
        elif words.startswith("+"):
            if current is None:
                skipped["synonym before any actor"] += 1
                continue
            if phrase(words[1:]):
                current.names.append(phrase(words[1:]))
        else:
            if current is None or current.closed:
                current = Record([], [])
                records.append(current)
            if phrase(words):
                current.names.append(phrase(words))
        for body in brackets:
            current.closed = True
            try:
                role = parse_role(body)
            except ValueError:
                skipped["unreadable date restriction"] += 1
                continue
            if role is None:
                skipped["null code [---]"] += 1
            elif role not in current.roles:
                current.roles.append(role)
    return records


def actor_rows(text: str, source: str, skipped: Skipped) -> list[tuple]:
    rows = []
    for record in parse_actors(text, skipped):
        names = list(dict.fromkeys(n for n in record.names if n))
        roles = [r for r in record.roles if any(code_parts(r.code))]
        if len(roles) < len(record.roles):
            skipped["role code with no country or sector"] += len(record.roles) - len(roles)
        if not names or not roles:
            skipped["actor with no name or no usable code"] += 1
            continue
        rows.append((names[0], "|".join(names[1:]), ";".join(r.text() for r in roles), source))
    return rows


_ABOUT = [
    "People and organisations with their dated CAMEO roles, from PETRARCH-2's actor dictionaries",
    "(Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt;",
    f"openeventdata/petrarch2 commit {PETRARCH_COMMIT}; country entries compiled to about 2014 by",
    "the Computational Event Data System project). Generated by `eventwire knowledge build",
    "--cameo DIR` (knowledge/build/cameo_actors.py); do not edit by hand.",
    "Columns: name (the record's first phrase, words as in the source, upper case), aliases (its",
    "other phrases, |-separated), roles (;-separated CODE or CODE:START..END with ISO dates, either",
    "side empty when open; a role with no dates is the default), source (countries, international,",
    "nonstate). Records with no name or no code that gives a country or sector are left out.",
    "The contract's country and sector of a code: knowledge/build/cameo_actors.py code_parts.",
]


def build(cameo_dir: Path, out_dir: Path) -> dict[str, int]:
    """Read the three actor dictionaries and write ``cameo_actors.tsv`` into ``out_dir``."""
    texts = read_sources(cameo_dir, [*SOURCES, LICENSE])
    skipped: Skipped = Counter()
    rows: list[tuple] = []
    for name, source in SOURCES.items():
        rows.extend(actor_rows(texts[name], source, skipped))
    unique = list(dict.fromkeys(rows))
    if len(unique) < len(rows):
        skipped["record repeated word for word (first kept)"] += len(rows) - len(unique)
    rows = unique
    license_text = texts[LICENSE]
    lines = list(_ABOUT) + ["Left out, by reason:"]
    lines += [f"  {count:6d}  {reason}" for reason, count in sorted(skipped.items())]
    lines += ["", "PETRARCH-2's licence:", ""] + license_text.strip().splitlines()
    comments = [f"# {line}".rstrip() for line in lines]
    target = Path(out_dir) / ACTORS_FILE
    try:
        target.write_text(format_tsv(comments, COLUMNS, rows), encoding="utf-8")
    except OSError as exc:
        raise EventwireError(f"cannot write {target} ({exc.strerror})") from None
    return {ACTORS_FILE: len(rows)}
