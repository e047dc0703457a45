"""The NER and actor scorers' pure parts: CoNLL reading and PLOVER gold matching."""

from __future__ import annotations

from eventwire.eval.actors import best_entity, country_ok, gold_actors
from eventwire.eval.ner import _Tally, read_conll
from eventwire.model import Entity, Span

CONLL = """-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
in IN I-PP O
New NNP I-NP I-LOC
York NNP I-NP I-LOC
B NNP I-NP B-LOC
. . O O
-DOCSTART- -X- O O

Paris NNP I-NP I-LOC
"""


def test_read_conll_rebuilds_text_and_iob1_spans(tmp_path):
    path = tmp_path / "eng.testa"
    path.write_text(CONLL, encoding="utf-8")
    docs = read_conll(path)
    assert len(docs) == 2
    text, spans = docs[0]
    assert text == "EU rejects German call .\nPeter Blackburn in New York B ."
    assert {text[s:e] + "/" + t for s, e, t in spans} == {
        "EU/ORG", "Peter Blackburn/PER", "New York/LOC", "B/LOC"}  # B- starts a new span; MISC dropped
    assert docs[1][0] == "Paris"


def test_tally_micro_and_per_type():
    tally = _Tally()
    tally.add({(0, 2, "ORG"), (3, 5, "PER")}, {(0, 2, "ORG"), (3, 5, "LOC")})
    assert tally.prf() == (0.5, 0.5, 0.5)
    assert tally.prf("ORG") == (1.0, 1.0, 1.0)
    assert tally.prf("PER")[0] == 0.0


def _entity(eid, text, start, country=None, sector=None):
    span = Span(start=start, end=start + len(text), text=text)
    return Entity(id=eid, name=text, type="ORG", country=country, sector=sector, mentions=[span])


def test_gold_actor_matching():
    record = {"id": "r1", "text": "Israeli soldiers arrested UN staff.",
              "source": [{"actorText": "Israeli soldiers", "code": "ISR", "sector": "MIL"}],
              "target": [{"actorText": "UN", "code": "IGO"}, {"actorText": "missing", "code": "X"}]}
    golds = gold_actors(record)
    assert [(g.text, g.start, g.end) for g in golds] == [("Israeli soldiers", 0, 16), ("UN", 26, 28)]
    entities = [_entity("E1", "Israeli", 0, "ISR"), _entity("E2", "Israeli soldiers", 0, "ISR", "MIL"),
                _entity("E3", "UN", 26, None, "IGO")]
    assert best_entity(entities, 0, 16).id == "E2"
    assert country_ok(best_entity(entities, 26, 28), "IGO")
    assert not country_ok(None, "ISR")


def test_conll_types_keep_a_capital_standing_for_its_government_a_place():
    from eventwire.eval.ner import _conll_type
    from eventwire.extract.actors.cluster import Draft
    from eventwire.extract.actors.tokens import NameMention

    acting = NameMention(0, 1, "ORG", key="capital-gov:RUS")
    assert _conll_type(Draft(key="capital-gov:RUS", label="ORG", mentions=[acting]), acting) == "LOC"
    company = NameMention(0, 1, "ORG")
    assert _conll_type(Draft(key="gazprom", label="ORG", mentions=[company]), company) == "ORG"
    city = NameMention(0, 1, "GPE")
    assert _conll_type(Draft(key="moscow", label="GPE", mentions=[city]), city) == "LOC"
