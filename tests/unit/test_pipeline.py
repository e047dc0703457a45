from __future__ import annotations

from types import SimpleNamespace

import pytest

from eventwire.errors import ComponentError, UsageError
from eventwire.registry import components


@components.register("test_needs_quotes")
class NeedsQuotes:
    name = "test_needs_quotes"
    requires = ("quotes",)
    assigns = ()

    def __call__(self, ann):
        pass


@components.register("test_boom")
class Boom:
    name = "test_boom"
    requires = ("doc",)
    assigns = ()

    def __call__(self, ann):
        raise RuntimeError("kaboom")


def test_order_is_checked_when_built(monkeypatch):
    from eventwire import pipeline

    monkeypatch.setattr(pipeline, "load_model", lambda: None)
    with pytest.raises(UsageError, match="requires quotes"):
        pipeline.Pipeline(["test_needs_quotes"])


def test_unknown_component_named():
    with pytest.raises(UsageError, match="no component named 'nope'"):
        components.get("nope")


@pytest.mark.slow
def test_failing_component_refuses_one_article_and_batch_goes_on(nlp):
    from eventwire.ingest.raw import RawArticle
    from eventwire.pipeline import Pipeline

    p = Pipeline(["test_boom"])
    raws = [RawArticle(text="The minister spoke in Paris on Monday about the budget.", origin=f"a{i}") for i in range(2)]
    outcomes = list(p.pipe(raws))
    assert [o.refused for o in outcomes] == [True, True]
    assert isinstance(outcomes[0].error, ComponentError)
    assert "kaboom" in outcomes[0].error.one_line()


def test_char_span_matches_spacy_expand():
    import spacy

    from eventwire.nlp import char_span

    doc = spacy.blank("en")("Putin met  Witkoff in Moscow.\nThey talked.")
    n = len(doc.text)
    for start in range(n):
        for end in range(start + 1, min(n, start + 12) + 1):
            ours = char_span(doc, start, end)
            theirs = doc.char_span(start, end, alignment_mode="expand")
            if doc.text[start:end].strip():
                assert (ours.start, ours.end) == (theirs.start, theirs.end), (start, end)


@components.register("test_sneaky")
class Sneaky:
    """Declares nothing but writes the quotes."""

    name = "test_sneaky"
    requires = ("doc",)
    assigns = ()

    def __call__(self, ann):
        ann.quotes.append("not declared")


@components.register("test_misnamed")
class Misnamed:
    name = "test_misnamed"
    requires = ("doc", "dateline")
    assigns = ("entity",)

    def __call__(self, ann):
        pass


@components.register("test_reads_sport")
class ReadsSport:
    name = "test_reads_sport"
    requires = ("doc",)
    optional = ("sport",)
    assigns = ()

    def __call__(self, ann):
        pass


def test_declarations_must_name_annotated_fields(monkeypatch):
    from eventwire import pipeline

    monkeypatch.setattr(pipeline, "load_model", lambda: None)
    with pytest.raises(UsageError, match="declares dateline, entity, which are not fields of Annotated"):
        pipeline.Pipeline(["test_misnamed"])


def test_an_optional_input_assigned_only_later_is_refused(monkeypatch):
    from eventwire import pipeline

    monkeypatch.setattr(pipeline, "load_model", lambda: SimpleNamespace(max_length=1_000_000))
    with pytest.raises(UsageError, match="reads sport, which 'sports' assigns only after it"):
        pipeline.Pipeline(["test_reads_sport", "sports"])
    pipeline.Pipeline(["sports", "test_reads_sport"])  # in order
    pipeline.Pipeline(["test_reads_sport"])  # or absent: the component reads its default


def test_every_builtin_declares_what_it_reads_and_writes(monkeypatch):
    from eventwire import pipeline

    monkeypatch.setattr(pipeline, "load_model", lambda: SimpleNamespace(max_length=1_000_000))
    built = pipeline.Pipeline()
    for comp in built.components:
        assert set(comp.requires) | set(getattr(comp, "optional", ())) | set(comp.assigns) <= pipeline.FIELDS


def test_an_undeclared_write_fails_in_check_mode(monkeypatch, annotate):
    monkeypatch.setenv("EVENTWIRE_CHECK_ASSIGNS", "1")
    with pytest.raises(ComponentError, match="'test_sneaky' wrote quotes without declaring it"):
        annotate("Talks ended in Geneva on Monday.", components=("test_sneaky",))
    monkeypatch.setenv("EVENTWIRE_CHECK_ASSIGNS", "0")
    assert annotate("Talks ended in Geneva on Monday.", components=("test_sneaky",)).quotes == ["not declared"]


def test_debug_prints_a_failing_components_traceback(monkeypatch, annotate, capsys):
    monkeypatch.setenv("EVENTWIRE_DEBUG", "1")
    with pytest.raises(ComponentError, match="kaboom"):
        annotate("Talks ended in Geneva on Monday.", components=("test_boom",))
    printed = capsys.readouterr().err
    assert "component 'test_boom' failed on" in printed
    assert "Traceback" in printed and "RuntimeError: kaboom" in printed
    monkeypatch.setenv("EVENTWIRE_DEBUG", "0")
    with pytest.raises(ComponentError, match="kaboom"):
        annotate("Talks ended in Geneva on Monday.", components=("test_boom",))
    assert "Traceback" not in capsys.readouterr().err


def test_the_debug_flag_reaches_worker_processes_through_the_environment(monkeypatch):
    import os

    from typer.testing import CliRunner

    from eventwire.cli import app

    monkeypatch.setenv("EVENTWIRE_DEBUG", "0")  # restored after the test
    result = CliRunner().invoke(app, ["--debug", "errors"])
    assert result.exit_code == 0 and os.environ["EVENTWIRE_DEBUG"] == "1"
