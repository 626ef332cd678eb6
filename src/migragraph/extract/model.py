"""What extraction finds in one release, before any RDF: plain records that map/ turns into triples.

Entities are referred to by key: an organisation by its gazetteer key or the slug of its fullest name,
a person by the slug of their name. Every relation carries the Span of the sentence it was read from;
an event (meeting, framework, funding) also the later sentences that go on about it ("In the meeting,
…", "With this donation, …"), so a reader sees every sentence it rests on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True, order=True)
class Span:
    """A sentence of the release text: [start, end) in code points, and its text."""

    start: int
    end: int
    text: str


@dataclass
class Organisation:
    key: str
    name: str
    aliases: set[str] = field(default_factory=set)
    parent: str | None = None
    unit: bool = False
    wikidata: str | None = None
    government_of: str | None = None  # ISO 3166-1 alpha-3 when this is a country's government


@dataclass
class Person:
    key: str
    name: str
    aliases: set[str] = field(default_factory=set)
    email: str | None = None


@dataclass
class Post:
    person: str
    role: str
    organisation: str
    evidence: Span


@dataclass
class Meeting:
    label: str
    evidence: Span
    date: str | None = None  # ISO date
    place: str | None = None
    ordinal: int | None = None
    participants: list[str] = field(default_factory=list)  # organisation and person keys
    chairs: list[str] = field(default_factory=list)  # person keys
    host: str | None = None
    framework: str | None = None  # framework key
    further: list[Span] = field(default_factory=list)  # later sentences that tell of it


@dataclass
class Framework:
    key: str
    name: str
    evidence: Span
    parties: list[str] = field(default_factory=list)
    established: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    aliases: set[str] = field(default_factory=set)
    further: list[Span] = field(default_factory=list)


@dataclass
class Funding:
    donor: str
    recipient: str
    amount: Decimal
    currency: str
    evidence: Span
    year: int | None = None
    qualifier: str | None = None
    further: list[Span] = field(default_factory=list)


@dataclass
class ReleaseInfo:
    title: str | None = None
    date: str | None = None
    place: str | None = None
    publisher: str | None = None  # organisation key
    sdgs: list[int] = field(default_factory=list)


@dataclass
class Extraction:
    """Everything read from one release. Keys in relations always name an entry of `organisations`
    or `persons`."""

    info: ReleaseInfo
    organisations: dict[str, Organisation] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    posts: list[Post] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    frameworks: list[Framework] = field(default_factory=list)
    funding: list[Funding] = field(default_factory=list)
