"""Wire-style datelines at the start of an article: ``MOSCOW, Dec 3 —``,
``WASHINGTON (Reuters) -``, ``KYIV, Ukraine, Dec. 3 (AP) —``, ``LONDON —``; or on one of
the opening lines, after a kicker, headline or byline, when the line opens with a place in
capitals and gives a date: ``MOSCOW, Aug 29 (Reuters) -`` or the bare wire form
``BUCHAREST 1996-08-30`` / ``LA CORUNA , Spain 1996-08-31`` (a line of its own).

This is the one dateline reader: ``prepare`` stores what it finds on the article, and
every component (times for its anchor, actors for the place mention) reads it there.

The year of a dateline date is the latest year that puts the date on or before the
publication date; with no publication date it stays unknown (``XXXX-12-03``).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from ..knowledge import gazetteer, time_words
from ..knowledge.countries import country_code
from ..model import Dateline, Span, TimeValue

_DATE = (r"(?:(?P<m1>{month})\s+(?P<d1>\d{{1,2}})(?:,?\s+(?P<y1>\d{{4}}))?"
         r"|(?P<d2>\d{{1,2}})\s+(?P<m2>{month})(?:\s+(?P<y2>\d{{4}}))?)")
_PLACE_CAPS = r"[A-Z][A-Z'.\-]*(?:\s+[A-Z][A-Z'.\-]*){0,3}"
_PLACE_TITLE = r"[A-Z][a-z'.\-]+(?:\s+[A-Z][a-z'.\-]+){0,2}"
_REGION = r"[A-Z][A-Za-z.\-]+(?:\s+[A-Z][A-Za-z.\-]+){0,2}"
_DASH = r"(?:—|–|--|-)"
_AGENCY = r"\((?P<agency>[A-Za-z][A-Za-z .&/'-]{0,39})\)"



@cache
def _pattern() -> re.Pattern[str]:
    """The wire dateline, its month names ("Dec", "Dec.", "December") from the time-word
    list."""
    names = sorted(time_words("month"), key=len, reverse=True)
    month = "(?:" + "|".join(re.escape(n.title()) for n in names) + r")\.?"
    return re.compile(
        rf"^\s*(?P<place>{_PLACE_CAPS}|{_PLACE_TITLE})"
        rf"(?:,\s*(?P<region>{_REGION}))?"
        rf"(?:,\s*{_DATE.format(month=month)})?"
        rf"\s*(?:{_AGENCY})?\s*{_DASH}\s+"
    )

#: The bare wire form on a line of its own: place in capitals, optional region, ISO date.
_ISO_LINE = re.compile(
    rf"(?P<place>{_PLACE_CAPS})(?:\s*,\s*(?P<region>{_REGION}))?\s+"
    r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)[ \t]*$"
)
#: How many opening lines may carry the dateline, and how far into the text.
OPENING_LINES = 4
OPENING_CHARS = 600


def _month(name: str) -> int:
    return int(time_words("month")[name.rstrip(".").lower()])


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
    """The dateline at the start of ``text`` or on one of its opening lines, else None."""
    found = _at(text, 0, published, first=True)
    if found is not None:
        return found
    for line in list(re.finditer(r"[^\n]+", text[:OPENING_CHARS]))[1:OPENING_LINES]:
        found = _at(text, line.start(), published, first=False)
        if found is not None:
            return found
    return None


def _at(text: str, at: int, published: str | None, *, first: bool) -> Dateline | None:
    """A dateline starting at offset ``at``: on the first line in any of the wire forms; on
    a later line only in capitals and with a date (a sentence on line two naming a place
    is no dateline)."""
    line_end = text.find("\n", at)
    line = text[at:line_end if line_end >= 0 else len(text)]
    iso = _ISO_LINE.match(line.lstrip())
    if iso is not None and iso.group("place").isupper():
        when = _resolve_date(int(iso.group("m")), int(iso.group("d")), int(iso.group("y")), published)
        offset = at + len(line) - len(line.lstrip())
        return _dateline(text, offset, iso, when, published_form=False)
    m = _pattern().match(line if first else line.lstrip())
    if not m:
        return None
    raw_place = m.group("place")
    is_caps = raw_place.isupper()
    has_date = bool(m.group("m1") or m.group("m2"))
    if not is_caps and not (has_date or m.group("agency")):
        return None  # "Putin said - ..." is not a dateline
    if not first and not (is_caps and has_date):
        return None
    when = None
    if has_date:
        month = _month(m.group("m1") or m.group("m2"))
        day = int(m.group("d1") or m.group("d2"))
        year = m.group("y1") or m.group("y2")
        when = _resolve_date(month, day, int(year) if year else None, published)
    offset = at if first else at + len(line) - len(line.lstrip())
    return _dateline(text, offset, m, when, published_form=has_date or bool(m.group("agency")))


def _dateline(text: str, offset: int, m: re.Match[str], when: TimeValue | None,
              *, published_form: bool) -> Dateline | None:
    """The dateline a match at ``offset`` makes, when its place is known or its form (a date
    or an agency) shows it is a dateline."""
    raw_place = m.group("place")
    place = raw_place.title() if raw_place.isupper() else raw_place
    region = m.group("region")
    hint = country_code(region) if region else None
    state = gazetteer.state_code(region) if region and hint is None else None
    hit = gazetteer.lookup(place, hint=hint, state=state)
    if hit is None and not (published_form or when is not None):
        return None
    country = hit.country if hit else ("USA" if state else hint)
    end = offset + m.end()
    while end > offset and text[end - 1].isspace():
        end -= 1
    start = offset + m.start("place")
    return Dateline(place=place, country=country, date=when,
                    span=Span(start=start, end=end, text=text[start:end]))
