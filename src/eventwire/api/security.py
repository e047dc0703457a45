"""Tokens and request size: who may write (and, optionally, read), and how much they may send.

Writes need ``Authorization: Bearer <token>`` matching the server's token
(``EVENTWIRE_TOKEN``), compared in constant time; with no token configured, writes are
refused outright. Reads are open unless the server was started with reads needing the
token. Request bodies over the limit are refused with 413 before any route reads them.
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


def check_token(expected: str | None, given: HTTPAuthorizationCredentials | None, action: str) -> None:
    """Raise 401 (no token given), 403 (wrong token, or none configured) unless ``given`` matches."""
    if not expected:
        code = "writes_disabled" if action == "writing" else "forbidden"
        raise ApiError(403, code, f"{action} needs a token and this server has none: "
                       "start it with EVENTWIRE_TOKEN set")
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
