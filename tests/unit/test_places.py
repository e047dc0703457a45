"""The places component on hand-built parses (no model): mentions, the keep rule,
clustering and the token index."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from eventwire.extract.places import PlacesComponent
from eventwire.model import Article, Dateline, Span
from eventwire.nlp import Annotated


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def annotated(vocab, words, ents, pos=None, dateline: str | None = None, country=None) -> Annotated:
    """An Annotated over ``words`` joined by single spaces, with IOB entity tags."""
    spaces = [True] * (len(words) - 1) + [False]
    doc = Doc(vocab, words=words, spaces=spaces, ents=ents, pos=pos)
    text = doc.text
    line = None
    if dateline:
        line = Dateline(place=dateline.title(), country=country,
                        span=Span(start=0, end=len(dateline), text=text[:len(dateline)]))
    ann = Annotated(article=Article(id="x", text=text, dateline=line), doc=doc)
    PlacesComponent()(ann)
    return ann


def by_name(ann: Annotated) -> dict:
    return {p.name: p for p in ann.places}


def test_aliases_cluster_into_one_place(vocab):
    words = ["The", "US", "and", "the", "United", "States", "of", "America", "met", "Russia"]
    ents = ["O", "B-GPE", "O", "O", "B-GPE", "I-GPE", "I-GPE", "I-GPE", "O", "B-GPE"]
    places = by_name(annotated(vocab, words, ents))
    assert list(places) == ["United States", "Russia"]
    assert [m.text for m in places["United States"].mentions] == ["US", "United States of America"]


def test_every_mention_token_is_indexed_and_nothing_else(vocab):
    words = ["Talks", "in", "the", "Gaza", "Strip", "and", "Donbas", "ended"]
    ents = ["O", "O", "B-LOC", "I-LOC", "I-LOC", "O", "O", "O"]  # NER missed Donbas
    ann = annotated(vocab, words, ents)
    ids = {p.name: p.id for p in ann.places}
    assert ann.token_place == {3: ids["Gaza Strip"], 4: ids["Gaza Strip"], 6: ids["Donbas"]}
    assert by_name(ann)["Gaza Strip"].mentions[0].text == "Gaza Strip"  # "the" trimmed


def test_dateline_place_is_a_mention_with_its_country(vocab):
    words = ["MOSCOW", ",", "Dec", "3", "—", "Talks", "in", "Moscow", "ended"]
    ents = ["O"] * 7 + ["B-GPE", "O"]
    ann = annotated(vocab, words, ents, dateline="MOSCOW", country="RUS")
    moscow = by_name(ann)["Moscow"]
    assert moscow.country == "RUS" and [m.text for m in moscow.mentions] == ["MOSCOW", "Moscow"]
    assert moscow.geonameid == 524901  # the capital, not Moscow, Idaho


def test_a_persons_surname_tagged_gpe_is_not_a_place(vocab):
    words = ["Vladimir", "Putin", "met", "envoys", ".", "Putin", "said", "no"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "B-GPE", "O", "O"]
    assert annotated(vocab, words, ents).places == []


def test_unknown_names_kept_only_when_they_look_like_places(vocab):
    words = ["Shelling", "hit", "Zelenivka", "district", "and", "Blorg", "said", "NATO", "agreed"]
    ents = ["O", "O", "B-LOC", "I-LOC", "O", "B-GPE", "O", "B-GPE", "O"]
    places = by_name(annotated(vocab, words, ents))
    assert list(places) == ["Zelenivka district"]
    assert places["Zelenivka district"].country is None and places["Zelenivka district"].lat is None


def test_institution_building_needs_a_locative_preposition(vocab):
    words = ["The", "Kremlin", "said", "talks", "in", "the", "Kremlin", "ended"]
    ents = ["O", "B-ORG", "O", "O", "O", "O", "B-FAC", "O"]
    pos = ["DET", "PROPN", "VERB", "NOUN", "ADP", "DET", "PROPN", "VERB"]
    ann = annotated(vocab, words, ents, pos=pos)
    assert [m.start for m in by_name(ann)["Kremlin"].mentions] == [ann.text.rindex("Kremlin")]


def test_norp_is_never_a_place(vocab):
    words = ["Russian", "and", "Ukrainian", "officials", "met"]
    ents = ["B-NORP", "O", "B-NORP", "O", "O"]
    assert annotated(vocab, words, ents).places == []


def test_component_declares_what_it_reads_and_writes():
    comp = PlacesComponent()
    assert (comp.name, comp.requires, comp.assigns) == ("places", ("doc",), ("places", "token_place"))


def test_a_country_that_is_also_a_persons_surname_is_not_a_place(vocab):
    words = ["Michael", "Jordan", "'s", "team", "won", ".", "Jordan", "scored"]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O", "O", "O"]
    assert annotated(vocab, words, ents).places == []
