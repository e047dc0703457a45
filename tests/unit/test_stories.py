"""Stories: incremental assignment on hand-made documents, B-cubed, merged events,
claim conflicts, and stories kept in the store."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_store_docs import make_document, talks_document

from eventwire.errors import UsageError
from eventwire.store import Store
from eventwire.store.stories import list_stories
from eventwire.stories import cluster
from eventwire.stories.bcubed import bcubed
from eventwire.stories.cluster import StoryIndex, baseline_index, day_gap
from eventwire.stories.conflicts import disagree, find_conflicts
from eventwire.stories.merge import merge_events

QUAKE = ("A strong earthquake struck {place} on {day}, killing {n} people and destroying homes. "
         "Rescue teams searched the rubble of collapsed buildings as aftershocks shook the region. "
         "{who} said the earthquake was the worst in decades.")
ELECTION = ("Voters in {place} went to the polls on {day} in a closely fought parliamentary election. "
            "{who} said turnout was high and results would be announced after counting the ballots.")


def quake(i, place, who, day, published):
    text = QUAKE.format(place=place, day=day, n=10 + i, who=who)
    return make_document(text, input_id=f"q-{place}-{i}", published=published,
                         entities=[("E1", who, "PERSON", None, None)],
                         places=[("P1", place, None, None, None)])


def election(i, place, who, published):
    text = ELECTION.format(place=place, day="Sunday", who=who)
    return make_document(text, input_id=f"e-{place}-{i}", published=published,
                         entities=[("E1", who, "PERSON", None, None)],
                         places=[("P1", place, None, None, None)])


def test_bcubed_on_a_known_example():
    p, r, f = bcubed({"a": "1", "b": "1", "c": "2"}, {"a": "X", "b": "Y", "c": "Y"})
    assert (round(p, 4), round(r, 4), round(f, 4)) == (0.6667, 0.6667, 0.6667)
    assert bcubed({"a": "1", "b": "1"}, {"a": "X", "b": "X"}) == (1.0, 1.0, 1.0)


def test_articles_about_one_event_share_a_story_and_other_events_do_not():
    index = StoryIndex()
    docs = [quake(0, "Haiti", "Jean Pierre", "Tuesday", "2010-01-12"),
            election(0, "Portugal", "Antonio Costa", "2015-10-04"),
            quake(1, "Haiti", "Jean Pierre", "Tuesday", "2010-01-13"),
            election(1, "Portugal", "Antonio Costa", "2015-10-05"),
            quake(2, "Haiti", "Jean Pierre", "Tuesday", "2010-01-14")]
    stories = [index.assign(d) for d in docs]
    assert stories[0] == stories[2] == stories[4]
    assert stories[1] == stories[3] != stories[0]
    assert len(index.stories) == 2 and index.n_docs == 5


def test_same_kind_of_event_elsewhere_years_later_is_another_story():
    """What plain TF-IDF cannot tell apart: same words, other place, people and years."""
    index = StoryIndex()
    haiti = [quake(i, "Haiti", "Jean Pierre", "Tuesday", f"2010-01-{12 + i}") for i in range(3)]
    chile = [quake(i, "Chile", "Michelle Bachelet", "Saturday", f"2014-04-{1 + i:02d}") for i in range(3)]
    ours = [index.assign(d) for d in haiti + chile]
    assert len(set(ours[:3])) == 1 and len(set(ours[3:])) == 1 and ours[0] != ours[3]
    base = baseline_index()
    plain = [base.assign(d) for d in haiti + chile]
    assert len(set(plain)) == 1  # the baseline merges them: the test shows what the rest adds


def test_day_gap():
    from datetime import date

    assert day_gap(date(2024, 1, 5), date(2024, 1, 1), date(2024, 1, 10)) == 0
    assert day_gap(date(2024, 1, 20), date(2024, 1, 1), date(2024, 1, 10)) == 10
    assert day_gap(None, date(2024, 1, 1), date(2024, 1, 10)) == 0


def test_stories_persist_and_grow_incrementally(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add([quake(0, "Haiti", "Jean Pierre", "Tuesday", "2010-01-12")])
        store.add([election(0, "Portugal", "Antonio Costa", "2015-10-04")])
    with Store(path) as store:  # a new session reloads the story state
        store.add([quake(1, "Haiti", "Jean Pierre", "Tuesday", "2010-01-13")])
        found = list_stories(store.con, sort="size")
        assert [s["articles"] for s in list_stories(store.con)] == [["e-Portugal-0"], ["q-Haiti-0", "q-Haiti-1"]]
        with pytest.raises(UsageError, match="--sort 'newest'"):
            list_stories(store.con, sort="newest")
    assert [s["articles"] for s in found] == [["q-Haiti-0", "q-Haiti-1"], ["e-Portugal-0"]]
    assert found[0]["first"] == "2010-01-12" and found[0]["last"] == "2010-01-13"
    assert set(json.loads(json.dumps(found[0]))) == {"story", "title", "articles", "first", "last"}


TALKS_B = "Vladimir Putin held talks with Steve Witkoff in Moscow, Russian media said. 30 people were hurt."


def test_the_same_event_from_two_articles_is_merged_with_both_sources():
    a = talks_document()
    b = make_document(
        TALKS_B, input_id="talks-2",
        entities=[("E1", "Putin", "PERSON", "RUS", "GOV"), ("E2", "Witkoff", "PERSON", "USA", "GOV")],
        events=[("V1", "CONSULT", "verbal_cooperation", "held talks", ["E1"], ["E2"], "asserted", None)],
        claims=[("C1", "injured", 30.0, None, "30 people were hurt")])
    merged = merge_events([a, b])
    consult = [m for m in merged if m.event == "CONSULT"]
    assert len(consult) == 1 and len(merged) == 2
    assert [m.article for m in consult[0].mentions] == ["talks-1", "talks-2"]
    assert [m.event_text.text for m in consult[0].mentions] == ["met", "held talks"]
    assert consult[0].sources == ["talks-1", "talks-2"]
    assert consult[0].actors == ["Vladimir Putin"] and consult[0].recipients == ["Steve Witkoff"]
    conflicts = find_conflicts([a, b])
    assert len(conflicts) == 1
    assert (conflicts[0].a.value, conflicts[0].b.value) == (12.0, 30.0)
    assert conflicts[0].b.evidence.text == "30 people were hurt"


@pytest.mark.parametrize("a, b, expected", [
    ((12, None, "exact"), (30, None, "exact"), True),
    ((12, None, "exact"), (12, None, "exact"), False),
    ((10, None, "at_least"), (12, None, "exact"), False),
    ((10, None, "at_most"), (12, None, "exact"), True),
    ((100, None, "about"), (105, None, "exact"), False),
    ((10, 20, "range"), (25, None, "exact"), True),
])
def test_claims_disagree_only_when_they_cannot_both_be_true(a, b, expected):
    from eventwire.model import Claim, Span

    def claim(value, top, bound):
        return Claim(id="C", about="deaths", value=value, max=top, bound=bound, evidence=Span(start=0, end=0, text=""))

    assert disagree(claim(*a), claim(*b)) is expected


def test_story_view_lists_merged_events_quotes_and_conflicts(tmp_path):
    from eventwire.stories.view import gather

    b = make_document(
        TALKS_B, input_id="talks-2", published="2025-12-04",
        entities=[("E1", "Putin", "PERSON", "RUS", "GOV"), ("E2", "Witkoff", "PERSON", "USA", "GOV")],
        events=[("V1", "CONSULT", "verbal_cooperation", "held talks", ["E1"], ["E2"], "asserted", None)],
        claims=[("C1", "injured", 30.0, "E1", "30 people were hurt")])
    with Store(tmp_path / "s.duckdb") as store:
        store.add([talks_document(), b])
        view = json.loads(json.dumps(gather(store, "S000001")))
    assert [t["article"] for t in view["timeline"]] == ["talks-1", "talks-2"]
    consult = next(e for e in view["events"] if e["event"] == "CONSULT")
    assert consult["sources"] == ["talks-1", "talks-2"] and len(consult["mentions"]) == 2
    assert view["quotes"] == {"Yuri Ushakov": [{"article": "talks-1", "kind": "direct", "text": "No compromise yet,",
                                                "cue": None, "said": "\u201cNo compromise yet,\u201d"}]}
    conflict = view["conflicts"][0]
    assert (conflict["a"]["value"], conflict["b"]["value"], conflict["b"]["claimant"]) == (12.0, 30.0, "Putin")
    assert {"name": "Vladimir Putin", "code": "RUSGOV", "articles": 2, "mentions": 2} in view["actors"][:2]
    assert len(view["actors"]) == 4  # Putin, Witkoff, Russia, Ushakov: short names folded in


_LABELS = st.dictionaries(st.sampled_from("abcdefghij"), st.sampled_from("xyz"), min_size=1)


@given(gold=_LABELS, seed=st.integers(0, 1000))
def test_bcubed_bounds_and_perfect_score(gold, seed):
    import random

    labels = list("pqr")
    predicted = {k: random.Random(seed + i).choice(labels) for i, k in enumerate(gold)}
    p, r, f = bcubed(gold, predicted)
    assert 0 < p <= 1 and 0 < r <= 1 and min(p, r) - 1e-12 <= f <= max(p, r) + 1e-12
    assert bcubed(gold, dict(gold)) == (1.0, 1.0, 1.0)
    assert bcubed(gold, {k: "one" for k in gold})[1] == 1.0  # one cluster: full recall


_CLAIMS = st.builds(
    lambda v, top, bound: (v, top, bound),
    st.floats(-1e6, 1e6, allow_nan=False), st.none() | st.floats(-1e6, 1e6, allow_nan=False),
    st.sampled_from(["exact", "at_least", "at_most", "about", "range"]))


@given(a=_CLAIMS, b=_CLAIMS)
def test_disagreement_is_symmetric_and_never_with_itself(a, b):
    from eventwire.model import Claim, Span

    def claim(value, top, bound):
        return Claim(id="C", about="deaths", value=value, max=top, bound=bound, evidence=Span(start=0, end=0, text=""))

    assert disagree(claim(*a), claim(*b)) == disagree(claim(*b), claim(*a))
    assert not disagree(claim(*a), claim(*a))


def undated_quake(i, place, who, day, value):
    """An article without a publication date: only the dates its text names say when."""
    text = QUAKE.format(place=place, day=day, n=10 + i, who=who)
    return make_document(text, input_id=f"u-{place}-{i}", times=[(day, value)],
                         entities=[("E1", who, "PERSON", None, None)],
                         places=[("P1", place, None, None, None)])


def test_undated_articles_split_on_the_people_places_and_years_they_name():
    """Two quakes told in the same words: without publication dates only the anchors the
    text names (who, where, which year) can tell them apart."""
    haiti = [undated_quake(i, "Haiti", "Jean Pierre", "January 12, 2010", "2010-01-12") for i in range(3)]
    chile = [undated_quake(i, "Chile", "Michelle Bachelet", "April 1, 2014", "2014-04-01") for i in range(3)]
    stream = [haiti[0], chile[0], haiti[1], chile[1], haiti[2], chile[2]]
    index = StoryIndex()
    ours = [index.assign(d) for d in stream]
    assert ours[0] == ours[2] == ours[4] and ours[1] == ours[3] == ours[5] and ours[0] != ours[1]
    base = baseline_index()
    assert len({base.assign(d) for d in stream}) == 1  # words alone merge them


def test_specific_anchor_features():
    from eventwire.stories.features import document_features

    text = "Brian G. Nichols and Nichols's lawyer met Sgt in Atlanta, Georgia on March 11, 2005, not in 2004."
    doc = make_document(text, entities=[("E1", "Brian G. Nichols", "PERSON", None, None),
                                        ("E2", "Sgt", "PERSON", None, None)],
                        places=[("P1", "Atlanta", "USA", None, None)],
                        times=[("March 11, 2005", "2005-03-11"), ("2004", "2004")])
    doc.places.append(doc.places[0].model_copy(update={"id": "P2", "name": "Georgia", "feature": "region"}))
    feats = document_features(doc)
    assert dict(feats["persons"]) == {"nichols": 1}  # one-word "persons" are mostly mis-tags
    assert dict(feats["cities"]) == {"atlanta": 1}  # regions and countries are not cities
    assert dict(feats["dates"]) == {"2005": 1, "2004": 1}


def test_a_bigger_story_needs_a_closer_article_and_a_shared_lead_year_helps():
    index = StoryIndex()
    first = undated_quake(0, "Haiti", "Jean Pierre", "January 12, 2010", "2010-01-12")
    sid = index.assign(first)
    story = index.stories[sid]
    weighted = index._weighted(index.vectors(first))
    small = index.similarity(weighted, story, None)
    story.n = 20  # the same centroid, as if twenty articles had built it
    assert index.similarity(weighted, story, None) < small
    other_year = undated_quake(1, "Haiti", "Jean Pierre", "January 12, 2011", "2011-01-12")
    story.n = 1
    assert index.similarity(index._weighted(index.vectors(other_year)), story, None) < small


def test_spread_orders_are_those_of_evaluate(tmp_path):
    from eventwire.eval.stories import load, reorder

    path = tmp_path / "docs.jsonl"
    rows = [{"doc_id": f"d{i}", "subtopic": "x", "text": f"text {i}"} for i in range(12)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    pairs = [("x", make_document(f"text {i}", input_id=f"d{i}")) for i in range(12) if i != 5]
    for seed in (1, 2):
        got = [doc.article.input_id for _, doc in reorder(pairs, path, seed)]
        assert got == [r["doc_id"] for r in load(path, None, seed) if r["doc_id"] != "d5"]


def test_every_feature_group_keeps_its_own_document_frequencies():
    from eventwire.stories.cluster import PREFIX
    from eventwire.stories.features import GROUPS

    assert set(PREFIX) == set(GROUPS) and len(set(PREFIX.values())) == len(GROUPS)


def _stream(n: int) -> list:
    places = ["Haiti", "Chile", "Nepal", "Peru", "Japan"]
    people = ["Jean Pierre", "Ana Lopez", "Ram Thapa", "Luis Diaz", "Ken Sato"]
    docs = []
    for i in range(n):
        k = (i * 7) % 5
        make = quake if i % 3 else (lambda i, p, w, d, pub: election(i, p, w, pub))
        docs.append(make(i, places[k], people[(k + i) % 5], "Monday", f"201{k}-0{1 + i % 9}-1{i % 9}"))
    return docs


@pytest.mark.parametrize("cut", [1, 7, 20])
def test_a_resumed_stream_assigns_exactly_as_an_uninterrupted_one(tmp_path, cut):
    """The story state is what the store holds: reopening the store half-way (as after a
    crash) must not change any assignment, even when centroids are truncated."""
    docs = _stream(30)
    with Store(tmp_path / "a.duckdb", max_terms=6) as store:
        for doc in docs:
            store.add([doc])
        whole = list_stories(store.con)
    with Store(tmp_path / "b.duckdb", max_terms=6) as store:
        for doc in docs[:cut]:
            store.add([doc])
    with Store(tmp_path / "b.duckdb", max_terms=6) as store:
        for doc in docs[cut:]:
            store.add([doc])
        resumed = list_stories(store.con)
    assert resumed == whole


def test_story_state_has_no_memory_beyond_what_the_store_keeps():
    """Postings follow centroid truncation and centroid norms are exact for the current
    document count: nothing an in-memory index knows differs from one reloaded from the
    store's state, so resumed and uninterrupted ingests cannot diverge."""
    index = StoryIndex(max_terms=6)
    for doc in _stream(30):
        index.assign(doc)
        for sid, story in index.stories.items():
            words = set(story.centroid.get("words", {}))
            posted = {t for t, ids in index._postings.items() if sid in ids}
            assert posted == words
            for group, cen in story.centroid.items():
                prefix = cluster.PREFIX[group]
                fresh = math.sqrt(sum((w * index.idf(f"{prefix}:{t}")) ** 2 for t, w in cen.items()))
                assert index._centroid_norm(prefix, cen) == pytest.approx(fresh, rel=1e-12)


def test_bare_counts_and_numbers_within_one_article_are_not_conflicts():
    one = make_document("Officials said 1200 drones were launched. 28 countries signed.", input_id="x",
                        claims=[("C1", "count", 1200, None, "1200 drones"), ("C2", "count", 28, None, "28 countries")])
    other = make_document("Envoys said 2 sides met.", input_id="y", claims=[("C1", "count", 2, None, "2 sides")])
    assert find_conflicts([one, other]) == []
    dead = make_document("12 people died.", input_id="z", claims=[("C1", "deaths", 12, None, "12 people")])
    same_article_twice = make_document("30 people died and 12 people died.", input_id="w",
                                       claims=[("C1", "deaths", 30, None, "30 people"), ("C2", "deaths", 12, None, "12 people")])
    assert find_conflicts([same_article_twice]) == []
    assert len(find_conflicts([dead, same_article_twice])) == 1  # 12 vs 30 across articles
