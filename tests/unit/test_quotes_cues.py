"""The cue knowledge files and the quotes component on hand-built parses (no model)."""

from __future__ import annotations

import pytest
from conftest import hand_parse

from eventwire.errors import KnowledgeError
from eventwire.extract.quotes import QuotesComponent
from eventwire.knowledge.cues import cue_phrases, cue_verbs, load_cue_phrases, load_cue_verbs
from eventwire.model import Entity


def test_bundled_cue_verbs_and_phrases_load():
    verbs = cue_verbs()
    assert verbs["say"] == "speech" and verbs["write"] == "written" and verbs["believe"] == "cognition"
    for lemma in ("add", "warn", "insist", "deny", "claim", "complain", "acknowledge", "announce",
                  "stress", "note", "argue", "tell"):
        assert lemma in verbs
    phrases = cue_phrases()
    assert ("according", "to") in phrases.prepositions
    assert "reporters" in phrases.audience and "statement" in phrases.medium


def test_bad_class_names_file_and_line(tmp_path):
    path = tmp_path / "verbs.tsv"
    path.write_text("# header\nlemma\tclass\nsay\tspeech\nshout\tloud\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load_cue_verbs(path)
    assert f"{path}:4" in str(info.value) and "loud" in str(info.value)


def test_wrong_column_count_and_upper_case_lemma_fail(tmp_path):
    path = tmp_path / "verbs.tsv"
    path.write_text("say\tspeech\textra\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=":1"):
        load_cue_verbs(path)
    path.write_text("Say\tspeech\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="lower-case"):
        load_cue_verbs(path)


def test_bad_phrase_role_fails(tmp_path):
    path = tmp_path / "phrases.tsv"
    path.write_text("phrase\trole\naccording to\tpreposition\nvia\tsomething\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=":3"):
        load_cue_phrases(path)




INVERTED = [
    ("Putin", 1, "nsubj", "PROPN", "Putin"), ("reacted", 5, "ccomp", "VERB", "react"),
    ("negatively", 1, "advmod", "ADV", "negatively"), (",", 5, "punct", "PUNCT", ","),
    ("Ushakov", 5, "nsubj", "PROPN", "Ushakov"), ("said", 5, "ROOT", "VERB", "say"),
    (".", 5, "punct", "PUNCT", "."),
]


def test_inverted_cue_on_a_hand_built_parse_uses_the_entity_index():
    ann = hand_parse("Putin reacted negatively, Ushakov said.", INVERTED)
    ann.entities = [Entity(id="E1", name="Vladimir Putin", type="PERSON"),
                    Entity(id="E2", name="Yuri Ushakov", type="PERSON")]
    ann.token_entity = {0: "E1", 4: "E2"}
    QuotesComponent()(ann)
    [quote] = ann.quotes
    assert (quote.id, quote.kind, quote.speaker) == ("Q1", "indirect", "E2")
    assert quote.content.text == "Putin reacted negatively"
    assert quote.cue.text == "said" and quote.source.text == "Ushakov"


def test_without_entities_the_speaker_is_unknown_but_the_source_is_kept():
    ann = hand_parse("Putin reacted negatively, Ushakov said.", INVERTED)
    QuotesComponent()(ann)
    assert ann.quotes[0].speaker is None and ann.quotes[0].source.text == "Ushakov"


def test_a_verb_outside_the_lexicon_is_no_cue():
    rows = [(w, h, d, p, "sing" if l == "say" else l) for w, h, d, p, l in INVERTED]
    ann = hand_parse("Putin reacted negatively, Ushakov said.", rows)
    QuotesComponent()(ann)
    assert ann.quotes == []
