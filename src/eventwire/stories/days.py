"""Calendar days from contract values: what dates the store indexes and stories compare."""

from __future__ import annotations

import re
from datetime import date

from ..model import Document

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def to_date(value: str | None) -> date | None:
    """A calendar day from a TIMEX3/ISO value that names one (``2025-12-02...``), else None."""
    if not value:
        return None
    match = _DAY.match(value)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def article_date(doc: Document) -> date | None:
    """The day an article speaks from: its publication date, else its dateline's date."""
    found = to_date(doc.article.published)
    if found is None and doc.article.dateline and doc.article.dateline.date:
        found = to_date(doc.article.dateline.date.value)
    return found
