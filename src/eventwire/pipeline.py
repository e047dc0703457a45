"""The pipeline: prepare an article, parse it once, run the components in order.

    raw article -> prepare (NFC, id, language, dateline, headings) -> Article
    Article -> one spaCy parse -> Annotated -> components -> Document

Components come from the registry by name and declare what they require, what they may
read when an earlier component gave it (``optional``) and what they assign, each a field of
``Annotated``; the declarations and the order are checked once, when the pipeline is built.
With ``EVENTWIRE_CHECK_ASSIGNS=1`` (on in the test suite) each run also checks that a
component changed no field it did not declare.
"""

from __future__ import annotations

import copy
import dataclasses
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from . import extract
from .errors import ComponentError, EventwireError, RefusedError, UsageError
from .ingest.prepare import prepare
from .ingest.raw import RawArticle
from .model import Article, Document
from .nlp import Annotated, load_model
from .registry import Component, components
from .settings import Settings

#: What exists before any component runs (the article carries its dateline and headings).
GIVEN = frozenset({"article", "doc"})
#: What a component may declare: the fields of ``Annotated``.
FIELDS = frozenset(f.name for f in dataclasses.fields(Annotated))
#: Set (to anything but "" or "0") to print the traceback of a component that fails on an
#: article to standard error, in whichever process ran it (``eventwire --debug``).
DEBUG_VARIABLE = "EVENTWIRE_DEBUG"
#: Fields the assign check does not compare: the parse (spaCy keeps caches in it).
_UNCHECKED = frozenset({"doc"})
DEFAULT_COMPONENTS: tuple[str, ...] = extract.BUILTIN


@dataclass
class Outcome:
    """What became of one input: a document, or the refusal that stopped it."""

    origin: str
    document: Document | None = None
    error: EventwireError | None = None

    @property
    def refused(self) -> bool:
        return self.document is None


