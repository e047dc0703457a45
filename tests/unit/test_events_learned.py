"""The trained coder's pieces on hand-built parses: features, the linear model, the split."""

from __future__ import annotations

import numpy as np
import pytest
from events_docs import BLEW_UP, INVADED, NEGATED_AGREE, build_doc

from eventwire.errors import KnowledgeError
from eventwire.eval.splits import TUNE, VALIDATION, halves, is_held_out
from eventwire.extract.events import Candidate, Coder, LearnedCoder
from eventwire.extract.events.features import features
from eventwire.extract.events.learned import NONE, LinearModel, trigger_words
from eventwire.registry import coders


def token(sentence: str, word: str):
    doc = build_doc([sentence])
    return next(t for t in doc if t.text == word)


def test_features_read_objects_particles_and_negation():
    names = features(token(BLEW_UP, "blew"))
    assert "lemma=blow" in names and "prt=up" in names and "dobj=bridge" in names
    assert "dep=ROOT" not in names and "root" in names
    negated = features(token(NEGATED_AGREE, "reach"))
    assert "cue=not" in negated and "dobj=compromise" in negated
    assert "head:ccomp=say" in negated


def test_trigger_words_take_the_particle():
    blew = token(BLEW_UP, "blew")
    assert [blew.doc[i].text for i in trigger_words(blew)] == ["blew", "up"]


def tiny_model(path=None) -> LinearModel:
    """Two features, three classes: 'lemma=invade' means ASSAULT, everything else NONE."""
    index = {"lemma=invade": 0, "bias": 1}
    weights = np.array([[0.0, 4.0, -4.0], [0.0, 0.0, 1.0]], dtype=np.float32)
    return LinearModel(index, weights, np.zeros(3, np.float32), ("AGREE", "ASSAULT", NONE),
                       frozenset({"invade", "meet"}))


def test_linear_model_scores_and_round_trips(tmp_path):
    model = tiny_model()
    probs = model.probabilities(["lemma=invade", "bias", "unknown"])
    assert model.classes[int(probs.argmax())] == "ASSAULT" and abs(probs.sum() - 1) < 1e-6
    model.save(tmp_path / "m.npz")
    again = LinearModel.load(tmp_path / "m.npz")
    assert again.classes == model.classes and again.triggers == model.triggers
    assert np.allclose(again.probabilities(["lemma=invade", "bias"]), probs, atol=1e-2)
    assert again.classes[int(again.probabilities(["lemma=invade", "bias"]).argmax())] == "ASSAULT"


def test_a_broken_model_file_is_a_knowledge_error_naming_the_fix(tmp_path):
    bad = tmp_path / "m.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(KnowledgeError, match="eventwire train events"):
        LinearModel.load(bad)


def test_learned_coder_codes_known_triggers_and_skips_unknown_lemmas():
    coder = LearnedCoder(tiny_model())
    assert isinstance(coder, Coder) and coders.get("plover-learned") is LearnedCoder
    invaded = token(INVADED, "invaded")
    coding = coder.code(Candidate(invaded, invaded.sent))
    assert coding is not None and coding.event == "ASSAULT" and coding.words == (invaded.i,)
    ukraine = token(INVADED, "February")
    assert coder.code(Candidate(ukraine, ukraine.sent)) is None  # a name, not a trigger lemma


def test_the_bundled_model_loads_without_any_download():
    coder = LearnedCoder()
    assert NONE in coder.model.classes and len(coder.model.classes) >= 10
    assert len(coder.model.index) > 1000


def test_halves_are_stable_stratified_and_disjoint():
    records = [{"id": f"R{i}", "event": "AGREE" if i % 3 else "ASSAULT"} for i in range(40)]
    split = halves(records, key=lambda r: r["id"], group=lambda r: r["event"])
    again = halves(list(reversed(records)), key=lambda r: r["id"], group=lambda r: r["event"])
    assert split == again  # order of the file does not matter
    for event in ("AGREE", "ASSAULT"):
        ids = [r["id"] for r in records if r["event"] == event]
        held = sum(split[i] == VALIDATION for i in ids)
        assert abs(held - (len(ids) - held)) <= 1
    assert set(split.values()) == {TUNE, VALIDATION}
    assert is_held_out("article-1") == is_held_out("article-1")


# "The minister was dismissed by parliament": a passive with nsubjpass and auxpass, both of
# which signal ``passive``; "will resign" puts an auxiliary before the verb
DISMISSED = ("The|the|DET|DT|det|1 minister|minister|NOUN|NN|nsubjpass|3 was|be|AUX|VBD|auxpass|3 "
             "dismissed|dismiss|VERB|VBN|ROOT|3 by|by|ADP|IN|agent|3 "
             "parliament|parliament|NOUN|NN|pobj|4 .|.|PUNCT|.|punct|3")
RESIGN = ("The|the|DET|DT|det|1 minister|minister|NOUN|NN|nsubj|3 will|will|AUX|MD|aux|3 "
          "resign|resign|VERB|VB|ROOT|3 .|.|PUNCT|.|punct|3")


