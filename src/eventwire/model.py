"""The output contract (``../shared/CONTRACT.md``, version 2) as pydantic models.

Every part of eventwire speaks these models: the extractors fill them, the CLI prints
them, the store keeps them and the API serves them. The JSON Schema published by
``eventwire schema`` (and kept in ``docs/contract.schema.json``) is generated from here.

Fields may be added freely; renaming or dropping a field named in the contract needs a new
``SCHEMA_VERSION``.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

SCHEMA_VERSION = "2"

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]
Quad = Literal["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
Status = Literal["asserted", "negated", "planned", "not_planned", "hypothetical", "possible", "demanded"]
STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]
EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"]
QuoteKind = Literal["direct", "indirect", "mixed"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Precision = Literal["decade", "year", "month", "day", "hour", "minute"]
Anchor = Literal["published", "dateline", "text"]
Bound = Literal["exact", "at_least", "at_most", "about", "range"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Part(_Model):
    """A part of a document (event, quote, claim) that can hand over the entities and places
    its ids name: ``event.actors[0].entity.name``. The document it belongs to is held weakly,
    never serialised, and left out of equality, copies and pickles."""

    _document: Any = PrivateAttr(default=None)  # weakref.ref to the Document, set by it

    def _doc(self) -> Document | None:
        return self._document() if self._document is not None else None

    def _entity(self, entity_id: str | None) -> Entity | None:
        doc = self._doc()
        if doc is None or entity_id is None:
            return None
        return next((e for e in doc.entities if e.id == entity_id), None)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> dict[Any, Any]:
        state = super().__getstate__()
        state["__pydantic_private__"] = {"_document": None}
        return state


@dataclass(frozen=True)
class Participant:
    """An actor or recipient of an event with its entity looked up: ``entity`` is None when
    the words name no entity of the document (or the event is not in a document)."""

    entity: Entity | None
    text: Span
    country: str | None
    sector: str | None
    code: str | None

    @property
    def name(self) -> str:
        """The entity's fullest name, else the words that name the participant."""
        return self.entity.name if self.entity is not None else self.text.text


