"""DIR/store.pending: the release graphs of the bulk batches loading now, one IRI a line.

A bulk load is not a transaction (store/backend.py), so a batch is named here before it starts and
struck off when it is in. A store opened for writing finds here what a killed build left half-loaded.
Two batches may load at once (store/loader.py), so the file names the graphs of every batch in flight,
and is rewritten (then renamed into place: never half-written) as each begins and ends.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class Journal:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._batches: dict[int, list[str]] = {}  # what the file names: the batches not known to be in
        self._loading: set[int] = set()  # of those, the ones whose load has not ended yet
        self._next = 0
        self._changed = threading.Condition()

    def begin(self, graphs: list[str]) -> int:
        """Name a batch's graphs before it loads; returns the batch's number."""
        with self._changed:
            batch, self._next = self._next, self._next + 1
            self._batches[batch] = graphs
            self._loading.add(batch)
            self._write()
            return batch

    def end(self, batch: int) -> None:
        """The batch is in: strike its graphs off."""
        with self._changed:
            self._forget(batch)

    def failed(self, batch: int) -> None:
        """The batch's load stopped half-way (a full disk): its graphs stay named, for the next open to
        undo, but it no longer counts as loading."""
        with self._changed:
            self._loading.discard(batch)
            self._changed.notify_all()

    def graphs(self, batch: int) -> list[str]:
        return list(self._batches[batch])

    @contextmanager
    def alone(self, batch: int) -> Iterator[None]:
        """Wait until `batch` is the only one loading, hold off others while the caller undoes it, then
        strike it off (or, if undoing it fails, leave it named for the next open)."""
        with self._changed:
            self._changed.wait_for(lambda: self._loading == {batch})
            try:
                yield
            except BaseException:
                self._loading.discard(batch)
                self._changed.notify_all()
                raise
            self._forget(batch)

    def _forget(self, batch: int) -> None:
        self._loading.discard(batch)
        self._changed.notify_all()
        del self._batches[batch]
        self._write()

    def recorded(self) -> list[str]:
        """The graphs a journal on disk names (what an interrupted build left loading)."""
        if not self.path.exists():
            return []
        return self.path.read_text(encoding="utf-8").split()

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
        self._fresh.unlink(missing_ok=True)  # a kill between writing it and renaming it: never used

    @property
    def _fresh(self) -> Path:
        return self.path.with_name(self.path.name + ".new")

    def _write(self) -> None:
        if not self._batches:
            self.path.unlink(missing_ok=True)
            return
        fresh = self._fresh
        lines = "".join(f"{g}\n" for graphs in self._batches.values() for g in graphs)
        fresh.write_text(lines, encoding="utf-8")
        os.replace(fresh, self.path)
