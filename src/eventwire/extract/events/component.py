"""The ``events`` component: candidates, coder, arguments, status, source, date, place, merge."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...errors import UsageError
from ...knowledge.countries import country_code
from ...knowledge.events import cameo_root, group_words, plover_types
from ...model import ActorRef, Entity, Event, Quote, Span
from ...nlp import Annotated
from ...registry import coders, components
from ...settings import Settings
from .arguments import arguments, conjuncts, territory
from .coder import Candidate, Coding
from .context import event_date, event_location
from .derive import intent_of
from .dictionary import SURE
from .learned import LearnedCoder
from .merge import Draft, merge
from .refs import (
    NOT_ACTORS,
    STATE_SECTORS,
    actor_refs,
    entity_index,
    group_ref,
    group_sector,
    is_coded,
)
from .status import status_of
from .triggers import candidates

_MAX_TRIGGER_TOKENS = 5
#: what becomes of an event with no coded party (setting ``uncoded_events``)
UNCODED_CHOICES = ("drop", "sure")
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "prep", "agent", "dative", "conj"})
_PERSON_PRONOUNS = frozenset({"he", "she", "i"})
_GROUP_PRONOUNS = frozenset({"it", "they", "we"})


def _refers_to(head: Token, speaker: ActorRef, entities: dict[str, Entity]) -> bool:
    """Whether a pronoun can be the speaker: "he" a person, "it" or "they" a state or group."""
    if head.pos_ != "PRON":
        return False
    entity = entities.get(speaker.entity or "")
    person = entity is not None and entity.type == "PERSON"
    return head.lower_ in (_PERSON_PRONOUNS if person else _GROUP_PRONOUNS)


def decision_of(coder: object) -> LearnedCoder | None:
    """The trained decision among a coder's parts (the chain's), or the coder itself."""
    if isinstance(coder, LearnedCoder):
        return coder
    return getattr(coder, "decision", None)


def party_of_another(token: Token, triggers: set[int]) -> bool:
    """A crowd noun ("protesters", "demonstrators") that is the subject, object or agent of
    another event's trigger is a party to that event, not an event of its own: "police
    arrested 20 protesters", "thousands of demonstrators marched"."""
    if token.pos_ != "NOUN" or group_sector(token) is None:
        return False
    node = token
    for _ in range(3):  # "protesters" <- of <- thousands <- marched
        if node.dep_ not in _PARTY_DEPS or node.head.i == node.i:
            return False
        node = node.head
        if node.i in triggers:
            return True
    return False


def home_tour(actors: list[ActorRef], recipients: list[ActorRef], entities: dict[str, Entity]) -> bool:
    """A visit whose only hosts are towns of the visitor's own country is a tour ("visits
    Manchester, Liverpool and Leicester" on the campaign), not a consultation: PLOVER's
    visit is one party received by another."""
    # a named visitor's country only: a group's is guessed from the very place it visits
    home = {a.country for a in actors if a.country and a.entity}
    for ref in recipients:
        entity = entities.get(ref.entity or "")
        is_place = entity is not None and entity.type in ("GPE", "LOC", "FAC") and ref.sector is None
        if not is_place or (ref.country is not None and ref.country not in home and home):
            return False
    return True


def sentence_span(ann: Annotated, sent: SpacySpan) -> Span:
    """The sentence's span without surrounding whitespace."""
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return ann.span(start, max(start, sent.start_char + len(text.rstrip())))


def trigger_span(ann: Annotated, token: Token, words: tuple[int, ...]) -> Span:
    """The trigger words as one span ("reach a compromise"), or the head word alone."""
    doc = token.doc
    first, last = min(words), max(words)
    if last - first >= _MAX_TRIGGER_TOKENS:
        return ann.span_of(token)
    return ann.span(doc[first].idx, doc[last].idx + len(doc[last].text))


