"""Issue 15: three articles naming one person in three ways are one actor in the store, in
``eventwire summary`` and on the actor's page (real model, real pipeline)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

pytestmark = pytest.mark.slow

ARTICLES = {
    "a.txt": "MOSCOW, Dec 3 (Wire) - Vladimir Putin met the U.S. envoy in the Kremlin on Tuesday.\n",
    "b.txt": "MOSCOW, Dec 4 (Wire) - Russian President Vladimir V. Putin said on Wednesday that talks would go on.\n",
    "c.txt": "KYIV, Dec 5 (Wire) - President Putin rejected the plan, the Kremlin said on Thursday.\n",
}


def test_three_articles_naming_one_person_three_ways_find_one_actor(tmp_path):
    from eventwire import cli

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = str(tmp_path / "s.duckdb")
    runner = CliRunner()
    assert runner.invoke(cli.app, ["ingest", str(folder), "--store", store]).exit_code == 0
    query = ("SELECT id, names, n_articles FROM actors WHERE id LIKE 'person:%' ORDER BY id")
    answer = runner.invoke(cli.app, ["sql", query, "--format", "json", "--store", store])
    people = json.loads(answer.stdout)
    assert len(people) == 1, people
    assert people[0]["id"] == "person:vladimir putin" and people[0]["n_articles"] == 3
    assert set(people[0]["names"]) == {"Vladimir Putin", "Vladimir V. Putin", "Putin"}
    states = json.loads(runner.invoke(cli.app, ["sql", "SELECT id FROM actors WHERE id LIKE 'state:%' ORDER BY id",
                                                "--format", "json", "--store", store]).stdout)
    assert [s["id"] for s in states] == ["state:RUS", "state:USA"]  # Kremlin, Russian: one Russia
    summary = runner.invoke(cli.app, ["summary", "--store", store, "--top", "20"]).stdout
    actors = summary.split("Most active actors")[1].split("Events by")[0]
    assert actors.count("Putin") == 1, actors
