"""``/docs``: the interactive API reference, served from files installed with the package.

FastAPI's default page loads Swagger UI from a CDN and starts it with an inline script: it
is blank offline and breaks under the server's Content-Security-Policy (scripts from the
server only). Here Swagger UI 5 (which reads OpenAPI 3.1) comes from the files the
``fastapi-offline`` package installs, mounted at ``/docs/assets``, and is started by
``web/static/docs.js``.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>eventwire API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-openapi="/openapi.json"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script>
</body>
</html>
"""

#: Swagger UI sets style attributes in its markup; everything else stays 'self' only.
DOCS_POLICY = ("default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def install_docs(app: FastAPI) -> None:
    """Add ``/docs`` and its assets to ``app`` (made with ``docs_url=None``)."""
    from importlib.resources import files

    assets = files("fastapi_offline") / "static"
    app.mount("/docs/assets", StaticFiles(directory=str(assets)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return HTMLResponse(PAGE, headers={"Content-Security-Policy": DOCS_POLICY})
