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
        ["SCHEMA_VERSION", "Document", "EventwireError", "Participant", "Pipeline", "RawArticle", "RefusedError",
         "Store", "__version__", "extract"])
    for name in eventwire.__all__:
        assert hasattr(eventwire, name)



def _events(**choice):
    from eventwire.extract.events.component import EventsComponent

    return EventsComponent(**choice)


def _quotes(**choice):
    from eventwire.extract.quotes import QuotesComponent

    return QuotesComponent(**choice)


@pytest.mark.parametrize(("make", "choice", "message"), [
    (_events, {"uncoded": "maybe"}, "uncoded_events='maybe' is not one of drop, sure"),
    (_quotes, {"mode": "all"}, "quotes='all' is not one of speech, attributions"),
])
def test_a_component_choice_out_of_range_is_refused_with_the_choices(make, choice, message):
    with pytest.raises(UsageError, match=message):
        make(**choice)


@pytest.mark.parametrize(("name", "value", "default"), [
    ("uncoded_events", "sure", "drop"),
    ("quotes", "attributions", "speech"),
])
def test_component_choices_come_from_the_environment(name, value, default):
    assert getattr(Settings.load(env={f"EVENTWIRE_{name.upper()}": value}), name) == value
    assert getattr(Settings.load(env={}), name) == default
