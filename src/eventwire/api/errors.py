"""One error shape for every error the API returns:

    {"error": {"code": "not_found", "message": "...", "status": 404}}

(plus ``"details"`` for a request that fails validation). Not found, wrong method,
invalid input, too large, unauthorised, refused articles (their ``RefusedError`` code,
e.g. ``not_english``, as 422) and unexpected failures (500, without internals) all
come out this way; web pages get the same fields rendered as an HTML page.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import (
    BadDateError,
    EventwireError,
    ModelError,
    RefusedError,
    StoreError,
    TooLargeError,
    UsageError,
)

log = logging.getLogger("eventwire.api")

HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
              405: "method_not_allowed", 406: "not_acceptable", 413: "too_large",
              415: "unsupported_media_type", 422: "validation", 500: "internal"}


class ApiError(Exception):
    """An error a route raises to answer with ``status`` and ``code``."""

    def __init__(self, status: int, code: str, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def error_body(status: int, code: str, message: str, details: list | None = None) -> dict:
    body: dict = {"code": code, "message": message, "status": status}
    if details is not None:
        body["details"] = details
    return {"error": body}


def status_of(exc: EventwireError) -> int:
    """The HTTP status an eventwire error maps to."""
    if isinstance(exc, TooLargeError):
        return 413
    if isinstance(exc, (RefusedError, BadDateError)):
        return 422
    if isinstance(exc, UsageError):
        return 400
    if isinstance(exc, StoreError) and exc.message.startswith("no article"):
        return 404
    if isinstance(exc, ModelError):
        return 503
    return 500


def _wants_html(request: Request) -> bool:
    return request.url.path.startswith("/web") and "text/html" in request.headers.get("accept", "")


def respond(request: Request, status: int, code: str, message: str, details=None,
            headers: dict | None = None) -> Response:
    """The error as JSON, or as the HTML error page for a browser on a web page."""
    if _wants_html(request):
        templates = request.app.state.templates
        return templates.TemplateResponse(request, "error.html", {
            "status": status, "code": code, "message": message}, status_code=status, headers=headers)
    return JSONResponse(error_body(status, code, message, details), status_code=status, headers=headers)


def _clean_details(errors) -> list[dict]:
    """Validation errors without echoing the input back (it may be 5 MB of text)."""
    return [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")),
             "type": str(e.get("type", ""))} for e in errors]


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        code = HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return respond(request, exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        details = _clean_details(exc.errors())
        first = details[0] if details else {"loc": [], "msg": "invalid request"}
        where = ".".join(first["loc"][1:] or first["loc"])
        return respond(request, 422, "validation", f"{where}: {first['msg']}".strip(": "), details)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return respond(request, exc.status, exc.code, exc.message, headers=exc.headers)

    @app.exception_handler(EventwireError)
    async def eventwire_error(request: Request, exc: EventwireError):
        status = status_of(exc)
        if status == 500:
            log.error("eventwire error: %s", exc.one_line())
        return respond(request, status, exc.code, exc.one_line())

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return respond(request, 500, "internal", "an unexpected error happened; it has been logged")