def after_dateline(ann: Annotated, head: Token) -> Token | None:
    """The parser often takes a dateline ("NAIROBI, March 3 -") for the subject of the
    first verb; the real subject is the first noun phrase after the dateline, before the
    verb ("More than 100 people were arrested"). None when there is none."""
    dateline = ann.article.dateline
    verb = head.head
    if dateline is None:
        return None
    for chunk in head.doc.noun_chunks:
        # the phrase's head after the dateline, though the phrase may start inside it: the
        # parser hangs the dateline's date on the subject ("MOSCOW, Dec 3 - Vladimir Putin met")
        if chunk.root.idx >= dateline.span.end and chunk.root.i < verb.i:
            return chunk.root if chunk.root.ent_type_ not in NOT_ACTORS else None
        if chunk.root.i >= verb.i:
            break
    return None


def undated(ann: Annotated, heads: list[Token]) -> list[Token]:
    """Argument heads with a dateline head replaced by the phrase after the dateline."""
    dateline = ann.article.dateline
    if dateline is None:
        return heads
    found: list[Token] = []
    for head in heads:
        if dateline.span.start <= head.idx < dateline.span.end:
            replacement = after_dateline(ann, head)
            if replacement is None or any(h.i == replacement.i for h in heads):
                continue
            head = replacement
        found.append(head)
    return found


#: Entity types that name where something is, not who acts.
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def not_venues(ann: Annotated, heads: list[Token], trigger: Token, entities: dict[str, Entity]) -> list[Token]:
    """Argument heads without a city or region that only names where a noun event happens:
    "the Geneva talks", "the Moscow summit" are held there. A country ("US sanctions") stays
    the actor, and so does a capital acting for its government (an ORG by then)."""
    if trigger.pos_ != "NOUN":
        return heads
    kept = []
    for head in heads:
        entity = entities.get(ann.token_entity.get(head.i, ""))
        if entity is not None and head.dep_ in ("compound", "nmod") and head.head.i == trigger.i \
                and entity.type in _PLACE_TYPES and country_code(entity.name) is None:
            continue
        kept.append(head)
    return kept


def quote_of(ann: Annotated, char: int) -> Quote | None:
    """The quote whose content holds a character: the event is its speaker's account."""
    return next((q for q in ann.quotes if q.content.start <= char < q.content.end), None)


def speaker_ref(
    ann: Annotated, token: Token, quote: Quote | None, entities: dict[str, Entity]
) -> ActorRef | None:
    """Who speaks the clause a trigger is in: the quote's speaker, else the subject of the
    reporting verb whose complement the clause is ("Syria says it will not accept ...")."""
    if quote is not None and quote.speaker in entities:
        entity = entities[quote.speaker]
        return ActorRef(
            entity=entity.id,
            text=quote.source or quote.content,
            country=entity.country,
            sector=entity.sector,
            code=entity.code,
        )
    node = token
    for _ in range(6):
        if node.dep_ == "ccomp" and node.head is not node:
            subject = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
            refs = actor_refs(subject, ann, entities) if subject is not None else []
            return refs[0] if refs else None
        if node.head is node:
            return None
        node = node.head
    return None


_OBLIGATION = frozenset({"must", "should"})


class _Parties:
    """The participants of the last multi-party event, for "the sides", "both parties"."""

    def __init__(self) -> None:
        self.last: list[ActorRef] = []

    def resolve(self, head: Token, ann: Annotated) -> list[ActorRef] | None:
        if head.lower_ not in group_words():
            return None
        return [ref.model_copy() for ref in self.last]

    def remember(self, refs: list[ActorRef]) -> None:
        if len({r.entity or r.country for r in refs}) >= 2:
            self.last = refs


@dataclass
class _Context:
    """What one call of the component shares between its drafts (built per article)."""

    entities: dict[str, Entity]
    parties: _Parties
    event_tokens: set[int]
    #: a sports report: only events with a state or security actor count ("police arrested
    #: a fan"), not a team that "beat", "attacked" or "banned" another
    sport: bool = False


