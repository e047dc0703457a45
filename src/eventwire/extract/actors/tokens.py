"""Per-document token attributes as plain lists, read once with ``Doc.to_array``.

The rules look at every token a few times (titles, capitalised runs, sentence symbols);
creating a spaCy ``Token`` object per look costs more than the rules themselves, so they read
these lists instead. Lower-case forms are compared as spaCy's 64-bit string hashes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.attrs import IDX, IS_TITLE, IS_UPPER, LENGTH, LOWER, POS
from spacy.strings import hash_string
from spacy.symbols import ADJ, NOUN, PROPN
from spacy.tokens import Doc

from ...knowledge.actors import Title, title_index

NOMINAL_POS = frozenset({int(ADJ), int(NOUN)})
NAME_POS = frozenset({int(ADJ), int(NOUN), int(PROPN)})


@dataclass(frozen=True)
class TokenTable:
    lower: list[int]  # hash of the lower-case form
    pos: list[int]
    caps: list[bool]  # starts with a capital (Title or UPPER case)
    start: list[int]  # character offsets
    end: list[int]
    text: str

    @classmethod
    def of(cls, doc: Doc) -> TokenTable:
        if len(doc) == 0:
            return cls([], [], [], [], [], doc.text)
        rows = doc.to_array([LOWER, POS, IS_TITLE, IS_UPPER, IDX, LENGTH]).tolist()
        return cls(
            lower=[r[0] for r in rows], pos=[r[1] for r in rows],
            caps=[bool(r[2] or r[3]) for r in rows],
            start=[r[4] for r in rows], end=[r[4] + r[5] for r in rows], text=doc.text)


def word_hash(word: str) -> int:
    return hash_string(word)


@cache
def hashed_titles() -> dict[int, tuple[tuple[Title, tuple[int, ...]], ...]]:
    """Titles by the hash of their first word, longest first, each with its words' hashes."""
    return {word_hash(first): tuple((t, tuple(word_hash(w) for w in t.phrase)) for t in titles)
            for first, titles in title_index().items()}


def title_at(table: TokenTable, i: int, limit: int) -> tuple[Title, int] | None:
    """The longest title starting at token ``i`` and ending by ``limit``, with its end."""
    for title, words in hashed_titles().get(table.lower[i], ()):
        end = i + len(words)
        if end <= limit and tuple(table.lower[i:end]) == words:
            return title, end
    return None


@dataclass
class NameMention:
    """A stretch of tokens ``[start, end)`` that names or refers to an entity."""

    start: int
    end: int
    label: str
    kind: str = "name"  # name | nominal | pronoun | group
    country: str | None = None
    sector: str | None = None
    key: str | None = None  # a cluster key forced by a rule (metonyms)
    fixed: bool = False  # a label read from the layout (tables, datelines): later rules keep it

    def text(self, doc: Doc) -> str:
        return doc[self.start:self.end].text
