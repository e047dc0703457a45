"""The quotes component on real parses: the attribution forms news uses, speakers, and broken
input. Entities are built by hand here, so a failure is the quotes component's own."""

from __future__ import annotations

import pytest

from eventwire.extract.quotes import QuotesComponent
from eventwire.model import Article, Entity
from eventwire.nlp import Annotated

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def run(nlp):
    def quotes_of(text: str, entities: dict[str, tuple[str, str]] | None = None) -> Annotated:
        """Annotate ``text``; ``entities`` maps a word to (id, type) and indexes every token of it."""
        ann = Annotated(article=Article(id="x", text=text), doc=nlp(text))
        for word, (eid, etype) in (entities or {}).items():
            mentions = [ann.span_of(t) for t in ann.doc if t.text == word]
            ann.entities.append(Entity(id=eid, name=word, type=etype, mentions=mentions))
            ann.token_entity.update({t.i: eid for t in ann.doc if t.text == word})
        # the attribution machinery as PolNeAR reads it (beliefs and positions included); what
        # the speech-only default leaves out is tested in test_quotes_speech.py
        QuotesComponent(mode="attributions")(ann)
        return ann

    return quotes_of


def only(ann: Annotated):
    assert len(ann.quotes) == 1, [q.content.text for q in ann.quotes]
    return ann.quotes[0]


def test_mixed_quote_is_one_quote(run):
    ann = run('He said the talks were "constructive" and useful.')
    quote = only(ann)
    assert quote.kind == "mixed" and quote.content.text.startswith("the talks were")
    assert quote.cue.text == "said" and quote.source.text == "He"


def test_scare_quote_is_not_a_quote(run):
    assert run('They discussed the "territorial problem" at length.').quotes == []


def test_participial_cue_takes_the_main_subject(run):
    quote = only(run("Trump spoke in Washington on Monday, adding that casualties were high.",
                     {"Trump": ("E1", "PERSON")}))
    assert (quote.cue.text, quote.source.text, quote.speaker) == ("adding", "Trump", "E1")
    assert quote.content.text == "casualties were high"


@pytest.mark.parametrize("text, content, source", [
    ("The talks failed, according to two officials.", "The talks failed", "two officials"),
    ("According to the ministry, the strike hit a depot.", "the strike hit a depot", "the ministry"),
])
def test_according_to(run, text, content, source):
    quote = only(run(text))
    assert (quote.kind, quote.content.text, quote.source.text) == ("indirect", content, source)
    assert quote.cue.text.lower() == "according to"


@pytest.mark.parametrize("text, cue, source", [
    ("Smith told reporters that the plan was dead.", "told reporters", "Smith"),
    ("The ministry said in a statement that the strike hit a depot.", "said in a statement", "The ministry"),
    ("Zelenskiy wrote on Telegram that the attack killed three people.", "wrote on Telegram", "Zelenskiy"),
    ("A senior US official, speaking on condition of anonymity, said the deal was close.", "said",
     "A senior US official"),
    ("The Kremlin denied that troops had crossed the border.", "denied", "The Kremlin"),
])
def test_news_attribution_formulas(run, text, cue, source):
    quote = only(run(text))
    assert (quote.kind, quote.cue.text, quote.source.text) == ("indirect", cue, source)


def test_possessor_is_not_the_speaker(run):
    quote = only(run("Macron's office said the call lasted an hour.", {"Macron": ("E1", "PERSON")}))
    assert quote.source.text == "Macron's office" and quote.speaker is None


def test_organisation_source_resolves_to_its_entity(run):
    quote = only(run("The Kremlin said the talks were useful.", {"Kremlin": ("E2", "ORG")}))
    assert quote.speaker == "E2" and quote.source.text == "The Kremlin"


def test_unresolved_pronoun_goes_to_the_recent_speaker_without_touching_entities(run):
    ann = run("Ushakov spoke to reporters on Monday. He said the talks were hard.",
              {"Ushakov": ("E1", "PERSON")})
    before = [e.model_copy(deep=True) for e in ann.entities]
    quote = only(ann)
    assert (quote.source.text, quote.speaker) == ("He", "E1")
    assert ann.entities == before and set(ann.token_entity.values()) == {"E1"}
    assert all(ann.doc[i].text == "Ushakov" for i in ann.token_entity)


def test_quote_without_cue_continues_the_previous_speaker(run):
    ann = run('"We are close," Smith said. "But we are not there yet."\n"It will take time."',
              {"Smith": ("E1", "PERSON")})
    first, second = ann.quotes  # the next sentence is a part of the first (as PolNeAR annotates it)
    assert (first.kind, first.cue.text, first.speaker) == ("direct", "said", "E1")
    assert [p.text for p in first.parts] == ["We are close", "But we are not there yet."]
    assert (second.kind, second.speaker, second.source) == ("direct", "E1", first.source)
    assert second.cue == first.cue  # the one cue attributes both quotes
    assert second.content.text == "It will take time."


def test_quote_continued_in_the_next_paragraph(run):
    quote = only(run('Smith said: "This is the first paragraph of it.\n"And this is the second one."'))
    assert "first paragraph" in quote.content.text and "second one" in quote.content.text
    assert quote.kind == "direct" and quote.cue.text == "said"


@pytest.mark.parametrize("text", [
    '"He told me \'never again,\'" Smith said.',
    "“He told me ‘never again’ twice,” Smith said.",
])
def test_nested_quotes_are_one_quote(run, text):
    quote = only(run(text))
    assert quote.kind == "direct" and "never again" in quote.content.text


