"""A component for the batch tests that crashes on a marker word. It lives in a module of
its own so Spark's Python workers can import it (``--plugin test_batch_plugin``)."""

from __future__ import annotations

import os

import pytest

from eventwire.registry import components

MARKER = "Zorblax"
DIE_MARKER = "Quietus"


@components.register("test_crash_on_marker")
class CrashOnMarker:
    """Raises on an article holding ``MARKER``: a component bug on one article."""

    name, requires, assigns = "test_crash_on_marker", ("doc",), ()

    def __call__(self, ann) -> None:
        if MARKER in ann.article.text:
            raise RuntimeError(f"{MARKER} seen")


@components.register("test_die_on_marker")
class DieOnMarker:
    """Ends its process on an article holding ``DIE_MARKER``: a worker killed mid-article."""

    name, requires, assigns = "test_die_on_marker", ("doc",), ()

    def __call__(self, ann) -> None:
        if DIE_MARKER in ann.article.text:
            os._exit(3)


def test_the_plugin_crashes_only_on_its_marker():
    class Ann:
        class article:
            text = f"The {MARKER} is here."

    with pytest.raises(RuntimeError, match=MARKER):
        CrashOnMarker()(Ann)
    Ann.article.text = "Nothing to see."
    CrashOnMarker()(Ann)
