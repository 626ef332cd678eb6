"""graph.trig, assembled from one piece a named graph, so that a rebuild writes only what changed.

oxigraph writes a sorted dataset as the @prefix lines and then one block a named graph, each block
depending on that graph's quads alone: so graph.trig is the prefix lines followed by the graphs'
pieces in IRI order, byte for byte what serialising the whole store gives (tests/test_trig.py). A
piece is written where its graph is made (in the worker that extracts a release), and a rebuild takes
the pieces of the graphs it did not change from the graph.trig before it (the build state says where
each is, store/buildstate.py), copying bytes instead of reading and writing the store's quads.

Serialising a graph from the store (the fallback, when no piece is known) costs ~1 ms a release, most
of it reading and sorting; copying a piece costs a few microseconds.
"""

from __future__ import annotations

import hashlib
import mmap
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from migragraph.errors import StoreError
from migragraph.map.prefixes import prefixes

_PROBE = ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.NamedNode("urn:x:o"),
                 ox.NamedNode("urn:x:g"))


@cache
def header(base: str) -> bytes:
    """The @prefix lines that open graph.trig (written once, before the first piece)."""
    written = ox.serialize([_PROBE], format=ox.RdfFormat.TRIG, prefixes=prefixes(base)) or b""
    end = 0
    for line in written.splitlines(keepends=True):
        if not line.startswith(b"@prefix"):
            break
        end += len(line)
    return written[:end]


def sort_key(quad: ox.Quad) -> tuple[str, str, str]:
    return str(quad.subject), str(quad.predicate), str(quad.object)


def piece(quads: Iterable[ox.Quad], base: str) -> bytes:
    """One named graph's lines of graph.trig (its quads, all in that graph)."""
    ordered = sorted(quads, key=sort_key)
    if not ordered:
        return b""
    written = ox.serialize(ordered, format=ox.RdfFormat.TRIG, prefixes=prefixes(base)) or b""
    top = header(base)
    if not written.startswith(top):  # pragma: no cover - a pyoxigraph that writes prefixes otherwise
        raise RuntimeError("pyoxigraph wrote the TriG prefixes in another order than expected")
    return written[len(top):]


def piece_of_nquads(nquads: bytes, base: str) -> bytes:
    """A piece from the N-Quads of one graph (as the store is given them)."""
    return piece(ox.parse(nquads, format=ox.RdfFormat.N_QUADS), base)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Placed:
    graph: str
    offset: int
    length: int


class Spool:
    """The pieces made during a build, in one scratch file beside graph.trig (graph -> where)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._handle: IO[bytes] = path.open("w+b")
        except OSError as exc:
            raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from None
        self._where: dict[str, tuple[int, int]] = {}
        self._end = 0

    def add(self, graph: str, data: bytes) -> None:
        try:
            self._handle.write(data)
        except OSError as exc:
            raise StoreError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        self._where[graph] = (self._end, len(data))
        self._end += len(data)

    def __contains__(self, graph: str) -> bool:
        return graph in self._where

    def read(self, graph: str) -> bytes:
        offset, length = self._where[graph]
        try:
            self._handle.flush()
            return os.pread(self._handle.fileno(), length, offset)
        except OSError as exc:
            raise StoreError(f"cannot write {self.path}: {exc.strerror or exc}") from None

    def close(self) -> None:
        """Drop the scratch file (what it held is in graph.trig now, or the build failed)."""
        try:
            self._handle.close()  # flushes: on a full disk that fails, and nothing of it is wanted
        except OSError:
            pass
        finally:
            self.path.unlink(missing_ok=True)


def assemble(handle: IO[bytes], graphs: Iterable[str], base: str,
             piece_for: Callable[[str], bytes]) -> list[Placed]:
    """Write graph.trig to `handle`: the prefix lines, then each graph's piece (`piece_for`) in the
    order given (IRI order); where each landed."""
    placed, offset, started = [], 0, False
    for graph in graphs:
        data = piece_for(graph)
        if not data:
            continue
        if not started:
            top = header(base)
            handle.write(top)
            offset, started = len(top), True
        handle.write(data)
        placed.append(Placed(graph, offset, len(data)))
        offset += len(data)
    return placed


@contextmanager
def earlier(path: Path) -> Iterator[mmap.mmap | None]:
    """An earlier graph.trig mapped into memory to copy pieces from (None when missing or empty). Mapped,
    not read piece by piece: a copy out of memory keeps Python's lock, where each read gives it up and
    waits to get it back from the page's thread (at 10,000 releases 10,000 reads made graph.trig take
    1.9 s instead of 0.2)."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        yield None
        return
    with handle:
        if os.fstat(handle.fileno()).st_size == 0:
            yield None
            return
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            yield mapped


def read_piece(mapped: mmap.mmap, offset: int, length: int) -> bytes:
    """A piece of an earlier graph.trig (`earlier`)."""
    data = mapped[offset:offset + length]
    if len(data) != length:
        raise OSError(f"graph.trig is shorter than its recorded pieces ({offset}+{length})")
    return data
