"""``eventwire ingest`` and the store commands end to end, with the real model."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

pytestmark = pytest.mark.slow

QUAKE = ("A strong earthquake struck northern {place} on Tuesday, killing at least {n} people. "
         "Rescue teams searched collapsed buildings through the night, officials said.")


def app() -> typer.Typer:
    from eventwire import cli

    return cli.app


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    rows = [{"id": f"q{i}", "text": QUAKE.format(place="Chile", n=10 + i), "published": "2024-04-0" + str(i + 1)}
            for i in range(3)]
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def test_ingest_query_stories_and_rerun(corpus, tmp_path, nlp):
    runner, store = CliRunner(), str(tmp_path / "s.duckdb")
    first = runner.invoke(app(), ["ingest", str(corpus), "--store", store])
    assert first.exit_code == 0, first.output
    assert "stored 3 articles (0 already stored), refused 1 (1 empty)" in first.output
    again = runner.invoke(app(), ["ingest", str(corpus), "--store", store])
    assert again.exit_code == 0 and "stored 0 articles (3 already stored)" in again.output
    listed = runner.invoke(app(), ["stories", "--format", "jsonl", "--store", store])
    lines = [json.loads(line) for line in listed.stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and set(lines[0]) == {"story", "title", "articles", "first", "last"}
    assert lines[0]["articles"] == ["q0", "q1", "q2"] and lines[0]["first"] == "2024-04-01"
    shown = runner.invoke(app(), ["story", lines[0]["story"], "--format", "json", "--store", store])
    assert shown.exit_code == 0 and len(json.loads(shown.stdout)["timeline"]) == 3
    count = runner.invoke(app(), ["sql", "SELECT count(*) AS n FROM refusals", "--format", "json", "--store", store])
    assert json.loads(count.stdout) == [{"n": 1}]
    bad = runner.invoke(app(), ["sql", "DROP TABLE articles", "--store", store])
    assert bad.exit_code == 11 and "the query failed" in bad.output
    summary = runner.invoke(app(), ["summary", "--store", store])
    assert summary.exit_code == 0, summary.output
    assert "3 articles" in summary.stdout and "1 refusals" in summary.stdout
    assert "earthquake" in summary.stdout.lower()


def test_ingest_into_a_corrupt_store_is_one_line_and_changes_nothing(corpus, tmp_path):
    store = tmp_path / "bad.duckdb"
    store.write_bytes(b"garbage" * 1000)
    result = CliRunner().invoke(app(), ["ingest", str(corpus), "--store", str(store)])
    assert result.exit_code == 11
    assert "not an eventwire store" in result.output and len(result.output.strip().splitlines()) == 1
    assert store.read_bytes() == b"garbage" * 1000


def test_hostile_lines_are_refused_alone_and_the_rest_is_stored(tmp_path, nlp, monkeypatch):
    # issue 13: a text past what one parse may take, and a lone surrogate, each aborted the
    # whole file (a traceback, nothing stored); now each is one refusal line
    monkeypatch.setenv("EVENTWIRE_MAX_CHARS", "2000")
    good = {"id": "ok", "text": QUAKE.format(place="Chile", n=12)}
    lines = [json.dumps({"id": "long", "text": QUAKE.format(place="Peru", n=3) * 20}),
             '{"id": "sur", "text": "Rescuers \\ud800 said the quake killed many people in Peru on Tuesday."}',
             json.dumps(good)]
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = str(tmp_path / "h.duckdb")
    result = CliRunner().invoke(app(), ["ingest", str(path), "--store", store])
    assert result.exit_code == 0, result.output
    assert "stored 1 articles" in result.output and "1 too_large" in result.output
    assert "1 invalid_json_line" in result.output and "Traceback" not in result.output


def test_ingest_dates_plain_text_and_leaves_articles_with_their_own_date(corpus, tmp_path, nlp):
    # issue 14: `ingest` had no --published, so plain text stored without a date
    (corpus / "chile.txt").write_text(QUAKE.format(place="Peru", n=7), encoding="utf-8")
    runner, store = CliRunner(), str(tmp_path / "p.duckdb")
    done = runner.invoke(app(), ["ingest", str(corpus), "--store", store, "--published", "2024-05-06",
                                 "--source", "Andes Wire"])
    assert done.exit_code == 0, done.output
    sql = "SELECT coalesce(input_id, 'txt') AS id, published, source FROM articles ORDER BY id"
    rows = runner.invoke(app(), ["sql", sql, "--format", "json", "--store", store])
    found = {r["id"]: (r["published"], r["source"]) for r in json.loads(rows.stdout)}
    assert found["txt"] == ("2024-05-06", "Andes Wire")  # plain text takes the option
    assert found["q0"] == ("2024-04-01", "Andes Wire")  # a JSONL date of its own is kept
    bad = runner.invoke(app(), ["ingest", str(corpus), "--store", store, "--published", "2024-13-06"])
    assert bad.exit_code == 2 and "not a real date" in bad.output
