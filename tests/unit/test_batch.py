"""The batch code path without the real model: a blank spaCy pipeline stands in for it, so
these test keys, rows, refusals, order, streaming and dying workers in seconds."""

from __future__ import annotations

import itertools
import json
import os

import pytest
import spacy

from eventwire.batch import local, partition
from eventwire.batch.local import run_local, run_local_rows
from eventwire.batch.partition import (
    article_line,
    item_key,
    process_partition,
    read_item,
    row_error,
    text_key,
)
from eventwire.errors import ComponentError, InvalidJSONLineError, NotEnglishError, RefusedError
from eventwire.ingest.prepare import article_id
from eventwire.ingest.raw import RawArticle
from eventwire.registry import components

CRASH_WORD = "Zorblax"
DIE_WORD = "Quietus"


@components.register("test_batch_crash")
class CrashOnMarker:
    """Raises on articles holding the marker word: a bug in a component."""

    name, requires, assigns = "test_batch_crash", ("doc",), ("warnings",)

    def __call__(self, ann):
        if CRASH_WORD in ann.text:
            raise ValueError("marker seen")
        ann.warnings.append(f"words={len(ann.doc)}")


@components.register("test_batch_die")
class DieOnMarker:
    """Kills its process on the marker word: a worker dying in native code, or OOM-killed."""

    name, requires, assigns = "test_batch_die", ("doc",), ("warnings",)

    def __call__(self, ann):
        if DIE_WORD in ann.text:
            os._exit(3)


NAMES = ("test_batch_crash",)


@pytest.fixture(autouse=True)
def blank_model(monkeypatch):
    """A blank English pipeline instead of the real model, and a fresh pipeline cache."""
    from eventwire import pipeline

    nlp = spacy.blank("en")
    monkeypatch.setattr(pipeline, "load_model", lambda: nlp)
    monkeypatch.setattr(partition, "_PIPELINES", {})


def article(i: int, extra: str = "") -> RawArticle:
    text = f"The minister met the envoy in Paris on Monday for talks number {i} about trade. {extra}"
    return RawArticle(text=text, origin=f"in.jsonl:{i}", input_id=f"a{i}")


def test_keys_are_the_input_id_else_the_article_id():
    assert item_key(read_item('{"id": "x1", "text": "a"}', "f:1")) == "x1"
    assert item_key(read_item({"id": 7, "text": "a"}, "f:2")) == "7"
    assert item_key(read_item({"text": " Some text\r\n"}, "f:3")) == article_id("Some text") == text_key("Some text  ")
    assert item_key(read_item("{not json", "f:4")) == "origin:f:4"


def test_an_article_line_reads_back_to_the_same_article():
    raw = RawArticle(text="Body text.", origin="f:1", title="T", published="2025-01-02", authors=["A B"], input_id="9")
    assert read_item(article_line(raw), "f:1") == raw


def test_rows_in_order_with_refusals_recorded():
    items = [article(0), {"_line": "{broken", "_origin": "in.jsonl:2"}, article(1, CRASH_WORD),
             {"text": "Le ministre a rencontré l'envoyé à Paris lundi pour des négociations.", "_origin": "x"},
             {"id": 9, "text": "The minister spoke in Paris on Monday about the budget and taxes."}]
    rows = list(process_partition(items, components=NAMES))
    assert [r["kind"] for r in rows] == ["document", "refusal", "refusal", "refusal", "document"]
    assert [r["code"] for r in rows[1:4]] == ["invalid_json_line", "component_failed", "not_english"]
    assert rows[1]["origin"] == "in.jsonl:2" and "not valid JSON" in rows[1]["message"]
    assert "marker seen" in rows[2]["message"] and rows[2]["key"] == "a1"
    assert rows[4]["key"] == "9" and rows[4]["input_id"] == "9"
    doc = json.loads(rows[0]["document"])
    assert doc["article"]["id"] == rows[0]["article_id"] and doc["warnings"] == ["words=16"]


