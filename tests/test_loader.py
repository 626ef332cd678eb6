"""store/loader.py: new releases stored in batches loading in the background; a release the store
cannot read is reported by name and the others of its batch are stored."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from migragraph.store.graphstore import GraphStore
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
                    line = f'<{EX}s> <{EX}p> "unterminated'.encode()
                    loader.add(broken, ReleaseQuads(line + f" <{broken}> .\n".encode(), line + b" .\n", 1),
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
