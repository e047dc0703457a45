"""Pure TIMEX3 normalisers: (phrase parts, anchor date, direction) -> TIMEX3 value.

Nothing here reads a document: each function takes the parts a recogniser pulled out of
a phrase, the anchor date (or None when the article has no date) and a direction (-1
past, 0 unknown or present, +1 future, read from the governing verb's tense), and
answers a TIMEX3 value string. With no anchor, relative expressions keep their unknown
parts as ``X`` (``XXXX-XX-XX``, ``XXXX-WXX-2``) as the TIMEX3 guidelines say; a date is
never invented. The functions are property-tested (``tests/unit/test_times_normalise.py``).
"""

from __future__ import annotations

from datetime import date, timedelta

#: TIMEX3 value codes of the units a duration can be counted in.
DURATION_CODES = {"TS": "T{n}S", "TM": "T{n}M", "TH": "T{n}H", "D": "{n}D", "W": "{n}W",
                  "WE": "{n}WE", "M": "{n}M", "Q": "{n}Q", "Y": "{n}Y", "DE": "{n}DE",
                  "CE": "{n}CE"}


def duration(count: int | str | None, unit: str) -> str:
    """``P5Y``, ``PT5H``, ``PXY``: a count of units; None or ``"X"`` is an unknown count.

    A fraction "half" (``"H"``) of a unit becomes the next smaller exact unit where one
    exists (half a year -> P6M, half an hour -> PT30M, half a day -> PT12H).
    """
    if count == "H":
        halves = {"Y": "P6M", "M": "P2W", "TH": "PT30M", "D": "PT12H", "DE": "P5Y", "CE": "P50Y",
                  "TM": "PT30S", "W": "PT84H", "Q": "P6W"}
        return halves.get(unit, f"PX{unit}")
    if isinstance(count, int) and unit in ("DE", "CE"):
        count, unit = count * (10 if unit == "DE" else 100), "Y"  # TimeBank counts in years
    n = "X" if count is None else str(count)
    return "P" + DURATION_CODES[unit].format(n=n)


def iso_week(day: date) -> str:
    """The TIMEX3 week value of a day: ``1998-W08`` (ISO weeks, zero-padded)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def add_months(day: date, months: int) -> date:
    """The first day of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def shift(anchor: date | None, unit: str, n: int) -> str:
    """The calendar unit ``n`` units from the anchor's, as a TIMEX3 value at that unit.

    ``shift(d, "Y", -1)`` is last year ("1988"), ``shift(d, "W", 0)`` this week
    ("1998-W08"), ``shift(d, "D", -2)`` two days ago. Without an anchor the unknown
    parts are X.
    """
    if anchor is None:
        return {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE",
                "D": "XXXX-XX-XX", "Q": "XXXX-QX", "DE": "XXX", "CE": "XX",
                "TH": "XXXX-XX-XXTXX", "TM": "XXXX-XX-XXTXX:XX", "TS": "XXXX-XX-XXTXX:XX"}[unit]
    if unit == "Y":
        return f"{anchor.year + n:04d}"
    if unit == "M":
        return add_months(anchor, n).strftime("%Y-%m")
    if unit in ("W", "WE"):
        value = iso_week(anchor + timedelta(weeks=n))
        return value + "-WE" if unit == "WE" else value
    if unit == "Q":
        index = anchor.year * 4 + quarter_of(anchor) - 1 + n
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "DE":
        return f"{anchor.year // 10 + n:03d}"
    if unit == "CE":
        return f"{anchor.year // 100 + n:02d}"
    return (anchor + timedelta(days=n)).isoformat()  # D and anything finer


def shift_value(value: str, unit: str, n: int) -> str:
    """"the following year" after a text date: ``value`` (``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``) moved ``n`` units, at the unit's granularity."""
    parts = [int(p) for p in value.split("-")]
    day = date(parts[0], parts[1] if len(parts) > 1 else 7, parts[2] if len(parts) > 2 else 1)
    if unit not in ("Y", "DE", "CE") and len(parts) == 1:
        return shift(None, unit, n)
    return shift(day, unit, n)


def resolve_weekday(weekday: int, anchor: date, direction: int) -> date:
    """The day with that weekday (0=Monday) nearest the anchor on the tense's side.

    News names the day an event happened or will happen relative to the report: a past
    tense "on Tuesday" is the latest Tuesday on or before the anchor, a future one the
    next on or after it. The anchor's own weekday is the anchor itself (a report dated
    Friday saying "on Friday" means that day). Unknown direction reads as past, the
    usual case in reports.
    """
    delta = (weekday - anchor.weekday()) % 7
    if delta == 0:
        return anchor
    if direction > 0:
        return anchor + timedelta(days=delta)
    return anchor - timedelta(days=7 - delta)


def weekday_value(weekday: int, anchor: date | None, direction: int) -> str:
    """TIMEX3 value of a weekday name: a date, or ``XXXX-WXX-2`` with no anchor."""
    if anchor is None:
        return f"XXXX-WXX-{weekday + 1}"
    return resolve_weekday(weekday, anchor, direction).isoformat()


