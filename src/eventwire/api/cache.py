"""Serving cached read answers before routing.

``cached_json`` (routes) stores each successful JSON answer under its request key; this
middleware answers a GET whose key is cached straight away, skipping routing, validation
and the thread pool: the answer is the same bytes the route would send, because the
cache is dropped on every write and only successful answers are cached. When reads need
the token, it steps aside so every request is checked.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from starlette.datastructures import QueryParams


def cache_key(path: str, params: QueryParams) -> str:
    """One key per path and set of query parameters, whatever their order: the parsed
    pairs, sorted and encoded again, so a value holding "&" or "=" ("?event=CONSULT%26limit%3D5")
    never takes the key of another query."""
    return path + "?" + urlencode(sorted(params.multi_items()))


def answer_headers(path: str, params: QueryParams) -> dict[str, str]:
    """The headers of a read answer: JSON, or a CSV download for ``format=csv``."""
    if params.get("format") == "csv":
        name = re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-") or "list"
        return {"content-type": "text/csv; charset=utf-8", "content-disposition": f'attachment; filename="{name}.csv"'}
    return {"content-type": "application/json"}


class CachedReads:
    """ASGI middleware: send a cached answer for a GET without entering the app."""

    def __init__(self, app, backend, enabled: bool = True):
        self.app = app
        self.backend = backend
        self.enabled = enabled

    async def __call__(self, scope, receive, send):
        if self.enabled and scope["type"] == "http" and scope["method"] == "GET":
            params = QueryParams(scope.get("query_string", b""))
            key = cache_key(scope["path"], params)
            body = self.backend.peek(key)
            if body is not None:
                headers = [(k.encode(), v.encode("latin-1")) for k, v in answer_headers(scope["path"], params).items()]
                await send({"type": "http.response.start", "status": 200, "headers": [
                    *headers, (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
