"""Recognition rules: a regular expression per kind of time expression and a handler that
turns its match into (type, TIMEX3 value, how it is anchored).

The expressions are built from the lexicon (``time_words.tsv``); handlers call the pure
normalisers in ``normalise``. Spans follow the TIMEX3 guidelines: the modifiers that
belong to the expression ("the past", "early", "last", "nearly") are inside, prepositions
("on", "in", "since") are not. A handler answers None to reject a match (a bare "May"
that is a modal verb, a number that is not a year).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from . import normalise as nz
from .lexicon import lexicon, number_value

#: (type, value, anchoring): anchoring is "abs" (needs no anchor), "rel" (read against
#: the article's date) or "text" (read against an earlier expression in the text).
Result = tuple[str, str, str]


@dataclass
class Context:
    """What a handler may read besides its match: the text, the anchor date, the tense
    direction at a character offset, and the last quarter the text named."""

    text: str
    anchor: date | None
    direction: Callable[[int], int] = lambda _: 0
    last_quarter: str | None = None
    last_date: str | None = None
    last_period: str | None = None
    extras: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern
    handler: Callable[[re.Match, Context], Result | None]


_YEAR = r"(?:1[6-9]|20)\d\d"
_MONTH_PREPS = {"in", "since", "until", "till", "by", "through", "of", "from", "to", "before",
                "after", "during", "last", "next", "this", "early", "late", "mid", "between", "and", "the"}


def _words(kind: str) -> str:
    return f"(?i:{lexicon().alternation(kind)})"


def _month(name: str) -> int:
    return int(lexicon().get("month", name.rstrip(".")))


def _unit(name: str) -> str:
    return lexicon().get("unit", name.lower())


def _prev_word(ctx: Context, start: int) -> str:
    before = ctx.text[max(0, start - 20):start].split()
    return before[-1].lower().strip("-,(") if before else ""


def _direction(ctx: Context, m: re.Match) -> int:
    return ctx.direction(m.start())


# --- handlers -------------------------------------------------------------------------


def h_iso(m: re.Match, ctx: Context) -> Result | None:
    try:
        day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return "DATE", day.isoformat(), "abs"


def h_month_day(m: re.Match, ctx: Context) -> Result | None:
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    year = int(m["year"]) if m["year"] else None
    value = nz.month_value(_month(m["mon"]), ctx.anchor, _direction(ctx, m), day=day, year=year)
    if value is None:
        return None
    return "DATE", value, "abs" if year else "rel"


@cache
def _abbreviated() -> frozenset[str]:
    """Month names in short ("Jan", "Sept"): every month phrase of the lexicon but the
    longest of its month."""
    by_month: dict[str, list[str]] = {}
    for phrase, value in lexicon().tables["month"].items():
        by_month.setdefault(value, []).append(phrase)
    return frozenset(p for phrases in by_month.values() for p in phrases if p != max(phrases, key=len))


def h_month(m: re.Match, ctx: Context) -> Result | None:
    name = m["mon"].rstrip(".").lower()
    year = int(m["year"]) if m["year"] else None
    if m["yrel"] and ctx.anchor:
        year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
    bare = not (year or m["rel"] or m["mod"])
    if (name in _abbreviated() and not year) or (
            bare and name in ("may", "march") and _prev_word(ctx, m.start()) not in _MONTH_PREPS):
        return None
    month = _month(name)
    if year:
        return "DATE", f"{year:04d}-{month:02d}", "abs" if m["year"] else "rel"
    rel = " ".join((m["rel"] or "").lower().split())
    if rel in ("last", "this past"):
        return "DATE", nz.relative_month(month, ctx.anchor, -1), "rel"
    if rel in ("next", "this coming"):
        return "DATE", nz.relative_month(month, ctx.anchor, 1), "rel"
    if rel == "this":
        return "DATE", nz.relative_month(month, ctx.anchor, 0), "rel"
    return "DATE", nz.month_value(month, ctx.anchor, _direction(ctx, m)), "rel"


def h_weekday(m: re.Match, ctx: Context) -> Result | None:
    if m["mon"]:
        inner = h_month_day(m, ctx)
        if inner is None:
            return None
        value, anchoring = inner[1], inner[2]
    else:
        weekday = int(lexicon().get("weekday", m["wd"]))
        rel = " ".join((m["rel"] or "").lower().split())
        direction = {"last": -1, "this past": -1, "the previous": -1, "next": 1, "this coming": 1,
                     "the following": 1}.get(rel, _direction(ctx, m))
        value, anchoring = nz.weekday_value(weekday, ctx.anchor, direction), "rel"
        if rel in ("last", "next", "the previous", "the following") and ctx.anchor and value == ctx.anchor.isoformat():
            value = nz.shift(ctx.anchor, "D", 7 * direction)
    if m["part"]:
        return "TIME", f"{value}T{lexicon().get('part', m['part'])}", anchoring
    return "DATE", value, anchoring


def h_relday(m: re.Match, ctx: Context) -> Result | None:
    word = " ".join(m["word"].lower().split())
    offset = {"the day before yesterday": -2, "the day after tomorrow": 2}.get(word)
    if offset is None:
        offset = int(lexicon().get("relday", word))
    value = nz.shift(ctx.anchor, "D", offset)
    part = m["part"] and lexicon().get("part", m["part"])
    if word == "tonight":
        part = "NI"
    if part:
        return "TIME", f"{value}T{part}", "rel"
    return "DATE", value, "rel"


def h_day_part(m: re.Match, ctx: Context) -> Result | None:
    rel = " ".join(m["rel"].lower().split())
    offset = -1 if rel == "last" else 0
    part = lexicon().get("part", m["part"])
    return "TIME", f"{nz.shift(ctx.anchor, 'D', offset)}T{part}", "rel"


def _day_of(m: re.Match, ctx: Context) -> str:
    if m["rd"]:
        return nz.shift(ctx.anchor, "D", int(lexicon().get("relday", m["rd"].lower())))
    if m["wd"]:
        weekday = int(lexicon().get("weekday", m["wd"]))
        return nz.weekday_value(weekday, ctx.anchor, _direction(ctx, m))
    return nz.shift(ctx.anchor, "D", 0)


def h_clock(m: re.Match, ctx: Context) -> Result | None:
    hour = int(m["h"])
    minute = int(m["min"]) if m["min"] else None
    if not 1 <= hour <= 12:
        return None
    meridiem = m["mer"].lower()
    if meridiem.startswith("in"):  # "4 in the morning", "6 in the evening"
        meridiem = "a.m." if meridiem.endswith("morning") else "p.m."
    hour = nz.to_24h(hour, None if meridiem == "o'clock" else meridiem)
    return "TIME", nz.clock_value(_day_of(m, ctx), hour, minute), "rel"


def h_noon(m: re.Match, ctx: Context) -> Result | None:
    part = lexicon().get("part", m["part"])
    return "TIME", f"{_day_of(m, ctx)}T{part}", "rel"


def h_year(m: re.Match, ctx: Context) -> Result | None:
    after = ctx.text[m.end():m.end() + 12].lower()
    before = ctx.text[max(0, m.start() - 2):m.start()]
    if re.match(r"\s*(%|percent|per\s+cent|\.\d|,\d)", after) or re.search(r"[$£€#]\s*$", before):
        return None
    year = int(m["year"])
    half = (m["half"] or "").lower()
    if half:
        return "DATE", f"{year:04d}-{'H1' if 'first' in half else 'H2'}", "abs"
    if m["season"]:
        return "DATE", f"{year:04d}-{lexicon().get('season', m['season'])}", "abs"
    return "DATE", f"{year:04d}", "abs"


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


def h_decade(m: re.Match, ctx: Context) -> Result | None:
    if m["cent"]:
        return "DATE", nz.decade_value(int(m["cent"]) * 10), "abs"
    if m["yy"]:
        return "DATE", nz.decade_value(nz.expand_two_digit_year(int(m["yy"]) * 10, ctx.anchor)), "abs"
    if not m["the"]:
        return None
    return "DATE", f"19{_DECADE_WORDS[m['word'].lower()]}", "abs"


def h_ref(m: re.Match, ctx: Context) -> Result | None:
    return "DATE", lexicon().get("ref", m[0]), "rel"


def h_set_word(m: re.Match, ctx: Context) -> Result | None:
    return "SET", lexicon().get("set", m[0]), "abs"


def h_every(m: re.Match, ctx: Context) -> Result | None:
    quant = m["q"].lower()
    if quant in ("a", "an"):
        before = ctx.text[max(0, m.start() - 25):m.start()].lower()
        if not re.search(r"(\d|million|billion|percent|%|times|once|twice|dollars?|cents?)\W*$", before):
            return None
    count = number_value(m["n"]) if m["n"] else 1
    if count is None:
        return None
    return "SET", nz.duration(count, _unit(m["unit"])), "abs"


_REL_SHIFT = {"the past": -1, "the last": -1, "the next": 1, "the coming": 1, "this": 0, "current": 0, "the current": 0, "last": -1, "next": 1, "coming": 1,
              "the previous": -1, "the following": 1, "previous": -1, "the latest": 0,
              "earlier this": 0, "later this": 0, "early this": 0, "late this": 0,
              "early next": 1, "late next": 1, "early last": -1, "late last": -1,
              "the end of the": 0, "the end of this": 0, "the end of last": -1,
              "the beginning of the": 0, "the start of the": 0, "this past": -1,
              "this coming": 1, "the same": None}


def h_rel_unit(m: re.Match, ctx: Context) -> Result | None:
    rel = " ".join(m["rel"].lower().split())
    unit = _unit(m["unit"].split()[-1])
    if rel == "past":
        return "DURATION", nz.duration(1, unit), "abs"
    offset = _REL_SHIFT.get(rel)
    if offset is None or unit in ("TS", "TM", "TH"):
        return None
    if rel in ("the previous", "the following", "previous") and ctx.last_date:
        return "DATE", nz.shift_value(ctx.last_date, unit, offset), "text"
    if unit == "D":
        return None
    if unit == "Q" and rel == "the latest":
        return "DATE", nz.shift(ctx.anchor, "Q", -1), "rel"
    return "DATE", nz.shift(ctx.anchor, unit, offset), "rel"


def h_quarter(m: re.Match, ctx: Context) -> Result | None:
    number = int(lexicon().get("ordinal", m["ord"]))
    year = int(m["year"] or m["year2"]) if (m["year"] or m["year2"]) else None
    owner = " ".join((m["the"] or "").lower().split())
    if m["kind"].lower() == "half":
        if number > 2:
            return None
        base = year or (ctx.anchor.year if ctx.anchor else None)
        return "DATE", f"{base if base else 'XXXX'}-H{number}", "abs" if year else "rel"
    if number > 4:
        return None
    if year is None and owner in ("last year's",) and ctx.anchor:
        year = ctx.anchor.year - 1
    elif year is None and owner in ("this year's",) and ctx.anchor:
        year = ctx.anchor.year
    value = nz.quarter_value(number, ctx.anchor, min(_direction(ctx, m), 0), year)
    return "DATE", value, "abs" if year else "rel"


def h_the_quarter(m: re.Match, ctx: Context) -> Result | None:
    """"the quarter" is the one the text last named; "the latest quarter" the last one
    completed before the anchor."""
    if m["latest"] or not ctx.last_quarter:
        return "DATE", nz.shift(ctx.anchor, "Q", -1), "rel"
    return "DATE", ctx.last_quarter, "text"


def h_year_ago(m: re.Match, ctx: Context) -> Result | None:
    """"the year-earlier quarter", "a year ago": a year before the quarter or year the
    text last named, else the year before the anchor's."""
    if ctx.last_period:
        year = int(ctx.last_period[:4]) - 1
        return "DATE", f"{year:04d}{ctx.last_period[4:]}", "text"
    return "DATE", nz.shift(ctx.anchor, "Y", -1), "rel"