class Pipeline:
    """Turns raw articles into contract documents with the named components."""

    def __init__(self, names: Iterable[str] | None = None, settings: Settings | None = None):
        self.settings = settings or Settings.load()
        self.names = tuple(names if names is not None else DEFAULT_COMPONENTS)
        self.components = [components.get(name)() for name in self.names]
        self._check_order()
        self.nlp = load_model()
        # spaCy refuses texts over its max_length (1,000,000): prepare() refuses them first,
        # with a reason, at the setting's length, which may be raised past the model's
        self.nlp.max_length = max(self.nlp.max_length, self.settings.max_chars + 1)

    def _check_order(self) -> None:
        available = set(GIVEN)
        for n, comp in enumerate(self.components):
            optional = tuple(getattr(comp, "optional", ()))
            unknown = sorted({*comp.requires, *optional, *comp.assigns} - FIELDS)
            if unknown:
                raise UsageError(
                    f"component {comp.name!r} declares {', '.join(unknown)}, which "
                    f"{'is not a field' if len(unknown) == 1 else 'are not fields'} of Annotated",
                    hint="declare only Annotated fields: " + ", ".join(sorted(FIELDS)),
                )
            missing = set(comp.requires) - available
            if missing:
                raise UsageError(
                    f"component {comp.name!r} requires {', '.join(sorted(missing))}, "
                    "which no earlier component assigns",
                    hint="reorder the components or add the one that assigns it",
                )
            for name in sorted(set(optional) - available):
                later = next((c.name for c in self.components[n + 1:] if name in c.assigns), None)
                if later is not None:
                    raise UsageError(
                        f"component {comp.name!r} reads {name}, which {later!r} assigns only after it",
                        hint=f"put {later!r} before {comp.name!r}",
                    )
            available |= set(comp.assigns)

    def analyse(self, raw: RawArticle, check: Callable[[], None] | None = None) -> Document:
        """One article to its document; raises a ``RefusedError`` if it is refused.

        ``check``, when given, is called before parsing and before each component; whatever it
        raises stops the analysis there (the server's way to drop work whose client went away,
        or that ran past its time, or when it shuts down)."""
        return to_document(self.annotate(raw, check))

    def annotate(self, raw: RawArticle, check: Callable[[], None] | None = None) -> Annotated:
        """One article to its ``Annotated`` (the document before it is frozen)."""
        article = prepare(raw, self.settings)
        if check is not None:
            check()
        return self._run_components(article, self.nlp(article.text), check)

    def _run_components(self, article: Article, doc: Doc, check: Callable[[], None] | None = None) -> Annotated:
        ann = Annotated(article=article, doc=doc)
        checking = _on("EVENTWIRE_CHECK_ASSIGNS")
        for comp in self.components:
            if check is not None:
                check()
            before = _snapshot(ann) if checking else None
            try:
                comp(ann)
            except EventwireError:
                raise
            except Exception as exc:  # a bug in one component must not stop a batch
                if _on(DEBUG_VARIABLE):
                    print(f"component {comp.name!r} failed on {article.input_id or article.id[:12]}:",
                          file=sys.stderr)
                    traceback.print_exception(exc, file=sys.stderr)
                raise ComponentError(
                    f"component {comp.name!r} failed: {type(exc).__name__}: {exc}"
                ) from exc
            if before is not None:
                _check_assigns(comp, before, ann)
        return ann

    def pipe(
        self, raws: Iterable[str | RawArticle | RefusedError], batch_size: int = 32
    ) -> Iterator[Outcome]:
        """Analyse a stream in order, parsing in batches; a refused article never stops the
        rest. Items are texts, ``RawArticle``s, or refusals a reader already made (they pass
        straight through); each gives an ``Outcome`` (``.document``, or ``.error``)."""
        prepared: list[tuple[RawArticle | None, Article | None, EventwireError | None]] = []
        for n, raw in enumerate(raws):
            if isinstance(raw, str):
                raw = RawArticle(text=raw, origin=f"<text {n + 1}>")
            if isinstance(raw, RefusedError):
                prepared.append((None, None, raw))
                continue
            try:
                prepared.append((raw, prepare(raw, self.settings), None))
            except RefusedError as exc:
                exc.where = exc.where or raw.origin
                prepared.append((raw, None, exc))
            if len(prepared) >= batch_size:
                yield from self._run_batch(prepared)
                prepared = []
        yield from self._run_batch(prepared)

    def _run_batch(
        self, batch: list[tuple[RawArticle | None, Article | None, EventwireError | None]]
    ) -> Iterator[Outcome]:
        texts = [article.text for _, article, _ in batch if article is not None]
        docs = iter(self.nlp.pipe(texts))
        for raw, article, error in batch:
            if article is None or raw is None:
                origin = raw.origin if raw is not None else ((error and error.where) or "<input>")
                yield Outcome(origin, error=error)
                continue
            doc = next(docs)
            try:
                yield Outcome(raw.origin, document=to_document(self._run_components(article, doc)))
            except RefusedError as exc:
                exc.where = exc.where or raw.origin
                yield Outcome(raw.origin, error=exc)


def _on(variable: str) -> bool:
    return os.environ.get(variable, "") not in ("", "0")


def _snapshot(ann: Annotated) -> dict[str, tuple[int, Any]]:
    """Each checked field's object and a shallow copy of its value."""
    return {name: (id(value), copy.copy(value)) for name in FIELDS - _UNCHECKED
            for value in (getattr(ann, name),)}


def _check_assigns(comp: Component, before: dict[str, tuple[int, Any]], ann: Annotated) -> None:
    """Fail a component that replaced or changed a field it does not assign."""
    changed = sorted(
        name for name, (identity, value) in before.items()
        if name not in comp.assigns
        and (id(getattr(ann, name)) != identity or getattr(ann, name) != value)
    )
    if changed:
        raise ComponentError(
            f"component {comp.name!r} wrote {', '.join(changed)} without declaring "
            f"{'it' if len(changed) == 1 else 'them'} in its assigns",
            hint="add the field to the component's assigns, or stop writing it",
        )


def to_document(ann: Annotated) -> Document:
    """The contract document of a finished ``Annotated``."""
    return Document(
        article=ann.article,
        entities=ann.entities,
        relations=ann.relations,
        quotes=ann.quotes,
        events=ann.events,
        claims=ann.claims,
        times=sorted(ann.times, key=lambda t: t.text.start),
        places=ann.places,
        warnings=ann.warnings,
    )
