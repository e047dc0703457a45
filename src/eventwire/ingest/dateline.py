"""Wire-style datelines at the start of an article: ``MOSCOW, Dec 3 —``,
``WASHINGTON (Reuters) -``, ``KYIV, Ukraine, Dec. 3 (AP) —``, ``LONDON —``.

The year of a dateline date is the latest year that puts the date on or before the
publication date; with no publication date it stays unknown (``XXXX-12-03``).
"""

from __future__ import annotations

import re
from datetime import date

from ..knowledge import gazetteer
from ..model import Dateline, Span, TimeValue

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:,?\s+(?P<y1>\d{{4}}))?|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})(?:\s+(?P<y2>\d{{4}}))?)"
_PLACE_CAPS = r"[A-Z][A-Z'.\-]*(?:\s+[A-Z][A-Z'.\-]*){0,3}"
_PLACE_TITLE = r"[A-Z][a-z'.\-]+(?:\s+[A-Z][a-z'.\-]+){0,2}"
_REGION = r"[A-Z][A-Za-z.\-]+(?:\s+[A-Z][A-Za-z.\-]+){0,2}"
_DASH = r"(?:—|–|--|-)"
_AGENCY = r"\((?P<agency>[A-Za-z][A-Za-z .&/'-]{0,39})\)"

_PATTERN = re.compile(
    rf"^\s*(?P<place>{_PLACE_CAPS}|{_PLACE_TITLE})"
    rf"(?:,\s*(?P<region>{_REGION}))?"
    rf"(?:,\s*{_DATE})?"
    rf"\s*(?:{_AGENCY})?\s*{_DASH}\s+"
)


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()[:4 if name.lower().startswith("sept") else 3]]


def _resolve_date(month: int, day: int, year: int | None, published: str | None) -> TimeValue | None:
    if year is None and published:
        pub = date.fromisoformat(published[:10])
        year = pub.year
        try:
            if date(year, month, day) > pub:
                year -= 1
            date(year, month, day)
        except ValueError:  # Feb 29 in a common year, or before year 1
            return None
    try:
        if year is not None:
            date(year, month, day)
        else:
            date(2000, month, day)  # any leap year checks the day exists
    except ValueError:
        return None
    value = f"{year:04d}-{month:02d}-{day:02d}" if year is not None else f"XXXX-{month:02d}-{day:02d}"
    return TimeValue(value=value, precision="day", anchor="published" if published else None)


def find_dateline(text: str, published: str | None) -> Dateline | None:
    """The dateline at the start of ``text``, or None when it has none."""
    m = _PATTERN.match(text[:200])
    if not m:
        return None
    raw_place = m.group("place")
    is_caps = raw_place.isupper()
    has_date = bool(m.group("m1") or m.group("m2"))
    if not is_caps and not (has_date or m.group("agency")):
        return None  # "Putin said - ..." is not a dateline
    place = raw_place.title() if is_caps else raw_place
    region = m.group("region")
    hint = gazetteer.country_code(region) if region else None
    state = gazetteer.state_code(region) if region and hint is None else None
    hit = gazetteer.lookup(place, hint=hint, state=state)
    if hit is None and not (has_date or m.group("agency")):
        return None
    when = None
    if has_date:
        month = _month(m.group("m1") or m.group("m2"))
        day = int(m.group("d1") or m.group("d2"))
        year = m.group("y1") or m.group("y2")
        when = _resolve_date(month, day, int(year) if year else None, published)
    country = hit.country if hit else ("USA" if state else hint)
    end = m.end()
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = len(text) - len(text.lstrip())
    return Dateline(place=place, country=country, date=when,
                    span=Span(start=start, end=end, text=text[start:end]))
