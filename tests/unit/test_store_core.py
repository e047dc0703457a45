"""The store: idempotent and atomic batches, resumable ingest, migrations, bad files."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time

import duckdb
import pytest
from test_store_docs import make_document, talks_document

from eventwire.errors import EmptyArticleError, StoreError
from eventwire.pipeline import Outcome
from eventwire.store import Refusal, Store
from eventwire.store import core as store_core
from eventwire.store.migrations import LATEST, MIGRATIONS, migrate


def corpus(n: int) -> list:
    return [make_document(f"Article number {i} says the council met on Monday about the budget.",
                          input_id=f"a{i}", published=f"2024-01-{1 + i % 28:02d}") for i in range(n)]


def table_counts(path) -> dict[str, int]:
    with Store(path, read_only=True) as store:
        return {t: store.count(t) for t in ("articles", "events", "event_actors", "claims",
                                             "refusals", "stories", "entities", "times")}


def test_ingesting_twice_changes_nothing(tmp_path):
    path = tmp_path / "s.duckdb"
    docs = [talks_document(), *corpus(5)]
    refusal = Refusal("bad.txt", "empty", "the article has no text")
    with Store(path) as store:
        first = store.add(docs, [refusal])
    before = table_counts(path)
    with Store(path) as store:
        again = store.add(docs + docs[:2], [refusal])
        assert store.refusals() == [refusal]
    assert (first.added, again.added, again.skipped, again.refused) == (6, 0, 8, 0)
    assert table_counts(path) == before
    assert before["articles"] == 6 and before["events"] == 2 and before["refusals"] == 1


def test_a_failed_batch_writes_nothing_and_a_rerun_completes(tmp_path, monkeypatch):
    path = tmp_path / "s.duckdb"
    docs = corpus(9)
    calls = {"n": 0}
    real = store_core.events.claim_rows

    def crash_on_second_batch(doc):
        calls["n"] += 1
        if calls["n"] == 4:  # inside the second batch, after its articles were appended
            raise RuntimeError("killed")
        return real(doc)

    monkeypatch.setitem(store_core._CHILD_ROWS, "claims", crash_on_second_batch)
    with Store(path) as store, pytest.raises(RuntimeError):
        for _ in store.ingest((Outcome(f"o{i}", document=d) for i, d in enumerate(docs)), batch_size=3):
            pass
    assert table_counts(path)["articles"] == 3
    monkeypatch.setitem(store_core._CHILD_ROWS, "claims", real)
    with Store(path) as store:
        results = list(store.ingest((Outcome(f"o{i}", document=d) for i, d in enumerate(docs)), batch_size=3))
        assert sum(r.added for r in results) == 6 and sum(r.skipped for r in results) == 3
        assert [d.article.input_id for d in store.documents()] == [f"a{i}" for i in range(9)]
    counts = table_counts(path)
    assert counts["articles"] == 9 and counts["times"] == 0


def test_a_killed_process_leaves_only_whole_batches(tmp_path):
    """A real crash: the process dies in the middle of a batch's transaction."""
    path = tmp_path / "s.duckdb"
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(__import__('pathlib').Path(__file__).parent)!r})
        from test_store_docs import make_document
        from eventwire.store import Store, core
        docs = [make_document(f"Story {{i}} about the port strike.", input_id=str(i)) for i in range(6)]
        store = Store({str(path)!r})
        store.add(docs[:3])
        real = core.Store._append
        def dying(self, name, rows):
            real(self, name, rows)
            if name == "articles":
                os._exit(9)
        core.Store._append = dying
        store.add(docs[3:])
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 9, done.stderr
    with Store(path) as store:
        assert store.count("articles") == 3
        store.add([make_document(f"Story {i} about the port strike.", input_id=str(i)) for i in range(6)])
        assert store.count("articles") == 6


def test_migrations_run_in_order_and_upgrade_an_old_store(tmp_path):
    path = str(tmp_path / "old.duckdb")
    with duckdb.connect(path) as con:
        assert migrate(con, path, upto=1) == ["initial_tables"]
    with Store(path) as store:
        rows = store.con.execute("SELECT version, name FROM schema_version ORDER BY applied_at, version").fetchall()
        assert rows == [(n, name) for n, name, _ in MIGRATIONS]
        assert store.version() == LATEST
        store.add([talks_document()])
        assert store.count("stories") == 1
    assert [n for n, _, _ in MIGRATIONS] == sorted(n for n, _, _ in MIGRATIONS)


