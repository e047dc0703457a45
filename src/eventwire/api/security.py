"""Tokens and request size: who may write (and, optionally, read), and how much they may send.

Writes and analysis need ``Authorization: Bearer <token>`` matching the server's token
(``EVENTWIRE_TOKEN``), compared in constant time; with no token configured, writes are
refused outright, and analysis unless the server was started with ``--open-analyze``. Reads
are open unless the server was started with reads needing the token. Request bodies over the limit are refused with 413 before any route reads them.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .errors import ApiError, error_body

bearer = HTTPBearer(auto_error=False, description="The server's EVENTWIRE_TOKEN.")
_CHALLENGE = {"WWW-Authenticate": "Bearer"}
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def check_token(expected: str | None, given: HTTPAuthorizationCredentials | None, action: str,
                or_else: str = "") -> None:
    """Raise 401 (no token given), 403 (wrong token, or none configured) unless ``given`` matches;
    ``or_else`` names the other way to allow ``action``."""
    if not expected:
        code = "writes_disabled" if action == "writing" else "forbidden"
        raise ApiError(403, code, f"{action} needs a token and this server has none: "
                       f"start it with EVENTWIRE_TOKEN set{or_else}")
    if given is None or given.scheme.lower() != "bearer" or not given.credentials:
        raise ApiError(401, "unauthorized", f"{action} needs a token: send Authorization: Bearer TOKEN",
                       headers=_CHALLENGE)
    if not hmac.compare_digest(given.credentials.encode("utf-8"), expected.encode("utf-8")):
        raise ApiError(403, "forbidden", "the token is not valid")


async def require_write(request: Request, cred: Credentials) -> None:
    check_token(request.app.state.token, cred, "writing")


async def require_read(request: Request, cred: Credentials) -> None:
    if request.app.state.reads_need_token:
        check_token(request.app.state.token, cred, "reading")


async def require_analyze(request: Request, cred: Credentials) -> None:
    """Analysis costs a parse per request, so it needs the token like a write, unless the
    server was started with ``--open-analyze`` (then it is open as reads are)."""
    if request.app.state.open_analyze:
        await require_read(request, cred)
    else:
        check_token(request.app.state.token, cred, "analysing", or_else=", or with --open-analyze")


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``max_bytes`` with 413 in the error shape.

    The declared Content-Length is checked first; a body sent without one (chunked) is
    counted as it arrives, and buffered (it is under the limit) for the route to read."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                return await self._refuse(scope, receive, send, 400, "bad_request", "Content-Length is not a number")
            if int(declared) > self.max_bytes:
                return await self._too_large(scope, receive, send)
        chunks, total = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            body = message.get("body", b"")
            total += len(body)
            if total > self.max_bytes:
                return await self._too_large(scope, receive, send)
            chunks.append(body)
            if not message.get("more_body"):
                break
        return await self.app(scope, _replay(b"".join(chunks), receive), send)

    async def _too_large(self, scope, receive, send):
        return await self._refuse(scope, receive, send, 413, "too_large",
                                  f"the request body is over the {self.max_bytes:,}-byte limit")

    @staticmethod
    async def _refuse(scope, receive, send, status, code, message):
        await JSONResponse(error_body(status, code, message), status_code=status)(scope, receive, send)


def _replay(body: bytes, receive):
    sent = False

    async def replay():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


class Admission:
    """ASGI middleware: while the backend's analysis queue is full (or the server is
    stopping), a POST to an analysing path is answered 503 with Retry-After before its body
    is read, so a flood of large posts costs the server almost nothing and reads keep their
    share of it."""

    def __init__(self, app, backend, paths: tuple[str, ...] = ("/analyze", "/articles")):
        self.app, self.backend, self.paths = app, backend, paths

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"] in self.paths:
            refusal = self.backend.full()
            if refusal is not None:
                body = error_body(refusal.status, refusal.code, refusal.message)
                # close the connection: the unread body is then never read off the socket
                headers = {**(refusal.headers or {}), "Connection": "close"}
                return await JSONResponse(body, status_code=refusal.status, headers=headers)(scope, receive, send)
        return await self.app(scope, receive, send)


#: Headers on every answer: pages load only the server's own scripts, styles and images
#: (the article page's facts are a JSON data block, never run), cannot be framed, and are
#: never sniffed as another type.
SECURITY_HEADERS = (
    (b"content-security-policy",
     (b"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
      b"frame-ancestors 'none'; form-action 'self'")),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)


class Guard:
    """ASGI middleware, outermost: refuse a request whose Host header is not one this server
    answers to (a DNS-rebinding page cannot read a local API through the browser), and add
    ``SECURITY_HEADERS`` to every answer, errors and cached reads included.

    ``allowed_hosts``: host names (no port) this server answers to; None lets any host in."""

    def __init__(self, app, allowed_hosts: list[str] | None = None):
        self.app = app
        self.allowed = None if allowed_hosts is None else {h.lower().strip("[]") for h in allowed_hosts}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message = {**message, "headers": [*message.get("headers", []),
                                                  *(h for h in SECURITY_HEADERS if h[0] not in names)]}
            await send(message)

        host = host_of(dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1"))
        if self.allowed is not None and host not in self.allowed:
            body = error_body(400, "bad_host", f"this server does not answer to the host {host!r}: "
                              "use its own address, or start it with --allow-host NAME")
            return await JSONResponse(body, status_code=400)(scope, receive, send_with_headers)
        return await self.app(scope, receive, send_with_headers)


def host_of(header: str) -> str:
    """The host name of a Host header, without its port: "[::1]:8000" -> "::1"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header