class Span(_Model):
    """A stretch of ``article.text``: ``text == article.text[start:end]`` always holds."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length does not match end - start")
        return self


class TimeValue(_Model):
    value: str = Field(description="TIMEX3 value: 2025-12-02, 2022-02, 198, PT5H, P1M, PRESENT_REF")
    precision: Precision | None = None
    anchor: Anchor | None = None


class Dateline(_Model):
    place: str
    country: str | None = Field(None, description="ISO 3166-1 alpha-3")
    date: TimeValue | None = None
    span: Span


class Article(_Model):
    id: str = Field(description="sha256 of the normalised text, hex")
    input_id: str | None = Field(None, description="the id the input gave the article (JSONL `id`)")
    title: str | None = None
    source: str | None = None
    url: str | None = None
    authors: list[str] = Field(default_factory=list)
    published: str | None = Field(None, description="YYYY-MM-DD or an ISO datetime")
    language: str = "en"
    metadata: dict[str, str | int | float | bool | None] = Field(
        default_factory=dict, description="the input's other fields (JSONL: e.g. category), kept as "
        "given; a list or object value as its JSON text")
    dateline: Dateline | None = None
    headings: list[Span] = Field(default_factory=list, description="sub-headings in the body")
    text: str


class Role(_Model):
    title: str
    of: str | None = Field(None, description="entity id of what the role is held in or for")
    span: Span


class Entity(_Model):
    id: str
    name: str = Field(description="the fullest name in the text")
    type: EntityType
    country: str | None = None
    sector: str | None = None
    code: str | None = Field(None, description="country + sector, CAMEO-style (RUSGOV)")
    roles: list[Role] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class Relation(_Model):
    subject: str
    predicate: str
    object: str
    evidence: Span


class Quote(_Part):
    """One attribution. An interrupted quote (""A," he said, "B."") is one quote: ``content``
    runs from the first part's start to the last part's end and ``parts`` lists the pieces
    without the interrupting cue and source; an uninterrupted quote has ``parts == [content]``
    (filled in for a schema version 1 document, which has none)."""

    id: str
    kind: QuoteKind
    content: Span = Field(description="what was said; an interrupted quote: from its first part to its last")
    parts: list[Span] = Field(default_factory=list,
                              description="the pieces of the content without the interrupting cue and source")
    cue: Span | None = None
    source: Span | None = None
    speaker: str | None = None

    @property
    def speaker_entity(self) -> Entity | None:
        """The speaker looked up in the document: ``quote.speaker_entity.name``."""
        return self._entity(self.speaker)

    @staticmethod
    def line(kind: str, cue: str | None, parts: list[str]) -> str:
        """What a reader is shown for a quote: the cue, then the words, so "He denied that X"
        never reads as "X": 'denied: X'; a direct quote's words in marks; the parts of an
        interrupted quote joined by " … "."""
        words = " … ".join(" ".join(p.split()) for p in parts)
        if kind == "direct":
            words = f"\u201c{words}\u201d"
        return f"{' '.join(cue.split())}: {words}" if cue else words

    def with_cue(self) -> str:
        """``Quote.line`` of this quote ('said: “We will not sign … not this year.”')."""
        return self.line(self.kind, self.cue.text if self.cue else None, [p.text for p in self.parts])

    @model_validator(mode="after")
    def _parts_within_content(self) -> Quote:
        if not self.parts:
            self.parts = [self.content]
        elif self.parts[0].start != self.content.start or self.parts[-1].end != self.content.end:
            raise ValueError("a quote's parts must run from its content's start to its end")
        return self


class ActorRef(_Model):
    entity: str | None = None
    text: Span
    country: str | None = None
    sector: str | None = None
    code: str | None = None


class Event(_Part):
    id: str
    event: EventType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    cameo: str | None = None
    quad: Quad
    status: Status = "asserted"
    actor: list[ActorRef] = Field(default_factory=list)
    recipient: list[ActorRef] = Field(default_factory=list)
    date: TimeValue | None = None
    location: str | None = None
    reported_by: str | None = None
    quote: str | None = None
    event_text: Span
    mentions: list[Span] = Field(default_factory=list)
    evidence: Span

    @property
    def actors(self) -> list[Participant]:
        """The actors with their entities looked up: ``event.actors[0].entity.name``."""
        return [self._participant(ref) for ref in self.actor]

    @property
    def recipients(self) -> list[Participant]:
        """The recipients with their entities looked up."""
        return [self._participant(ref) for ref in self.recipient]

    @property
    def place(self) -> Place | None:
        """The place the event happened (its ``location``), looked up in the document."""
        doc = self._doc()
        return next((p for p in doc.places if p.id == self.location), None) if doc and self.location else None

    @property
    def reporter(self) -> Entity | None:
        """Who said it happened (``reported_by``), looked up in the document."""
        return self._entity(self.reported_by)

    def _participant(self, ref: ActorRef) -> Participant:
        return Participant(self._entity(ref.entity), ref.text, ref.country, ref.sector, ref.code)


class Claim(_Part):
    id: str
    about: str
    value: float
    max: float | None = None
    bound: Bound = "exact"
    unit: str | None = None
    per: str | None = None
    claimant: str | None = None
    evidence: Span

    @property
    def claimant_entity(self) -> Entity | None:
        """Who claims the number, looked up in the document."""
        return self._entity(self.claimant)


class Time(_Model):
    text: Span
    type: TimeType
    value: str
    anchor: str | None = None


class Place(_Model):
    id: str
    name: str
    mentions: list[Span] = Field(default_factory=list)
    country: str | None = None
    feature: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


class Document(_Model):
    """One analysed article: the whole contract."""

    schema_version: str = SCHEMA_VERSION
    article: Article
    entities: list[Entity] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def model_post_init(self, context: Any, /) -> None:
        """Let each event, quote and claim look up the entities and places it names."""
        ref = weakref.ref(self)
        for part in (*self.events, *self.quotes, *self.claims):
            part._document = ref

    def __setstate__(self, state: dict[Any, Any]) -> None:
        super().__setstate__(state)
        self.model_post_init(None)  # an unpickled document links its parts again

    def spans(self) -> list[Span]:
        """Every span in the document, for checking they all index ``article.text``."""
        found: list[Span] = []

        def walk(obj: object) -> None:
            if isinstance(obj, Span):
                found.append(obj)
            elif isinstance(obj, BaseModel):
                for name in type(obj).model_fields:
                    walk(getattr(obj, name))
            elif isinstance(obj, list):
                for item in obj:
                    walk(item)

        walk(self)
        return found


def json_schema() -> dict[str, Any]:
    """The contract's JSON Schema, as ``eventwire schema`` prints it."""
    schema = Document.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"eventwire document, contract version {SCHEMA_VERSION}"
    return schema
