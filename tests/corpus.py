"""Helpers of the store's tests: synthetic releases as files, an extractor that notes what it read, and
the invariant every backend keeps (the default graph is the set-union of the named graphs)."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from types import ModuleType

from migragraph.extract.extractor import extract
from migragraph.extract.model import Extraction
from migragraph.ingest.release import RawRelease
from migragraph.store import GraphStore

ROOT = Path(__file__).resolve().parents[1]
RELEASE = "https://w3id.org/migragraph/id/release/"


@cache
def synthetic() -> ModuleType:
    """benchmarks/synthetic.py (not a package), loaded from its file."""
    if "synthetic" in sys.modules:
        return sys.modules["synthetic"]
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "benchmarks" / "synthetic.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["synthetic"] = module  # dataclasses look their module up while it is being run
    spec.loader.exec_module(module)
    return module


def records(n: int, seed: int = 0) -> Iterator[dict[str, str]]:
    generate: Callable[[int, int], Iterator[dict[str, str]]] = synthetic().generate
    return generate(n, seed)


def write_releases(folder: Path, n: int, *, seed: int = 0, start: int = 0) -> list[Path]:
    """`n` synthetic releases as folder/release-NNN.txt, numbered from `start`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for offset, record in enumerate(records(n, seed)):
        path = folder / f"release-{start + offset:03d}.txt"
        path.write_text(record["text"], encoding="utf-8")
        paths.append(path)
    return paths


def write_jsonl(path: Path, n: int, *, seed: int = 0) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(n, seed)),
                    encoding="utf-8")


class Noting:
    """The real extractor, noting the key of every release it is given."""

    def __init__(self) -> None:
        self.keys: list[str] = []

    def __call__(self, release: RawRelease) -> Extraction:
        self.keys.append(release.key)
        return extract(release)


def triples_of(store: GraphStore, graph: str | None) -> set[tuple[str, str, str]]:
    """One graph's triples (the default graph when `graph` is None) as N-Triples terms."""
    from rdflib import URIRef

    quads = store.quads(None if graph is None else URIRef(graph))
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in quads}


def assert_union_invariant(store: GraphStore) -> None:
    """The default graph holds exactly the triples some named graph states."""
    named: set[tuple[str, str, str]] = set()
    for graph in store.named_graphs():
        named |= triples_of(store, str(graph))
    assert triples_of(store, None) == named
