"""What the store already holds of each release, so that a build redoes only what changed.

A release graph is a function of its source record's content (mg:contentHash), of where the record
was read from (mg:sourceRecord, and the file it was derived from), and of the migragraph that built it
(its prov:SoftwareAgent); never of the file's modification time, so a file touched, or rewritten in
place with some records edited, redoes only the records whose bytes changed. A build compares these:

  all the same                    the release is skipped: building it again would give the same triples
  same content and migragraph,    only the statements about the source change (a file moved or renamed,
  another place                   records shifted to other lines): they are rewritten in the store, and
                                  the release is not extracted again ("restamped")
  other content or migragraph     the release is extracted and mapped again, its graph replaced

A graph built by 0.2.0 states its file's modification time (dcterms:modified); the next build
restamps it without. Building the same inputs from scratch or step by step therefore gives the same
graph.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import PROV

from migragraph.errors import StoreError
from migragraph.extract.model import Extraction, ReleaseInfo
from migragraph.ingest.release import KnownRelease, RawRelease
from migragraph.map.iris import IriMinter
from migragraph.map.mapper import release_triples, source_iri
from migragraph.resources import data_file
from migragraph.store.graphstore import GraphStore
from migragraph.store.terms import to_ox_quads
from migragraph.vocab import MG

_COLUMNS = ("g", "hash", "record", "source", "modified", "agent")


@dataclass(frozen=True)
class Fingerprint:
    content_hash: str
    record: str
    modified: str | None
    agent: str
    source: str = ""  # the IRI of the file, as the graph states it (restamp replaces its statements)

    @classmethod
    def of(cls, release: RawRelease | KnownRelease, minter: IriMinter, version: str) -> Fingerprint:
        """What the graph of `release` would record, built by this version of migragraph."""
        agent = str(minter("agent", "migragraph", version))
        if isinstance(release, KnownRelease):  # recalled from the build state: what its graph stated
            return cls(release.content_hash, release.record_name, None, agent, release.source_iri)
        return cls(release.content_hash, release.record_name, None, agent, str(source_iri(release, minter)))

    def same_graph(self, other: Fingerprint) -> bool:
        return (self.content_hash, self.record, self.modified, self.agent, self.source) == (
            other.content_hash, other.record, other.modified, other.agent, other.source)

    def same_content(self, other: Fingerprint) -> bool:
        return (self.content_hash, self.agent) == (other.content_hash, other.agent)


def release_state(store: GraphStore) -> dict[URIRef, Fingerprint]:
    """The fingerprint of every release graph in the store."""
    # Read as pyoxigraph terms: rdflib would rewrite the lexical form of an xsd:dateTime ("Z" as
    # "+00:00"), and the comparison is with the text the mapper wrote.
    rows = store.run(data_file("queries", "release-state.rq").read_text(encoding="utf-8"))
    if not isinstance(rows, ox.QuerySolutions):
        raise StoreError("queries/release-state.rq must be a SELECT query")
    state: dict[URIRef, Fingerprint] = {}
    for row in rows:
        graph, content_hash, record, source, modified, agent = (row[name] for name in _COLUMNS)
        if graph is None or content_hash is None or record is None or agent is None or source is None:
            continue
        state[URIRef(graph.value)] = Fingerprint(content_hash.value, record.value,
                                                 None if modified is None else modified.value, agent.value,
                                                 source.value)
    return state


def check_base(state: dict[URIRef, Fingerprint], minter: IriMinter, where: str) -> None:
    """Refuse to mix IRI bases in one store: the releases of the other base could never be replaced."""
    prefix = str(minter("release", "x"))[:-1]
    foreign = sorted(g for g in state if not g.startswith(prefix))
    if foreign:
        raise StoreError(f"{where} holds releases under another base IRI ({foreign[0]}); build with that "
                         f"--base-iri, or into another folder")


def restamp(store: GraphStore, iri: URIRef, release: RawRelease, before: Fingerprint, minter: IriMinter,
            version: str) -> None:
    """Rewrite what the graph of `release` says about its source, without extracting it again.

    Those statements are the ones about the source file's IRI (prov:wasDerivedFrom, prov:used, and the
    dcterms:modified a graph of 0.2.0 gives it) and mg:sourceRecord; the new ones are what the mapper
    writes for this release given an empty extraction, so they are the same triples a full build would
    write."""
    stamp = release_triples(release, Extraction(info=ReleaseInfo()), minter, version)
    new = list(to_ox_quads(iri, stamp))
    sources = {q.object for q in new if q.predicate.value == str(PROV.wasDerivedFrom)}
    old_source, record = ox.NamedNode(before.source), str(MG.sourceRecord)
    kept = [q for q in store.quads(iri)
            if q.subject != old_source and q.object != old_source and q.predicate.value != record]
    fresh = [q for q in new if q.subject in sources or q.object in sources or q.predicate.value == record]
    store.replace_release_quads(iri, kept + fresh)


__all__ = ["Fingerprint", "check_base", "release_state", "restamp"]
