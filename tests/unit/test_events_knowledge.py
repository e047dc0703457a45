"""The event knowledge files load, cover the 16 PLOVER types and reject malformed rows."""

from __future__ import annotations

import pytest

from eventwire.errors import KnowledgeError
from eventwire.knowledge import events as ke
from eventwire.knowledge import read_tsv
from eventwire.model import EVENT_TYPES


def test_every_plover_type_has_a_cameo_root_and_quad():
    types = ke.plover_types()
    assert set(types) == set(EVENT_TYPES)
    assert types["CONSULT"].cameo == "04" and types["CONSULT"].quad == "verbal_cooperation"
    assert types["ASSAULT"].quad == "material_conflict"


def test_mode_changes_the_cameo_root():
    assert ke.cameo_root("ASSAULT", "aerial") == "19"
    assert ke.cameo_root("ASSAULT", None) == "18"
    assert ke.cameo_root("ACCUSE", "investigate") == "09"
    assert ke.cameo_root("ACCUSE", "disapprove") == "11"


def test_every_type_has_triggers_and_senses_with_needs_come_first():
    lexicon = ke.trigger_lexicon()
    assert {s.event for senses in lexicon.values() for s in senses} == {*EVENT_TYPES, ke.NO_EVENT}
    strike = lexicon[("strike", "N")]
    assert strike[-1].needs == frozenset() and all(s.needs for s in strike[:-1])


def _with_file(monkeypatch, tmp_path, content: str):
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    monkeypatch.setattr(ke, "read_tsv", lambda name, columns: read_tsv(name, columns, path=path))
    return path


def test_unknown_event_type_names_file_and_row(monkeypatch, tmp_path):
    _with_file(monkeypatch, tmp_path, "# header\nmeet\tV\t-\tMEET\t-\t-\n")
    with pytest.raises(KnowledgeError, match="unknown PLOVER event type 'MEET'"):
        ke.trigger_lexicon.__wrapped__()


def test_mode_not_listed_for_the_type_is_refused(monkeypatch, tmp_path):
    _with_file(monkeypatch, tmp_path, "meet\tV\t-\tCONSULT\taerial\t-\n")
    with pytest.raises(KnowledgeError, match="mode 'aerial'"):
        ke.trigger_lexicon.__wrapped__()


def test_wrong_column_count_names_the_line(tmp_path):
    path = tmp_path / "short.tsv"
    path.write_text("# c\nmeet\tV\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="short.tsv:2"):
        read_tsv("short.tsv", ("lemma", "pos", "needs", "event", "mode", "context"), path=path)


def test_bad_modality_kind_is_refused(monkeypatch, tmp_path):
    _with_file(monkeypatch, tmp_path, "not\tdenial\tdep\n")
    with pytest.raises(KnowledgeError, match="bad kind"):
        ke.modality_cues.__wrapped__()


def test_derivations_are_read():
    rules = ke.derivations()
    assert rules[("planned", "cooperation")].derived == "AGREE"
    assert rules[("demanded", "conflict")].by == "speaker"
