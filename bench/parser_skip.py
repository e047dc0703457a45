"""Experiment: does every sentence need the dependency parser?

    .venv/bin/python bench/parser_skip.py [--limit 150] [--eval quotes,events,timex] [--eval-limit N]

The parser is most of the cost of the parse. A sentence with no entity, no quote mark and
no cue or trigger word may not need it: no component reads its dependencies. This script
builds a "gated" copy of the model (sentences from the statistical sentence splitter,
the parser run only on the sentences that need it, the others given a flat attachment),
then measures, in one run:

- CPU seconds of ``nlp.pipe`` for the full model and the gated one (CPU time, not wall
  time, because the machine is shared) and the share of sentences the gate parses;
- each named scorer (``eventwire.eval.<name>``) with the full model and the gated one.

It changes nothing in eventwire: the gated model is swapped into ``eventwire.nlp``'s
cache for the scorers' run only. It prints numbers for a recommendation, not a verdict.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import json
import time
from collections.abc import Callable
from pathlib import Path

import numpy
import spacy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire import nlp as nlp_module
from eventwire.knowledge import cues, read_tsv

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
EVAL_PATHS = {"quotes": DATA / "polnear-dev", "events": DATA / "plover-gsr" / "dev.json",
              "timex": DATA / "timebank", "actors": DATA / "plover-gsr" / "dev.json"}
QUOTE_MARKS = set('"“”«»„‟')


def gate_words() -> frozenset[str]:
    """Cue verbs and event trigger lemmas: a sentence holding one may carry an attribution
    or an event, so it keeps its parse."""
    triggers = read_tsv("event_triggers.tsv", ("lemma", "pos", "needs", "event", "mode", "context"))
    return frozenset(cues.cue_verbs()) | frozenset(row["lemma"] for row in triggers)


def needs_parse(words: frozenset[str]) -> Callable[[Span], bool]:
    def needs(sent: Span) -> bool:
        if sent.ents or QUOTE_MARKS & set(sent.text):
            return True
        return any(t.lemma_.lower() in words or t.lower_ in words for t in sent)

    return needs


def _flat(doc: Doc, sent: Span, heads: numpy.ndarray, deps: list[str]) -> None:
    """The first token is the root; every other token hangs from it."""
    for token in sent:
        heads[token.i] = sent.start - token.i if token.i != sent.start else 0
        deps[token.i] = "ROOT" if token.i == sent.start else "dep"


def gated_model(needs: Callable[[Span], bool], stats: dict[str, int]) -> Language:
    """The model with the parser run only on the sentences ``needs`` picks."""
    model = spacy.load(nlp_module.MODEL_NAME)
    parser = model.get_pipe("parser")
    model.disable_pipe("parser")
    model.enable_pipe("senter")
    model.add_pipe("eventwire_paragraphs", after="senter")

    @Language.component("eventwire_gated_parser")
    def gated(doc: Doc) -> Doc:
        sents = list(doc.sents)
        chosen = [s for s in sents if needs(s)]
        stats["sentences"] += len(sents)
        stats["parsed"] += len(chosen)
        heads = numpy.zeros(len(doc), dtype="int64")
        deps = ["dep"] * len(doc)
        parsed = dict(zip((s.start for s in chosen), parser.pipe(s.as_doc() for s in chosen), strict=True))
        for sent in sents:
            sub = parsed.get(sent.start)
            if sub is None:
                _flat(doc, sent, heads, deps)
                continue
            for token in sub:
                heads[sent.start + token.i] = token.head.i - token.i
                deps[sent.start + token.i] = token.dep_ or "dep"
        array = numpy.stack([heads.astype("uint64"),
                             numpy.array([doc.vocab.strings.add(d) for d in deps], dtype="uint64")], axis=1)
        doc.from_array([HEAD, DEP], array)
        return doc

    model.add_pipe("eventwire_gated_parser", last=True)
    return model


def cpu_seconds(model: Language, texts: list[str]) -> float:
    start = time.process_time()
    for _ in model.pipe(texts, batch_size=32):
        pass
    return time.process_time() - start


def scores(names: list[str], limit: int | None) -> dict[str, dict[str, float]]:
    found = {}
    for name in names:
        module = importlib.import_module(f"eventwire.eval.{name}")
        found[name] = module.evaluate(EVAL_PATHS[name], limit=limit).scores
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=150, help="BBC articles to time")
    parser.add_argument("--eval", default="quotes,events,timex", help="scorers to compare ('' for none)")
    parser.add_argument("--eval-limit", type=int, default=None)
    args = parser.parse_args()
    lines = (DATA / "bbc" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in itertools.islice(lines, args.limit)]
    full = nlp_module.load_model()
    stats = {"sentences": 0, "parsed": 0}
    gated = gated_model(needs_parse(gate_words()), stats)
    no_parser = spacy.load(nlp_module.MODEL_NAME, disable=["parser"])
    cpu_seconds(full, texts[:5]), cpu_seconds(gated, texts[:5])  # warm up
    stats.update(sentences=0, parsed=0)
    t_full, t_gated, t_none = cpu_seconds(full, texts), cpu_seconds(gated, texts), cpu_seconds(no_parser, texts)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words} words (CPU seconds, one process)")
    print(f"full model      {t_full:6.1f} s  {words / t_full:7.0f} words/s")
    print(f"gated parser    {t_gated:6.1f} s  {words / t_gated:7.0f} words/s  "
          f"(parsed {stats['parsed']}/{stats['sentences']} sentences = {stats['parsed'] / stats['sentences']:.0%})")
    print(f"no parser       {t_none:6.1f} s  {words / t_none:7.0f} words/s  (the bound: parser share "
          f"{1 - t_none / t_full:.0%})")
    share = stats["parsed"] / stats["sentences"]
    names = [n for n in args.eval.split(",") if n]
    base = scores(names, args.eval_limit)
    nlp_module._models[nlp_module.MODEL_NAME] = gated
    gated_scores = scores(names, args.eval_limit)
    for name in names:
        for key, value in base[name].items():
            other = gated_scores[name].get(key)
            if isinstance(value, float) and isinstance(other, float):
                print(f"{name:8} {key:32} full {value:.3f}  gated {other:.3f}  diff {other - value:+.3f}")
    print(f"parser_skip speedup={t_full / t_gated:.2f} parsed_share={share:.2f}")


if __name__ == "__main__":
    main()
