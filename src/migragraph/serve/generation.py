"""Which generation of the store the server answers from, and the move to a newer one.

A build publishes each finished store as a generation (store/generations.py). The server holds one,
with its own worker pool over it, and every request is answered from the generation it started with:
its queries all go to that pool, whose workers opened that generation's files, which are never written
again. So an answer is never half-built nor mixed, even when a worker is replaced mid-way (0.2.0's
replacements opened the store a build was writing, and answers alternated between two totals).

A thread looks at DIR/generations/CURRENT every `watch` seconds. When it names a newer generation, a
pool is started over it beside the old one (~0.6 s a worker at 10k releases), then requests starting
from then on go to it; the old pool is closed, and its generation let go (and removed if no one else
reads it), once the last request that started with it is answered.

A folder built by 0.2.0 has no generation: the server answers from DIR/store, as it did, until a build
publishes one.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from migragraph.errors import StoreError
from migragraph.lines import printable
from migragraph.serve.workers import WorkerPool
from migragraph.store.generations import Lease, current_name, hold, remove_unused

WATCH_SECONDS = 1.0


@dataclass
class Generation:
    name: str | None  # None: DIR/store of a folder without generations
    pool: WorkerPool
    summary: dict[str, Any]
    lease: Lease | None
    cache: dict[str, Any] = field(default_factory=dict)  # the site's counts, computed once
    cache_lock: threading.Lock = field(default_factory=threading.Lock)
    users: int = 0     # requests answering from it now
    retired: bool = False


class Generations:
    def __init__(self, directory: Path, start_pool: Callable[[Path], WorkerPool],
                 watch: float = WATCH_SECONDS) -> None:
        self.directory, self.start_pool, self.watch = directory, start_pool, watch
        self._lock = threading.Lock()
        self.current = self._open()
        self._stop = threading.Event()
        self._watcher = threading.Thread(target=self._watch, name="generation-watch", daemon=True)
        self._watcher.start()

    def _open(self) -> Generation:
        """The current generation (or DIR/store), held, with a pool of workers started over it."""
        lease = hold(self.directory)
        folder = lease.path if lease is not None else self.directory
        try:
            summary = json.loads((folder / "build.json").read_text(encoding="utf-8"))
            pool = self.start_pool(lease.store if lease is not None else self.directory / "store")
        except BaseException:
            if lease is not None:
                lease.close()
            raise
        return Generation(lease.name if lease else None, pool, summary, lease)

    @contextmanager
    def using(self) -> Iterator[Generation]:
        """The generation a request answers from, for as long as it takes."""
        with self._lock:
            generation = self.current
            generation.users += 1
        try:
            yield generation
        finally:
            with self._lock:
                generation.users -= 1
                done = generation.retired and generation.users == 0
            if done:
                self._close(generation)

    def _watch(self) -> None:
        while not self._stop.wait(self.watch):
            name = current_name(self.directory)
            if name is None or name == self.current.name:
                continue
            try:
                newer = self._open()
            except (StoreError, RuntimeError, OSError, ValueError) as exc:
                # Another build may be publishing again: try at the next look.
                sys.stderr.write(printable(f"note: generation {name} cannot be served yet: {exc}") + "\n")
                continue
            with self._lock:
                older, self.current = self.current, newer
                older.retired = True
                idle = older.users == 0
            if idle:
                self._close(older)

    def _close(self, generation: Generation) -> None:
        generation.pool.close()
        if generation.lease is not None:
            generation.lease.close()
            try:
                remove_unused(self.directory)  # best effort: a read-only folder keeps them
            except OSError:
                pass

    def close(self) -> None:
        self._stop.set()
        self._watcher.join(timeout=self.watch + 5)
        self._close(self.current)
