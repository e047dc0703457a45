"""Where a name can and cannot run: the small model often joins a name to what follows it in
tables and lists ("Durham 114", "Scott Draper ( Australia", "Yorkshire at Headingley",
"Oval , Surrey", "ATHLETICS - MITCHELL"). A name never contains a number, a bracket, a
colon, a comma or a spaced dash, and its only lower-case words are the particles of names
("Bank of England", "Gazzetta dello Sport", "Chester-le-Street"); a span is cut at anything
else and each piece is a name of its own.

Also here: the words news puts before a name that are not part of it in the CoNLL-2003
convention (nationality adjectives, months and weekdays: "American Dennis Mitchell",
"August Chicago NAPM").
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from ...knowledge import time_words, word_list
from ...knowledge.actors import demonym_country


def particles() -> frozenset[str]:
    """Lower-case words that can sit inside a name (``data/name_particles.tsv``)."""
    return word_list("name_particles.tsv")


#: Tokens that end a name wherever they stand.
BREAKS = frozenset({"(", ")", "[", "]", "{", "}", ":", ";", ",", "--", "\u2014", "\u2013", '"',
                    "/", "|", "+", "=", "*", "!", "?", "@", "#"})
_NUMBER = re.compile(r"^[+\-]?[\d][\d.,:/\-]*$|^[\d.,]+(?:st|nd|rd|th)$")
@cache
def months_and_days() -> frozenset[str]:
    """Month and weekday names (``time_words.tsv``), which may open a name's span ("August
    Chicago NAPM") but are no part of it; not "may", a name too ("Theresa May")."""
    return (frozenset(time_words("month")) | frozenset(time_words("weekday"))) - {"may"}




def hyphenated_syllable(doc: Doc, i: int) -> bool:
    """A lower-case syllable joined by a hyphen to a capitalised one, with no space: the end of
    an East Asian given name ("Lai Ching-te", "Kim Jong-un", "Moon Jae-in")."""
    return (i >= 2 and doc[i].is_lower and doc[i].is_alpha and doc[i - 1].text == "-"
            and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ and doc[i - 2].is_title)


def _breaks_at(doc: Doc, i: int) -> bool:
    """Token ``i`` cannot be inside a name."""
    if hyphenated_syllable(doc, i):
        return False
    token = doc[i]
    text = token.text
    if text in BREAKS or _NUMBER.match(text):
        return True
    if text in {"-", "\u2010"}:  # a spaced dash breaks; a hyphen inside a word does not
        return bool(token.whitespace_) or (i > 0 and bool(doc[i - 1].whitespace_))
    return token.is_alpha and token.is_lower and text not in particles()


def pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of ``[start, end)`` between tokens no name can contain."""
    out: list[tuple[int, int]] = []
    piece_start = start
    for i in range(start, end):
        if _breaks_at(doc, i):
            if i > piece_start:
                out.append((piece_start, i))
            piece_start = i + 1
    if end > piece_start:
        out.append((piece_start, end))
    return out


def drop_leading_modifiers(doc: Doc, start: int, end: int, label: str) -> int:
    """Skip a month or weekday before any name, and a nationality word before a person's
    name ("American Dennis Mitchell"): news conventions, not part of the name."""
    while end - start > 1:
        word = doc[start].lower_
        month = word in months_and_days() and doc[start + 1].text[:1].isupper()
        nationality = label == "PERSON" and not doc[start].is_upper and demonym_country(word) is not None
        if not (month or nationality):
            break
        start += 1
    return start
