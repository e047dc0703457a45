"""Training sentences made from the CAMEO verb dictionary, one per verb and pattern.

PETRARCH-2's dictionary (``knowledge/data/cameo_verbs.tsv``, converted by
``eventwire knowledge build``) lists thousands of verbs and verb-object patterns with a
CAMEO code. Each becomes a short sentence with an actor, the verb (in the base form after
"will", "moved to" or "plans to", in the present, or in a regular past), the pattern's
object or preposition, and a time or place adjunct, labelled with the pattern's PLOVER
type on the verb. At most ``PER_LEMMA`` patterns of a verb are used, so common verbs do
not swamp the rest. Two kinds of row are left out: ``[---]`` patterns, because the
dictionary lists a block's patterns for every verb of the block ("seize the opportunity"
becomes "arrest the opportunity", a nonsense negative for "arrest"), and the bare rows of
light verbs ("take", "hold", "make"), whose block code (COERCE for "take") only holds with
the objects of their patterns.
"""

from __future__ import annotations

import random

from ..extract.events.learned import NONE
from ..knowledge import word_list
from ..knowledge.cameo import cameo_verbs

PER_LEMMA = 6
ACTORS = (
    "Russia", "The government", "Police", "Rebels", "President Ahmed Musa", "The United Nations",
    "Israeli troops", "Protesters", "Chinese officials", "The opposition party", "Iran",
    "The European Union", "Militants", "The army", "Prime Minister Elena Varga", "Washington",
    "The interior ministry", "Striking workers", "Pakistan's foreign minister", "NATO",
)
OTHERS = (
    "Ukraine", "the rebels", "its neighbour", "the protesters", "the United States",
    "opposition leaders", "Syria", "the militants", "the government", "Turkey", "aid agencies",
)
ADJUNCTS = (
    "on Monday", "on Friday", "last week", "in the capital", "near the border", "this month",
    "on Tuesday, officials said", "after weeks of tension", "in the north of the country", "",
)
FRAMES = ("will {v}", "moved to {v}", "plans to {v}", "{s}", "{p}", "{p}", "{s}", "could {v}")
#: verbs whose past is not regular; they appear in the base and present forms only
IRREGULAR = frozenset(
    {
        "be", "have", "do", "go", "come", "take", "make", "give", "get", "hold", "put", "set",
        "run", "send", "lend", "spend", "keep", "leave", "meet", "buy", "bring", "think", "tell",
        "say", "see", "seek", "fight", "win", "lose", "break", "speak", "strike", "shoot", "hit",
        "cut", "beat", "withdraw", "forbid", "forgive", "throw", "draw", "lead", "feel", "stand",
        "understand", "undertake", "overthrow", "arise", "bid", "bind", "bear", "begin", "blow",
        "choose", "drive", "eat", "fall", "fly", "freeze", "grow", "hang", "hide", "know", "lay",
        "lie", "ride", "ring", "rise", "sell", "shake", "sing", "sink", "sit", "sleep", "steal",
        "stick", "sting", "swear", "swim", "swing", "teach", "tear", "wake", "wear", "weave",
        "weep", "wind", "write",
    }
)


def present(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def past(verb: str) -> str | None:
    if verb in IRREGULAR:
        return None
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def _verb_form(verb: str, rng: random.Random) -> tuple[str, str]:
    """A frame with the verb in it, and the verb form used (so its offset can be found)."""
    frame = rng.choice(FRAMES)
    form = verb
    if frame == "{s}":
        form = present(verb)
    elif frame == "{p}":
        form = past(verb) or present(verb)
    return frame.format(v=verb, s=form, p=form), form


def sentence(lemma: str, particle: str, obj: str, prep: str, rng: random.Random):
    """(text, offset of the verb) for one dictionary pattern."""
    words = lemma.split()
    verb, rest = words[0], " ".join(words[1:])
    actor = rng.choice(ACTORS)
    phrase, form = _verb_form(verb, rng)
    tail = [rest, particle]
    if obj and prep:
        tail.append(f"{prep} the {obj}")
    elif obj:
        tail.append(f"the {obj}")
    else:
        tail.append(rng.choice(OTHERS))
    tail.append(rng.choice(ADJUNCTS))
    text = " ".join(w for w in [actor, phrase, *tail] if w).rstrip(",") + "."
    start = len(actor) + 1 + phrase.index(form)
    return text, start


def items(rng: random.Random) -> list:
    """One training item per verb and pattern (at most ``PER_LEMMA`` per verb)."""
    from .events import Item

    found = []
    for lemma, patterns in sorted(cameo_verbs().items()):
        chosen = list(patterns)
        rng.shuffle(chosen)
        usable = [
            p
            for p in chosen
            if p.event is not None
            and not (p.bare and lemma in word_list("light_verbs.tsv"))
        ]
        for pattern in usable[:PER_LEMMA]:
            objects = pattern.objects or (pattern.object or "",)
            obj = rng.choice(objects) if objects else ""
            text, start = sentence(lemma, pattern.particle or "", obj, pattern.prep or "", rng)
            found.append(Item(text, start, pattern.event or NONE, "cameo", 0.5))
    return found