def h_ago(m: re.Match, ctx: Context) -> Result | None:
    count = number_value(m["n"])
    unit = _unit(m["unit"])
    if count is None or unit in ("WE",):
        return None
    direction = m["dir"].lower()
    sign = 1 if direction in ("later", "from now", "hence") else -1
    if count == 1 and unit == "Y" and direction in ("ago", "earlier"):
        return h_year_ago(m, ctx)
    if count == "X":
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "rel"
    if unit in ("TS", "TM", "TH"):
        return "TIME", "PAST_REF" if sign < 0 else "FUTURE_REF", "rel"
    return "DATE", nz.shift(ctx.anchor, unit, sign * count), "rel"


def h_duration(m: re.Match, ctx: Context) -> Result | None:
    count = number_value(m["n"])
    unit = _unit(m["unit"])
    after = ctx.text[m.end():m.end() + 6].lower()
    if count is None or (isinstance(count, int) and count >= 1000) or not _real_duration(m, unit, after):
        return None
    if m["half"] and isinstance(count, int):
        unit = _unit(m["unit"])
        return "DURATION", nz.duration(count, unit).replace(f"{count}", f"{count}.5", 1), "abs"
    return "DURATION", nz.duration(count, _unit(m["unit"])), "abs"


def _real_duration(m: re.Match, unit: str, after: str) -> bool:
    """Not an age ("a 6-year-old", "52 years old"), a fraction ("three-quarters of"),
    or "a second" meaning another."""
    if m[0].lower().endswith("-old") or re.match(r"\s+old\b", after):
        return False
    if unit == "Q" and re.match(r"\s+of\b", after):
        return False
    return not (unit == "TS" and m["n"].lower() in ("a", "an"))


