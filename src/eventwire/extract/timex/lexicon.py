"""The time-word lexicon (``knowledge/data/time_words.tsv``) and regex pieces built from it.

Words and their TIMEX3 meanings live in the data file; this module only turns them into
lookup tables and regular-expression alternations, so adding a word is a one-line data
change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ...errors import KnowledgeError
from ...knowledge import data_path, read_tsv

FILE = "time_words.tsv"
KINDS = ("month", "weekday", "number", "ordinal", "unit", "part", "season", "ref", "set",
         "relday", "holiday", "fraction")
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}


@dataclass(frozen=True)
class Lexicon:
    """Phrase -> value tables, one per kind, all keys lower case."""

    tables: dict[str, dict[str, str]]

    def get(self, kind: str, phrase: str) -> str | None:
        return self.tables[kind].get(" ".join(phrase.lower().split()))

    def alternation(self, kind: str) -> str:
        """A regex alternation of the kind's phrases, longest first, spaces flexible."""
        phrases = sorted(self.tables[kind], key=len, reverse=True)
        return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)


@cache
def lexicon() -> Lexicon:
    """The bundled lexicon, read once."""
    return load_lexicon()


def load_lexicon(path: Path | None = None) -> Lexicon:
    """A lexicon file (the bundled one by default); a malformed row raises ``KnowledgeError``."""
    tables: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    path = path or data_path(FILE)
    for number, row in enumerate(read_tsv(FILE, ("phrase", "kind", "value"), path), start=1):
        if row["kind"] not in tables:
            raise KnowledgeError(f"unknown kind {row['kind']!r} (known: {', '.join(KINDS)})",
                                 where=f"{path}: row {number}")
        if not row["phrase"] or not row["value"]:
            raise KnowledgeError("empty phrase or value", where=f"{path}: row {number}")
        tables[row["kind"]][row["phrase"].lower()] = row["value"]
    return Lexicon(tables)


def number_value(text: str) -> int | str | None:
    """A count written as digits or words: ``3``, ``three``, ``twenty-five``, ``a``, or
    ``"X"`` for vague counts (several, a few); None when it is not a count."""
    words = " ".join(text.lower().replace(",", "").split())
    if words.isdigit():
        return int(words)
    try:
        return int(float(words)) if float(words).is_integer() else None
    except ValueError:
        pass
    found = lexicon().get("number", words)
    if found is not None:
        return found if found == "X" else int(found)
    words = words.replace(" ", "-")
    if "-" in words:
        tens, _, unit = words.partition("-")
        unit_value = lexicon().get("number", unit)
        if tens in _TENS and unit_value and unit_value.isdigit() and int(unit_value) < 10:
            return _TENS[tens] + int(unit_value)
    return None


def number_pattern() -> str:
    """Counts: digits, number words (with hyphenated tens like twenty-five), vague counts."""
    tens = "|".join(_TENS)
    return rf"(?:\d+(?:\.\d+)?|(?:{tens})[-\s](?:one|two|three|four|five|six|seven|eight|nine)|{lexicon().alternation('number')})"


def month_pattern() -> str:
    """Month names as news writes them: capitalised, abbreviations with an optional dot."""
    names = sorted(lexicon().tables["month"], key=len, reverse=True)
    return "|".join(rf"{n.capitalize()}\.?" if len(n) <= 4 and n != "may" else n.capitalize()
                    for n in names)
