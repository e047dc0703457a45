"""Synthetic news-style sentences for training the learned PLOVER coder.

Each positive example is one sentence with exactly one event, its trigger's head word
marked by character offsets; every other word of it is implicitly "no event". Hard
negatives mark a word that looks like a trigger but is not an event here ("Arsenal beat
Chelsea", "shares rallied", "a fire killed three"); a few sentences have no marked word at
all (``start == -1``).

The templates and the word lists that fill them live in
``knowledge/data/synthetic_templates.json``, with the head-word rule written at its top.
A template marks its trigger as ``[[word]]`` and names slots as ``{slot}``; slots may nest.
Sentences are varied further with reporting frames ("..., officials said", "Witnesses
said ..."), wire datelines ("SEOUL, Nov 19 (Reuters) - ") and the slot values.

``generate(seed)`` is deterministic for a seed and reads nothing but that packaged file.
"""

from __future__ import annotations

import json
import math
import random
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

NEGATIVE_RATIO = 0.45  # negatives per positive: 0.45 / 1.45 = 31% of all examples
NO_EVENT_SHARE = 0.05  # of the negatives, the share with no marked word
MAX_REPEATS = 2  # no sentence text occurs more often than this
FRAME_PRE = 0.15  # "Witnesses said ..." before the sentence
FRAME_POST = 0.25  # "..., officials said." after it
DATELINE = 0.15  # "KYIV (AP) — " in front
FRONT_TIME = 0.12  # "On Friday, police arrested ..." instead of "... on Friday"
TAIL = 0.08  # "..., the first such move in years"

_SLOT = re.compile(r"\{([a-z_]+)\}")
_MARK = re.compile(r"\[\[([^\]\s]+)\]\]")


@dataclass(frozen=True)
class Example:
    """One training sentence and the word the coder is taught about."""

    text: str  # one sentence (or a dateline + sentence)
    start: int  # char offset of the trigger's head word, -1 for a sentence with no event
    end: int  # end offset of that word (-1 with start)
    label: str | None  # PLOVER type, or None for a hard negative
    family: str  # template family name, for reporting


@dataclass(frozen=True)
class _Group:
    family: str
    label: str | None
    templates: tuple[str, ...]
    framed: bool  # reporting frames suit political news, not sport or markets


@cache
def _data() -> dict:
    path = resources.files("eventwire.knowledge") / "data" / "synthetic_templates.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _groups(section: list[dict], label: str | None, framed: bool) -> list[_Group]:
    return [_Group(g["family"], label, tuple(g["templates"]), framed) for g in section]


def positive_groups() -> dict[str, list[_Group]]:
    """The template families of each PLOVER type, by type."""
    return {kind: _groups(fams, kind, True) for kind, fams in _data()["types"].items()}


def negative_groups() -> list[_Group]:
    """The hard-negative template families (a misleading word marked, label None)."""
    return _groups(_data()["negatives"], None, False)


def _fill(template: str, rng: random.Random, slots: dict[str, list[str]]) -> str:
    """Fill every ``{slot}``, nested ones too; one sentence never repeats a value."""
    used: set[str] = set()

    def pick(match: re.Match) -> str:
        values = slots[match.group(1)]
        value = rng.choice(values)
        for _ in range(6):
            if value not in used or not value:
                break
            value = rng.choice(values)
        used.add(value)
        return value

    text = template
    for _ in range(6):
        filled = _SLOT.sub(pick, text)
        if filled == text:
            break
        text = filled
    return text


def _tidy(text: str) -> str:
    """Collapse the spaces an empty slot leaves and spaces before punctuation; fix "s's"."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"(?<=s)'s\b", "'", text)  # "the Lakers's" -> "the Lakers'"
    return re.sub(r" ([,.;:])", r"\1", text)


def _front_time(template: str, rng: random.Random) -> str:
    """Sometimes move a final time adjunct to the front: "On Friday, police arrested ..."."""
    if template.endswith(" {t}") and rng.random() < FRONT_TIME:
        return "{tfront}, " + template[: -len(" {t}")]
    return template


def _frame(body: str, rng: random.Random, slots: dict[str, list[str]], pre: bool = True) -> str:
    """Add a reporting frame before (if ``pre``) or after, unless the sentence has its own."""
    if re.search(r"\b(said|says|say|according|reported|told|fear|critics)\b", body):
        return body + "."
    roll = rng.random()
    if roll < FRAME_PRE and pre:
        return _fill(rng.choice(slots["src_pre"]), rng, slots) + " " + body + "."
    if roll < FRAME_PRE + FRAME_POST:
        return body + ", " + _fill(rng.choice(slots["src_post"]), rng, slots) + "."
    return body + "."


def _dateline(rng: random.Random, slots: dict[str, list[str]]) -> str:
    city = rng.choice(slots["dcity"])
    agency = rng.choice(slots["agency"])
    if rng.random() < 0.5:
        city += f", {rng.choice(slots['month'])} {rng.randint(1, 28)}"
    dash = rng.choice(("-", "—", "--"))
    return f"{city} ({agency}) {dash} "


def _capitalise(text: str, at: int) -> str:
    return text[:at] + text[at : at + 1].upper() + text[at + 1 :]


def _unmark(text: str) -> tuple[str, int, int]:
    """Drop the ``[[ ]]`` around the trigger; its offsets in the clean text, or -1, -1."""
    match = _MARK.search(text)
    if match is None:
        return text, -1, -1
    clean = text[: match.start()] + match.group(1) + text[match.end() :]
    return clean, match.start(), match.start() + len(match.group(1))


def render(group: _Group, template: str, rng: random.Random) -> Example:
    """One sentence from one template: filled, framed, maybe datelined, unmarked."""
    slots = _data()["slots"]
    fronted = _front_time(template, rng)
    body = _tidy(_fill(fronted, rng, slots))
    pre = fronted == template
    if group.framed and rng.random() < TAIL:
        body += ", " + _fill(rng.choice(slots["tail"]), rng, slots)
    sentence = _frame(body, rng, slots, pre) if group.framed else body + "."
    prefix = _dateline(rng, slots) if rng.random() < DATELINE else ""
    text, start, end = _unmark(prefix + sentence)
    text = _capitalise(text, len(prefix))
    return Example(text, start, end, group.label, group.family)


def _sample(groups: list[_Group], count: int, rng: random.Random, seen: Counter) -> list[Example]:
    """``count`` examples, templates drawn uniformly, no text more than MAX_REPEATS times."""
    pool = [(group, template) for group in groups for template in group.templates]
    out: list[Example] = []
    for _ in range(count * 50):
        if len(out) >= count:
            break
        group, template = rng.choice(pool)
        example = render(group, template, rng)
        if seen[example.text] >= MAX_REPEATS:
            continue
        seen[example.text] += 1
        out.append(example)
    return out


def generate(seed: int = 0, per_type: int = 300) -> list[Example]:
    """``per_type`` positives for each PLOVER type and about 31% hard negatives, shuffled."""
    rng = random.Random(seed)
    seen: Counter = Counter()
    examples: list[Example] = []
    for groups in positive_groups().values():
        examples += _sample(groups, per_type, rng, seen)
    negatives = math.ceil(len(examples) * NEGATIVE_RATIO)
    no_event = math.ceil(negatives * NO_EVENT_SHARE)
    blank = _groups([_data()["no_event"]], None, False)
    examples += _sample(blank, no_event, rng, seen)
    examples += _sample(negative_groups(), negatives - no_event, rng, seen)
    rng.shuffle(examples)
    return examples
