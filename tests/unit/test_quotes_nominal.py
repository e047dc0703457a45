"""Cue nouns and adjectives, lemma repair, speaker labels and source phrases on hand-built
parses (no model)."""

from __future__ import annotations

from conftest import hand_parse as parse

from eventwire.extract.quotes import QuotesComponent
from eventwire.extract.quotes.direct import speaker_label
from eventwire.extract.quotes.indirect import cue_lemma
from eventwire.extract.quotes.speakers import source_range
from eventwire.knowledge.cues import cue_phrases, cue_verbs

CLAIM = [
    ("Trump", 2, "poss", "PROPN", "Trump"), ("'s", 0, "case", "PART", "'s"),
    ("claim", 2, "ROOT", "NOUN", "claim"), ("that", 6, "mark", "SCONJ", "that"),
    ("taxes", 6, "nsubj", "NOUN", "tax"), ("never", 6, "neg", "ADV", "never"),
    ("rose", 2, "acl", "VERB", "rise"), (".", 2, "punct", "PUNCT", "."),
]


def test_a_cue_noun_attributes_its_clause_to_its_possessor():
    ann = parse("Trump's claim that taxes never rose.", CLAIM)
    ann.token_entity = {0: "E1"}
    QuotesComponent()(ann)
    [quote] = ann.quotes
    assert (quote.kind, quote.content.text, quote.cue.text) == ("indirect", "taxes never rose", "claim")
    assert (quote.source.text, quote.speaker) == ("Trump", "E1")


def test_a_cue_noun_with_no_source_is_no_quote():
    rows = [("The", 1, "det", "DET", "the")] + [(w, h, d, p, lem) for w, h, d, p, lem in CLAIM[2:]]
    rows = [(w, h - 1 if i > 0 else h, d, p, lem) for i, (w, h, d, p, lem) in enumerate(rows)]
    ann = parse("The claim that taxes never rose.", rows)
    QuotesComponent()(ann)
    assert ann.quotes == []


WORRIED = [
    ("Voters", 1, "nsubj", "NOUN", "voter"), ("are", 1, "ROOT", "AUX", "be"),
    ("worried", 1, "acomp", "ADJ", "worried"), ("about", 2, "prep", "ADP", "about"),
    ("higher", 5, "amod", "ADJ", "high"), ("taxes", 3, "pobj", "NOUN", "tax"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_a_worry_is_no_quote_by_default():
    ann = parse("Voters are worried about higher taxes.", WORRIED)
    QuotesComponent()(ann)
    assert ann.quotes == []


def test_a_predicate_adjective_attributes_what_it_is_about_to_the_subject():
    ann = parse("Voters are worried about higher taxes.", WORRIED)
    QuotesComponent(mode="attributions")(ann)
    [quote] = ann.quotes
    assert (quote.content.text, quote.cue.text, quote.source.text) == ("higher taxes", "worried about", "Voters")


def test_an_adjective_outside_the_list_is_no_cue_to_the_lexicon_alone(monkeypatch):
    from eventwire.extract import quotes

    rows = [(w, h, d, p, lem) if w != "worried" else ("tired", h, d, p, "tired") for w, h, d, p, lem in WORRIED]
    ann = parse("Voters are tired about higher taxes.", rows)
    monkeypatch.setattr(quotes, "cue_model", lambda: None)  # the learned model may know "tired about"
    QuotesComponent()(ann)
    assert ann.quotes == []


def test_cue_lemma_repairs_a_cut_silent_e_only_for_listed_verbs():
    ann = parse("She hopes so and hops.", [
        ("She", 1, "nsubj", "PRON", "she", "PRP"), ("hopes", 1, "ROOT", "VERB", "hop", "VBZ"),
        ("so", 1, "advmod", "ADV", "so", "RB"), ("and", 1, "cc", "CCONJ", "and", "CC"),
        ("hops", 1, "conj", "VERB", "hop", "VBZ"), (".", 1, "punct", "PUNCT", ".", "."),
    ])
    verbs = cue_verbs()
    assert cue_lemma(ann.doc[1], verbs) == "hope"
    assert cue_lemma(ann.doc[4], verbs) is None  # "hops" -> "hop" is not a reporting verb
    assert cue_lemma(ann.doc[0], verbs) is None


LABEL = [
    ("PENCE", 1, "nsubj", "PROPN", "PENCE"), (":", 3, "punct", "PUNCT", ":"),
    ("We", 3, "nsubj", "PRON", "we"), ("will", 3, "ROOT", "AUX", "will"),
    ("win", 3, "xcomp", "VERB", "win"), ("it", 4, "dobj", "PRON", "it"), (".", 3, "punct", "PUNCT", "."),
]


def test_a_transcript_label_is_the_speaker_of_its_paragraph():
    ann = parse("PENCE: We will win it.", LABEL)
    QuotesComponent()(ann)
    [quote] = ann.quotes
    assert (quote.content.text, quote.source.text, quote.cue.text) == ("We will win it", "PENCE", ":")


def test_a_label_that_names_no_speaker_is_ignored():
    rows = [("Update", 1, "nsubj", "PROPN", "update")] + LABEL[1:]
    ann = parse("Update: We will win it.", rows)
    assert speaker_label(ann.doc, ann.doc[0], {}) is None
    rows = [("Sanders", 1, "nsubj", "PROPN", "Sanders")] + LABEL[1:]
    ann = parse("Sanders: We will win it.", rows)
    assert speaker_label(ann.doc, ann.doc[0], {}) is None  # a name the actors component never found
    name, colon = speaker_label(ann.doc, ann.doc[0], {0: "E1"})
    assert (name.text, colon.text) == ("Sanders", ":")


def test_source_keeps_a_bound_participle_and_drops_one_set_off_by_commas():
    ann = parse("A poll released Friday shows gains.", [
        ("A", 1, "det", "DET", "a"), ("poll", 4, "nsubj", "NOUN", "poll"),
        ("released", 1, "acl", "VERB", "release"), ("Friday", 2, "npadvmod", "PROPN", "Friday"),
        ("shows", 4, "ROOT", "VERB", "show"), ("gains", 4, "dobj", "NOUN", "gain"), (".", 4, "punct", "PUNCT", "."),
    ])
    assert source_range(ann.doc[1]) == (0, 4)
    ann = parse("An aide, speaking Friday, said so.", [
        ("An", 1, "det", "DET", "an"), ("aide", 6, "nsubj", "NOUN", "aide"), (",", 1, "punct", "PUNCT", ","),
        ("speaking", 1, "acl", "VERB", "speak"), ("Friday", 3, "npadvmod", "PROPN", "Friday"),
        (",", 1, "punct", "PUNCT", ","), ("said", 6, "ROOT", "VERB", "say"), ("so", 6, "advmod", "ADV", "so"),
        (".", 6, "punct", "PUNCT", "."),
    ])
    assert source_range(ann.doc[1]) == (0, 2)


def test_bundled_cue_nouns_and_adjectives_load():
    phrases = cue_phrases()
    assert "claim" in phrases.nouns and "worried" in phrases.adjectives