@components.register("events")
class EventsComponent:
    """PLOVER events with actors, status, source, date and place; one per real event.

    The coder is looked up by name in ``eventwire.registry.coders`` (the ``coder`` setting,
    ``EVENTWIRE_CODER``; default ``plover-chain``: the rule lexicon, then the trained coder,
    then the CAMEO dictionary's patterns), so another coder can be chosen without touching
    the pipeline.
    """

    name = "events"
    requires = ("doc", "time_values", "entities", "token_entity", "places", "token_place", "quotes")
    optional = ("sport",)  # a sports report codes fewer events; read when ``sports`` ran
    assigns = ("events",)

    def __init__(self, coder: str | None = None, uncoded: str | None = None) -> None:
        settings = Settings.load()
        self.coder = coders.get(coder or settings.coder)()
        self.decision = decision_of(self.coder)
        self.uncoded = uncoded or settings.uncoded_events
        if self.uncoded not in UNCODED_CHOICES:
            raise UsageError(
                f"uncoded_events={self.uncoded!r} is not one of {', '.join(UNCODED_CHOICES)}",
                hint="set EVENTWIRE_UNCODED_EVENTS or uncoded_events in eventwire.toml to drop or sure",
            )

    def __call__(self, ann: Annotated) -> None:
        found = list(candidates(ann))
        coded = [(cand, coding) for cand in found if (coding := self.coder.code(cand))]
        consumed = {w for cand, coding in coded for w in coding.words if w != cand.token.i}
        ctx = _Context(
            entity_index(ann),
            _Parties(),
            {cand.token.i for cand, _ in coded},
            ann.sport is not None,
        )
        drafts = []
        for cand, coding in coded:
            if cand.token.i in consumed or party_of_another(cand.token, ctx.event_tokens):
                continue
            drafts.extend(self.draft(ann, cand, coding, ctx))
        for cand in found:
            if cand.token.i not in ctx.event_tokens and (draft := self.obligation(ann, cand, ctx)):
                drafts.append(draft)
        drafts.sort(key=lambda d: d.event.event_text.start)
        ann.events = merge(drafts)

    def sure_of(self, token: Token, event: str, quad: str, ctx: _Context) -> bool:
        """Whether a material act with no coded party is kept (``uncoded_events = "sure"``):
        the trained decision is sure of its type here. Outside sports reports only; its
        parties stay as found, a group with its sector ("gunmen") or none ("Gun attacks left
        seven dead"), as the contract allows. Off by default: on non-political news it adds
        more false events than it finds real ones (docs/evaluation.md)."""
        if self.uncoded != "sure" or self.decision is None or ctx.sport:
            return False
        if not quad.startswith("material"):
            return False
        probs = self.decision.distribution(token)
        return probs is not None and probs.get(event, 0.0) >= SURE

    def obligation(self, ann: Annotated, cand: Candidate, ctx: _Context) -> Draft | None:
        """ "X said Y must Z": PLOVER's REQUEST by X of Y, whatever Z is."""
        token = cand.token
        must = next(
            (c for c in token.children if c.dep_ == "aux" and c.lower_ in _OBLIGATION), None
        )
        if token.pos_ != "VERB" or must is None:
            return None
        quote = quote_of(ann, token.idx)
        speaker = speaker_ref(ann, token, quote, ctx.entities)
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        heads = undated(ann, conjuncts(subject)) if subject is not None else []
        targets = self.refs(heads, ann, ctx, None)
        if speaker is None or not targets:
            return None
        info = plover_types()["REQUEST"]
        event = Event(
            id="V0",
            event="REQUEST",
            cameo=cameo_root("REQUEST", None),
            quad=info.quad,
            actor=[speaker],
            recipient=targets,
            date=event_date(ann, token),
            location=event_location(ann, token),
            reported_by=quote.speaker if quote else None,
            quote=quote.id if quote else None,
            event_text=ann.span(must.idx, token.idx + len(token.text)),
            evidence=sentence_span(ann, cand.sentence),
        )
        coded = any(is_coded(r, ctx.entities) for r in event.actor + event.recipient)
        return Draft.of(event, coded, "must")

    def refs(
        self,
        heads: list[Token],
        ann: Annotated,
        ctx: _Context,
        speaker: ActorRef | None,
    ) -> list[ActorRef]:
        found: list[ActorRef] = []
        for head in heads:  # heads come through ``undated``: none is in the dateline
            if head.ent_type_ in NOT_ACTORS:  # "Friday saw clashes": a time is never an actor
                continue
            refs = actor_refs(head, ann, ctx.entities)
            if not refs and speaker is not None and _refers_to(head, speaker, ctx.entities):
                refs = [speaker.model_copy(update={"text": ann.span_of(head)})]
            if not refs:
                refs = ctx.parties.resolve(head, ann) or []
            found.extend(refs)
        return found

    def places(self, heads: list[Token], ann: Annotated, ctx: _Context) -> list[ActorRef]:
        """The target territory of an action: the place's entity, else its country."""
        countries = {p.id: p.country for p in ann.places}
        found: list[ActorRef] = []
        for head in heads:
            refs = actor_refs(head, ann, ctx.entities)
            country = countries.get(ann.token_place.get(head.i, ""))
            if not refs and country is not None:
                refs = [ActorRef(text=ann.span_of(head), country=country, code=country)]
            found.extend(r for r in refs if r.country)
        return found

    def groups(
        self, heads: list[Token], ann: Annotated, location: str | None, others: list[ActorRef]
    ) -> list[ActorRef]:
        """Group nouns with no entity ("police", "protesters") coded by where the event is,
        never by the country of the other side's named party (``others``): "the foreign
        secretary warned Iran"."""
        taken = {r.country for r in others if r.country}
        refs = (group_ref(head, ann, location, taken) for head in heads)
        return [ref for ref in refs if ref is not None]

    def draft(
        self,
        ann: Annotated,
        cand: Candidate,
        coding: Coding,
        ctx: _Context,
    ) -> list[Draft]:
        token = cand.token
        actor_heads, recipient_heads = arguments(token, set(coding.words), ann.token_entity)
        actor_heads = not_venues(ann, undated(ann, actor_heads), token, ctx.entities)
        recipient_heads = undated(ann, recipient_heads)
        quote = quote_of(ann, token.idx)
        speaker = speaker_ref(ann, token, quote, ctx.entities)
        actors = self.refs(actor_heads, ann, ctx, speaker)
        recipients = self.refs(recipient_heads, ann, ctx, speaker)
        location = event_location(ann, token, coding.words)
        info = plover_types()[coding.event]
        # in words, the place named is the other side's ("warned Iran"); a material act's
        # groups are of the place it happens, both sides ("arrested protesters in Cairo")
        verbal = info.quad.startswith("verbal")
        named_actors, named_recipients = (actors, recipients) if verbal else ([], [])
        actors = actors or self.groups(actor_heads, ann, location, named_recipients)
        recipients = recipients or self.groups(recipient_heads, ann, location, named_actors)
        if not recipients and info.territory:
            recipients = self.places(territory(token, set(coding.words), ann.token_place), ann, ctx)
        event = Event(
            id="V0",
            event=coding.event,
            mode=coding.mode,
            context=list(coding.context),
            cameo=cameo_root(coding.event, coding.mode),
            quad=info.quad,
            status=status_of(token),
            actor=actors,
            recipient=recipients,
            date=event_date(ann, token),
            location=location,
            reported_by=quote.speaker if quote else None,
            quote=quote.id if quote else None,
            event_text=trigger_span(ann, token, coding.words),
            evidence=sentence_span(ann, cand.sentence),
        )
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        caused = subject is not None and subject.i in ctx.event_tokens  # "a bombing killed"
        has_actor = bool(actors) or passive or caused or token.pos_ != "VERB"
        political = has_actor and any(is_coded(r, ctx.entities) for r in actors + recipients)
        if not political and has_actor and self.sure_of(token, coding.event, info.quad, ctx):
            political = True  # "Gunmen attacked a convoy", "600 people were arrested"
        if ctx.sport:
            political = political and any(r.sector in STATE_SECTORS for r in actors + recipients)
        if coding.event == "CONSULT" and coding.mode == "visit" and recipients:
            political = political and not home_tour(actors, recipients, ctx.entities)
        if political and event.status == "asserted" and info.quad.endswith("cooperation"):
            ctx.parties.remember(actors + recipients)
        draft = Draft.of(event, political, token.lemma_.lower())
        intent = intent_of(draft, token, speaker)
        return [draft] if intent is None else [draft, intent]