def h_vague_duration(m: re.Match, ctx: Context) -> Result | None:
    return "DURATION", nz.duration(None, _unit(m["unit"])), "abs"


def h_season(m: re.Match, ctx: Context) -> Result | None:
    rel = " ".join((m["rel"] or "").lower().split())
    name = m["season"].lower()
    if not rel and not m["year"] and name in ("fall", "spring"):
        return None
    code = lexicon().get("season", name)
    if m["year"]:
        return "DATE", f"{int(m['year']):04d}-{code}", "abs"
    shift = {"last": -1, "this past": -1, "next": 1, "this coming": 1}.get(rel)
    return "DATE", nz.season_value(code, ctx.anchor, shift), "rel"


def h_holiday(m: re.Match, ctx: Context) -> Result | None:
    parts = lexicon().get("holiday", m["name"]).split("-")
    month = int(parts[0])
    year = int(m["year"]) if m["year"] else None
    if len(parts) == 3:  # a weekday of the month: needs the year first
        if year is None and ctx.anchor is None:
            return "DATE", f"XXXX-{month:02d}-XX", "rel"
        year = year or nz.nearest_year(month, ctx.anchor, _direction(ctx, m))
        nth = None if parts[1] == "L" else int(parts[1])
        day = nz.nth_weekday(year, month, nth, int(parts[2])).day
    else:
        day = int(parts[1])
    value = nz.month_value(month, ctx.anchor, _direction(ctx, m), day=day, year=year)
    return ("DATE", value, "abs" if year else "rel") if value else None


