"""One writer, many readers (issue 13, part 1): a real server on 127.0.0.1 polls a feed in its
own process and takes `eventwire ingest --server` while it serves reads. The pipeline only
prepares articles (the serving is under test, not extraction); the feed is the local one of
``test_feeds.py``."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from test_api import PrepareOnly
from test_api_cancel import running
from test_feeds import server as feed_server  # noqa: F401  (the local feed, a fixture)
from typer.testing import CliRunner

from eventwire.errors import RefusedError
from eventwire.ingest.prepare import prepare
from eventwire.model import Document
from eventwire.pipeline import Outcome

TOKEN = "live-token"
STORY = ("The city council voted on Tuesday to approve a new budget for the harbour district, after "
         "a debate that lasted most of the afternoon and drew a large crowd of residents ({n}).")


class Prep(PrepareOnly):
    def pipe(self, raws):
        for raw in raws:
            try:
                yield Outcome(raw.origin, document=Document(article=prepare(raw)))
            except RefusedError as exc:  # a refusal, as the real pipeline yields it
                yield Outcome(raw.origin, error=exc)


def get(url: str) -> tuple[int, dict]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, json.loads(response.read())


@pytest.fixture()
def live(tmp_path, feed_server):  # noqa: F811
    """The server over a new store, polling the local feed every second; yields its URL."""
    from eventwire.api import create_app

    app = create_app(str(tmp_path / "live.duckdb"), token=TOKEN, pipeline=Prep(),
                     feeds=[f"{feed_server}/feed.xml"], every=1.0)
    with running(app) as port:
        yield f"http://127.0.0.1:{port}", app, str(tmp_path / "live.duckdb")


def test_the_server_polls_its_feed_while_readers_read(live):
    url, app, _ = live
    statuses, deadline = [], time.monotonic() + 20
    while time.monotonic() < deadline:  # read all the while the feed is polled and stored
        _, health = get(url + "/health")
        statuses.append(get(url + "/events")[0])
        if health["articles"] >= 3:
            break
        time.sleep(0.05)
    assert health["articles"] == 3  # one, two, slow; missing.html is a 404, refused
    assert set(statuses) == {200}
    assert app.state.poller.polls >= 1


def test_ingest_goes_through_the_server_that_holds_the_store(live, tmp_path, monkeypatch):
    from eventwire import cli

    url, _, store = live
    inputs = tmp_path / "wire.jsonl"
    rows = [{"id": f"w{n}", "text": STORY.format(n=n)} for n in range(3)] + [{"id": "de", "text": (
        "Die Gespräche zwischen den beiden Regierungen werden nächste Woche in Berlin fortgesetzt.")}]
    inputs.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    runner = CliRunner()
    # another process cannot open the store the server holds, and is told the way through
    direct = subprocess.run([str(Path(sys.executable).parent / "eventwire"), "ingest", str(inputs),
                             "--store", store], capture_output=True, text=True, timeout=120, check=False)
    assert direct.returncode != 0 and "in use by another process" in direct.stderr
    assert "--server URL" in direct.stderr

    monkeypatch.setenv("EVENTWIRE_TOKEN", TOKEN)
    first = runner.invoke(cli.app, ["ingest", str(inputs), "--server", url])
    assert first.exit_code == 0, first.output
    assert "stored 3 articles (0 already stored), refused 1 (1 not_english)" in first.output
    again = runner.invoke(cli.app, ["ingest", str(inputs), "--server", url])
    assert "stored 0 articles (3 already stored)" in again.output
    assert {a["input_id"] for a in get(url + "/articles?limit=100")[1]["items"]} >= {"w0", "w1", "w2"}

    monkeypatch.setenv("EVENTWIRE_TOKEN", "wrong")
    refused = runner.invoke(cli.app, ["ingest", str(inputs), "--server", url])
    assert refused.exit_code != 0 and "refused the write" in refused.output
    unreachable = runner.invoke(cli.app, ["ingest", str(inputs), "--server", "http://127.0.0.1:9"])
    assert unreachable.exit_code != 0 and "cannot reach the server" in unreachable.output
