"""graph.trig from per-graph pieces (store/trig.py, outputs.py): the pieces are the bytes serialising the
whole store gives; a rebuild copies the pieces of the graphs it did not change instead of reading them
from the store, rewrites nothing when nothing changed, and after a build that was cut short (a state
that does not describe the store) serialises from the store again, with the same bytes."""

from __future__ import annotations

import contextlib
import io
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import migragraph.outputs as outputs
from migragraph.map.prefixes import prefixes
from migragraph.pipeline import build
from migragraph.store import GraphStore
from migragraph.store.trig import header, piece

from .corpus import write_releases

BASE = "https://w3id.org/migragraph/id/"


def _build(inputs: Path, out: Path) -> None:
    build([inputs], out, progress=False, jobs=1)


def test_pieces_joined_are_the_whole_store_serialised(tmp_path: Path) -> None:
    write_releases(tmp_path / "in", 5)
    _build(tmp_path / "in", tmp_path / "out")
    with GraphStore(tmp_path / "out" / "store", read_only=True) as store:
        whole = io.BytesIO()
        store.dump("trig", prefixes(BASE), whole)
        joined = header(BASE) + b"".join(piece(store.quads(g), BASE) for g in store.named_graphs())
        assert len(store.named_graphs()) == 6  # five releases and the gazetteer's graph
    assert joined == whole.getvalue() == (tmp_path / "out" / "graph.trig").read_bytes()


def _serialised_from_store(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many graphs the build serialises from the store's quads from here on."""
    calls: list[int] = []
    real = outputs.piece

    def counted(*args: Any) -> bytes:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(outputs, "piece", counted)
    return calls


def test_a_rebuild_copies_the_pieces_it_did_not_change(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    files = write_releases(inputs, 6)
    _build(inputs, out)
    files[2].write_text(files[2].read_text(encoding="utf-8") + "\n\nBoth sides met again.", encoding="utf-8")
    from_store = _serialised_from_store(monkeypatch)
    _build(inputs, out)
    assert from_store == []  # the changed graph's piece was made with it, the others copied
    _build(inputs, tmp_path / "scratch")
    assert (out / "graph.trig").read_bytes() == (tmp_path / "scratch" / "graph.trig").read_bytes()


def test_nothing_is_written_again_when_nothing_changed(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_releases(inputs, 3)
    _build(inputs, out)
    files = ("graph.trig", "graph.html", "validation.ttl")
    before = {name: (out / name).stat() for name in files}
    _build(inputs, out)
    for name in files:
        after = (out / name).stat()
        assert (after.st_ino, after.st_mtime_ns) == (before[name].st_ino, before[name].st_mtime_ns), name


def test_a_state_that_does_not_describe_the_store_is_not_trusted(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_releases(inputs, 4)
    _build(inputs, out)
    trig = (out / "graph.trig").read_bytes()
    with contextlib.closing(sqlite3.connect(out / ".state.sqlite")) as db, db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'clean'")  # as a killed build leaves it
    from_store = _serialised_from_store(monkeypatch)
    _build(inputs, out)
    assert len(from_store) == 4  # every release graph read from the store again (the gazetteer's made anew)
    assert (out / "graph.trig").read_bytes() == trig
    from_store.clear()
    (out / "graph.trig").write_bytes(trig.replace(b"Director", b"Direktor"))  # edited by hand: not ours
    _build(inputs, out)
    assert len(from_store) == 4 and (out / "graph.trig").read_bytes() == trig
