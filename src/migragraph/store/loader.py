"""New releases into the store in batches, each batch loading in the background while the next is made.

Writing a release as N-Quads is Python and holds the GIL; oxigraph's bulk load is Rust and releases it
(a Python thread runs at full speed beside it), so the two overlap: the build extracts and writes the
next batch while one loads. On 2 cores they share the CPU, and the store's bulk load is most of the
time (benchmarks/bench_store.py: 108k triples a second at 10k releases, 90k at 100k). One batch is in
flight at a time: memory stays at two batches, and the store's journal (DIR/store.pending) names one
batch only.

A write of another kind (a release replaced or removed) must wait for the batch in flight: it reads the
union to keep it a set, and a batch landing in the middle of that would be missed (`settle`).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

from rdflib import URIRef

from migragraph.store.graphstore import GraphStore
from migragraph.store.terms import ReleaseQuads

Refused = Callable[[str, str], None]  # (the tag given with the release, why the store refused it)


class Loader:
    """Use as a context manager: leaving it stores what is left and waits for it."""

    def __init__(self, store: GraphStore, batch_triples: int, refused: Refused) -> None:
        self.store, self.batch_triples, self.refused = store, batch_triples, refused
        self._batch: list[tuple[URIRef, ReleaseQuads]] = []
        self._tags: dict[URIRef, str] = {}
        self._triples = 0
        self.loaded = 0  # triples handed to the store so far
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="migragraph-load")
        self._loading: tuple[Future[list[tuple[URIRef, str]]], dict[URIRef, str]] | None = None

    def add(self, iri: URIRef, quads: ReleaseQuads, tag: str) -> None:
        """Queue one new release (from terms.nquads; `tag` names it if it is refused); a full batch
        starts loading."""
        self._batch.append((iri, quads))
        self._tags[iri] = tag
        self._triples += quads.triples
        self.loaded += quads.triples
        if self._triples >= self.batch_triples:
            self.flush()

    def flush(self) -> None:
        """Start loading the releases queued (after the batch before them is in)."""
        self.settle()
        if self._batch:
            self._loading = (self._pool.submit(self.store.load_new, self._batch), self._tags)
            self._batch, self._tags, self._triples = [], {}, 0

    def settle(self) -> None:
        """Wait for the batch in flight; report each release the store refused."""
        if self._loading is not None:
            (loading, tags), self._loading = self._loading, None
            for iri, reason in loading.result():  # a StoreError (a full disk) is raised here
                self.refused(tags[iri], reason)

    def __enter__(self) -> Loader:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            if kind is None:
                self.flush()
                self.settle()
        finally:
            self._pool.shutdown(wait=True)  # a kill aside, a batch is never left half-loaded
