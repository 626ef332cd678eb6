"""The files a build writes beside the store (graph.trig, graph.html, validation.ttl) and the build
state that lets the next build redo only what changed (store/buildstate.py).

When the build wrote nothing to the store and the state says the files describe it, none is written
again: the counts, totals and validation report come from the state. Otherwise graph.trig is
assembled from one piece a named graph (store/trig.py): the pieces this build made, the unchanged
graphs' pieces copied from the graph.trig before, and, only where neither is known (a first build
after 0.2.0, a build after a killed one), pieces serialised from the store. The validation of each
graph is the one remembered for its content, or made now (validate/outcomes.py).
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from rdflib import URIRef

from migragraph.analyse.graphrows import PER_GRAPH, GraphRows, remembered_form, remembered_key
from migragraph.map.iris import IriMinter
from migragraph.map.reference import reference_graph, reference_iri
from migragraph.memory import give_back_freed
from migragraph.resolve.decisions import Decision
from migragraph.resolve.graph import links, resolution_iri, resolution_triples
from migragraph.stages import Built, Settings
from migragraph.store.buildstate import BuildState, Piece, Record
from migragraph.store.files import replacing, write_atomic, write_text_atomic
from migragraph.store.graphstore import GraphStore
from migragraph.store.state import Fingerprint
from migragraph.store.terms import nquads, to_rdflib
from migragraph.store.trig import Placed, Spool, assemble, digest, earlier, piece, piece_of_nquads, read_piece
from migragraph.validate.engines import Violation
from migragraph.validate.outcomes import CrossChecker, Outcome, Outcomes, ReleaseChecker, partial_key
from migragraph.validate.shacl import ValidationReport
from migragraph.visualise.page import write_page

if TYPE_CHECKING:
    from migragraph.pipeline import BuildResult

# What queries/count-entities.rq counts (which class makes a node one of them).
COUNTED = ("organisations", "persons", "posts", "meetings", "frameworks", "funding")
FILES = ("graph.trig", "graph.html", "validation.ttl")
SPOOL = ".graph.trig.spool"  # the pieces a build made, until graph.trig is assembled (store/trig.py Spool)


@dataclass
class _Made:
    digest: str
    triples: int
    fingerprint: Fingerprint | None


class Outputs:
    def __init__(self, store: GraphStore, state: BuildState, result: BuildResult, settings: Settings,
                 local: bool) -> None:
        self.store, self.state, self.result, self.settings = store, state, result, settings
        self.minter = IriMinter(settings.base)
        # Worked out from the release graphs: neither releases nor remembered rows.
        self.derived = frozenset({str(reference_iri(self.minter)), str(resolution_iri(self.minter))})
        self.out = result.out
        self.trig = self.out / "graph.trig"
        self.written_for = f"{settings.version}\n{settings.base}\n{result.store}"
        self.local = local
        self.pieces = state.pieces(self.written_for, self.trig) if local else None
        self.changed = False  # the build wrote to the store
        self.made_here: dict[str, _Made] = {}
        self.stale: set[str] = set()  # graphs rewritten in the store whose pieces are not known
        self.outcomes = Outcomes(state)
        self.key = partial_key(settings.engine, settings.shapes_folder, settings.base)
        self._spool: Spool | None = None
        self._checker: ReleaseChecker | None = None
        self._drawing: _Drawing | None = None
        self._rows: GraphRows | None = None
        self.decided: str | None = None  # the decisions the resolution graph was worked out with, if it was

    @property
    def trusted(self) -> bool:
        return self.pieces is not None

    def fingerprints(self) -> dict[URIRef, Fingerprint] | None:
        """The releases of the store as the state knows them, when it can be trusted."""
        if self.pieces is None:
            return None
        return {URIRef(p.graph): Fingerprint(p.hash, p.record, None, p.agent, p.source or "")
                for p in self.pieces.values() if p.hash is not None and p.record is not None and p.agent}

    @property
    def spool(self) -> Spool:
        if self._spool is None:
            self._spool = Spool(self.out / SPOOL)
        return self._spool

    def made(self, built: Built, fingerprint: Fingerprint | None) -> None:
        """A graph this build made and is writing to the store."""
        self.spool.add(built.iri, built.piece)
        self.made_here[built.iri] = _Made(built.digest, built.quads.triples, fingerprint)
        self.outcomes.put(self.key(built.digest), built.outcome)

    def restamped(self, graph: str) -> None:
        self.stale.add(graph)

    @property
    def checker(self) -> ReleaseChecker:
        if self._checker is None:
            settings = self.settings
            self._checker = ReleaseChecker(settings.engine, settings.shapes_folder, settings.base)
        return self._checker

    def put_reference(self, writing: Callable[[], None]) -> None:
        """The gazetteer's graph for the organisations the release graphs name (see map/reference.py),
        recomputed from what the store holds now; written only when it changed."""
        if not self.changed and self.trusted:
            return
        iri = reference_iri(self.minter)
        prefix = f"{self.minter.base}org/"
        keys = [str(row[0])[len(prefix):] for row in self.store.select("release-orgs").rows
                if str(row[0]).startswith(prefix)]
        self._put_derived(iri, list(reference_graph(keys, self.minter)), writing)

    def start_page(self, compact: bool) -> None:
        """Begin drawing graph.html now that the release graphs and the gazetteer's are stored, beside
        the resolution step: the page reads what the release graphs state (queries that run in oxigraph,
        out of Python's lock) while this thread works out the links across releases, and waits for those
        only then (analyse/graph.py to_networkx). At 10,000 synthetic releases a rebuild with 1 % of them
        changed took 8.1-8.4 s instead of 10.5-11.4 s, the page the same bytes."""
        give_back_freed()  # before the page lays its memory on what the build let go (memory.py)
        self._drawing = _Drawing(self.store, self.out / "graph.html", compact, gated=True,
                                 tables=self.graph_rows())

    def put_resolution(self, writing: Callable[[], None], decisions: list[Decision]) -> None:
        """The resolution graph (resolve/graph.py) of what the store holds now and the decisions; worked
        out again when the store or the decisions changed, written only when it changed. A page being
        drawn is told when the graph is in the store."""
        decided = json.dumps([asdict(d) for d in decisions], sort_keys=True)
        if not self.changed and self.trusted and self.state.get("decisions") == decided:
            meta = self.state.get_json("summary") or {}
            self.result.links = int(meta.get("links", 0))
            self.result.candidates = int(meta.get("candidates", 0))
        else:
            self.decided = decided
            joined, proposed = links(self.store, decisions, self.graph_rows())
            self.result.links, self.result.candidates = len(joined), len(proposed)
            graph = resolution_triples(joined, proposed, self.minter)
            self._put_derived(resolution_iri(self.minter), graph, writing)
        if self._drawing is not None:
            self._drawing.links_stored()

    def graph_rows(self) -> GraphRows | None:
        """The rows of the graphs this build did not change, as remembered (analyse/graphrows.py), for the
        page and resolution; made once the release graphs are stored. None for a store elsewhere (an
        endpoint), whose graphs this folder does not vouch for."""
        if not self.local:
            return None
        if self._rows is None:
            skip = self.made_here.keys() | self.stale | self.derived
            unchanged = {graph: p.digest for graph, p in (self.pieces or {}).items() if graph not in skip}
            valid = {(graph, name): remembered_key(digest, name)
                     for graph, digest in unchanged.items() for name in PER_GRAPH}
            self._rows = GraphRows(self.store, self.state.graph_rows(valid))
        return self._rows

    def _put_derived(self, iri: URIRef, graph: list[tuple], writing: Callable[[], None]) -> None:  # type: ignore[type-arg]
        """A graph the build works out from the release graphs, stored and validated when it changed."""
        if not graph:  # nothing to say (no links yet): no graph, and none left from before
            if iri in self.store.named_graphs():
                writing()
                self.store.remove_release(iri)
            return
        written = nquads(iri, graph)
        checked = self.checker
        data = piece_of_nquads(written.named, self.settings.base)
        known = self.pieces.get(str(iri)) if self.pieces is not None else None
        if known is not None and known.digest == digest(data) and iri in self.store.named_graphs():
            return
        writing()
        self.store.add_release(iri, graph)
        outcome = checked.check(str(iri), "".join(line + " .\n" for line in written.union), list(graph))
        self.made(Built(str(iri), written, data, digest(data), outcome), None)

    # ------------------------------------------------------------------ writing the files

    def write(self, records: dict[str, Record], known: dict[URIRef, Fingerprint],
              remembered: dict[str, Record] | None, compact: bool) -> None:
        """The files, unless the build changed nothing they say (the graph, the shapes or engine that
        validated it); then the build state, clean."""
        same = (not self.changed and self.trusted and self.state.get("validated_with") == self.key("")
                and all((self.out / f).exists() for f in FILES))
        if same:
            self._reuse()
        else:
            self._write_all(known, compact)
        if records != (remembered if remembered is not None else self.state.records()):
            self.state.replace_records(records.values())
        if self.decided is not None:
            self.state.set("decisions", self.decided)
        shutil.rmtree(self.out / ".validation", ignore_errors=True)  # 0.2.0's remembered batches

    def close(self) -> None:
        """Stop a page still being drawn (the build failed before its files); drop the scratch file of the
        pieces: this build's, or one a build killed while it wrote its files left behind (a build with no
        release to make never opens one of its own)."""
        if self._drawing is not None:
            self._drawing.abandon()
            self._drawing = None
        if self._spool is not None:
            self._spool.close()
            self._spool = None
        (self.out / SPOOL).unlink(missing_ok=True)

    def _reuse(self) -> None:
        meta = self.state.get_json("summary") or {}
        result = self.result
        result.releases, result.triples = int(meta.get("releases", 0)), int(meta.get("triples", 0))
        result.quads, result.union_triples = int(meta.get("quads", 0)), int(meta.get("union_triples", 0))
        result.counts = dict(meta.get("counts", {}))
        report = meta.get("report", {"conforms": True, "violations": []})
        result.validation = ValidationReport(bool(report["conforms"]), [
            Violation(**{**v, "releases": tuple(v["releases"])}) for v in report["violations"]])

    def _write_all(self, known: dict[URIRef, Fingerprint], compact: bool) -> None:
        stages, result = self.result.stages, self.result
        graphs = sorted(str(g) for g in self.store.named_graphs())
        # The page is drawn from the store while this thread assembles graph.trig, validates and counts:
        # its queries run in oxigraph, which lets this thread's Python go on. It began beside the
        # resolution step when the release graphs changed (start_page); else it begins now.
        if self._drawing is None:
            give_back_freed()  # (memory.py)
            self._drawing = _Drawing(self.store, self.out / "graph.html", compact, gated=False,
                                     tables=self.graph_rows())
        drawing = self._drawing
        derived = self.derived
        try:
            started = time.monotonic()
            made, placed = self._assemble(graphs, known)
            stages["graph.trig"] = time.monotonic() - started
            started = time.monotonic()
            result.validation = self._validate({g: m.digest for g, m in made.items()})
            write_text_atomic(self.out / "validation.ttl", result.validation.graph.serialize(format="turtle"))
            stages["validation"] = time.monotonic() - started
            started = time.monotonic()
            # Worked out from the release graphs (derived): neither releases nor their triples.
            result.releases = sum(1 for g in graphs if g not in derived)
            result.triples = sum(m.triples for g, m in made.items() if g not in derived)
            result.quads = sum(m.triples for m in made.values())
            result.union_triples = int(str(self.store.select("count-triples").rows[0][0]))
            result.counts = count_entities(self.store)
            stages["counts"] = time.monotonic() - started
        except BaseException:
            drawing.abandon()  # never leave it reading a store that is being closed
            self._drawing = None
            raise
        started = time.monotonic()
        self._drawing = None
        stages.update(drawing.wait())
        stages["waiting for graph.html"] = time.monotonic() - started
        rows = _remembered(self._rows, {g: m.digest for g, m in made.items() if g not in derived})
        summary = {"releases": result.releases, "triples": result.triples, "counts": result.counts,
                   "quads": result.quads, "union_triples": result.union_triples,
                   "links": result.links, "candidates": result.candidates,
                   "report": {"conforms": result.validation.conforms,
                              "violations": [asdict(v) for v in result.validation.violations]}}
        self.state.finish(self.written_for, self.trig, [
            Piece(p.graph, made[p.graph].digest, p.offset, p.length, made[p.graph].triples,
                  *_print_fields(made[p.graph].fingerprint)) for p in placed],
            {"summary": json.dumps(summary, ensure_ascii=False), "validated_with": self.key("")}, rows)
        self.outcomes.forget_others(self.key(m.digest) for m in made.values())

    def _assemble(self, graphs: list[str], known: dict[URIRef, Fingerprint],
                  ) -> tuple[dict[str, _Made], list[Placed]]:
        """graph.trig from the pieces; what each graph is (digest, triples, fingerprint), and where."""
        made: dict[str, _Made] = {}
        placed: list[Placed] = []

        def piece_for(graph: str) -> bytes:
            if graph in self.made_here and self._spool is not None and graph in self._spool:
                made[graph] = self.made_here[graph]
                return self._spool.read(graph)
            fingerprint = known.get(URIRef(graph))
            was = self.pieces.get(graph) if self.pieces is not None and graph not in self.stale else None
            if was is not None and old is not None:
                made[graph] = _Made(was.digest, was.triples, fingerprint)
                return read_piece(old, was.offset, was.length)
            quads = list(self.store.quads(URIRef(graph)))
            data = piece(quads, self.settings.base)
            made[graph] = _Made(digest(data), len(quads), fingerprint)
            return data

        def writer(handle: IO[bytes]) -> None:
            placed.extend(assemble(handle, graphs, self.settings.base, piece_for))

        with earlier(self.trig) as mapped:
            old = mapped if self.pieces is not None else None  # only a file the state describes
            write_atomic(self.trig, writer)
        return made, placed

    def _validate(self, digests: dict[str, str]) -> ValidationReport:
        current = {graph: self.key(d) for graph, d in digests.items()}
        missing = set(current.values()) - self.outcomes.known_keys()
        for graph, key in current.items():
            if key in missing:  # a graph this build did not make, and no outcome remembered for it
                self.outcomes.put(key, self._check_stored(graph))
        settings = self.settings
        cross = CrossChecker(settings.engine, settings.shapes_folder, settings.base)
        return self.outcomes.report(current, cross)

    def _check_stored(self, graph: str) -> Outcome:
        triples = [(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object))
                   for q in self.store.quads(URIRef(graph))]
        written = nquads(URIRef(graph), triples)
        return self.checker.check(graph, "".join(line + " .\n" for line in written.union), triples)


class _AbandonedError(Exception):
    """The build stopped before the links across releases were stored: the page is not finished."""


class _Drawing:
    """graph.html drawn in a thread of its own (after compacting the store, when asked: its queries are
    6-15x faster on a compacted store); `wait` gives the seconds of each, or raises what it raised.
    A `gated` drawing begins before the resolution graph is stored and waits for `links_stored` before it
    reads the links; `abandon` stops it there (the page left as it was) and waits for its thread."""

    def __init__(self, store: GraphStore, path: Path, compact: bool, *, gated: bool,
                 tables: GraphRows | None) -> None:
        self.store, self.path, self.compact, self.tables = store, path, compact, tables
        self.seconds: dict[str, float] = {}
        self.failed: BaseException | None = None
        self._links = threading.Event()
        self._abandoned = False
        if not gated:
            self._links.set()
        self.thread = threading.Thread(target=self._run, name="migragraph-page", daemon=True)
        self.thread.start()

    def links_stored(self) -> None:
        self._links.set()

    def abandon(self) -> None:
        self._abandoned = True
        self._links.set()
        self.thread.join()

    def _before_links(self) -> None:
        started = time.monotonic()
        self._links.wait()
        self.seconds["graph.html waiting for the links"] = time.monotonic() - started
        if self._abandoned:
            raise _AbandonedError()

    def _run(self) -> None:
        try:
            started = time.monotonic()
            if self.compact:
                self.store.compact()
                self.seconds["compacting the store"] = time.monotonic() - started
            started = time.monotonic()
            with replacing(self.path) as staging:
                write_page(self.store, staging, before_links=self._before_links, tables=self.tables)
            self.seconds["graph.html"] = time.monotonic() - started - self.seconds.get(
                "graph.html waiting for the links", 0.0)
        except BaseException as exc:  # given to the build's thread, which raises it
            self.failed = exc

    def wait(self) -> dict[str, float]:
        self.thread.join()
        if self.failed is not None:
            raise self.failed
        return self.seconds


def _remembered(tables: GraphRows | None, digests: dict[str, str]) -> Iterator[tuple[str, str, str, bytes]]:
    """The rows read of each graph of `digests`, as the build state keeps them (analyse/graphrows.py):
    made one at a time as they are written, and let go."""
    read = tables.read if tables is not None else {}
    for graph, name in sorted(read):
        found = read.pop((graph, name))
        if graph in digests:
            yield graph, name, remembered_key(digests[graph], name), remembered_form(found)


def count_entities(store: GraphStore) -> dict[str, int]:
    """Distinct organisations, persons, posts, meetings, frameworks and funding over all releases."""
    counts = dict.fromkeys(COUNTED, 0)
    for kind, n in store.select("count-entities").rows:
        counts[str(kind)] = int(str(n))
    return counts


def _print_fields(fingerprint: Fingerprint | None) -> tuple[str | None, str | None, str | None, str | None]:
    if fingerprint is None:
        return None, None, None, None
    return fingerprint.content_hash, fingerprint.record, fingerprint.source or None, fingerprint.agent


__all__ = ["COUNTED", "Outputs", "count_entities"]
