"""Sub-headings inside an article body: short lines standing alone, without final
punctuation ("No further away from peace"). They stay in the text but are not sentences."""

from __future__ import annotations

import re

from ..model import Span

_LINE = re.compile(r"[^\n]+")
_FINAL = tuple('.!?:;,"\'”’)…')
MAX_WORDS = 12
MAX_CHARS = 90


def is_heading(line: str) -> bool:
    """Whether one stripped line reads as a heading rather than a sentence."""
    words = line.split()
    if not words or len(words) > MAX_WORDS or len(line) > MAX_CHARS:
        return False
    if line.endswith(_FINAL) or line.startswith(('"', "“", "'", "‘", "-", "—", "•", "*")):
        return False
    return line[0].isupper() or line[0].isdigit()


def find_headings(text: str, skip_before: int = 0) -> list[Span]:
    """Heading lines after ``skip_before`` (the dateline), each followed by body text."""
    found: list[Span] = []
    lines = list(_LINE.finditer(text))
    for index, m in enumerate(lines):
        if m.start() < skip_before or index == len(lines) - 1:
            continue
        raw = m.group()
        stripped = raw.strip()
        if not stripped or not is_heading(stripped):
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        found.append(Span(start=start, end=start + len(stripped), text=stripped))
    return found
