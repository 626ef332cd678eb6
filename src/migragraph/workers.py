"""Worker processes for the work of a build that needs no store (extraction, mapping, validation):
an ordered, bounded map over them, and workers that die with the process that started them.

Workers are started with "spawn" (the parent holds a store's threads, which fork does not copy
safely), each running an initializer once (what it needs for every item: an extractor, the shapes),
then chunks of items. At most `2 * jobs` chunks are in flight, so memory stays a few chunks whatever
the number of items, and results come back in the order the items were given.

A worker asks the kernel to kill it when its parent dies (prctl PR_SET_PDEATHSIG through ctypes;
elsewhere a thread watches the parent's pid), and checks once that the parent did not die before the
request: a build killed with SIGKILL leaves no worker behind, and with the workers gone the resource
tracker (which exits when the last process holding its pipe does) goes too. A worker that dies (the
kernel's OOM killer) breaks the pool: its chunk and the ones after it are done in this process.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from types import TracebackType
from typing import Any, Generic, TypeVar

In = TypeVar("In")
Out = TypeVar("Out")

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, which a container or taskset narrows)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def die_with_parent(parent: int) -> None:
    """Make this process end when `parent` does (see the module docstring)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl")
        except (OSError, AttributeError):
            _watch(parent)
    else:  # pragma: no cover - macOS and others have no parent-death signal
        _watch(parent)
    if os.getppid() != parent:  # the parent died before the request: nobody would ever signal us
        os._exit(1)


def _watch(parent: int) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="migragraph-parent-watch", daemon=True).start()


def _start(parent: int, initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    initializer(*initargs)


def _run_chunk(function: Callable[[In], Out], chunk: Sequence[In]) -> list[Out]:
    return [function(item) for item in chunk]


class Workers(Generic[In, Out]):
    """`jobs` worker processes, each set up by `initializer(*initargs)`; `map` runs a module-level
    function over items in them. Started on the first map with items to send; use as a context
    manager (leaving it stops the workers)."""

    def __init__(self, jobs: int, initializer: Callable[..., None], initargs: tuple[Any, ...] = (),
                 chunk: int = 16) -> None:
        self.jobs, self.chunk = max(1, jobs), max(1, chunk)
        self.initializer, self.initargs = initializer, initargs
        self._pool: ProcessPoolExecutor | None = None
        self._broken = False
        self._set_up_here = False

    def __enter__(self) -> Workers[In, Out]:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map(self, function: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]:
        """function(item) for each item, in order, computed in the workers."""
        iterator = iter(items)
        flight: deque[tuple[list[In], Future[list[Out]] | None]] = deque()
        while True:
            while len(flight) < 2 * self.jobs and (chunk := list(islice(iterator, self.chunk))):
                flight.append((chunk, self._submit(function, chunk)))
            if not flight:
                return
            chunk, future = flight.popleft()
            yield from self._result(function, chunk, future)

    def _submit(self, function: Callable[[In], Out], chunk: list[In]) -> Future[list[Out]] | None:
        pool = self._workers()
        if pool is None:
            return None
        try:
            return pool.submit(_run_chunk, function, chunk)
        except BrokenProcessPool:
            self._break()
            return None

    def _result(self, function: Callable[[In], Out], chunk: list[In],
                future: Future[list[Out]] | None) -> list[Out]:
        if future is not None:
            try:
                return future.result()
            except BrokenProcessPool:  # a worker died: this chunk, and those after it, are done here
                self._break()
        if not self._set_up_here:
            self.initializer(*self.initargs)
            self._set_up_here = True
        return _run_chunk(function, chunk)

    def _break(self) -> None:
        self._broken = True
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def _workers(self) -> ProcessPoolExecutor | None:
        if self._pool is None and not self._broken:
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_start,
                                             initargs=(os.getpid(), self.initializer, self.initargs))
        return self._pool
