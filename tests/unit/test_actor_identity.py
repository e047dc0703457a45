"""One identity per real-world actor across the store (issue 15, part 3): the key of an
entity, the store's actor columns and views, and the migration that fills them in for a
store written before them."""

from __future__ import annotations

import duckdb
import pytest
from test_store_docs import make_document

from eventwire.knowledge.identity import identity
from eventwire.store import Store


@pytest.mark.parametrize("names, key", [
    ([("Vladimir Putin", "PERSON", "RUS", "GOV"), ("Vladimir V. Putin", "PERSON", "RUS", None),
      ("Putin", "PERSON", "RUS", "GOV")], "person:vladimir putin"),
    ([("Zelensky", "PERSON", "UKR", None), ("Volodymyr Zelenskiy", "PERSON", "UKR", "GOV")],
     "person:volodymyr zelenskiy"),
    ([("US", "GPE", "USA", None), ("U.S.", "GPE", "USA", None), ("United States", "GPE", "USA", None),
      ("American", "NORP", "USA", None)], "state:USA"),
    ([("Britain", "GPE", "GBR", None), ("UK", "GPE", "GBR", None), ("British", "NORP", "GBR", None)],
     "state:GBR"),
    ([("Russia", "GPE", "RUS", None), ("Kremlin", "ORG", "RUS", "GOV"), ("Moscow", "ORG", "RUS", "GOV")],
     "state:RUS"),
    ([("U.N.", "ORG", None, "IGO"), ("United Nations", "ORG", None, "IGO")], "org:united nations"),
])
def test_the_names_of_one_actor_share_its_key(names, key):
    assert {identity(*n)[0] for n in names} == {key}


def test_what_is_not_the_same_actor_keeps_its_own_key():
    city = identity("Moscow", "GPE", "RUS", None)[0]  # the city as a place, not the state acting
    assert city == "gpe:moscow" != identity("Moscow", "ORG", "RUS", "GOV")[0]
    assert identity("Russians", "NORP", "RUS", "CVL")[0] != "state:RUS"  # the people
    assert identity("Hunter Biden", "PERSON", "USA", None)[0] != identity("Joe Biden", "PERSON", "USA", "GOV")[0]
    assert identity("Smith", "PERSON", None, None)[0] == "person:smith"  # no country: no roster guess
    assert identity("Russia", "GPE", "RUS", None)[1] == "Russia"


def test_the_store_keeps_the_actor_of_every_entity_and_a_view_of_actors(tmp_path):
    one = make_document("Vladimir Putin met envoys in Moscow.", title="one", input_id="1",
                        entities=[("E1", "Vladimir Putin", "PERSON", "RUS", "GOV"), ("E2", "Moscow", "GPE", "RUS", None)])
    two = make_document("Putin said the U.S. plan failed.", title="two", input_id="2",
                        entities=[("E1", "Putin", "PERSON", "RUS", "GOV"), ("E2", "U.S.", "GPE", "USA", None)])
    with Store(tmp_path / "s.duckdb") as store:
        store.add([one, two])
        actors = dict(store.con.execute("SELECT id, n_articles FROM actors").fetchall())
        names = store.con.execute("SELECT names FROM actors WHERE id = 'person:vladimir putin'").fetchone()[0]
        roles = store.con.execute("SELECT code, n_articles FROM actor_roles WHERE actor = 'person:vladimir putin'").fetchall()
    assert actors == {"person:vladimir putin": 2, "gpe:moscow": 1, "state:USA": 1}
    assert names == ["Putin", "Vladimir Putin"] and roles == [("RUSGOV", 2)]


def test_a_store_written_before_identities_gets_them_when_opened(tmp_path):
    path = tmp_path / "old.duckdb"
    doc = make_document("Volodymyr Zelenskiy spoke in Kyiv.", entities=[("E1", "Volodymyr Zelenskiy", "PERSON", "UKR", "GOV")])
    with Store(path) as store:
        store.add([doc])
    with duckdb.connect(str(path)) as con:  # as an eventwire of schema version 4 left it
        con.execute("DROP VIEW actors")
        con.execute("DROP VIEW actor_roles")
        con.execute("ALTER TABLE entities DROP COLUMN actor_name")
        con.execute("ALTER TABLE entities DROP COLUMN actor")
        con.execute("DELETE FROM schema_version WHERE version >= 5")
    with Store(path) as store:
        assert store.con.execute("SELECT actor, actor_name FROM entities").fetchall() == [
            ("person:volodymyr zelenskiy", "Volodymyr Zelenskiy")]
        assert store.con.execute("SELECT count(*) FROM actors").fetchone()[0] == 1