def test_unclosed_quote_is_cut_at_the_paragraph_and_warned(run):
    ann = run('Smith said "we will win this vote.\nThe vote is on Sunday, officials said.')
    assert any("never closed" in w for w in ann.warnings)
    assert all("\n" not in q.content.text for q in ann.quotes)
    assert any(q.content.text == "The vote is on Sunday" for q in ann.quotes)


def test_five_thousand_word_quote(run):
    words = " ".join(["word"] * 5000)
    quote = only(run(f'"{words}," Smith said.'))
    assert quote.content.text == words and quote.cue.text == "said"


def test_article_that_is_one_long_quote(run):
    paragraphs = [f"This is paragraph {i} of a speech that never closes." for i in range(40)]
    ann = run('"' + "\n".join(paragraphs))
    assert ann.warnings
    assert all(len(q.content.text) < 200 for q in ann.quotes)


def test_unbalanced_straight_marks_do_not_crash(run):
    ann = run('He said "yes" and "no and maybe.\nShe said "fine."')
    assert ann.warnings
    for quote in ann.quotes:
        assert ann.text[quote.content.start:quote.content.end] == quote.content.text


def test_quote_signed_with_a_dash(run):
    quote = only(run("“Maybe we can build a wall around him.” ― Jorge Falcon", {"Falcon": ("E1", "PERSON")}))
    assert (quote.kind, quote.cue.text, quote.source.text, quote.speaker) == ("direct", "―", "Jorge Falcon", "E1")


def test_cue_before_a_colon_takes_the_rest_of_the_paragraph(run):
    quote = only(run("The governor added: It is typical of her and it will not change.\nNext paragraph."))
    assert quote.cue.text == "added" and quote.content.text.startswith("It is typical of her")
    assert "Next" not in quote.content.text


def test_a_report_inside_reported_content_is_not_a_quote_of_its_own(run):
    quote = only(run("The aide said Obama hopes his successor will push for the same goals."))
    assert (quote.source.text, quote.cue.text) == ("The aide", "said")
    assert quote.content.text == "Obama hopes his successor will push for the same goals"


def test_a_second_report_joined_by_and_is_its_own_quote_with_the_same_source(run):
    ann = run("China said it was resolutely opposed to the test and warned North Korea to refrain "
              "from further actions.", {"China": ("E1", "GPE")})
    first, second = ann.quotes
    assert (first.cue.text, first.content.text) == ("said", "it was resolutely opposed to the test")
    assert (second.cue.text, second.content.text) == ("warned", "North Korea to refrain from further actions")
    assert first.speaker == second.speaker == "E1"


@pytest.mark.parametrize("text, cue, source, content", [
    ("Trump's claim that crime rose was false.", "claim", "Trump", "crime rose"),
    ("Democrats are worried about low turnout among young voters.", "worried about", "Democrats",
     "low turnout among young voters"),
    ("The senator has also said that the bill would fail.", "has also said", "The senator", "the bill would fail"),
    ("Trump called for a ban on imports.", "called for", "Trump", "a ban on imports"),
])
def test_cue_nouns_adjectives_and_whole_cue_phrases(run, text, cue, source, content):
    quote = only(run(text))
    assert (quote.cue.text, quote.source.text, quote.content.text) == (cue, source, content)


def test_knowing_someone_is_not_an_attribution(run):
    ann = run("Witkoff, a billionaire developer who has known Trump since the 1980s, began talks.")
    assert not [q for q in ann.quotes if "Trump" == q.content.text]


@pytest.mark.parametrize("text, parts", [
    ('"We will not sign," Ushakov said, "not this year and not the next."',
     ["We will not sign", "not this year and not the next."]),
    ('"Compromises have not been found yet," Ushakov told reporters. "The work will continue."',
     ["Compromises have not been found yet", "The work will continue."]),
])
def test_a_quote_interrupted_by_its_own_cue_is_one_attribution(run, text, parts):
    quote = only(run(text, {"Ushakov": ("E1", "PERSON")}))
    assert [p.text for p in quote.parts] == parts
    assert quote.content.start == quote.parts[0].start and quote.content.end == quote.parts[-1].end
    assert quote.kind == "direct" and quote.speaker == "E1" and quote.cue.text.startswith(("said", "told"))


def test_quotes_with_their_own_cues_stay_apart_and_an_uninterrupted_quote_is_its_own_part(run):
    ann = run('"We will not sign," Ushakov said. "We are ready," Lavrov said.',
              {"Ushakov": ("E1", "PERSON"), "Lavrov": ("E2", "PERSON")})
    assert [(q.speaker, [p.text for p in q.parts]) for q in ann.quotes] == [
        ("E1", ["We will not sign"]), ("E2", ["We are ready"])]
    assert all(q.parts == [q.content] for q in ann.quotes)


def test_a_continuation_opening_the_next_paragraph_is_a_part_of_the_quote(run):
    ann = run('"Cyber security is one of our biggest challenges," Carson continued.\n\n'
              '"Our classified information is under constant attack every single day."',
              {"Carson": ("E1", "PERSON")})
    quote = only(ann)
    assert [p.text for p in quote.parts] == ["Cyber security is one of our biggest challenges",
                                             "Our classified information is under constant attack every single day."]
    assert quote.speaker == "E1" and quote.cue.text == "continued"
