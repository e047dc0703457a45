"""Knowledge eventwire writes itself, kept as data files in ``knowledge/data``.

Each file starts with a comment header saying where its facts come from. Loaders here
read them once and fail at load with the file, line and problem named
(``KnowledgeError``).
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import KnowledgeError


def data_path(name: str) -> Path:
    """The path of a bundled knowledge file."""
    return Path(str(resources.files("eventwire.knowledge") / "data" / name))


def read_tsv(name: str, columns: tuple[str, ...], path: Path | None = None) -> list[dict[str, str]]:
    """Rows of a TSV knowledge file: ``#`` lines are comments, the first other line is ignored
    when it equals the column names. Each row must have exactly ``columns``."""
    path = path or data_path(name)
    rows: list[dict[str, str]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KnowledgeError(f"cannot read knowledge file ({exc.strerror})", where=str(path)) from None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if tuple(c.strip() for c in cells) == columns:
            continue
        if len(cells) != len(columns):
            raise KnowledgeError(
                f"expected {len(columns)} tab-separated columns ({', '.join(columns)}), "
                f"found {len(cells)}",
                where=f"{path}:{number}",
            )
        rows.append({col: cell.strip() for col, cell in zip(columns, cells)})
    return rows


@cache
def time_words(kind: str) -> dict[str, str]:
    """``phrase -> value`` of one kind of ``time_words.tsv``, the one list of month and
    weekday names ("sept" -> "9", "monday" -> "0"): the dateline reader, the name rules and
    the time expressions all read it."""
    return {row["phrase"].lower(): row["value"]
            for row in read_tsv("time_words.tsv", ("phrase", "kind", "value")) if row["kind"] == kind}


@cache
def word_list(name: str) -> frozenset[str]:
    """A one-column knowledge file as a set of lower-case entries."""
    return frozenset(row["word"].lower() for row in read_tsv(name, ("word",)))


def name_key(text: str) -> str:
    """The form names are compared in: lower case, no dots, no accents' effect on spacing,
    no leading "the", single spaces, straight apostrophes."""
    text = text.replace("\u2019", "'").replace(".", "").lower()
    text = " ".join(text.split())
    return text.removeprefix("the ")


def data_line_numbers(path: Path) -> list[int]:
    """Line numbers of the data rows of a TSV file, in order (header and comments skipped),
    so a loader can name the line of a row that ``read_tsv`` accepted but is wrong."""
    numbers = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            numbers.append(number)
    return numbers
