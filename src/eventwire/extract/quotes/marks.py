"""Quoted regions: the stretches of text between quotation marks, found without the parse.

News quotes are marked with straight (") or curly (“ ”) double marks, « » in some copy, and
single curly marks (‘ ’) in headlines and for quotes inside quotes; two single marks (‘‘ ’’)
stand for a double one. A quote may run over
several sentences, and over several paragraphs: by convention a paragraph that continues a
quote leaves its closing mark off and the next paragraph opens with a mark again.

Input is often broken: marks that never close, stray closing marks, a whole article in one
quote. A region never reaches past its paragraph (or ``MAX_PARAGRAPHS`` paragraphs for a
continued quote), and every repair is reported as a warning in words a user understands.
The scan is one pass over the marks, so it runs in time linear in the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

#: How many paragraphs one continued quote may span before it is cut.
MAX_PARAGRAPHS = 5

OPENING = frozenset({"“", "«", "„", "‘‘"})
STRAIGHT = frozenset({'"', "''"})  # '' is the double mark of some wire and NYT copy
#: Two single curly marks (‘‘ ... ’’) are a double mark too, as some copy and converters write it.
_DOUBLE = re.compile(r"''|‘‘|’’|[\"“”«»„]")
_SINGLE = re.compile(r"[‘’]")


@dataclass(frozen=True)
class QuotedRegion:
    """One quotation: ``start:end`` is the content between the marks (trimmed of spaces).

    ``open`` is the offset of the opening mark; ``close`` of the last character of the closing
    mark, or None when the
    quote was cut at a paragraph end because it never closed. ``paragraphs`` counts the
    paragraphs it covers (more than one for a continued quote).
    """

    start: int
    end: int
    open: int
    close: int | None
    paragraphs: int = 1


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-blank line: a newline is a paragraph break in eventwire."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _snippet(text: str, at: int) -> str:
    words = text[at:at + 60].split()
    return " ".join(words[:6])


class _Scanner:
    """The state of one pass over the double marks of an article."""

    def __init__(self, text: str):
        self.text = text
        self.regions: list[QuotedRegion] = []
        self.warnings: list[str] = []
        self.depth = 0
        self.open_at: int | None = None
        self.open_len = 1
        self.para = self.open_para = 0  # the paragraph being scanned, the one the quote opened in

    def reopens(self, pos: int, char: str) -> bool:
        """Whether a straight mark that would close the open quote opens a new one instead:
        it stands after a finished sentence and a space and before a word ('... to end life.
        "The motive ...'), where a closing mark never stands. The writer left the quote
        before it open; read as a close, every later mark of the paragraph pairs the wrong
        way and its narration becomes quotation."""
        text = self.text
        if char not in STRAIGHT or self.depth == 0 or pos < 2 or pos + len(char) >= len(text):
            return False
        after = text[pos + len(char)]
        return text[pos - 1] == " " and text[pos - 2] in ".!?" and (after.isalnum() or after in "‘'(")

    def mark(self, pos: int, char: str) -> None:
        if self.reopens(pos, char):
            self.warnings.append(
                f"a quotation at character {self.open_at} (\"{_snippet(self.text, (self.open_at or 0) + 1)}\") "
                "is never closed before the next one opens; it was ended there"
            )
            self._emit(pos - 1, closed=False)
        if char in STRAIGHT:
            is_open = self.depth == 0
        elif char in OPENING:
            is_open = True
        else:
            is_open = False
        if is_open:
            if self.depth == 0:
                self.open_at, self.open_len, self.open_para = pos, len(char), self.para
            self.depth += 1
        elif self.depth > 0:
            self.depth -= 1
            if self.depth == 0 and self.open_at is not None:
                self._emit(pos, closed=True, close_len=len(char))
        # a closing mark with nothing open is a stray mark: ignored (counted by the caller)

    def _emit(self, end: int, closed: bool, close_len: int = 1) -> None:
        assert self.open_at is not None
        paras = self.para - self.open_para + 1
        start, stop = _trim(self.text, self.open_at + self.open_len, end)
        if stop > start:
            close = end + close_len - 1 if closed else None
            self.regions.append(QuotedRegion(start, stop, self.open_at, close, paras))
        self.open_at = None
        self.depth = 0


def _opens(text: str, at: int) -> bool:
    """Whether a paragraph starting at ``at`` opens with a double quotation mark."""
    return text[at] in OPENING or text[at] == '"' or text.startswith(("''", "‘‘"), at)


@cache
def _signature() -> re.Pattern[str]:
    """", said Mr Jones." / ", he added." ending a paragraph: the forms of the reporting verbs
    of speech and writing in ``cue_verbs.tsv``."""
    from ...knowledge.cues import cue_verbs

    forms = {"said", "says", "told", "tells", "wrote", "writes"}
    for lemma, kind in cue_verbs().items():
        if kind in ("speech", "written"):
            forms |= {lemma + "s", lemma.removesuffix("e") + "ed"}
    words = "|".join(sorted(forms, key=len, reverse=True))
    return re.compile(
        rf",\s+(?:(?:{words})\s+[^,\"“”]{{1,60}}|[^,\"“”]{{1,60}}?\s+(?:{words}))[.!]?\s*$"
    )


def _signature_at_end(text: str, start: int, end: int) -> int | None:
    """Where a quote left open at a paragraph's end really ended: before a signature
    (", said Mr Jones.") that closes its paragraph, which a writer who forgot the closing mark
    leaves inside it. None when the paragraph ends without one."""
    match = _signature().search(text, start, end)
    return match.start() if match is not None else None


def find_regions(text: str) -> tuple[list[QuotedRegion], list[str]]:
    """The quoted regions of ``text`` in order, and warnings about marks that had to be repaired."""
    paras = paragraphs(text)
    scanner = _Scanner(text)
    marks = [(m.start(), m.group()) for m in _DOUBLE.finditer(text)]
    k = 0
    continued_from: int | None = None  # index of the paragraph a running quote opened in
    for p, (p_start, p_end) in enumerate(paras):
        scanner.para = p
        if continued_from is not None and _opens(text, p_start):
            k += 1  # the paragraph's opening mark continues the running quote
        while k < len(marks) and marks[k][0] < p_end:
            scanner.mark(*marks[k])
            k += 1
            if scanner.depth == 0:
                continued_from = None
        if scanner.depth == 0:
            continued_from = None
            continue
        origin = continued_from if continued_from is not None else p
        nxt = paras[p + 1] if p + 1 < len(paras) else None
        opens_next = nxt is not None and _opens(text, nxt[0])
        if opens_next and p + 1 - origin < MAX_PARAGRAPHS:
            continued_from = origin
            continue
        at = scanner.open_at if scanner.open_at is not None else p_start
        if opens_next:
            scanner.warnings.append(
                f"a quotation starting at character {at} (\"{_snippet(text, at + 1)}\") continues over "
                f"more than {MAX_PARAGRAPHS} paragraphs; it was cut after {MAX_PARAGRAPHS}"
            )
        signed = _signature_at_end(text, at, p_end)
        if not opens_next:
            where = "before the attribution that ends its paragraph" if signed else "at the end of its paragraph"
            scanner.warnings.append(
                f"a quotation mark at character {at} (\"{_snippet(text, at + 1)}\") is never closed; "
                f"the quotation was ended {where}"
            )
        scanner._emit(signed if signed is not None else p_end, closed=False)
        continued_from = None
    regions = scanner.regions + _single_regions(text, paras, scanner.regions)
    regions.sort(key=lambda r: r.start)
    return regions, scanner.warnings


def _single_regions(text: str, paras: list[tuple[int, int]], doubles: list[QuotedRegion]) -> list[QuotedRegion]:
    """Regions in single curly marks (‘...’) outside any double-marked region.

    ’ is also the apostrophe, so a ‘ must open at a word start and a ’ closes only when no
    letter follows it; a ‘ that never closes is dropped silently (it is often a ‘90s-style
    elision, not a quote).
    """
    out: list[QuotedRegion] = []
    covered = [(r.open, r.close if r.close is not None else r.end) for r in doubles]
    opens = [r.open for r in doubles]  # a ‘...’ around a double-marked quote is not a region
    ci = 0
    for p_start, p_end in paras:
        open_at: int | None = None
        for match in _SINGLE.finditer(text, p_start, p_end):
            pos = match.start()
            while ci < len(covered) and covered[ci][1] < pos:
                ci += 1
            if ci < len(covered) and covered[ci][0] <= pos <= covered[ci][1]:
                continue
            before = text[pos - 1] if pos > p_start else " "
            after = text[pos + 1] if pos + 1 < p_end else " "
            if match.group() == "‘" and not before.isalnum() and open_at is None:
                open_at = pos
            elif match.group() == "’" and open_at is not None and not after.isalnum() and not before.isspace():
                start, end = _trim(text, open_at + 1, pos)
                inner = bisect.bisect_left(opens, open_at)
                if end > start and not (inner < len(opens) and opens[inner] < pos):
                    out.append(QuotedRegion(start, end, open_at, pos))
                open_at = None
    return out
