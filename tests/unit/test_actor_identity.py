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
