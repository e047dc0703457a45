from __future__ import annotations

import pytest

import eventwire
from eventwire.errors import EventwireError, RefusedError, UsageError, catalogue
from eventwire.settings import Settings


def test_layers(tmp_path):
    config = tmp_path / "eventwire.toml"
    config.write_text("max_bytes = 1000\nstore = 'a.duckdb'\n")
    s = Settings.load(config, env={"EVENTWIRE_STORE": "b.duckdb"})
    assert (s.max_bytes, s.store) == (1000, "b.duckdb")
    assert s.with_values(max_bytes=5).max_bytes == 5


def test_bad_settings(tmp_path):
    with pytest.raises(UsageError, match="not a int"):
        Settings.load(tmp_path / "none.toml", env={"EVENTWIRE_MAX_BYTES": "lots"})
    bad = tmp_path / "eventwire.toml"
    bad.write_text("max_bytes = [")
    with pytest.raises(UsageError, match="not valid TOML"):
        Settings.load(bad, env={})


def test_catalogue_codes_unique_and_refusals_distinct():
    classes = catalogue()
    assert len({c.code for c in classes}) == len(classes)
    refusal_codes = [c.exit_code for c in classes if issubclass(c, RefusedError) and c is not RefusedError]
    assert len(set(refusal_codes)) == len(refusal_codes)


def test_one_line_message():
    exc = UsageError("bad\nthing", hint="do this", where="file.txt")
    assert exc.one_line() == "file.txt: bad thing; do this"
    assert isinstance(exc, EventwireError)


def test_public_api():
    assert sorted(eventwire.__all__) == sorted(
        ["SCHEMA_VERSION", "Document", "EventwireError", "Pipeline", "RawArticle", "RefusedError",
         "Store", "__version__", "extract"])
    for name in eventwire.__all__:
        assert hasattr(eventwire, name)