def test_a_feature_is_present_once_however_often_the_parse_signals_it():
    names = features(token(DISMISSED, "dismissed"))
    assert names.count("passive") == 1 and len(names) == len(set(names))


def test_training_and_coding_read_the_same_binary_vector():
    from eventwire.extract.events.features import feature_rows

    index = {"passive": 0, "lemma=dismiss": 1}
    assert feature_rows(["passive", "lemma=dismiss", "passive", "unknown"], index) == [0, 1]
    model = LinearModel(index, np.array([[1.0, 0.0], [0.0, 0.0]], np.float32),
                        np.zeros(2, np.float32), ("ASSAULT", NONE), frozenset({"dismiss"}))
    # a repeated feature adds its weight once, as in the training matrix
    assert np.allclose(model.probabilities(["passive", "passive"]), model.probabilities(["passive"]))


def test_a_gold_trigger_lands_on_the_main_verb_not_the_auxiliary_or_the_reporting_verb():
    from eventwire.train.events import _at, gold_trigger

    doc = build_doc([RESIGN])
    assert gold_trigger(doc, ("will", "resign")).text == "resign"
    assert _at(doc, doc.text.index("will")).text == "resign"
    said = build_doc([("They|they|PRON|PRP|nsubj|1 said|say|VERB|VBD|ROOT|1 "
                       "talks|talk|NOUN|NNS|dobj|1 .|.|PUNCT|.|punct|1")])
    assert gold_trigger(said, ("said", "talks")).text == "talks"
    assert gold_trigger(said, ("said",)) is None  # teaches nothing rather than "no event"


def test_the_threshold_is_the_model_files_for_the_coder_alone_and_in_the_chain(tmp_path):
    from dataclasses import replace

    from eventwire.extract.events.dictionary import ChainCoder

    strict = replace(tiny_model(), threshold=0.99)
    strict.save(tmp_path / "m.npz")
    loaded = LinearModel.load(tmp_path / "m.npz")
    assert LearnedCoder(loaded).threshold == pytest.approx(0.99)
    invaded = token(INVADED, "invaded")
    assert LearnedCoder(loaded).code(Candidate(invaded, invaded.sent)) is None  # p ~ 0.98
    chain = ChainCoder()
    learned = next(c for c in chain.coders if isinstance(c, LearnedCoder))
    assert learned.threshold == learned.model.threshold


def test_the_decision_sees_the_rule_lexicon_and_who_or_what_the_arguments_are():
    from eventwire.extract.events.features import argument_kinds, rule_readings

    fiscal = build_doc([(
        "The|the|DET|DT|det|1 chancellor|chancellor|NOUN|NN|nsubj|3 will|will|AUX|MD|aux|3 "
        "meet|meet|VERB|VB|ROOT|3 his|his|PRON|PRP$|poss|6 fiscal|fiscal|ADJ|JJ|amod|6 "
        "rules|rule|NOUN|NNS|dobj|3 .|.|PUNCT|.|punct|3"
    )])
    meet = fiscal[3]
    assert rule_readings(meet) == ["rule=NONE", "rule:needs=NONE"]  # meeting a rule
    assert set(argument_kinds(meet)) == {"nsubj:party=party", "dobj:party=thing"}
    names = features(meet)
    assert "rule=NONE" in names and "dobj:party=thing" in names
    blew = token(BLEW_UP, "blew")
    assert rule_readings(blew) == ["rule=COERCE", "rule:needs=COERCE"]
    assert "nsubj:party=party" in argument_kinds(blew)  # "the army"


def test_an_ngec_story_teaches_the_word_a_dictionary_reads_as_its_label():
    from eventwire.train.events import reading_trigger

    doc = build_doc([BLEW_UP])
    assert reading_trigger(doc, "COERCE").text == "blew"
    assert reading_trigger(doc, "AGREE") is None  # no word reads so: the story is skipped


def test_ngec_items_take_the_lead_sentence_up_to_a_cap_per_type(tmp_path):
    import random

    from eventwire.errors import MissingPathError
    from eventwire.train.events import ngec_items

    path = tmp_path / "stories.csv"
    rows = ["disclaimer,text,title,source,prompt,label,mode"]
    for n in range(4):
        rows.append(f'x,"Rebels attacked a convoy near the town number {n}. Second one here.",t,s,p,'
                    "ASSAULT,")
    rows.append('x,"Too short. Then more words follow here.",t,s,p,AGREE,')
    rows.append('x,"Officials met in the capital for talks today.",t,s,p,NOTATYPE,')
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = ngec_items(path, 3, random.Random(0))
    assert [i.label for i in items] == ["ASSAULT"] * 3  # capped; short and unknown dropped
    assert all(i.text.endswith(".") and "Second" not in i.text for i in items)
    with pytest.raises(MissingPathError):
        ngec_items(tmp_path / "nope.csv", 3, random.Random(0))