def h_weekend(m: re.Match, ctx: Context) -> Result | None:
    rel = (m["rel"] or "").lower()
    direction = {"last": -1, "next": 1}.get(rel, _direction(ctx, m))
    if rel == "this":
        direction = 1 if not ctx.anchor or ctx.anchor.weekday() < 5 else 0
    return "DATE", nz.weekend_value(ctx.anchor, direction), "rel"


_SPOKEN_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
                "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                "seventy": 70, "eighty": 80, "ninety": 90}


def h_spoken_year(m: re.Match, ctx: Context) -> Result | None:
    """Years said aloud in broadcast transcripts: "nineteen ninety-six", "two thousand"."""
    if m["thousand"]:
        rest = number_value(m["rest"]) if m["rest"] else 0
        return ("DATE", f"{2000 + rest:04d}", "abs") if isinstance(rest, int) else None
    century = _SPOKEN_TENS[m["century"].lower()]
    tens = m["tens"].lower().replace(" ", "-")
    head, _, unit = tens.partition("-")
    value = _SPOKEN_TENS.get(head, 0) + (int(lexicon().get("number", unit)) if unit else 0)
    year = century * 100 + value
    if m["season"]:
        return "DATE", f"{year}-{lexicon().get('season', m['season'])}", "abs"
    return "DATE", f"{year:04d}", "abs"


def h_century(m: re.Match, ctx: Context) -> Result | None:
    """"the 20th century" is ``19``: TIMEX3 writes a century as its first two digits."""
    number = int(m["n"])
    return ("DATE", f"{number - 1:02d}", "abs") if 1 <= number <= 21 else None


def h_the_year(m: re.Match, ctx: Context) -> Result | None:
    """"the year" on its own, in news, is the year being reported: the anchor's; "the
    year ended March 31" is a fiscal year, a stretch of one year."""
    if re.match(r"\s+(ended|ending|to)\b", ctx.text[m.end():m.end() + 8]):
        return "DURATION", "P1Y", "abs"
    return "DATE", nz.shift(ctx.anchor, "Y", 0), "rel"
