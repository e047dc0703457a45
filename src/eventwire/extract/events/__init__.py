"""Events: a PLOVER coder that knows what did not happen and who says so.

The ``events`` component (requires doc, times, entities, places, quotes; assigns events)
works in five steps, one module each:

1. ``triggers``: candidate words, the verbs and nouns of body prose (no sub-headings, no
   scare quotes, no quote cues such as "said"; run-ons, tables, name lists and all-caps
   lines are skipped whole).
2. ``coder``: a registered coder turns each candidate into a PLOVER code or None. The
   **coder protocol**: an object with ``name`` and ``code(candidate: Candidate) -> Coding |
   None``; a ``Candidate`` is ``(token, sentence)`` (spaCy token and its sentence span), a
   ``Coding`` is ``(event, mode, context, words)`` with ``words`` the token indices of the
   whole trigger ("reach" + "compromise"). Built in: ``plover-rules`` (the lexicon in
   ``knowledge/data/event_triggers.tsv``). Register another with
   ``@eventwire.registry.coders.register("name")`` and pick it with
   ``EventsComponent(coder="name")``.
3. ``arguments`` + ``refs``: actor and recipient heads from the syntax, each an ``ActorRef``
   from the entity behind it.
4. ``status`` (factuality from ``modality.tsv``) and ``context`` (date and place); the
   source: an event read inside a quote's content is the speaker's account (``reported_by``,
   ``quote``); a pronoun subject inside a reported clause is its speaker ("Syria says it
   will ..."); a crowd with no entity of its own is coded as civilians of the country
   where it gathers (PROTEST only).
5. ``derive``: PLOVER's intent events (``event_derivations.tsv``): a planned cooperation is
   also an AGREE, a planned conflict a THREATEN, "will not accept" a REJECT, "X said Y must
   Z" a REQUEST by X of Y. The event itself keeps its status (planned, demanded...).
6. ``merge``: one event per real event, other triggers in ``mentions``.

An event is kept only when it involves a political actor: an actor or recipient that is
a coded state, organisation or group (country or sector) or a person with a country or
sector. CAMEO roots per type and mode are in ``plover_types.tsv`` / ``plover_modes.tsv``.
"""

from __future__ import annotations

from .coder import Candidate, Coder, Coding, RulesCoder
from .component import EventsComponent
from .dictionary import DictionaryCoder
from .learned import LearnedCoder

__all__ = [
    "Candidate",
    "Coder",
    "Coding",
    "DictionaryCoder",
    "EventsComponent",
    "LearnedCoder",
    "RulesCoder",
]
