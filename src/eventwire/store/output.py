"""Where an export goes: a file, or standard output for ``-``."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


@contextmanager
def opened(out: Path | str) -> Iterator[TextIO]:
    """A text handle for ``out``: standard output for ``-`` (flushed, left open), else the
    file, written as UTF-8 with the newlines given."""
    if str(out) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with open(out, "w", encoding="utf-8", newline="") as handle:
        yield handle
