"""Reading publication dates given as metadata (flags, JSON fields, feeds, HTML)."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from ..errors import BadDateError

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def normalise_published(value: str | None) -> str | None:
    """``YYYY-MM-DD`` or an ISO datetime, from ISO or RFC 2822 input; None stays None.

    Raises ``BadDateError`` for anything else, so a typo is never taken for a date.
    """
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    if _DAY.match(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise BadDateError(f"{text!r} is not a real date") from None
    for parse in (datetime.fromisoformat, parsedate_to_datetime):
        try:
            moment = parse(text.replace("Z", "+00:00") if parse is datetime.fromisoformat else text)
        except (TypeError, ValueError, IndexError):
            continue
        if moment.time() == datetime.min.time() and moment.tzinfo is None:
            return moment.date().isoformat()
        return moment.isoformat()
    raise BadDateError(f"cannot read the date {text!r}")
