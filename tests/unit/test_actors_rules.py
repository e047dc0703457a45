"""The actors component's pure parts on hand-built parses (no model): name clustering,
title parsing, relation patterns, code composition, and the component on a built doc."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.lang.en import English
from spacy.tokens import Doc

from eventwire.extract.actors import ActorsComponent
from eventwire.extract.actors.cluster import cluster, fullest_name
from eventwire.extract.actors.codes import compose_code
from eventwire.extract.actors.mentions import find_mentions, match_title
from eventwire.extract.actors.relations import apply_patterns, encode
from eventwire.extract.actors.tokens import TokenTable
from eventwire.model import Article
from eventwire.nlp import Annotated

VOCAB = English().vocab  # a blank English vocabulary: lexical attributes, no model


def make_doc(tagged: str) -> Doc:
    """A doc from "word/ENT word/POS ..." shorthand: ENT a label opens (B-) or continues (I-,
    written as =LABEL) an entity; otherwise the tag is the part of speech."""
    words, ents, pos = [], [], []
    for item in tagged.split():
        word, _, tag = item.rpartition("/")
        words.append(word)
        if tag.startswith("="):
            ents.append("I-" + tag[1:])
            pos.append("PROPN")
        elif tag.isupper() and tag not in {"NOUN", "ADJ", "PROPN", "PUNCT", "DET", "ADP", "CCONJ", "PART", "VERB"}:
            ents.append("B-" + tag)
            pos.append("PROPN")
        else:
            ents.append("O")
            pos.append(tag or "X")
    starts = [i == 0 for i in range(len(words))]
    return Doc(VOCAB, words=words, ents=ents, pos=pos, sent_starts=starts)


def names_of(doc, drafts):
    return [sorted({m.text(doc) for m in d.mentions}) for d in drafts]


def test_person_surnames_join_full_names_but_different_people_stay_apart():
    doc = make_doc("Vladimir/PERSON Putin/=PERSON met/VERB Putin/PERSON near/ADP "
                   "Vladimir/PERSON Lenin/=PERSON and/CCONJ Lenin/PERSON ./PUNCT")
    drafts = cluster(doc, find_mentions(doc))
    groups = names_of(doc, drafts)
    assert ["Putin", "Vladimir Putin"] in groups
    assert ["Lenin", "Vladimir Lenin"] in groups


def test_first_name_does_not_join_another_persons_surname():
    doc = make_doc("Donald/PERSON Trump/=PERSON and/CCONJ his/DET daughter/NOUN Ivanka/PRODUCT "
                   "and/CCONJ Trump/ORG ./PUNCT")
    drafts = cluster(doc, find_mentions(doc))
    by_name = {fullest_name(doc, d): d for d in drafts}
    assert by_name["Ivanka"].label == "PERSON"  # PRODUCT after a kinship word
    assert sorted(m.text(doc) for m in by_name["Donald Trump"].mentions) == ["Donald Trump", "Trump"]


def test_country_forms_cluster_and_possessive_is_stripped():
    doc = make_doc("the/DET U.S./GPE and/CCONJ United/GPE States/=GPE and/CCONJ America/GPE "
                   "'s/=GPE allies/NOUN")
    drafts = cluster(doc, find_mentions(doc))
    assert len(drafts) == 1 and drafts[0].key == "country:USA"
    assert sorted(m.text(doc) for m in drafts[0].mentions) == ["America", "U.S.", "United States"]
    assert fullest_name(doc, drafts[0]) == "United States"


def test_titles_leave_person_spans_and_seats_stay_apart_from_cities():
    doc = make_doc("President/PERSON Putin/=PERSON spoke/VERB in/ADP the/DET Kremlin/FAC in/ADP "
                   "MOSCOW/GPE and/CCONJ Moscow/GPE ./PUNCT")
    mentions = find_mentions(doc)
    assert [m.text(doc) for m in mentions] == ["Putin", "Kremlin", "MOSCOW", "Moscow"]
    drafts = cluster(doc, mentions)
    assert len(drafts) == 3
    kremlin = next(d for d in drafts if d.key.startswith("seat:"))
    assert (kremlin.label, kremlin.mentions[0].country, kremlin.mentions[0].sector) == ("ORG", "RUS", "GOV")
    moscow = next(d for d in drafts if "Moscow" in [m.text(doc) for m in d.mentions])
    assert fullest_name(doc, moscow) == "Moscow"


def test_roster_aliases_cluster_spellings():
    doc = make_doc("Volodymyr/PERSON Zelenskiy/=PERSON ,/PUNCT or/CCONJ Zelensky/PERSON ./PUNCT")
    drafts = cluster(doc, find_mentions(doc), date(2025, 1, 1))
    assert len(drafts) == 1 and drafts[0].tenure.country == "UKR"


@pytest.mark.parametrize("words, found", [
    ("son - in - law Jared", ("son", "-", "in", "-", "law")),
    ("Prime Minister Keir", ("prime", "minister")),
    ("special envoy Steve", ("special", "envoy")),
    ("Steve Witkoff", None),
])
def test_match_title_longest(words, found):
    doc = Doc(VOCAB, words=words.split())
    hit = match_title(doc, 0)
    assert (hit[0].phrase if hit else None) == found


def _relations(tagged: str):
    doc = make_doc(tagged)
    drafts = cluster(doc, find_mentions(doc))
    starts = {m.start: (m, d) for d in drafts for m in d.mentions}
    items = encode(doc, doc[:], starts, TokenTable.of(doc))
    found = apply_patterns(doc, items, {d.key: d for d in drafts})
    return doc, drafts, [(fullest_name(doc, r.subject), r.predicate, fullest_name(doc, r.object),
                          doc.text[r.start_char:r.end_char]) for r in found]


def test_possessor_distributes_over_coordinated_titles():
    _, _, rels = _relations(
        "Trump/PERSON 's/PART special/ADJ envoy/NOUN ,/PUNCT Steve/PERSON Witkoff/=PERSON ,/PUNCT "
        "and/CCONJ son/NOUN -/PUNCT in/ADP -/PUNCT law/NOUN Jared/PERSON Kushner/=PERSON went/VERB")
    assert ("Steve Witkoff", "envoy_of", "Trump", "Trump 's special envoy , Steve Witkoff") in rels
    assert any(r[:3] == ("Jared Kushner", "son_in_law_of", "Trump") for r in rels)


def test_appositive_of_with_nested_possessive():
    _, _, rels = _relations(
        "Kushner/PERSON ,/PUNCT the/DET husband/NOUN of/ADP Trump/PERSON 's/PART daughter/NOUN "
        "Ivanka/PERSON ,/PUNCT began/VERB")
    assert ("Kushner", "spouse_of", "Ivanka") in [r[:3] for r in rels]
    assert ("Ivanka", "child_of", "Trump") in [r[:3] for r in rels]


def test_nationality_title_points_at_the_country_named():
    _doc, drafts, rels = _relations(
        "Ukraine/GPE and/CCONJ Ukrainian/NORP President/NOUN Volodymyr/PERSON Zelenskiy/=PERSON ./PUNCT")
    assert ("Volodymyr Zelenskiy", "head_of", "Ukraine") in [r[:3] for r in rels]
    person = next(d for d in drafts if d.label == "PERSON")
    assert person.roles[0].title.canonical == "president"


@given(st.sampled_from([None, "RUS", "USA"]), st.sampled_from([None, "GOV", "MIL", "IGO"]))
def test_compose_code(country, sector):
    code = compose_code(country, sector)
    if country:
        assert code == country + (sector or "")
    elif sector in {"IGO", "NGO"}:
        assert code == sector
    else:
        assert code is None


def test_component_on_built_doc_codes_and_indexes_every_mention_token():
    doc = make_doc("Putin/PERSON 's/PART envoy/NOUN Kirill/PERSON Dmitriev/=PERSON met/VERB "
                   "Vladimir/PERSON Putin/=PERSON ./PUNCT")
    ann = Annotated(article=Article(id="x", text=doc.text, published="2025-12-03"), doc=doc)
    ActorsComponent()(ann)
    by_name = {e.name: e for e in ann.entities}
    assert by_name["Vladimir Putin"].code == "RUSGOV"
    assert by_name["Kirill Dmitriev"].code == "RUSGOV"  # staff inherit from whom they serve
    assert [(r.predicate, r.object) for r in ann.relations] == [("envoy_of", by_name["Vladimir Putin"].id)]
    for entity in ann.entities:
        for span in entity.mentions:
            assert ann.text[span.start:span.end] == span.text
            for token in ann.token_range(span.start, span.end):
                assert ann.token_entity[token.i] == entity.id
