"""One release and its Extraction -> the triples of the release's named graph, in the public vocabulary.

Every type is asserted (no inference downstream), every node is an IRI (no blank nodes, so the same
input always gives the same triples), and every statement read from a sentence points at an
mg:Evidence node holding that sentence and its offsets.

A key that names no entity of the extraction is left out rather than guessed at: the edge is not
asserted, and if the edge was required the shapes report the node that lacks it.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SDO, SKOS

from migragraph.extract.model import Extraction, Framework, Funding, Meeting, Organisation, Post, Span
from migragraph.extract.places import without_district
from migragraph.ingest.release import RawRelease
from migragraph.map import Triple
from migragraph.map.dates import date_literal, partial_date_literal
from migragraph.map.iris import IriMinter
from migragraph.map.keys import name_key_triples
from migragraph.map.scope import identities
from migragraph.map.titles import choose_title, fallback_label
from migragraph.vocab import MG

_WIKIDATA = "http://www.wikidata.org/entity/"
_SDG = "http://metadata.un.org/sdg/"
# Characters never valid in an IRI (RFC 3987): spaces, controls (\s misses most of them) and <>"{}|\^`.
_NOT_IRI = r"\s\x00-\x1f\x7f-\x9f<>\"{}|\\^`"
_EMAIL = re.compile(rf"^[^{_NOT_IRI}@]+@[^{_NOT_IRI}@]+\.[^{_NOT_IRI}@]+$")
# ingest names a JSON Lines record "path:line" and an element of a JSON list "path[index]".
_RECORD_SUFFIX = re.compile(r"^(?P<path>.+?)(?::\d+|\[\d+\])$")
_SAFE_URL = re.compile(rf"^https?://[^{_NOT_IRI}]+$")


def map_release(release: RawRelease, extraction: Extraction, minter: IriMinter, version: str) -> Graph:
    """The named graph of `release`: its identifier is the release IRI, which it also describes."""
    graph = Graph(identifier=minter("release", release.key), bind_namespaces="none")
    for triple in release_triples(release, extraction, minter, version):
        graph.add(triple)
    return graph


def release_triples(release: RawRelease, extraction: Extraction, minter: IriMinter, version: str,
                    ) -> list[Triple]:
    """The triples of `release`'s named graph (as map_release's), each once, always in the same order.

    The build stores them without an rdflib Graph: Graph.add takes ~13 us a triple (1.2 ms for a release
    of 93 triples), and iterating a Graph again was 38% of writing its N-Quads for the store."""
    return _ReleaseMapper(release, extraction, minter, version).run()


_MINOR_WORDS = {"of", "for", "and", "the", "on", "to", "in", "at", "de"}


def role_label(role: str) -> str:
    """The preferred label of a role, the same for every way of writing it (role IRIs are minted from
    the same words): "director-general" -> "Director General", "chief of mission" -> "Chief of Mission"."""
    words = role.replace("-", " ").split()
    return " ".join(w if w.lower() in _MINOR_WORDS or w.isupper() else w[:1].upper() + w[1:] for w in words)


def source_iri(release: RawRelease, minter: IriMinter) -> URIRef:
    """What a release was derived from, as the build names it: the page it was published at, when its
    record or its .fetch file gives the URL (so a page fetched and the same page saved by hand are one
    source), else <base>source/<slug of its record name without the line>. Never a file: URI, which
    would publish where the inputs were on the machine that built the graph."""
    for url in (release.url, release.source):
        if url and _SAFE_URL.match(url) and _valid_iri(url):
            return URIRef(url)
    match = _RECORD_SUFFIX.match(release.record_name)
    return minter("source", match["path"] if match else release.record_name)


class _ReleaseMapper:
    def __init__(self, release: RawRelease, extraction: Extraction, minter: IriMinter, version: str) -> None:
        self.release, self.x, self.mint, self.version = release, extraction, minter, version
        self.iri = minter("release", release.key)
        self.ids = identities(extraction.organisations, release.key)
        self.triples: dict[Triple, None] = {}  # a set that keeps the order triples were added in
        self.issued = date_literal(extraction.info.date) or date_literal(release.date)

    def run(self) -> list[Triple]:
        self._release()
        self._provenance()
        for organisation in self.x.organisations.values():
            self._organisation(organisation)
        for person in self.x.persons.values():
            self._person(person.key, person.name, person.aliases, person.email)
        for post in self.x.posts:
            self._post(post)
        for index, meeting in enumerate(self.x.meetings):
            self._meeting(index, meeting)
        for framework in self.x.frameworks:
            self._framework(framework)
        for funding in self.x.funding:
            self._funding(funding)
        triples = list(self.triples)
        return triples + name_key_triples(triples, self.mint)

    # ------------------------------------------------------------------ helpers

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal | None) -> None:
        if o is not None:
            self.triples[(s, p, o)] = None

    def org(self, key: str) -> URIRef:
        ident = self.ids.get(key)
        return self.mint("org", *ident.segments) if ident else self.mint("org", key)

    def person(self, key: str) -> URIRef:
        return self.mint("person", key)

    def entity(self, key: str | None) -> URIRef | None:
        """The organisation or person `key` names in this extraction; None when it names neither."""
        if key is None:
            return None
        if key in self.x.organisations:
            return self.org(key)
        if key in self.x.persons:
            return self.person(key)
        return None

    def name_of(self, key: str) -> str:
        entity = self.x.organisations.get(key) or self.x.persons.get(key)
        return entity.name if entity else key

    def place(self, name: str | None) -> URIRef | None:
        if not name or not name.strip():
            return None
        # (one place however its district is written: "Washington, DC" is Washington)
        iri = self.mint("place", without_district(name.strip()))
        self.add(iri, RDF.type, SDO.Place)
        self.add(iri, RDFS.label, Literal(name.strip()))
        return iri

    def labels(self, iri: URIRef, name: str, aliases: set[str]) -> None:
        self.add(iri, RDFS.label, Literal(name))
        for alias in sorted(aliases - {name}):
            self.add(iri, SKOS.altLabel, Literal(alias))

    def evidence(self, subject: URIRef, span: Span) -> None:
        node = URIRef(f"{self.iri}#evidence-{span.start}-{span.end}")
        self.add(subject, MG.evidence, node)
        self.add(node, RDF.type, MG.Evidence)
        self.add(node, MG.sentence, Literal(span.text))
        self.add(node, MG.startOffset, Literal(span.start, datatype=XSD.integer))
        self.add(node, MG.endOffset, Literal(span.end, datatype=XSD.integer))
        self.add(node, MG.inRelease, self.iri)

    # ------------------------------------------------------------------ the release

    def _release(self) -> None:
        r, info, iri = self.release, self.x.info, self.iri
        title = choose_title(r.title, info.title, r.url)
        self.add(iri, RDF.type, MG.Release)
        self.add(iri, RDF.type, PROV.Entity)
        self.add(iri, RDFS.label, Literal(title or fallback_label(r.url, self.issued and str(self.issued))))
        self.add(iri, DCTERMS.title, Literal(title) if title else None)
        self.add(iri, DCTERMS.issued, self.issued)
        if info.publisher in self.x.organisations:
            self.add(iri, DCTERMS.publisher, self.org(info.publisher))
        self.add(iri, SDO.url, Literal(r.url, datatype=XSD.anyURI) if r.url else None)
        for goal in sorted(set(info.sdgs)):
            self.add(iri, DCTERMS.subject, URIRef(f"{_SDG}{goal}"))
        self.add(iri, MG.dateline, self.place(info.place))
        self.add(iri, SDO.text, Literal(r.text))
        self.add(iri, MG.contentHash, Literal(r.content_hash))
        self.add(iri, MG.sourceRecord, Literal(r.record_name))
        mentioned = [self.org(k) for k in self.x.organisations] + [self.person(k) for k in self.x.persons]
        mentioned += [self._meeting_iri(i) for i in range(len(self.x.meetings))]
        mentioned += [self.mint("framework", f.key) for f in self.x.frameworks]
        mentioned += [self._funding_iri(f) for f in self.x.funding]
        for node in mentioned:
            self.add(iri, MG.mentions, node)

    def _provenance(self) -> None:
        """PROV-O: derived from its source, generated by a run of this version of migragraph.

        No wall-clock time here: the same input must give the same bytes (build.json has the time).
        Nor the file's modification time: a release is its content, and touching or editing a file in
        place must not change the graphs of the records that stayed the same (store/state.py)."""
        source = source_iri(self.release, self.mint)
        activity = self.mint("activity", self.release.key)
        agent = self.mint("agent", "migragraph", self.version)
        self.add(self.iri, PROV.wasDerivedFrom, source)
        self.add(self.iri, PROV.wasGeneratedBy, activity)
        self.add(activity, RDF.type, PROV.Activity)
        self.add(activity, PROV.used, source)
        self.add(activity, PROV.wasAssociatedWith, agent)
        self.add(agent, RDF.type, PROV.SoftwareAgent)
        self.add(agent, RDFS.label, Literal(f"migragraph {self.version}"))

    # ------------------------------------------------------------------ entities

    def _organisation(self, o: Organisation) -> None:
        iri = self.org(o.key)
        self.add(iri, RDF.type, ORG.Organization)
        if o.unit:
            self.add(iri, RDF.type, ORG.OrganizationalUnit)
        label = self.ids[o.key].label
        self.labels(iri, label, o.aliases | {o.name})
        self.add(iri, SKOS.prefLabel, Literal(label))
        parent = o.parent or self.ids[o.key].parent
        if parent and parent in self.x.organisations and parent != o.key:
            self.add(iri, ORG.subOrganizationOf, self.org(parent))
        qid = re.search(r"(Q[1-9]\d*)$", o.wikidata or "")
        if qid:
            self.add(iri, OWL.sameAs, URIRef(_WIKIDATA + qid[1]))

    def _person(self, key: str, name: str, aliases: set[str], email: str | None) -> None:
        iri = self.person(key)
        self.add(iri, RDF.type, FOAF.Person)
        self.add(iri, FOAF.name, Literal(name))
        self.labels(iri, name, aliases)
        self.add(iri, FOAF.mbox, _mailto(email))

    # ------------------------------------------------------------------ relations

    def _post(self, post: Post) -> None:
        iri = self.mint("post", post.organisation, post.role, post.person)
        role = self.mint("role", post.role)
        self.add(iri, RDF.type, ORG.Post)
        self.add(iri, RDFS.label, Literal(f"{post.role}, {self.name_of(post.organisation)}"))
        if post.person in self.x.persons:
            self.add(iri, ORG.heldBy, self.person(post.person))
            self.add(self.person(post.person), ORG.holds, iri)
        if post.organisation in self.x.organisations:
            self.add(iri, ORG.postIn, self.org(post.organisation))
        self.add(iri, ORG.role, role)
        self.add(iri, MG.asOf, self.issued)
        self.add(role, RDF.type, ORG.Role)
        # One role, one preferred label in every release: "Director-General" (WHO) and "Director General"
        # (IOM) are one role; the form each release wrote stays on the role as an altLabel.
        canonical = role_label(post.role)
        self.add(role, SKOS.prefLabel, Literal(canonical))
        self.add(role, RDFS.label, Literal(canonical))
        if post.role != canonical:
            self.add(role, SKOS.altLabel, Literal(post.role))
        self.evidence(iri, post.evidence)

    def _meeting_iri(self, index: int) -> URIRef:
        return self.mint("meeting", self.release.key, str(index))

    def _meeting(self, index: int, m: Meeting) -> None:
        iri = self._meeting_iri(index)
        self.add(iri, RDF.type, MG.Meeting)
        self.add(iri, RDFS.label, Literal(m.label))
        self.add(iri, SDO.startDate, date_literal(m.date))
        self.add(iri, SDO.location, self.place(m.place))
        for key in m.participants:
            self.add(iri, MG.participant, self.entity(key))
        for key in m.chairs:
            self.add(iri, MG.chair, self.person(key) if key in self.x.persons else None)
        self.add(iri, SDO.organizer, self.entity(m.host))
        self.add(iri, MG.ordinal, Literal(m.ordinal, datatype=XSD.integer) if m.ordinal is not None else None)
        if m.framework and any(f.key == m.framework for f in self.x.frameworks):
            self.add(iri, MG.framework, self.mint("framework", m.framework))
        for span in [m.evidence, *m.further]:
            self.evidence(iri, span)

    def _framework(self, f: Framework) -> None:
        iri = self.mint("framework", f.key)
        self.add(iri, RDF.type, MG.Framework)
        self.labels(iri, f.name, f.aliases)
        for key in f.parties:
            self.add(iri, MG.party, self.entity(key))
        self.add(iri, DCTERMS.created, partial_date_literal(f.established))
        for span in [f.evidence, *f.further]:
            self.evidence(iri, span)

    def _funding_iri(self, f: Funding) -> URIRef:
        """Minted from what the flow is (donor, recipient, amount, currency, year), not from the release:
        one contribution reported by two releases is one node with both as evidence (issue #14)."""
        year = str(f.year) if f.year is not None else "undated"
        return self.mint("funding", self._segment(f.donor), self._segment(f.recipient), _decimal(f.amount),
                         f.currency, year)

    def _segment(self, key: str) -> str:
        """An organisation's (or person's) identity as one part of another IRI."""
        ident = self.ids.get(key)
        return "--".join(ident.segments) if ident else key

    def _funding(self, f: Funding) -> None:
        iri = self._funding_iri(f)
        year = f", {f.year}" if f.year is not None else ""
        label = f"{self.name_of(f.donor)} funding to {self.name_of(f.recipient)}{year}"
        self.add(iri, RDF.type, MG.Funding)
        self.add(iri, RDFS.label, Literal(label))
        self.add(iri, SDO.funder, self.entity(f.donor))
        self.add(iri, MG.recipient, self.entity(f.recipient))
        # An IRI, not a blank node: blank node labels would differ from one build to the next.
        amount = URIRef(f"{iri}#amount")
        self.add(iri, SDO.amount, amount)
        self.add(amount, RDF.type, SDO.MonetaryAmount)
        self.add(amount, SDO.value, Literal(_decimal(f.amount), datatype=XSD.decimal))
        self.add(amount, SDO.currency, Literal(f.currency))
        self.add(amount, MG.qualifier, Literal(f.qualifier) if f.qualifier else None)
        self.add(iri, MG.year, Literal(f"{f.year:04d}", datatype=XSD.gYear) if f.year is not None else None)
        for span in [f.evidence, *f.further]:
            self.evidence(iri, span)


def _mailto(email: str | None) -> URIRef | None:
    """The mailto: IRI of an address, or None when it is not one an IRI can hold (a stray %, a [)."""
    if not email or not _EMAIL.match(email.strip()):
        return None
    iri = f"mailto:{email.strip()}"
    return URIRef(iri) if _valid_iri(iri) else None


def _valid_iri(iri: str) -> bool:
    """The store's own RFC 3987 check: an IRI it refuses would cost the whole release."""
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


def _decimal(amount: Decimal) -> str:
    """The amount as an xsd:decimal lexical form: 5.9E+8 is written 590000000."""
    return format(amount, "f")