def test_refusal_rows_come_back_as_their_error_class():
    rows = list(process_partition([{"_line": "[1]", "_origin": "f:1"}, article(3, CRASH_WORD)], components=NAMES))
    errors = [row_error(r) for r in rows]
    assert isinstance(errors[0], InvalidJSONLineError) and errors[0].where == "f:1"
    assert isinstance(errors[1], ComponentError) and errors[1].hint == ComponentError.hint
    assert row_error({"code": "not_english", "message": "m"}).__class__ is NotEnglishError
    assert row_error({"code": "usage", "message": "m"}).__class__ is RefusedError


def test_reader_refusals_pass_through_in_order():
    refused = InvalidJSONLineError("not valid JSON", where="in.jsonl:5")
    outcomes = list(run_local([article(0), refused, article(1)], workers=1, components=NAMES))
    assert [o.refused for o in outcomes] == [False, True, False]
    assert outcomes[1].origin == "in.jsonl:5" and outcomes[1].error.code == "invalid_json_line"


def test_many_workers_give_what_one_gives_in_the_same_order():
    items = [article(i, CRASH_WORD if i % 7 == 3 else "") for i in range(23)]
    one = list(run_local_rows(items, workers=1, components=NAMES))
    two = list(run_local_rows(items, workers=2, chunk_size=3, components=NAMES))
    assert one == two and len(one) == 23
    assert [r["kind"] for r in two].count("refusal") == 3


def test_a_dying_worker_refuses_only_its_article_and_the_run_goes_on():
    items = [article(i, DIE_WORD if i in (4, 11) else "") for i in range(16)]
    outcomes = list(run_local(items, workers=2, chunk_size=4, components=("test_batch_die",)))
    assert [o.origin for o in outcomes] == [f"in.jsonl:{i}" for i in range(16)]
    dead = [i for i, o in enumerate(outcomes) if o.refused]
    assert dead == [4, 11]
    assert isinstance(outcomes[4].error, ComponentError)
    assert "worker process died" in outcomes[4].error.message


def test_a_guarded_worker_outlives_an_article_that_kills_it(monkeypatch):
    """What a Spark task runs: one long-lived worker process, replaced when it dies."""
    monkeypatch.setattr(local, "_guards", {})
    items = [article(i, DIE_WORD if i == 2 else "") for i in range(6)]
    rows = list(local.guarded_rows(items, components=("test_batch_die",), chunk_size=2))
    assert [r["kind"] for r in rows] == ["document"] * 2 + ["refusal"] + ["document"] * 3
    assert rows[2]["input_id"] == "a2" and "worker process died" in rows[2]["message"]
    again = list(local.guarded_rows(items[:2], components=("test_batch_die",)))
    assert [r["kind"] for r in again] == ["document"] * 2 and len(local._guards) == 1
    for pool in local._guards.values():
        pool.close()


def test_input_is_streamed_with_bounded_work_in_flight():
    pulled = itertools.count()

    def endless():
        for i in itertools.count():
            next(pulled)
            yield article(i)

    first = list(itertools.islice(run_local(endless(), workers=2, chunk_size=2, components=NAMES), 5))
    assert [o.origin for o in first] == [f"in.jsonl:{i}" for i in range(5)]
    assert next(pulled) <= 5 + 2 * 2 * 2 + 2  # what was asked for + the in-flight window


def test_workers_must_be_positive():
    from eventwire.errors import UsageError

    with pytest.raises(UsageError):
        list(run_local_rows([article(0)], workers=0))
    assert local.default_workers() >= 1


def test_a_chunk_cancelled_with_a_discarded_pool_is_redone_article_by_article():
    """Discarding a broken pool cancels the chunks still queued in it; collecting one of them
    must redo its articles, not raise CancelledError (which failed a Spark run at random)."""
    from concurrent.futures import Future

    pool = local._Pool(1, NAMES, None)
    cancelled = Future()
    assert cancelled.cancel()
    try:
        rows = pool.collect([article(1), article(2)], cancelled)
    finally:
        pool.close()
    assert [r["kind"] for r in rows] == ["document", "document"]
    assert [r["input_id"] for r in rows] == ["a1", "a2"]
