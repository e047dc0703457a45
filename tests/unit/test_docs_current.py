"""Docs that cannot drift: the generated files in docs/ equal what the code generates."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from eventwire.cli.docs import GENERATED
from eventwire.model import Document, json_schema


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_doc_is_current(name):
    current = (ROOT / "docs" / name).read_text(encoding="utf-8")
    assert current == GENERATED[name](), f"docs/{name} is stale: run `make docs`"


def test_schema_describes_every_contract_field():
    schema = json_schema()
    assert set(schema["properties"]) == set(Document.model_fields)
    event = schema["$defs"]["Event"]
    assert len(event["properties"]["event"]["enum"]) == 16
    json.dumps(schema)
