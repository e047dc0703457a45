"""Work a client cannot turn into a denial of service (issue 13, part 2): a client that goes
away drops its article, waiting or being analysed, and a stopping server ends its analyses at
their next step. And what uvicorn answers by itself is in the API's error shape (part 4). A real server on 127.0.0.1 (uvicorn in a thread) with a pipeline whose steps
are slow on purpose, so what is dropped and when can be seen."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time

import pytest
from test_api import AUTH, PrepareOnly, make_store

from eventwire.api.backend import Gone

TEXT = "Officials in Rome said on Monday that the talks would resume next week after a long pause."


class Steps(PrepareOnly):
    """The real preparation, then ``steps`` steps of ``pause`` seconds, each after the check
    the backend passes (as the real pipeline checks before each component)."""

    def __init__(self, steps: int = 40, pause: float = 0.05):
        self.steps, self.pause = steps, pause
        self.started = self.finished = self.stopped = 0

    def analyse(self, raw, check=None):
        self.started += 1
        try:
            for _ in range(self.steps):
                check()
                time.sleep(self.pause)
        except Exception:
            self.stopped += 1
            raise
        self.finished += 1
        return super().analyse(raw)


@pytest.fixture()
def served(tmp_path):
    """A server over the hand-built store with a ``Steps`` pipeline; yields (port, app, steps)."""
    from eventwire.api import create_app

    steps = Steps()
    app = create_app(make_store(tmp_path), token=AUTH["Authorization"].split()[1], pipeline=steps)
    with running(app) as port:
        yield port, app, steps


@contextlib.contextmanager
def running(app):
    """``app`` served as `eventwire serve` serves it, by a thread, on a free port of 127.0.0.1;
    yields the port and stops the server after."""
    from eventwire.api.server import make_server

    server = make_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    try:
        yield server.servers[0].sockets[0].getsockname()[1]
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def post(port: int, path: str = "/analyze") -> socket.socket:
    """Send one POST and return the open socket, answer unread: the client may then leave."""
    body = json.dumps({"text": TEXT}).encode()
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 f"Authorization: {AUTH['Authorization']}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
    return sock


def status_of(sock: socket.socket) -> int:
    head = b""
    while b"\r\n" not in head:
        head += sock.recv(1024)
    sock.close()
    return int(head.split()[1])


def until(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_an_article_being_analysed_is_dropped_when_its_client_goes_away(served):
    port, app, steps = served
    sock = post(port)
    assert until(lambda: steps.started == 1)
    sock.close()  # the client goes away two seconds before its answer would be ready
    assert until(lambda: steps.stopped == 1, seconds=5)
    assert steps.finished == 0
    backend = app.state.backend
    assert until(lambda: backend._analyse_lock.acquire(blocking=False), seconds=5)  # the pipeline is free
    backend._analyse_lock.release()


def test_a_waiting_article_whose_client_left_is_never_analysed(served):
    port, _, steps = served
    first = post(port)
    assert until(lambda: steps.started == 1)
    second = post(port)  # waits for the first
    time.sleep(0.3)
    second.close()
    assert status_of(first) == 200
    time.sleep(0.5)
    assert steps.started == 1 and steps.finished == 1  # the second was dropped while it waited


def test_a_stored_article_whose_client_left_before_its_analysis_is_not_stored(served):
    port, app, steps = served
    before = app.state.backend.store.con.execute("select count(*) from articles").fetchone()[0]
    sock = post(port, "/articles")
    assert until(lambda: steps.started == 1)
    sock.close()
    assert until(lambda: steps.stopped == 1, seconds=5)
    time.sleep(0.2)
    assert app.state.backend.store.con.execute("select count(*) from articles").fetchone()[0] == before


def test_a_stopping_server_ends_running_and_waiting_analyses_at_once(served):
    port, app, steps = served
    running, waiting = post(port), post(port)
    assert until(lambda: steps.started == 1)
    started = time.monotonic()
    app.state.backend.stopping()  # what SIGTERM does first under `eventwire serve`
    assert status_of(running) == 503 and status_of(waiting) == 503
    assert time.monotonic() - started < 1.5  # not the 2 s the first would still take, plus 2 s more
    assert steps.stopped == 1 and steps.finished == 0


def test_an_article_over_its_time_budget_is_dropped_with_a_reason(tmp_path):
    import asyncio

    from eventwire.api.backend import Backend
    from eventwire.ingest.raw import RawArticle
    from eventwire.settings import Settings

    steps = Steps(steps=20, pause=0.05)
    backend = Backend(make_store(tmp_path), Settings(), writable=False, pipeline=steps, budget=0.2)
    with pytest.raises(Exception, match="took over 0.2 s") as slow:
        backend.analyse(RawArticle(text=TEXT))
    assert slow.value.status == 503 and slow.value.code == "too_slow" and steps.stopped == 1

    backend._budget = 60.0

    async def leaves_at_once() -> bool:
        return True

    raised: list[BaseException] = []

    def ask() -> None:  # a thread of its own: the browser tests leave an event loop in this one
        try:
            asyncio.run(backend.analyse_for(RawArticle(text=TEXT), leaves_at_once))
        except BaseException as exc:  # noqa: BLE001  (what it raised is the answer)
            raised.append(exc)

    asker = threading.Thread(target=ask)
    asker.start()
    asker.join(timeout=30)
    assert len(raised) == 1 and isinstance(raised[0], Gone)  # the async path asks whether the client is there
    backend.close()


@pytest.mark.parametrize("request_bytes", [b"GARBAGE\r\n\r\n", b"GET /events HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n",
                                           b"GET /ev ents HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"])
def test_a_malformed_request_is_answered_in_the_json_error_shape(served, request_bytes):
    # issue 13: uvicorn's own 400s were plain text, outside the API's one error shape
    port, _, _ = served
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request_bytes)
        answer = b""
        while chunk := sock.recv(4096):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400 ")
    assert b"content-type: application/json" in head and b"x-content-type-options: nosniff" in head
    error = json.loads(body)["error"]
    assert error["status"] == 400 and error["code"] == "bad_request" and "well-formed" in error["message"]
