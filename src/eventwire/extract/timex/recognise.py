"""Finding time expressions in a text: every rule's matches, longest leftmost first.

``recognise(ctx)`` runs every rule over the whole text, keeps the matches their handlers
accept, picks non-overlapping ones (longest first, then rule order) and evaluates them
in text order, so an expression read against the text ("the year-earlier quarter") sees
the quarter named before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from . import rules as r
from .lexicon import month_pattern, number_pattern

_B = r"(?<![\w$£€'-])"
_E = r"(?![\w])"


@dataclass(frozen=True)
class Found:
    """One time expression: character offsets, TIMEX3 type and value, and anchoring."""

    start: int
    end: int
    type: str
    value: str
    anchoring: str


class Pieces(NamedTuple):
    mon: str
    wd: str
    num: str
    unit: str
    year: str
    part: str
    day: str
    approx: str


@cache
def _pieces() -> Pieces:
    """Regex pieces the rules share: month, weekday, count, unit, year, part of day, day, approx."""
    mon = f"(?:{month_pattern()})"
    wd = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    num = f"(?i:{number_pattern()})"
    unit = r._words("unit")
    year = r._YEAR
    part = "(?i:morning|afternoon|evening|night)"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    approx = (r"(?i:about|around|nearly|almost|more\s+than|over|some|at\s+least|roughly|"
              r"approximately|less\s+than|up\s+to|only|just|another|an\s+additional|under)")
    return Pieces(mon, wd, num, unit, year, part, day, approx)


def _calendar_patterns() -> list[tuple[str, str, object]]:
    """Absolute and calendar expressions: dates, months, weekdays, clock times, years."""
    p = _pieces()
    return [
        ("iso", r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)", r.h_iso),
        ("month_day", rf"(?P<mon>{p.mon})\s+{p.day}(?:,?\s+(?P<year>{p.year}))?", r.h_month_day),
        ("day_month", rf"{p.day}\s+(?:of\s+)?(?P<mon>{p.mon})(?:,?\s+(?P<year>{p.year}))?", r.h_month_day),
        ("month", (
            rf"(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this))\s+|"
            rf"(?P<mod>(?i:early-|late-|early|late|mid-|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|"
            rf"the\s+start\s+of))\s*)?(?P<mon>{p.mon})(?:,?\s+(?:of\s+)?(?P<year>{p.year})|"
            rf"\s+(?P<yrel>(?i:last|this|next))\s+(?i:year))?"
        ), r.h_month),
        ("weekday", (
            rf"(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|the\s+previous|the\s+following|this|early|late))\s+)?(?P<wd>{p.wd})"
            rf"(?:\s+(?P<part>{p.part}))?(?:,?\s+(?P<mon>{p.mon})\s+{p.day}(?:,?\s+(?P<year>{p.year}))?)?"
        ), r.h_weekday),
        ("relday", (
            rf"(?P<word>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|"
            rf"yesterday|tomorrow|tonight))(?:\s+(?P<part>{p.part}))?"
        ), r.h_relday),
        ("day_part", (
            rf"(?P<rel>(?i:this|last|early\s+this|late\s+this|later\s+this|earlier\s+this))\s+"
            rf"(?P<part>{p.part})"
        ), r.h_day_part),
        ("clock", (
            rf"(?P<h>[01]?\d)(?::(?P<min>[0-5]\d))?\s*(?P<mer>(?i:a\.m\.|p\.m\.|a\.m|p\.m|am|pm|o'clock|in\s+the\s+(?:morning|afternoon|evening)))"
            rf"(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC))?(?:\s+(?P<rd>(?i:today|yesterday|tomorrow))|"
            rf"\s+(?P<wd>{p.wd}))?"
        ), r.h_clock),
        ("noon", (
            rf"(?P<part>(?i:noon|midday|midnight))(?:\s+(?P<rd>(?i:today|yesterday|tomorrow))|"
            rf"\s+(?P<wd>{p.wd}))?"
        ), r.h_noon),
        ("year", (
            rf"(?:(?P<half>(?i:the\s+)?(?i:first|second|last)\s+half\s+of)\s+|"
            rf"(?P<season>(?i:spring|summer|fall|autumn|winter))\s+(?:of\s+)?|"
            rf"(?P<mod>(?i:fiscal|calendar|early|late|mid-|mid|the\s+end\s+of|the\s+beginning\s+of|"
            rf"the\s+start\s+of|the\s+middle\s+of|the\s+year))\s*)?(?P<year>{p.year})(?!\s*-\s*\d)"
        ), r.h_year),
        ("decade", (
            r"(?:(?P<the>(?i:the))\s+)?(?:(?i:early|late|mid)[-\s]*)?(?:(?P<cent>(?:1[6-9]|20)\d)0s|"
            r"'(?P<yy>\d)0s|(?P<word>(?i:twenties|thirties|forties|fifties|sixties|seventies|"
            r"eighties|nineties)))"
        ), r.h_decade),
    ]


def _relative_patterns() -> list[tuple[str, str, object]]:
    """Expressions read against the anchor or the text: refs, sets, ago, quarters, this/last/next."""
    p = _pieces()
    return [
        ("ref", r._words("ref"), r.h_ref),
        ("set_word", r._words("set"), r.h_set_word),
        ("every", rf"(?P<q>(?i:every|each|per|a|an))\s+(?:(?P<n>{p.num})\s+)?(?P<unit>{p.unit})", r.h_every),
        ("year_ago", (
            r"(?i:(?:the\s+)?year-(?:earlier|ago)(?:\s+(?:quarter|period))?|a\s+year\s+earlier|"
            r"(?:the\s+)?(?:quarter|period)\s+a\s+year\s+(?:earlier|ago))"
        ), r.h_year_ago),
        ("ago", rf"(?:{p.approx}\s+)?(?P<n>{p.num})\s+(?P<unit>{p.unit})\s+(?P<dir>(?i:ago|from\s+now|hence))",
         r.h_ago),
        ("quarter", (
            rf"(?:(?P<the>(?i:the|this\s+year's|last\s+year's|fiscal|the\s+fiscal))\s+)?"
            rf"(?:(?P<year2>{p.year})\s+)?"
            rf"(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[-\s]+(?P<kind>(?i:quarter|half))"
            rf"(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?(?P<year>{p.year}))?"
        ), r.h_quarter),
        ("the_quarter", (
            r"(?i:the\s+(?P<latest>latest|most\s+recent|just-ended|just\s+ended|recent)\s+(?:quarter|period)|"
            r"the\s+quarter)"
        ), r.h_the_quarter),
        ("rel_unit", (
            r"(?P<rel>(?i:the\s+end\s+of\s+(?:the|this|last)|the\s+beginning\s+of\s+the|"
            r"the\s+start\s+of\s+the|earlier\s+this|later\s+this|early\s+this|late\s+this|"
            r"early\s+next|late\s+next|early\s+last|late\s+last|this\s+past|this\s+coming|"
            r"the\s+(?:current|previous|past|last|next|coming|following|latest)|this|last|next|current|"
            r"coming))\s+(?P<unit>(?i:week|weekend|month|quarter|year|decade|century|fiscal\s+year))"
        ), r.h_rel_unit),
    ]


def _stretch_patterns() -> list[tuple[str, str, object]]:
    """Durations, seasons, weekends, spoken years, centuries and holidays."""
    p = _pieces()
    return [
        ("duration", (
            rf"(?:(?i:the)\s+)?(?:(?i:past|last|next|first|coming|previous|final|following|"
            rf"remaining|latest|prior|ensuing)\s+)?(?:{p.approx}\s+)?(?P<n>{p.num})(?P<half>\s+and\s+a\s+half)?"
            rf"(?:\s+(?i:more|additional|straight|consecutive|full|trading|business))?[-\s]+(?P<unit>{p.unit})(?:-(?i:long|old))?"
        ), r.h_duration),
        ("vague_duration", (
            r"(?:(?i:for|in|within|over|after|during|of|the)\s+)(?P<span>(?:(?i:recent|"
            r"the\s+past|the\s+last|the\s+next|the\s+coming|coming|several|many|a\s+few|few)\s+)?"
            r"(?P<unit>(?i:minutes|hours|days|weeks|months|years|decades|centuries)))"
        ), r.h_vague_duration),
        ("season", (
            rf"(?:(?P<rel>(?i:this\s+past|this\s+coming|this|last|next|early|late|the|mid-))\s*)?"
            rf"(?P<season>(?i:spring|summer|fall|autumn|winter))(?:\s+(?:of\s+)?(?P<year>{p.year}))?"
        ), r.h_season),
        ("weekend", r"(?:(?P<rel>(?i:last|next|this))|(?i:the))\s+(?i:weekend)", r.h_weekend),
        ("spoken_year", (
            rf"(?:(?P<season>(?i:spring|summer|fall|autumn|winter))\s+of\s+)?(?i:the\s+year\s+"
            rf"(?P<thousand>two\s+thousand)(?:\s+(?:and\s+)?(?P<rest>{number_pattern()}))?|"
            rf"(?P<century>nineteen|eighteen)[-\s]+(?P<tens>(?:twenty|thirty|forty|fifty|sixty|seventy|"
            rf"eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|"
            rf"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))"
        ), r.h_spoken_year),
        ("the_year", r"(?i:the\s+(?:full\s+|fiscal\s+|calendar\s+)?year)(?![-\s]+(?:earlier|ago|before|after))",
         r.h_the_year),
        ("century", r"(?:(?i:the)\s+)?(?P<n>[12]?\d)(?:st|nd|rd|th)\s+(?i:century)", r.h_century),
        ("holiday", rf"(?P<name>{r._words('holiday')})(?:,?\s+(?P<year>{p.year}))?", r.h_holiday),
    ]


def _patterns() -> list[tuple[str, str, object]]:
    """Every rule in priority order (earlier wins a tie on span length)."""
    return _calendar_patterns() + _relative_patterns() + _stretch_patterns()


@cache
def compiled_rules() -> tuple[r.Rule, ...]:
    """The rules with their expressions compiled once, word boundaries on both sides."""
    return tuple(r.Rule(name, re.compile(_B + pattern + _E), handler)
                 for name, pattern, handler in _patterns())


def _bounds(m: re.Match) -> tuple[int, int]:
    if "span" in m.re.groupindex and m["span"] is not None:
        return m.start("span"), m.end("span")
    return m.start(), m.end()


def _candidates(ctx: r.Context) -> list[tuple[int, int, int, r.Rule, re.Match]]:
    found = []
    for order, rule in enumerate(compiled_rules()):
        for m in rule.regex.finditer(ctx.text):
            if rule.handler(m, r.Context(ctx.text, ctx.anchor, ctx.direction)) is not None:
                start, end = _bounds(m)
                found.append((start, end, order, rule, m))
    return found


def recognise(ctx: r.Context) -> list[Found]:
    """Every time expression in ``ctx.text``, in text order, non-overlapping."""
    candidates = sorted(_candidates(ctx), key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken: list[tuple[int, int, r.Rule, re.Match]] = []
    for start, end, _, rule, m in candidates:
        if all(end <= s or start >= e for s, e, _, _ in taken):
            taken.append((start, end, rule, m))
    found = []
    for start, end, rule, m in sorted(taken, key=lambda t: t[0]):
        result = rule.handler(m, ctx)
        if result is None:
            continue
        kind, value, anchoring = result
        found.append(Found(start, end, kind, value, anchoring))
        if rule.name == "quarter" and re.fullmatch(r"\d{4}-Q\d", value):
            ctx.last_quarter = value
        if rule.name != "year_ago" and kind == "DATE" and re.fullmatch(r"\d{4}(-Q\d)?", value):
            ctx.last_period = value
        if kind == "DATE" and re.fullmatch(r"\d{4}(-\d\d){0,2}", value):
            ctx.last_date = value
    return found
