"""New releases into the store in batches, two batches loading in the background while the next is made.

Writing a release as N-Quads is Python and holds the GIL; oxigraph's bulk load is Rust and releases it
(a Python thread runs at full speed beside it), so the two overlap: the build extracts and writes the
next batch while others load. One bulk load keeps about one and a half of this machine's 2 cores busy;
two at once fill them (a 100k-release load of already-written N-Quads: 68 s instead of 81 s, compaction
included), so two batches are in flight at a time. Memory stays at three batches, and the store's
journal (DIR/store.pending, store/journal.py) names the graphs of the two loading.

A write of another kind (a release replaced or removed) must wait for the batches in flight: it reads the
union to keep it a set, and a batch landing in the middle of that would be missed (`settle`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

from rdflib import URIRef

from migragraph.store.graphstore import GraphStore
from migragraph.store.terms import ReleaseQuads

Refused = Callable[[str, str], None]  # (the tag given with the release, why the store refused it)


class Loader:
    """Use as a context manager: leaving it stores what is left and waits for it."""

    def __init__(self, store: GraphStore, batch_triples: int, refused: Refused, in_flight: int = 2) -> None:
        self.store, self.batch_triples, self.refused = store, batch_triples, refused
        self.in_flight = in_flight
        self._batch: list[tuple[URIRef, ReleaseQuads]] = []
        self._tags: dict[URIRef, str] = {}
        self._triples = 0
        self.loaded = 0  # triples handed to the store so far
        self._pool = ThreadPoolExecutor(max_workers=in_flight, thread_name_prefix="migragraph-load")
        self._loading: deque[tuple[Future[list[tuple[URIRef, str]]], dict[URIRef, str]]] = deque()

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
        """Start loading the releases queued, once fewer than `in_flight` batches are loading."""
        if self._batch:
            while len(self._loading) >= self.in_flight:
                self._finish_oldest()
            self._loading.append((self._pool.submit(self.store.load_new, self._batch), self._tags))
            self._batch, self._tags, self._triples = [], {}, 0

    def settle(self) -> None:
        """Wait for every batch in flight; report each release the store refused, in the order given."""
        while self._loading:
            self._finish_oldest()

    def _finish_oldest(self) -> None:
        loading, tags = self._loading.popleft()
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
