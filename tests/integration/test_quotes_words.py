"""Spans that respect words (issue 24, part 1): no entity, source or content boundary inside
a hyphenated word ("co-chairman", "ex-Tory", "e-mail", "Al-Shabaab"). Sentences written for
this test, through the real parse and the actors and quotes components."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.slow

#: a boundary between a letter and a hyphen of one word
_INSIDE = re.compile(r"[A-Za-z]-|-[A-Za-z]")

TEXTS = [
    '"We will win the seat," said the Tory co-chairman Liam Fox.',
    "The ex-Tory MP Robert Jackson said he had sent an e-mail to the party chairman.",
    "Al-Shabaab fighters attacked a well-known hotel in Mogadishu, police said.",
    'The vice-president said: "Our co-operation with the e-government unit is over."',
]


def spans(ann):
    for entity in ann.entities:
        for mention in entity.mentions:
            yield "entity", mention
    for quote in ann.quotes:
        yield "content", quote.content
        if quote.source is not None:
            yield "source", quote.source
        yield from (("part", p) for p in quote.parts)


@pytest.mark.parametrize("text", TEXTS)
def test_no_span_starts_or_ends_inside_a_hyphenated_word(annotate, text):
    ann = annotate(text, components=("times", "actors", "quotes"))
    for kind, span in spans(ann):
        for at in (span.start, span.end):
            assert not _INSIDE.match(text[max(0, at - 1) : at + 1]), (kind, span.text)


def test_the_co_chairman_is_a_source_and_the_named_man_its_speaker(annotate):
    text = TEXTS[0]
    ann = annotate(text, components=("times", "actors", "quotes"))
    names = {e.id: e.name for e in ann.entities}
    [quote] = ann.quotes
    assert "co-chairman" in quote.source.text
    assert names[quote.speaker] == "Liam Fox"


def test_an_e_mail_stays_whole_in_content(annotate):
    text = TEXTS[3]
    ann = annotate(text, components=("times", "actors", "quotes"))
    [quote] = ann.quotes
    assert quote.content.text == "Our co-operation with the e-government unit is over."
