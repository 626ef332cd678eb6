"""What a store backend must do, and the embedded one: pyoxigraph on disk (DIR/store) or in memory.

GraphStore (graphstore.py) does everything else (release graphs, the union default graph, formats)
in terms of these few operations, so that every backend keeps the same invariants. Each write is one
transaction: a build killed at any moment leaves each release either wholly in or wholly out.

New releases go to the on-disk store through RocksDB's bulk loader (`bulk_load` of N-Quads): on this
machine it stores ~3x more triples a second than a transaction of the same size, and its cost does not
grow with the batch (a 400k-quad transaction took 11x longer than the bulk load). Oxigraph ingests a
bulk batch (under a million quads) as one set of SST files, which RocksDB adds to all column families
at once, but that is not a promise of its API; so each bulk batch is also written down first in
DIR/store.pending (store/journal.py), and a store opened for writing after a batch was cut short drops
that batch's graphs (and any triple of the union no graph states) before anything else: the next build
stores them again, as new. Two batches may load at once (store/loader.py): the journal names both.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from migragraph.errors import StoreError
from migragraph.store.generations import Lease
from migragraph.store.journal import Journal
from migragraph.store.sparqltext import DROP_ORPHANS, Substitutions, drop_graph, syntax_error

QueryResult = ox.QuerySolutions | ox.QueryBoolean | Iterable[ox.Triple]
Graph = ox.NamedNode | ox.DefaultGraph


class Backend(Protocol):
    """A quad store reached by SPARQL 1.1 or its like. `location` names it in messages."""

    location: str

    def query(self, sparql: str, prefixes: dict[str, str], substitutions: Substitutions,
              graphs: list[str] | None = None) -> QueryResult:
        """Run a query; the default graph is the store's default graph (kept as the union). With `graphs`
        the query reads those graphs only: they are its named graphs, and their union its default graph."""
        ...

    def update(self, sparql: str) -> None:
        """Run a SPARQL update as one transaction."""
        ...

    def insert(self, quads: list[ox.Quad]) -> None:
        """Add quads as one transaction."""
        ...

    def insert_new(self, nquads: bytes, graphs: list[ox.NamedNode]) -> None:
        """Add N-Quads of `graphs`, which the store does not hold, all or none of them. Raises
        SyntaxError, having added nothing, when the text cannot be parsed."""
        ...

    def quads(self, graph: Graph) -> Iterator[ox.Quad]:
        """The quads of one graph, in no particular order."""
        ...

    def named_graphs(self) -> list[ox.NamedNode]: ...

    def has_graph(self, graph: ox.NamedNode) -> bool: ...

    def compact(self) -> None:
        """Tidy the storage after large loads (the embedded store compacts RocksDB's files)."""
        ...

    def close(self) -> None: ...


class OxigraphBackend:
    """pyoxigraph, on disk at `path` or in memory (path None)."""

    def __init__(self, path: Path | None = None, *, read_only: bool = False,
                 lease: Lease | None = None) -> None:
        self.path, self.read_only = path, read_only
        self.lease = lease  # the published generation `path` is in, held until close (generations.py)
        self.location = str(path) if path is not None else "(memory)"
        self.journal = Journal(path.with_name(path.name + ".pending")) if path is not None else None
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
            if lease is not None:
                lease.close()
            raise StoreError(f"cannot open the store at {path}: {exc}") from None
        if not read_only:
            self._recover()

    @property
    def store(self) -> ox.Store:
        if self._store is None:
            raise StoreError(f"the store at {self.location} is closed")
        return self._store

    def query(self, sparql: str, prefixes: dict[str, str], substitutions: Substitutions,
              graphs: list[str] | None = None) -> QueryResult:
        try:
            # Parameters are substituted as RDF terms by oxigraph, never spliced into the text.
            if graphs is None:
                return self.store.query(sparql, prefixes=prefixes, substitutions=dict(substitutions))
            named: list[ox.NamedNode | ox.BlankNode] = [ox.NamedNode(g) for g in graphs]
            return self.store.query(sparql, prefixes=prefixes, substitutions=dict(substitutions),
                                    default_graph=list(named), named_graphs=named)
        except SyntaxError as exc:
            raise syntax_error(exc, sparql) from None
        except OSError as exc:
            raise StoreError(f"cannot query the store at {self.location}: {exc}") from None

    def update(self, sparql: str) -> None:
        try:
            self.store.update(sparql)
        except SyntaxError as exc:
            raise syntax_error(exc, sparql, "SPARQL update") from None
        except OSError as exc:
            raise StoreError(f"cannot write to the store at {self.location}: {exc}") from None

    def insert(self, quads: list[ox.Quad]) -> None:
        try:
            self.store.extend(quads)
        except OSError as exc:
            raise StoreError(f"cannot write to the store at {self.location}: {exc}") from None

    def insert_new(self, nquads: bytes, graphs: list[ox.NamedNode]) -> None:
        if self.journal is None:  # in memory a transaction is as fast as a bulk load, and atomic
            try:
                self.store.load(nquads, format=ox.RdfFormat.N_QUADS, lenient=True)  # terms.py checked it
            except OSError as exc:
                raise StoreError(f"cannot write to the store at {self.location}: {exc}") from None
            return
        try:
            batch = self.journal.begin([g.value for g in graphs])
            try:
                self.store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS, lenient=True)  # terms.py checked it
            except SyntaxError:
                # Whatever part of the batch went in goes out again, once no other batch is loading: a
                # batch half-way in can have union triples whose graph lines are not in yet, which
                # DROP_ORPHANS would take for orphans.
                with self.journal.alone(batch):
                    self._drop(self.journal.graphs(batch))
                raise
            except OSError:
                self.journal.failed(batch)  # still named: the next open undoes it
                raise
            self.journal.end(batch)
        except OSError as exc:
            raise StoreError(f"cannot write to the store at {self.location}: {exc}") from None

    def _recover(self) -> None:
        """Undo the bulk batches that a killed build or a full disk may have cut short."""
        if self.journal is None:
            return
        try:
            graphs = self.journal.recorded()
            if graphs:
                self._drop(graphs)
            self.journal.clear()
        except OSError as exc:
            raise StoreError(f"cannot repair the store at {self.location} after an interrupted load "
                             f"({self.journal.path}): {exc}") from None

    def _drop(self, graphs: list[str]) -> None:
        """Drop `graphs` and every triple of the union that no graph states any longer."""
        for graph in graphs:
            self.update(drop_graph(graph))
        self.update(DROP_ORPHANS)

    def quads(self, graph: Graph) -> Iterator[ox.Quad]:
        return iter(self.store.quads_for_pattern(None, None, None, graph))

    def named_graphs(self) -> list[ox.NamedNode]:
        return [g for g in self.store.named_graphs() if isinstance(g, ox.NamedNode)]

    def has_graph(self, graph: ox.NamedNode) -> bool:
        return self.store.contains_named_graph(graph)

    def compact(self) -> None:
        # Bulk loads leave many small SST files; queries read all of them until RocksDB compacts.
        # At 100k releases compacting takes ~18 s and makes the named questions 6-15x faster
        # (officials-of-organisation 553 -> 38 ms, evidence 2.1 s -> 168 ms).
        if self.path is not None:
            try:
                self.store.optimize()
            except OSError as exc:
                raise StoreError(f"cannot write to the store at {self.location}: {exc}") from None

    def load_dataset(self, path: Path) -> None:
        """Load the named graphs of a TriG file, then rebuild the default graph as their union."""
        try:
            self.store.load(path=str(path), format=ox.RdfFormat.TRIG)
            self.store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"cannot load {path} into the memory store: {exc}") from None

    def close(self) -> None:
        if self._store is not None:
            try:
                if self.path is not None and not self.read_only:
                    self._store.flush()
            except OSError as exc:
                raise StoreError(f"cannot write to the store at {self.location}: {exc}") from None
            finally:
                self._store = None  # dropping the handle releases RocksDB's lock on the folder
                if self.lease is not None:
                    self.lease.close()
