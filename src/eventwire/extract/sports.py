"""The ``sports`` component: a sports report's layout, read before the actors.

A report is a sports report when a line starts with a sport's name as a wire kicker
("SOCCER - ...", "Boxing-Bruno quits") or when sports words, score lines ("2-1") and table
rows are dense in it (``data/sports_words.tsv``); it is a "team" or a "solo" report by its
kicker's sport. The component sets ``ann.sport`` to that kind (None for other news) and, in
a sports report, ``ann.table_names`` to the competitors its result tables name, as (start
token, end token, label): standings ("Wigan 4 3 1 0 9 4 10"), results ("Pohang 3 Ulsan 2"),
fixtures ("HOUSTON AT PITTSBURGH", "Birmingham v Barnsley") and scorecards, read line by line
with regular expressions over the text. The actors component takes those names as they are
and treats places named as competitors as teams (``actors/teams.py``); the events component
codes no sport result as a political event.

Without this component in the pipeline every article is read as ordinary news.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from ..knowledge import gazetteer, name_key
from ..knowledge.actors import demonym_country, sports_words
from ..knowledge.countries import country_code
from ..nlp import Annotated
from ..registry import components

_WORD = r"[A-Z][A-Za-z'.&]*(?:-[A-Za-z'.&]+)*"
_NAME = rf"{_WORD}(?: {_WORD}){{0,3}}"
_NUM = r"[\d.][\d.,:/-]*"
_SCORE = re.compile(r"(?<![\d.,/$-])\d{1,3}-\d{1,3}(?![\d.,/%-])")
_STANDING = re.compile(rf"^(?P<a>{_NAME})(?: +(?:{_NUM}|-)){{3,}}[ \t]*$", re.MULTILINE)
_RESULT = re.compile(
    rf"^(?P<a>{_NAME})(?: *\( *(?P<ca>{_NAME}) *\))? +\d+ +(?P<b>{_NAME})(?: *\( *(?P<cb>{_NAME}) *\))? +\d+\b",
    re.MULTILINE)
_FIXTURE = re.compile(rf"^(?P<a>{_NAME}) +(?:v|vs\.?|V) +(?P<b>{_NAME})[ \t]*(?:\(|$)", re.MULTILINE)
#: "HOUSTON AT PITTSBURGH": the visitors, then the home city (a place).
_HOME = re.compile(rf"^(?P<a>{_NAME}) +(?:AT|at) +(?P<b>{_NAME})[ \t]*$", re.MULTILINE)
_BRACKETED = re.compile(rf"(?P<a>{_NAME}) *\( *(?P<c>{_NAME}) *\)")
_SCORER = re.compile(rf"(?P<a>{_NAME}) *\( *\d+(?:st|nd|rd|th)\b")
_DISMISSAL = re.compile(rf"(?<= )(?:c|st|b|c & b) +(?P<a>{_NAME})")
_BATTER = re.compile(rf"^(?P<a>{_NAME}) +(?:c|st|b|lbw|run out|not out|retired)\b", re.MULTILINE)
_BOWLER = re.compile(rf"(?P<a>{_NAME}) +\d+(?:\.\d)?-\d+-\d+-\d+")
#: An initial ("S." in "S. Law"): a name holding one is a person's.
INITIAL = re.compile(r"^[A-Z]\.$")
#: "Portsmouth : Middlesex 199 ...", "At Chesterfield : ...", "London ( The Oval ) : ...".
_VENUE = re.compile(rf"^(?:At +)?(?P<a>{_NAME})(?: *\( *(?P<c>{_NAME}) *\))? *:", re.MULTILINE)


@cache
def _vocabulary() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str], frozenset[str], frozenset[str]]:
    words = sports_words()
    sports = sorted((w for w, k in words.items() if "sport" in k), key=len, reverse=True)
    cues = sorted((w for w, k in words.items() if k & {"sport", "cue"}), key=len, reverse=True)
    kicker = re.compile(r"^(" + "|".join(map(re.escape, sports)) + r")(?: +[A-Za-z]+){0,2} *-",
                        re.IGNORECASE | re.MULTILINE)
    cue = re.compile(r"\b(?:" + "|".join(map(re.escape, cues)) + r")\b", re.IGNORECASE)
    team_nouns = frozenset(w for w, k in words.items() if "team" in k)
    solo = frozenset(w for w, k in words.items() if "solo" in k)
    return kicker, cue, frozenset(sports), team_nouns, solo


def sports_kind(text: str) -> str | None:
    """"team" or "solo" for a sports report (by its kicker's sport, "team" when only the
    density of sports words tells), None for other news. A report is a sports report with a
    sport kicker line, or with sports words, scores and table rows at two or more in a
    hundred words (and at least four)."""
    kicker, cue, _, _, solo = _vocabulary()
    match = kicker.search(text)
    if match:
        return "solo" if match.group(1).lower() in solo else "team"
    signals = len(cue.findall(text)) + len(_SCORE.findall(text)) + len(_STANDING.findall(text))
    return "team" if signals >= 4 and signals * 100 >= 2 * max(1, len(text.split())) else None


def is_sport_name(text: str) -> bool:
    """A sport's own name ("CRICKET" in a kicker line): no competitor."""
    return text.lower() in _vocabulary()[2]


