"""Not quotes (issue 24, part 3): headings before a colon, quoted titles, "declined to
comment", cue words inside someone's quote, and narration after a quote mark left open.
Sentences written for this test, through the real parse and the default pipeline's
components before quotes."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def said(annotate):
    def run(text: str) -> list[tuple[str | None, str | None, str]]:
        """(cue, speaker name, content) of every quote."""
        ann = annotate(text, components=("times", "actors", "quotes"))
        names = {e.id: e.name for e in ann.entities}
        return [(q.cue.text if q.cue else None, names.get(q.speaker or ""), q.content.text)
                for q in ann.quotes]

    return run


@pytest.mark.parametrize("text", [
    "ENERGY: Oil prices rose sharply on Monday after the report.",
    "BONDS: Treasury yields fell for a third day.",
    'The film "The Last King of Scotland" won three awards.',
    "The minister declined to comment on the report.",
])
def test_no_quote(said, text):
    assert said(text) == []


def test_a_transcript_label_is_still_a_speaker(said):
    found = said("MODERATOR: Next question, please.\n\nPENCE: Well, look, we will win it.")
    assert [(cue, content) for cue, _, content in found] == [
        (":", "Next question, please"), (":", "Well, look, we will win it")]


def test_a_cue_inside_someone_s_quote_is_part_of_it(said):
    found = said('"We are talking about real money, according to our brief," said Mr Smith.')
    assert found == [("said", "Mr Smith", "We are talking about real money, according to our brief")]


def test_an_open_quote_ends_before_the_attribution_that_ends_its_paragraph(said):
    text = ('"We have done nothing wrong and we will fight this, said Mr Jones.\n\n'
            "The company has 400 staff in the town.\n\n"
            '"We will appeal," he added.')
    assert said(text) == [
        ("said", "Jones", "We have done nothing wrong and we will fight this"),
        ("added", "Jones", "We will appeal"),
    ]


def test_narration_after_an_unclosed_quote_is_not_quoted(said):
    text = ('Mr Jones said: "We have done nothing wrong.\n\n'
            "The company has 400 staff in the town and its shares fell on Monday.")
    found = said(text)
    assert [content for _, _, content in found] == ["We have done nothing wrong."]


def test_a_mark_after_a_finished_sentence_opens_a_new_quote(said):
    # the writer never closed the first quote; read as a close, the next mark would pair the
    # wrong way and the narration after it would become quotation
    text = ('He told reporters: "We have given a commitment to end life. "The motive has got to '
            'be to end suffering." He denied the plan was a "political manoeuvre" forced by panic. '
            'It was a "sensible solution", he said.')
    contents = [content for _, _, content in said(text)]
    assert contents[:2] == ["We have given a commitment to end life.",
                            "The motive has got to be to end suffering."]
    assert not any("He denied" in c or "It was inevitable" in c for c in contents)
