"""`eventwire serve` as a process (issue 13, parts 2 and 5): SIGTERM under a flood of posts
stops it in seconds, and a kill -9 in the middle of an ingest through it loses and doubles
nothing: the store opens on restart and holds every article it answered 201 for, once."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import duckdb
import pytest

TOKEN = "process-token"
TOWNS = ["Leeds", "Bristol", "Cardiff", "Glasgow", "Belfast", "Norwich", "Exeter", "Durham", "Bath",
         "Chester", "York", "Perth", "Derby", "Oxford", "Lincoln", "Ripon", "Wells", "Ely"]
ARTICLE = ("The council of {town} voted on Tuesday to spend {n} million pounds on new flood defences, "
           "the leader of the council said. \"We cannot wait for the next storm,\" she told reporters. "
           "Residents had asked for the work since the river burst its banks in {year}.")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(store, port: int) -> subprocess.Popen:
    """The server as a user starts it; returns once /health answers (the pipeline is built on
    the first post)."""
    env = {**os.environ, "EVENTWIRE_TOKEN": TOKEN}
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--store", str(store),
                             "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as answer:
                if answer.status == 200:
                    return proc
        except OSError:
            if proc.poll() is not None:
                raise AssertionError(proc.stderr.read().decode()) from None
            time.sleep(0.2)
    proc.kill()
    raise AssertionError("the server did not answer /health within 60 s")


def post(port: int, path: str, text: str, timeout: float = 120) -> int:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", json.dumps({"text": text}).encode(),
                                     {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0  # no answer: the server went away


def test_sigterm_under_a_flood_of_posts_stops_the_server_in_seconds(tmp_path):
    # issue 13: abandoned work was never cancelled, and SIGTERM then took ~100 s
    port = free_port()
    proc = start(tmp_path / "flood.duckdb", port)
    try:
        assert post(port, "/analyze", ARTICLE.format(town="Leeds", n=3, year=2015)) == 200  # pipeline built
        long_text = "\n\n".join(ARTICLE.format(town=t, n=i, year=2000 + i) for i, t in enumerate(TOWNS * 12))
        statuses: list[int] = []
        posters = [threading.Thread(target=lambda: statuses.append(post(port, "/analyze", long_text)))
                   for _ in range(8)]
        for poster in posters:
            poster.start()
        time.sleep(2)  # one is being analysed, three wait, four were refused
        signalled = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
        stopped_in = time.monotonic() - signalled
        for poster in posters:
            poster.join(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert stopped_in < 10, f"the server took {stopped_in:.1f} s to stop"
    assert len(statuses) == 8 and statuses.count(503) >= 7, statuses  # refused, or dropped at shutdown


@pytest.mark.parametrize("kill_after", [3, 7])
def test_a_server_killed_during_ingest_restarts_with_nothing_lost_or_doubled(tmp_path, kill_after):
    store = tmp_path / "kill.duckdb"
    texts = [ARTICLE.format(town=town, n=i + 2, year=1990 + i) for i, town in enumerate(TOWNS)]
    port = free_port()
    proc = start(store, port)
    answered: dict[str, int] = {}
    try:
        for text in texts[:kill_after]:
            answered[text] = post(port, "/articles", text)
        in_flight = threading.Thread(target=lambda: post(port, "/articles", texts[kill_after]))
        in_flight.start()
        time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)  # in the middle of the next article
        proc.wait(timeout=30)
        in_flight.join(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert set(answered.values()) == {201}

    port = free_port()
    proc = start(store, port)  # the store opens after the kill
    try:
        again = [post(port, "/articles", text) for text in texts]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=10) as answer:
            health = json.loads(answer.read())
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert again[:kill_after] == [200] * kill_after  # each stored before the kill is there, once
    assert set(again[kill_after + 1:]) == {201}
    assert again[kill_after] in (200, 201)  # the one in flight: stored whole, or not at all
    assert health["articles"] == len(texts)
    con = duckdb.connect(str(store), read_only=True)
    try:
        assert con.execute("select count(*), count(distinct id) from articles").fetchone() == (len(texts),) * 2
        for table in ("events", "quotes", "entities", "claims"):
            orphans = con.execute(f"select count(*) from {table} where article_id not in "
                                  "(select id from articles)").fetchone()[0]
            assert orphans == 0, table
    finally:
        con.close()