def test_an_actor_page_gathers_every_name_quote_and_event_of_the_actor(tmp_path):
    from test_api import client

    one = make_document('"We will not retreat," Putin told reporters in Moscow.', title="one", input_id="1",
                        published="2025-12-02",
                        entities=[("E1", "Putin", "PERSON", "RUS", "GOV"), ("E2", "Moscow", "GPE", "RUS", None)],
                        quotes=[("Q1", "We will not retreat,", "E1")])
    two = make_document('"Talks go on," said Vladimir Putin, who met the U.S. envoy.', title="two", input_id="2",
                        published="2025-12-04",
                        entities=[("E1", "Vladimir Putin", "PERSON", "RUS", "GOV"), ("E2", "U.S.", "GPE", "USA", None)],
                        events=[("V1", "CONSULT", "verbal_cooperation", "met", ["E1"], ["E2"], "asserted", None)],
                        quotes=[("Q1", "Talks go on,", "E1")])
    with Store(tmp_path / "s.duckdb") as store:
        store.add([one, two])
    with client(str(tmp_path / "s.duckdb")) as api:
        page = api.get("/actors/putin").json()  # a short name finds the actor
        assert page["actor"]["id"] == "person:vladimir putin" and page["actor"]["name"] == "Vladimir Putin"
        assert page["actor"]["names"] == ["Putin", "Vladimir Putin"]
        assert [r["code"] for r in page["actor"]["roles"]] == ["RUSGOV"]
        assert sorted(q["content"] for q in page["quotes"]) == ["Talks go on,", "We will not retreat,"]
        assert [e["event"] for e in page["events"]] == ["CONSULT"]
        listed = api.get("/actors", params={"name": "putin"}).json()
        assert [(a["id"], a["n_articles"]) for a in listed["items"]] == [("person:vladimir putin", 2)]
        html = api.get("/web/actors/Vladimir%20Putin").text
        assert "We will not retreat," in html and "Talks go on," in html
        assert html.count('<rect class="bar"') == 1 and "2025-12-04: 1 event<" in html  # its one event's day
        assert api.get("/actors/state:USA").json()["actor"]["name"] == "United States"


def test_a_story_shows_one_node_and_one_speaker_per_actor():
    from eventwire.stories.merge import merge_events
    from eventwire.web.story_view import network, quotes_by_speaker

    one = make_document('"No deal," Putin said after Russia rejected the US plan.', input_id="1",
                        entities=[("E1", "Putin", "PERSON", "RUS", "GOV"), ("E2", "Russia", "GPE", "RUS", None),
                                  ("E3", "US", "GPE", "USA", None)],
                        events=[("V1", "REJECT", "verbal_conflict", "rejected", ["E2"], ["E3"], "asserted", None)],
                        quotes=[("Q1", "No deal,", "E1")])
    two = make_document('"We wait," said Vladimir Putin as the Kremlin criticised the U.S. envoy.', input_id="2",
                        entities=[("E1", "Vladimir Putin", "PERSON", "RUS", "GOV"), ("E2", "Kremlin", "ORG", "RUS", "GOV"),
                                  ("E3", "U.S.", "GPE", "USA", None)],
                        events=[("V1", "ACCUSE", "verbal_conflict", "criticised", ["E2"], ["E3"], "asserted", None)],
                        quotes=[("Q1", "We wait,", "E1")])
    graph = network(merge_events([one, two]))
    assert sorted(n["name"] for n in graph["nodes"]) == ["Russia", "United States"]
    [edge] = graph["edges"]
    assert edge["count"] == 2 and edge["label"] == "ACCUSE, REJECT"
    speakers = quotes_by_speaker([one, two], {})
    assert [(s["speaker"], len(s["quotes"])) for s in speakers] == [("Vladimir Putin", 2)]


def test_the_party_filter_finds_an_actors_events_under_any_of_its_names(tmp_path):
    from eventwire.store.queries import Filters, run_query

    one = make_document("Putin met Witkoff.", input_id="1",
                        entities=[("E1", "Putin", "PERSON", "RUS", "GOV"), ("E2", "Witkoff", "PERSON", "USA", "GOV")],
                        events=[("V1", "CONSULT", "verbal_cooperation", "met", ["E1"], ["E2"], "asserted", None)])
    two = make_document("The envoy criticised Vladimir Putin.", input_id="2",
                        entities=[("E1", "Vladimir Putin", "PERSON", "RUS", "GOV")],
                        events=[("V1", "ACCUSE", "verbal_conflict", "criticised", [], ["E1"], "asserted", None)])
    with Store(tmp_path / "s.duckdb") as store:
        store.add([one, two])
        columns, rows = run_query(store.con, Filters(party="person:vladimir putin"))
        events = sorted(dict(zip(columns, r))["event"] for r in rows)
        none = run_query(store.con, Filters(party="person:nobody"))[1]
    assert events == ["ACCUSE", "CONSULT"] and none == []
