"""A client of a running ``eventwire serve``: ``eventwire ingest --server URL`` sends its
articles through the server that holds the store (DuckDB lets one process write a store, so
a second process cannot open it while the server runs).

    remote = Remote("http://127.0.0.1:8000", token)
    answer = remote.store(raw_article)     # Answer(status, body)
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from ..errors import StoreError, UsageError
from ..ingest.raw import RawArticle


@dataclass
class Answer:
    status: int
    body: dict[str, Any]

    @property
    def error(self) -> dict[str, Any]:
        return self.body.get("error") or {}


def article_body(raw: RawArticle) -> dict[str, Any]:
    """A ``POST /articles`` body: the fields ``ArticleIn`` takes, the empty ones left out."""
    body = {"text": raw.text, "title": raw.title, "published": raw.published, "source": raw.source,
            "url": raw.url, "authors": list(raw.authors) or None, "id": raw.input_id,
            "metadata": dict(raw.metadata) or None}
    return {k: v for k, v in body.items() if v not in (None, "")}


class Remote:
    """The server at ``base`` (``http://host:port``), spoken to with ``token``."""

    def __init__(self, base: str, token: str | None, timeout: float = 120.0):
        if not base.lower().startswith(("http://", "https://")):
            raise UsageError(f"--server {base!r} is not an http(s) URL", hint="give e.g. http://127.0.0.1:8000")
        if not token:
            raise UsageError("--server needs the server's token to write", hint="set EVENTWIRE_TOKEN")
        self.base, self.token, self.timeout = base.rstrip("/"), token, timeout

    def store(self, raw: RawArticle) -> Answer:
        """Post one article to ``/articles``; a refusal or an auth error is an ``Answer``, a
        server that cannot be reached or answers 5xx raises ``StoreError``."""
        request = urllib.request.Request(
            self.base + "/articles", data=json.dumps(article_body(raw)).encode("utf-8"), method="POST",
            headers={"Content-Type": "application/json", "Accept": "application/json",
                     "Authorization": f"Bearer {self.token}"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return Answer(response.status, _json(response.read()))
        except urllib.error.HTTPError as exc:
            answer = Answer(exc.code, _json(exc.read()))
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"cannot reach the server at {self.base} ({reason})",
                             hint="is `eventwire serve` running there?") from None
        if answer.status >= 500 or answer.status in (401, 403):
            message = answer.error.get("message") or f"HTTP {answer.status}"
            raise StoreError(f"the server at {self.base} refused the write: {message}",
                             hint="check --server and EVENTWIRE_TOKEN") from None
        return answer


def _json(data: bytes) -> dict[str, Any]:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return value if isinstance(value, dict) else {}