def test_a_store_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "new.duckdb"
    with Store(path) as store:
        store.con.execute("INSERT INTO schema_version VALUES (?, 'from_the_future', now())", [LATEST + 1])
    before = path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(StoreError, match="newer than this eventwire"):
            Store(path, read_only=read_only)
    assert path.read_bytes() == before


def test_a_corrupt_file_is_refused_untouched(tmp_path):
    path = tmp_path / "corrupt.duckdb"
    path.write_bytes(b"this is not a database\x00\x01" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not an eventwire store") as caught:
        Store(path)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == before


@pytest.mark.parametrize("damage", ["truncated", "checksum"])
def test_a_damaged_store_is_named_as_damage_and_left_untouched(tmp_path, damage):
    # issue 13: damaged blocks were reported as "in use by another process" ("block" holds
    # "lock"), and a truncated store opened, then failed on its first read
    path = tmp_path / f"{damage}.duckdb"
    with Store(path) as store:
        store.add(corpus(40))
    data = bytearray(path.read_bytes())
    if damage == "truncated":
        data = data[: len(data) * 6 // 10]
    else:
        for at in range(3 * 4096 + 8, len(data), 262144):  # the first bytes of every block
            data[at:at + 64] = b"\x13" * 64
    path.write_bytes(bytes(data))
    for read_only in (False, True):
        with pytest.raises(StoreError, match="is damaged") as caught:
            Store(path, read_only=read_only)
        assert "in use" not in str(caught.value) and "\n" not in str(caught.value)
    assert path.read_bytes() == bytes(data)


def test_a_missing_store_is_refused_for_reading(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        Store(tmp_path / "nothing.duckdb", read_only=True)
    assert not (tmp_path / "nothing.duckdb").exists()


def test_a_locked_store_is_refused(tmp_path):
    path = tmp_path / "locked.duckdb"
    with Store(path) as store:
        store.add([talks_document()])
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(path)!r}); print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        for read_only in (False, True):
            with pytest.raises(StoreError, match="in use by another process"):
                Store(path, read_only=read_only)
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)
    assert table_counts(path)["articles"] == 1


def test_refusals_from_outcomes_are_recorded_with_code_and_message(tmp_path):
    err = EmptyArticleError("the article has no text", where="x.txt")
    with Store(tmp_path / "s.duckdb") as store:
        list(store.ingest([Outcome("x.txt", error=err), Outcome("y", document=talks_document())]))
        assert store.refusals() == [Refusal("x.txt", "empty", "the article has no text")]
        assert store.count("articles") == 1


def test_a_read_only_store_refuses_writes(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    with Store(path, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.add([talks_document()])


def test_a_version_1_document_is_read_back_migrated_with_quote_parts(tmp_path):
    path = tmp_path / "v1.duckdb"
    doc = talks_document()
    old = doc.model_dump(mode="json")
    old["schema_version"] = "1"
    for q in old["quotes"]:
        del q["parts"]
    with Store(path) as store:  # then made into a store written by a version 1 eventwire
        store.add([doc])
        store.con.execute("UPDATE articles SET document = ?", [json.dumps(old)])
        store.con.execute("ALTER TABLE quotes DROP COLUMN parts")
        store.con.execute("DELETE FROM schema_version WHERE version >= 4")  # quote_parts and later
    with duckdb.connect(str(path)) as con:
        assert '"parts"' not in con.execute("SELECT document FROM articles").fetchone()[0]
    with Store(path) as store:
        back = store.document(doc.article.id)
        raw = json.loads(store.con.execute("SELECT document FROM articles").fetchone()[0])
        column = store.con.execute("SELECT parts FROM quotes").fetchall()
    assert back == doc and back.schema_version == "2"
    assert raw["schema_version"] == "2" and raw["quotes"][0]["parts"] == [raw["quotes"][0]["content"]]
    assert [json.loads(c) for (c,) in column] == [[q["content"]] for q in old["quotes"]]


def test_damage_met_while_a_command_runs_is_one_line_not_a_traceback(capsys):
    import typer

    from eventwire.cli.common import friendly

    @friendly
    def reads_a_missing_block():
        raise duckdb.IOException('IO Error: Could not read enough bytes from file "/data/s.duckdb": '
                                 "attempted to read 262144 bytes from location 3158016")

    @friendly
    def fails_otherwise():
        raise duckdb.BinderException("Binder Error: column x not found")

    for command, said in ((reads_a_missing_block, "the store /data/s.duckdb is damaged"),
                          (fails_otherwise, "the store failed: Binder Error")):
        with pytest.raises(typer.Exit) as exited:
            command()
        assert exited.value.exit_code == StoreError.exit_code
        assert said in capsys.readouterr().err
