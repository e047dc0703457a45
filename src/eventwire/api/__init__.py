"""The REST API and the web page, one FastAPI app: ``create_app(store_path, settings, token)``."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
