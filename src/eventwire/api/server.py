"""The app under uvicorn, as ``eventwire serve`` runs it: errors uvicorn answers by itself in
the API's one JSON shape, and a shutdown that takes seconds under load.

    make_server(create_app("eventwire.duckdb"), "127.0.0.1", 8000).run()
"""

from __future__ import annotations

import json

import uvicorn
from uvicorn.protocols.http.auto import AutoHTTPProtocol

from .errors import error_body
from .security import SECURITY_HEADERS

#: Seconds a stopping server waits for open requests before it cancels them.
GRACE = 5


def _answer(status: int, reason: str, code: str, message: str) -> bytes:
    body = json.dumps(error_body(status, code, message)).encode()
    head = [f"HTTP/1.1 {status} {reason}".encode(), b"content-type: application/json",
            b"content-length: " + str(len(body)).encode(), b"connection: close",
            *(name + b": " + value for name, value in SECURITY_HEADERS)]
    return b"\r\n".join(head) + b"\r\n\r\n" + body


class JsonErrorsProtocol(AutoHTTPProtocol):  # type: ignore[misc, valid-type]
    """uvicorn's HTTP protocol (httptools, or h11 without it), but the requests it refuses
    before the app sees them (malformed request lines or headers, bad upgrades) are answered
    in the API's JSON error shape, with the security headers, instead of plain text."""

    def send_400_response(self, msg: str) -> None:
        reason = msg.rstrip(".") or "Invalid HTTP request"
        self.transport.write(_answer(400, "Bad Request", "bad_request",
                                     f"{reason}: send a well-formed HTTP/1.1 request"))
        self.transport.close()


def make_server(app, host: str, port: int) -> uvicorn.Server:
    """A uvicorn server for ``app`` (made by ``create_app``). SIGINT or SIGTERM first tells
    the app's backend to stop (queued analyses answer 503 at once, a running one ends at its
    next step), so a server under a flood of posts stops in seconds; requests still open
    after ``GRACE`` seconds are cancelled."""
    backend = app.state.backend

    class Server(uvicorn.Server):
        def handle_exit(self, sig, frame) -> None:
            backend.stopping()
            super().handle_exit(sig, frame)

    return Server(uvicorn.Config(app, host=host, port=port, log_level="warning", http=JsonErrorsProtocol,
                                 timeout_graceful_shutdown=GRACE))