def team_nouns() -> frozenset[str]:
    """Words that follow a team's home in its name or description ("the Moscow club")."""
    return _vocabulary()[3]


def _name_label(doc: Doc, start: int, end: int) -> str | None:
    """A competitor's label in a table row: a country is the place (its national team), a
    name with an initial is a person, anything else is a team."""
    text = doc[start:end].text
    key = name_key(text)
    if country_code(key) or demonym_country(key):
        return "GPE"
    if any(INITIAL.match(t.text) for t in doc[start:end]) or doc[start].is_lower:
        return None
    return "ORG"


def _span(doc: Doc, start_char: int, end_char: int) -> tuple[int, int] | None:
    span = doc.char_span(start_char, end_char, alignment_mode="contract")
    return (span.start, span.end) if span is not None and len(span) else None


def _country(doc: Doc, start: int, end: int) -> str | None:
    key = name_key(doc[start:end].text)
    return "GPE" if country_code(key) else None


def _person(doc: Doc, start: int, end: int) -> str | None:
    return "PERSON" if end - start >= 2 or INITIAL.match(doc[start].text) else None


def _venue(doc: Doc, start: int, end: int) -> str | None:
    """A line that opens with a known place and a colon names the ground."""
    return "GPE" if gazetteer.lookup(doc[start:end].text) is not None else None


def _competitor(doc: Doc, start: int, end: int) -> str | None:
    """A name of two words or more before a country in brackets is an athlete ("Leah Pells
    ( Canada )"); before anything else in brackets ("World Boxing Council ( WBC )") it is
    left to the other rules."""
    close = next((i for i in range(end + 1, min(end + 6, len(doc))) if doc[i].text == ")"), None)
    if end >= len(doc) or doc[end].text != "(" or close is None:
        return None
    return _person(doc, start, end) if _country(doc, end + 1, close) else None


#: (pattern, how each named group is labelled), most specific first: a result line names
#: teams, a bracketed country after a name names an athlete's country, a scorecard line a
#: player ("S. Law c Tillekeratne b Dharmasena 13", "McGrath 9.5-0-44-1").
_ROWS = (
    (_VENUE, {"a": _venue, "c": lambda doc, s, e: "GPE"}),
    (_RESULT, {"a": _name_label, "b": _name_label, "ca": _country, "cb": _country}),
    (_FIXTURE, {"a": _name_label, "b": _name_label}),
    (_HOME, {"a": _name_label, "b": lambda doc, s, e: "GPE"}),
    (_BRACKETED, {"a": _competitor, "c": _country}),
    (_SCORER, {"a": _person}),
    (_DISMISSAL, {"a": lambda doc, s, e: "PERSON"}),
    (_BATTER, {"a": lambda doc, s, e: "PERSON"}),
    (_BOWLER, {"a": lambda doc, s, e: "PERSON"}),
    (_STANDING, {"a": _name_label}),
)


def table_names(doc: Doc, text: str | None = None) -> list[tuple[int, int, str]]:
    """Competitors named in result, fixture, standings and scorecard lines, as (start, end,
    label); the first pattern to claim a token wins."""
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    text = doc.text if text is None else text
    for pattern, groups in _ROWS:
        for match in pattern.finditer(text):
            for group, label_of in groups.items():
                if match.start(group) < 0:
                    continue
                span = _span(doc, match.start(group), match.end(group))
                if span is None or taken.intersection(range(*span)):
                    continue
                label = label_of(doc, *span)
                if label:
                    found.append((span[0], span[1], label))
                    taken.update(range(*span))
    return found


@components.register("sports")
class SportsComponent:
    """Tells a sports report and the competitors its tables name: fills ``ann.sport`` and
    ``ann.table_names``."""

    name = "sports"
    requires: tuple[str, ...] = ("doc",)
    assigns: tuple[str, ...] = ("sport", "table_names")

    def __call__(self, ann: Annotated) -> None:
        ann.sport = sports_kind(ann.text)
        ann.table_names = table_names(ann.doc, ann.text) if ann.sport else []