def nearest_year(month: int, anchor: date, direction: int, tolerance: int = 2) -> int:
    """The year of a month named without one: the one nearest the anchor among those the
    tense allows (a past-tense month is not more than ``tolerance`` months after the
    anchor's month, a future one not more than that before it); ties go to the past,
    as reports mostly look back."""
    best_year, best_gap = anchor.year, None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        gap = (year * 12 + month) - (anchor.year * 12 + anchor.month)
        if (direction < 0 and gap > tolerance) or (direction > 0 and gap < -tolerance):
            continue
        if best_gap is None or abs(gap) < abs(best_gap):
            best_year, best_gap = year, gap
    return best_year


def month_value(month: int, anchor: date | None, direction: int, *, day: int | None = None,
                year: int | None = None) -> str | None:
    """``2022-02``, ``2025-12-03`` or ``XXXX-12-03``; None when the day does not exist."""
    if year is None:
        year = nearest_year(month, anchor, direction) if anchor else None
    if day is None:
        return f"{year:04d}-{month:02d}" if year is not None else f"XXXX-{month:02d}"
    try:
        date(year if year is not None else 2000, month, day)
    except ValueError:
        return None
    prefix = f"{year:04d}" if year is not None else "XXXX"
    return f"{prefix}-{month:02d}-{day:02d}"


def relative_month(month: int, anchor: date | None, n: int) -> str:
    """"last April" (n=-1), "next April" (n=1), "this April" (n=0) as ``YYYY-MM``."""
    if anchor is None:
        return f"XXXX-{month:02d}"
    year = anchor.year
    if n < 0 and month >= anchor.month:
        year -= 1
    elif n > 0 and month <= anchor.month:
        year += 1
    return f"{year:04d}-{month:02d}"


def quarter_value(quarter: int, anchor: date | None, direction: int, year: int | None = None) -> str:
    """"the third quarter": the quarter of the anchor's year, or the year before when a
    past-tense quarter lies after the anchor's (the next when a future one lies before)."""
    if year is None:
        if anchor is None:
            return f"XXXX-Q{quarter}"
        year = anchor.year
        current = quarter_of(anchor)
        if quarter > current and direction < 0:
            year -= 1
        elif quarter < current and direction > 0:
            year += 1
    return f"{year:04d}-Q{quarter}"


def season_value(season: str, anchor: date | None, n: int | None) -> str:
    """"this summer" (n=0), "last fall" (n=-1), "next spring" (n=1); ``XXXX-SU`` without
    an anchor. n=None is the season named alone, read as this year's."""
    if anchor is None:
        return f"XXXX-{season}"
    order = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
    year = anchor.year
    if n is not None and n < 0 and order[season] >= anchor.month:
        year -= 1
    elif n is not None and n > 0 and order[season] <= anchor.month:
        year += 1
    return f"{year:04d}-{season}"


def nth_weekday(year: int, month: int, nth: int | None, weekday: int) -> date:
    """The ``nth`` (1-5) weekday of a month, or its last one when ``nth`` is None:
    Thanksgiving is the fourth Thursday of November."""
    if nth is None:
        last = add_months(date(year, month, 1), 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def weekend_value(anchor: date | None, direction: int) -> str:
    """"the weekend": the one coming (future tense) or just past (otherwise), as ``YYYY-Www-WE``;
    on a Saturday or Sunday, that weekend."""
    if anchor is None:
        return "XXXX-WXX-WE"
    if anchor.weekday() >= 5 or direction > 0:
        return iso_week(anchor) + "-WE"
    return iso_week(anchor - timedelta(days=7)) + "-WE"


def decade_value(year: int) -> str:
    """``198`` for the 1980s: TIMEX3 writes a decade as its first three digits."""
    return f"{year // 10:03d}"


def expand_two_digit_year(yy: int, anchor: date | None) -> int:
    """``'80s`` or ``'98``: the century that puts the year nearest before the anchor."""
    base = anchor.year if anchor else 2000
    year = (base // 100) * 100 + yy
    return year - 100 if year > base + 10 else year


def clock_value(day_value: str, hour: int, minute: int | None) -> str:
    """``2025-12-03T15:00`` from a day value and a 24-hour time."""
    return f"{day_value}T{hour:02d}:{minute or 0:02d}"


def to_24h(hour: int, meridiem: str | None) -> int:
    """A 12-hour clock reading with "a.m."/"p.m." as 0-23; without one it stays as read."""
    m = (meridiem or "").lower().replace(".", "")
    if m.startswith("p") and hour < 12:
        return hour + 12
    if m.startswith("a") and hour == 12:
        return 0
    return hour


def precision_of(value: str) -> str | None:
    """The contract precision of a TIMEX3 date value (None for durations and refs)."""
    if value.startswith("P") or value.endswith("_REF"):
        return None
    if "T" in value:
        clock = value.split("T", 1)[1]
        return "minute" if ":" in clock and clock[:2].isdigit() else "hour"
    if len(value) == 3:
        return "decade"
    if len(value) == 4:
        return "year"
    if len(value) == 7 and value[5:].isdigit():
        return "month"
    if len(value) == 10:
        return "day"
    return None
