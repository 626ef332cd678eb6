"""The store: one named graph per release, on a backend (store/backend.py): pyoxigraph on disk
(DIR/store) or in memory, or any SPARQL 1.1 endpoint (store/endpoint.py).

Queries run in the store (pyoxigraph answers SPARQL 10-100x faster than rdflib, see PERFORMANCE.md),
but SHACL does not: pyshacl over a pyoxigraph store is ~80x slower than over rdflib graphs, so
validation reads release graphs out of the store into rdflib (`graph`).

The default graph is kept as the union of all named graphs, as a set. Oxigraph's own union
(`use_default_graph_as_union`) is a bag: a triple stated by ten releases matches ten times, so a join of
four patterns over facts repeated across releases returns 10^4 rows (and counts are wrong); and a
remote endpoint's union cannot be counted on at all. Every write keeps the default graph in step with
the named graphs in the same transaction, so a triple leaves the union only when no graph states it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from migragraph.errors import StoreError
from migragraph.map import Triple
from migragraph.map.prefixes import vocab_prefixes
from migragraph.resources import data_file
from migragraph.store.backend import Backend, OxigraphBackend
from migragraph.store.locate import EMBEDDED, backend_for, recorded_store
from migragraph.store.sparqltext import Substitutions, drop_graph, insert_data, replace_in_graph
from migragraph.store.terms import ReleaseQuads, blank_in, nquads, to_ox_quads, to_rdflib, union_of

FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}

__all__ = ["FORMATS", "RESULT_FORMATS", "GraphStore", "Solutions", "Substitutions"]


@dataclass
class Solutions:
    """The rows of a SELECT query; an unbound variable is None."""

    variables: list[str]
    rows: list[tuple[Node | None, ...]]


class GraphStore:
    """A quad store holding one named graph per release. Use as a context manager, or call close().

    GraphStore(path) is the embedded store on disk, GraphStore() one in memory; any other backend is
    given as `backend`, or picked by `GraphStore.open` from a --store value. Opened read-only at
    DIR/store, it is whatever DIR's build.json says DIR was built into (store/locate.py)."""

    def __init__(self, path: Path | None = None, *, read_only: bool = False,
                 backend: Backend | None = None) -> None:
        self.path = path
        self.read_only = read_only
        if backend is None and path is not None and read_only and path.name == "store":
            backend = backend_for(path.parent, recorded_store(path.parent), read_only=True)
        self.backend: Backend = backend or OxigraphBackend(path, read_only=read_only)

    @classmethod
    def open(cls, directory: Path, spec: str | None = None, *, read_only: bool = False,
             update_url: str | None = None) -> GraphStore:
        """The store of the build folder `directory`, as `spec` says (default: as its build.json says)."""
        spec = spec or recorded_store(directory)
        backend = backend_for(directory, spec, read_only=read_only, update_url=update_url)
        return cls(directory / "store" if spec == EMBEDDED else None, read_only=read_only, backend=backend)

    @property
    def location(self) -> str:
        return self.backend.location

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.backend.close()

    # ------------------------------------------------------------------ writing

    def add_release(self, graph_iri: URIRef, triples: Iterable[Triple]) -> None:
        """Put `triples` as the named graph `graph_iri`, replacing what it held, all or nothing."""
        self.replace_release_quads(graph_iri, list(to_ox_quads(graph_iri, triples)))

    def replace_release_quads(self, graph_iri: URIRef, quads: list[ox.Quad]) -> None:
        """Put `quads` (all in the graph `graph_iri`) as that graph, replacing what it held."""
        node = ox.NamedNode(str(graph_iri))
        if not self.backend.has_graph(node):
            self.backend.insert(quads + union_of(quads))  # one transaction
            return
        held = list(self.backend.quads(node))
        if any(blank_in(q) for q in (*held, *quads)):  # a blank node cannot be named in DELETE DATA
            insert = f"INSERT DATA {{\n{insert_data(quads + union_of(quads))}}}"
            self.backend.update(f"{drop_graph(node.value)} ;\n{insert}")
            return
        # What changed only: a changed release mostly states what it stated before, and dropping the whole
        # graph asks of each of its triples whether another graph states it, which costs more the more
        # releases share it (IOM's name). One SPARQL update, which the backend runs as one transaction.
        kept, wanted = set(held), set(quads)
        update = replace_in_graph(node.value, [q for q in held if q not in wanted],
                                  [q for q in quads if q not in kept])
        if update:
            self.backend.update(update)

    def add_new_releases(self, releases: Sequence[tuple[URIRef, Iterable[Triple]]]) -> None:
        """Add releases the store does not hold yet, all or none of them (a batch loads several times
        faster than one transaction a release). The caller vouches that none is there already."""
        batch = [(iri, nquads(iri, triples)) for iri, triples in releases]
        refused = self.load_new(batch)
        if refused:
            raise StoreError(f"cannot store {refused[0][0]}: {refused[0][1]}")

    def load_new(self, releases: Sequence[tuple[URIRef, ReleaseQuads]]) -> list[tuple[URIRef, str]]:
        """Add releases the store does not hold yet, given as N-Quads (terms.nquads), in one batch.
        When the store cannot read the batch, each release is loaded alone; those it cannot read are
        left out and returned, with the reason."""
        if not releases:
            return []
        try:
            self.backend.insert_new(ReleaseQuads.batch(d for _, d in releases),
                                    [ox.NamedNode(str(iri)) for iri, _ in releases])
            return []
        except SyntaxError as exc:
            if len(releases) == 1:
                return [(releases[0][0], f"the store cannot read its triples: {' '.join(str(exc).split())}")]
        return [refused for release in releases for refused in self.load_new([release])]

    def compact(self) -> None:
        """Tidy the storage after a large load (queries are faster after)."""
        self.backend.compact()

    def remove_release(self, graph_iri: URIRef) -> None:
        node = ox.NamedNode(str(graph_iri))
        if self.backend.has_graph(node):
            self.backend.update(drop_graph(node.value))

    # ------------------------------------------------------------------ reading

    def named_graphs(self) -> list[URIRef]:
        """Every named graph: the releases' and the gazetteer's reference graph."""
        return sorted(URIRef(g.value) for g in self.backend.named_graphs())

    def release_graphs(self) -> list[URIRef]:
        """The named graphs of releases (each describes itself as an mg:Release)."""
        found = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a mg:Release } }")
        rows = found.rows if isinstance(found, Solutions) else []
        return sorted(URIRef(str(row[0])) for row in rows)

    def __len__(self) -> int:
        """The number of quads in the named graphs (the union in the default graph not counted)."""
        count = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(str(count.rows[0][0])) if isinstance(count, Solutions) else 0

    def graph(self, graph_iri: URIRef) -> Graph:
        """The named graph `graph_iri` as an in-memory rdflib Graph (for pyshacl)."""
        out = Graph(identifier=graph_iri)
        for q in self.backend.quads(ox.NamedNode(str(graph_iri))):
            out.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        return out

    def query(self, sparql: str, prefixes: dict[str, str] | None = None,
              substitutions: Substitutions | None = None) -> Solutions | bool | list[Triple]:
        """Run SPARQL; the default graph is the union of all named graphs. A SELECT gives Solutions,
        an ASK a bool, a CONSTRUCT or DESCRIBE its triples. The vocabularies' prefixes (mg:, org:,
        schema: ...) are predeclared; `prefixes` adds more."""
        result = self.run(sparql, prefixes, substitutions)
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            rows = [tuple(None if sol[v] is None else to_rdflib(sol[v]) for v in result.variables)
                    for sol in result]
            return Solutions(names, rows)
        return [(to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)) for t in result]

    def query_to(self, sparql: str, fmt: str, prefixes: dict[str, str] | None = None,
                 substitutions: Substitutions | None = None, graphs: list[str] | None = None) -> bytes:
        """A SELECT or ASK result in a W3C results format (csv, tsv, json, xml), serialised by oxigraph;
        with `graphs`, read in those named graphs only (their union the default graph)."""
        result = self.run(sparql, prefixes, substitutions, graphs)
        if not isinstance(result, ox.QuerySolutions | ox.QueryBoolean):
            raise StoreError(f"--format {fmt} is for SELECT and ASK queries; this query returns triples "
                             "(use table, ttl, nt or jsonld)")
        return result.serialize(format=RESULT_FORMATS[fmt]) or b""

    def run(self, sparql: str, prefixes: dict[str, str] | None = None,
            substitutions: Substitutions | None = None, graphs: list[str] | None = None,
            ) -> ox.QuerySolutions | ox.QueryBoolean | Iterable[ox.Triple]:
        """The backend's own result objects (for writers that stream them)."""
        return self.backend.query(sparql, {**vocab_prefixes(), **(prefixes or {})}, substitutions or {},
                                  graphs)

    def select(self, name: str, substitutions: Substitutions | None = None) -> Solutions:
        """Run the packaged SELECT query queries/<name>.rq, with `substitutions` bound (as RDF terms,
        never pasted into the text)."""
        result = self.query(data_file("queries", f"{name}.rq").read_text(encoding="utf-8"),
                            substitutions=substitutions)
        if not isinstance(result, Solutions):
            raise StoreError(f"queries/{name}.rq must be a SELECT query")
        return result

    def quads(self, graph: URIRef | None = None) -> Iterator[ox.Quad]:
        """The quads of one named graph, or of the default graph (the union) when `graph` is None."""
        return self.backend.quads(ox.DefaultGraph() if graph is None else ox.NamedNode(str(graph)))

    def sorted_quads(self) -> Iterator[ox.Quad]:
        """The quads of the named graphs, graph by graph in IRI order, each graph sorted.

        Backends return quads in the order of their indexes (hashes of terms on disk, insertion in
        memory): the same data would not always give the same bytes. One graph at a time keeps memory
        to the size of the largest release."""
        for graph in self.named_graphs():
            quads = list(self.quads(graph))
            quads.sort(key=lambda q: (str(q.subject), str(q.predicate), str(q.object)))
            yield from quads

    def dump(self, fmt: str = "trig", prefixes: dict[str, str] | None = None,
             output: IO[bytes] | None = None, quads: Iterable[ox.Quad] | None = None) -> bytes:
        """All named graphs in `fmt` (trig or nquads), sorted so the same data gives the same bytes."""
        if fmt not in FORMATS:
            raise StoreError(f"cannot dump as {fmt!r}; formats: {', '.join(FORMATS)}")
        buffer = output or io.BytesIO()
        ox.serialize(self.sorted_quads() if quads is None else quads, buffer, FORMATS[fmt],
                     prefixes=prefixes if fmt == "trig" else None)
        return buffer.getvalue() if isinstance(buffer, io.BytesIO) else b""
