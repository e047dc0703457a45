"""The Python API (issue 14, part 5): the README's example runs as written, and a document's
events, quotes and claims hand over their entities."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

import eventwire
from eventwire.model import Document

README = Path(__file__).resolve().parents[2] / "README.md"

pytestmark = pytest.mark.slow


def readme_example() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("From Python")
    return re.search(r"```python\n(.*?)```", text[start:], re.DOTALL)[1]


def test_the_readme_example_runs_as_written():
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(readme_example(), "README.md", "exec"), {})  # noqa: S102  (the project's own README)
    lines = printed.getvalue().splitlines()
    assert any(line.startswith("CONSULT asserted Vladimir Putin -> Steve Witkoff") for line in lines), lines
    assert any(line.startswith("Yuri Ushakov said: We have not found a compromise yet") for line in lines), lines
    assert "Port strike" in lines
    assert "has no text" in lines[-1] and len(lines[-2]) == 12  # the empty text is refused, the other analysed


def test_parts_hand_over_their_entities_and_stay_plain_data():
    doc = eventwire.extract("Vladimir Putin met Steve Witkoff in the Kremlin on Tuesday to discuss the peace "
                            "plan, Kremlin aide Yuri Ushakov said.", published="2025-12-03")
    met = next(e for e in doc.events if e.event == "CONSULT")
    assert met.actors[0].entity.name == "Vladimir Putin" and met.actors[0].entity.country == "RUS"
    assert met.recipients[0].entity.name == "Steve Witkoff"
    back = Document.model_validate_json(doc.model_dump_json())
    assert back == doc and back.events[0].actors[0].entity is back.entities[
        [e.id for e in back.entities].index(back.events[0].actor[0].entity)]
    assert "_document" not in doc.model_dump_json()
    import pickle

    assert pickle.loads(pickle.dumps(doc)) == doc
    with pytest.raises(eventwire.EventwireError, match="text or html="):
        eventwire.extract()
