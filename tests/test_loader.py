"""store/loader.py: new releases stored in batches loading in the background; a release the store
cannot read is reported by name and the others of its batch are stored."""

from __future__ import annotations

import threading
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from migragraph.store.graphstore import GraphStore, Solutions
from migragraph.store.journal import Journal
from migragraph.store.loader import Loader
from migragraph.store.terms import ReleaseQuads, nquads

EX = "https://example.org/"


def _release(n: int) -> tuple[URIRef, ReleaseQuads]:
    iri = URIRef(f"{EX}release/{n}")
    return iri, nquads(iri, [(URIRef(f"{EX}org/{n}"), RDFS.label, Literal(f"Org {n}")),
                             (URIRef(f"{EX}org/shared"), RDFS.label, Literal("Shared"))])


def test_batches_land_and_a_broken_release_is_named_alone() -> None:
    refused: list[tuple[str, str]] = []
    broken = URIRef(f"{EX}release/broken")
    with GraphStore() as store:
        with Loader(store, batch_triples=4, refused=lambda tag, why: refused.append((tag, why))) as loader:
            for n in range(5):
                loader.add(*_release(n), tag=f"file-{n}.txt")
                if n == 2:  # in the middle of a batch: the batch is retried a release at a time
                    line = f'<{EX}s> <{EX}p> "unterminated'
                    loader.add(broken, ReleaseQuads(f"{line} <{broken}> .\n".encode(), (line,), 1),
                               tag="broken.txt")
        assert [tag for tag, _ in refused] == ["broken.txt"]
        assert "cannot read" in refused[0][1]
        assert sorted(str(g) for g in store.named_graphs()) == sorted(f"{EX}release/{n}" for n in range(5))
        labels = store.query(f"SELECT ?l WHERE {{ <{EX}org/shared> <{RDFS.label}> ?l }}")
        assert [str(row[0]) for row in labels.rows] == ["Shared"]  # the union stays a set  # type: ignore[union-attr]
        assert loader.loaded == 10 + 1


def test_nothing_queued_is_lost_on_leaving() -> None:
    with GraphStore() as store:
        with Loader(store, batch_triples=10_000, refused=lambda tag, why: None) as loader:
            loader.add(*_release(7), tag="seven")  # far below a batch: stored when the loader closes
            assert store.named_graphs() == []
        assert [str(g) for g in store.named_graphs()] == [f"{EX}release/7"]


def test_a_batch_writes_each_union_triple_once() -> None:
    releases = [_release(n)[1] for n in range(3)]
    lines = [line for line in ReleaseQuads.batch(releases).decode().splitlines() if line]
    assert len(lines) == 3 * 2 + 1 + 3  # every release's own lines, the shared triple once in the union
    assert sum(line == f'<{EX}org/shared> <{RDFS.label}> "Shared" .' for line in lines) == 1


def test_a_release_without_triples_adds_no_line() -> None:
    empty = nquads(URIRef(f"{EX}release/empty"), [])
    assert (empty.named, empty.union, empty.triples) == (b"", (), 0)
    assert ReleaseQuads.batch([empty]) == b""
    one = _release(1)[1]
    assert ReleaseQuads.batch([empty, one]) == ReleaseQuads.batch([one])
    assert ReleaseQuads.batch([one]).decode().count(" .\n") == 2 + 2  # two named lines, two union lines


def test_on_disk_two_batches_load_at_once_and_a_broken_one_is_named(tmp_path: Path) -> None:
    refused: list[str] = []
    broken = URIRef(f"{EX}release/broken")
    with GraphStore(tmp_path / "store") as store:
        with Loader(store, batch_triples=2, refused=lambda tag, why: refused.append(tag)) as loader:
            assert loader.in_flight == 2
            for n in range(12):
                loader.add(*_release(n), tag=f"file-{n}.txt")
                if n == 5:
                    line = f'<{EX}s> <{EX}p> "unterminated'
                    loader.add(broken, ReleaseQuads(f"{line} <{broken}> .\n".encode(), (line,), 1),
                               tag="broken.txt")
        assert refused == ["broken.txt"]
        assert not (tmp_path / "store.pending").exists()  # every batch struck off the journal
        assert sorted(str(g) for g in store.named_graphs()) == sorted(f"{EX}release/{n}" for n in range(12))
        shared = store.query(f"SELECT ?l WHERE {{ <{EX}org/shared> <{RDFS.label}> ?l }}")
        assert isinstance(shared, Solutions) and [str(r[0]) for r in shared.rows] == ["Shared"]
        assert store.query(f"ASK {{ <{EX}s> ?p ?o }}") is False


def test_the_journal_names_every_batch_in_flight(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "store.pending")
    first = journal.begin(["g:1", "g:2"])
    second = journal.begin(["g:3"])
    assert journal.recorded() == ["g:1", "g:2", "g:3"]
    journal.end(first)
    assert journal.recorded() == ["g:3"]
    journal.end(second)
    assert not journal.path.exists() and journal.recorded() == []


def test_a_failed_batch_is_undone_only_once_it_loads_alone(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "store.pending")
    failed, other = journal.begin(["g:failed"]), journal.begin(["g:other"])
    undone = threading.Event()

    def undo() -> None:
        with journal.alone(failed):
            assert journal.recorded() == ["g:failed"]
            undone.set()

    worker = threading.Thread(target=undo)
    worker.start()
    assert not undone.wait(0.2)  # the other batch is still loading
    journal.end(other)
    worker.join(5)
    assert undone.is_set() and not journal.path.exists()


def test_a_batch_cut_short_by_the_disk_stays_named_and_does_not_hold_up_an_undo(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "store.pending")
    failed, cut = journal.begin(["g:failed"]), journal.begin(["g:cut-short"])
    journal.failed(cut)  # a full disk: its graphs stay named for the next open
    with journal.alone(failed):  # does not wait for the batch that will never end
        pass
    assert journal.recorded() == ["g:cut-short"]
