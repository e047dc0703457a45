"""``eventwire extract``: analyse articles and print their contract documents."""

from __future__ import annotations

import itertools
import json
import sys
from collections import Counter
from enum import Enum
from typing import Annotated as Arg

import typer
from rich.console import Console

from ..errors import RefusedError, UsageError
from ..settings import Settings
from .common import err, friendly, out, report_error


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    pretty = "pretty"


def _meta(published: str | None, title: str | None, source: str | None, url: str | None) -> dict[str, str]:
    meta = {"published": published, "title": title, "source": source, "url": url}
    return {k: v for k, v in meta.items() if v is not None}


@friendly
def extract(
    paths: Arg[list[str] | None, typer.Argument(help="Files, directories, or - for standard input.")] = None,
    format: Arg[Format | None, typer.Option("--format", "-f", help="json (a list of documents, one per article, whatever their number), jsonl or pretty (default: pretty on a terminal, else json).")] = None,
    published: Arg[str | None, typer.Option(help="Publication date for plain text (YYYY-MM-DD).")] = None,
    title: Arg[str | None, typer.Option(help="Title for plain text.")] = None,
    source: Arg[str | None, typer.Option(help="Source (outlet) for plain text.")] = None,
    url: Arg[str | None, typer.Option(help="URL for plain text.")] = None,
    max_bytes: Arg[int | None, typer.Option(help="Refuse inputs over this size (default 5 MB).")] = None,
    workers: Arg[int | None, typer.Option(help="Worker processes (default: every core; small inputs run in one).")] = None,
) -> None:
    """Analyse articles and print what they say: the contract document of each.

    Exit status: 0 when at least one article was analysed; otherwise the code of the first
    refusal (see `eventwire errors`)."""
    from ..batch import analyse_stream
    from ..ingest.readers import iter_inputs

    if not paths:
        raise UsageError("no input given", hint="pass files or directories, or - to read standard input")
    meta = _meta(published, title, source, url)
    settings = Settings.load().with_values(max_bytes=max_bytes)
    chosen = format or (Format.pretty if sys.stdout.isatty() else Format.json)
    inputs = iter_inputs(paths, settings, stdin=sys.stdin.buffer, meta=meta)
    first = next(inputs, None)  # a missing path fails here, before the model loads
    if first is None:
        raise UsageError("no articles found in the given paths", hint="eventwire reads .txt, .html, .htm and .jsonl files")
    documents, refusals = [], []
    wrapping = Console(highlight=False)  # `out` keeps long lines whole for pipes; panels wrap
    for outcome in analyse_stream(itertools.chain([first], inputs), workers=workers, settings=settings):
        if outcome.error is not None:
            refusals.append(outcome.error)
            report_error(outcome.error, prefix="refused")
            continue
        doc = outcome.document
        if chosen is Format.jsonl:
            out.file.write(doc.model_dump_json() + "\n")
        elif chosen is Format.pretty:
            from .render import pretty

            wrapping.print(pretty(doc))
        documents.append(doc)
    if chosen is Format.json:  # always a list, so a reader never checks the shape
        payload = [d.model_dump(mode="json") for d in documents]
        out.file.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    _summary(len(documents), refusals)


def _summary(analysed: int, refusals: list[RefusedError]) -> None:
    if refusals:
        reasons = Counter(r.code for r in refusals)
        why = ", ".join(f"{n} {code}" for code, n in reasons.most_common())
        err.print(f"analysed {analysed}, refused {len(refusals)} ({why})")
    if not analysed and refusals:
        raise typer.Exit(refusals[0].exit_code)
