"""The store: one named graph per release, kept by pyoxigraph on disk (DIR/store) or in memory.

Queries run here (pyoxigraph answers SPARQL 10-100x faster than rdflib, see PERFORMANCE.md), but
SHACL does not: pyshacl over a pyoxigraph store is ~80x slower than over rdflib graphs, so
validation reads release graphs out of the store into rdflib (`graph`).

The default graph is kept as the union of all release graphs, as a set. Oxigraph's own union
(`use_default_graph_as_union`) is a bag: a triple stated by ten releases matches ten times, so a join of
four patterns over facts repeated across releases returns 10^4 rows (and counts are wrong). Every write
keeps the default graph in step with the named graphs in the same transaction.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from migragraph.errors import StoreError
from migragraph.map.prefixes import vocab_prefixes
from migragraph.resources import data_file
from migragraph.store.terms import Triple, to_ox_quads, to_rdflib

FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON}

# Values for a query's variables, bound as RDF terms (serve/named.py makes them).
Substitutions = dict[ox.Variable, ox.NamedNode | ox.Literal]


@dataclass
class Solutions:
    """The rows of a SELECT query; an unbound variable is None."""

    variables: list[str]
    rows: list[tuple[Node | None, ...]]


class GraphStore:
    """A quad store holding one named graph per release. Use as a context manager, or call close()."""

    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        try:
            if path is None:
                self._store: ox.Store | None = ox.Store()
            elif read_only:
                if not path.is_dir():
                    raise StoreError(f"no store at {path}: "
                                     f"run `migragraph build INPUT --out {path.parent}` first")
                self._store = ox.Store.read_only(str(path))
            else:
                self._store = ox.Store(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {path}: {exc}") from None

    @property
    def store(self) -> ox.Store:
        if self._store is None:
            raise StoreError(f"the store at {self.path or '(memory)'} is closed")
        return self._store

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._store is not None:
            if self.path is not None and not self.read_only:
                self._store.flush()
            self._store = None  # dropping the handle releases RocksDB's lock on the folder

    # ------------------------------------------------------------------ writing

    def add_release(self, graph_iri: URIRef, triples: Iterable[Triple]) -> None:
        """Put `triples` as the named graph `graph_iri`, replacing what it held, all or nothing."""
        quads = list(to_ox_quads(graph_iri, triples))
        node = ox.NamedNode(str(graph_iri))
        try:
            if not self.store.contains_named_graph(node):
                default = ox.DefaultGraph()
                union = [ox.Quad(q.subject, q.predicate, q.object, default) for q in quads]
                self.store.extend(quads + union)  # one transaction
                return
            # Replacing: one SPARQL update, which oxigraph runs as one transaction.
            body = (ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                                 format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
            insert = f"INSERT DATA {{\n{body}GRAPH <{node.value}> {{\n{body}}} }}"  # the union, the graph
            self.store.update(f"{_drop(node.value)} ;\n{insert}")
        except OSError as exc:
            raise StoreError(f"cannot write {graph_iri} to the store at {self.path}: {exc}") from None

    def remove_release(self, graph_iri: URIRef) -> None:
        node = ox.NamedNode(str(graph_iri))
        try:
            if self.store.contains_named_graph(node):
                self.store.update(_drop(node.value))
        except OSError as exc:
            raise StoreError(f"cannot remove {graph_iri} from the store at {self.path}: {exc}") from None

    # ------------------------------------------------------------------ reading

    def named_graphs(self) -> list[URIRef]:
        """Every named graph: the releases' and the gazetteer's reference graph."""
        return sorted(URIRef(g.value) for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def release_graphs(self) -> list[URIRef]:
        """The named graphs of releases (each describes itself as an mg:Release)."""
        found = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a mg:Release } }")
        rows = found.rows if isinstance(found, Solutions) else []
        return sorted(URIRef(str(row[0])) for row in rows)

    def __len__(self) -> int:
        """The number of quads in the release graphs (the union in the default graph not counted)."""
        count = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(str(count.rows[0][0])) if isinstance(count, Solutions) else 0

    def graph(self, graph_iri: URIRef) -> Graph:
        """The named graph `graph_iri` as an in-memory rdflib Graph (for pyshacl)."""
        out = Graph(identifier=graph_iri)
        for q in self.store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph_iri))):
            out.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        return out

    def query(self, sparql: str, prefixes: dict[str, str] | None = None,
              substitutions: Substitutions | None = None) -> Solutions | bool | list[Triple]:
        """Run SPARQL; the default graph is the union of all release graphs. A SELECT gives Solutions,
        an ASK a bool,
        a CONSTRUCT or DESCRIBE its triples. The vocabularies' prefixes (mg:, org:, schema: ...) are
        predeclared; `prefixes` adds more."""
        result = self._run(sparql, prefixes, substitutions)
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            rows = [tuple(None if sol[v] is None else to_rdflib(sol[v]) for v in result.variables)
                    for sol in result]
            return Solutions(names, rows)
        return [(to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)) for t in result]

    def query_to(self, sparql: str, fmt: str, prefixes: dict[str, str] | None = None,
                 substitutions: Substitutions | None = None) -> bytes:
        """A SELECT or ASK result in a W3C results format (csv, tsv, json), serialised by oxigraph."""
        result = self._run(sparql, prefixes, substitutions)
        if isinstance(result, ox.QueryTriples):
            raise StoreError(f"--format {fmt} is for SELECT and ASK queries; this query returns triples")
        return result.serialize(format=RESULT_FORMATS[fmt]) or b""

    def select(self, name: str) -> Solutions:
        """Run the packaged SELECT query queries/<name>.rq."""
        result = self.query(data_file("queries", f"{name}.rq").read_text(encoding="utf-8"))
        if not isinstance(result, Solutions):
            raise StoreError(f"queries/{name}.rq must be a SELECT query")
        return result

    def _run(self, sparql: str, prefixes: dict[str, str] | None, substitutions: Substitutions | None = None,
             ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        try:
            # Parameters are substituted as RDF terms by oxigraph, never spliced into the text.
            return self.store.query(sparql, prefixes={**vocab_prefixes(), **(prefixes or {})},
                                    substitutions=dict(substitutions or {}))
        except SyntaxError as exc:
            raise StoreError(f"the SPARQL query is not valid: {exc}") from None
        except OSError as exc:
            raise StoreError(f"cannot query the store at {self.path}: {exc}") from None

    def sorted_quads(self) -> Iterator[ox.Quad]:
        """The quads of the release graphs, graph by graph in IRI order, each graph sorted.

        Oxigraph returns quads in the order of its indexes (hashes of terms on disk, insertion in
        memory): the same data would not always give the same bytes. One graph at a time keeps memory
        to the size of the largest release."""
        for graph in self.named_graphs():
            quads = list(self.store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph))))
            quads.sort(key=lambda q: (str(q.subject), str(q.predicate), str(q.object)))
            yield from quads

    def dump(self, fmt: str = "trig", prefixes: dict[str, str] | None = None,
             output: IO[bytes] | None = None) -> bytes:
        """All release graphs in `fmt` (trig or nquads), sorted so the same data gives the same bytes."""
        if fmt not in FORMATS:
            raise StoreError(f"cannot dump as {fmt!r}; formats: {', '.join(FORMATS)}")
        buffer = output or io.BytesIO()
        ox.serialize(self.sorted_quads(), buffer, FORMATS[fmt], prefixes=prefixes if fmt == "trig" else None)
        return buffer.getvalue() if isinstance(buffer, io.BytesIO) else b""


def _drop(graph: str) -> str:
    """SPARQL that drops a release graph and the triples of the union that only it stated."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{graph}>) }} }} ;\n"
            f"DROP SILENT GRAPH <{graph}>")
