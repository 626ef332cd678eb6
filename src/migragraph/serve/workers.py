"""Queries run in worker processes, so that one past the time limit can be stopped.

A thread cannot be stopped, and pyoxigraph releases the GIL while it evaluates: an abandoned thread
would go on using a core until its query ends (a cross join over all triples: hours). A process can be
killed. Each worker limits its own memory (migragraph/limits.py), opens the store read-only once and
answers jobs over a pipe; a job not answered in time gets its worker killed and replaced (in the
background, ~0.5 s), and the client a 503; so does a job whose worker ran out of its memory.

Spawned, not forked: the server is multi-threaded, and forking a threaded process copies its locks
in whatever state they were.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from migragraph.limits import (
    DEFAULT_MEMORY,
    DEFAULT_RESULT_BYTES,
    die_with_parent,
    limit_memory,
    memory_message,
    show_size,
    stopped_by_memory,
)
from migragraph.serve.engine import Engine, Failure, Job, Outcome


@dataclass(frozen=True)
class Limits:
    timeout: float       # seconds a query may run, and may wait for a free worker
    max_results: int     # rows or triples a result may hold
    allow_service: bool  # federated queries
    memory: int = DEFAULT_MEMORY              # address space of each worker, in bytes
    max_bytes: int = DEFAULT_RESULT_BYTES     # size of a result


def _worker_main(conn: Connection, path: str, limits: Limits, prefixes: dict[str, str]) -> None:
    """A worker process: limit its memory, open the store, say so, then answer jobs until the pipe
    closes."""
    limit_memory(limits.memory)
    try:
        engine = Engine(Path(path), limits.max_results, limits.allow_service, prefixes, limits.max_bytes)
    except (OSError, MemoryError) as exc:
        conn.send(Failure(500, f"cannot open the store at {path}: {exc or type(exc).__name__} "
                               f"(memory limit {show_size(limits.memory)})"))
        return
    conn.send("ready")
    die_with_parent()  # a server killed without stopping its workers leaves none behind
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            outcome = engine.run(job)
        except MemoryError:  # Python's own allocations past the limit (Oxigraph's abort the process)
            outcome = Failure(503, memory_message(limits.memory, "this endpoint's"))
        except Exception as exc:  # a bug here must cost one answer, not the worker
            outcome = Failure(500, f"internal error in the query worker: {type(exc).__name__}: {exc}")
        conn.send(outcome)


class _Worker:
    def __init__(self, process: BaseProcess, conn: Connection) -> None:
        self.process, self.conn = process, conn

    def kill(self) -> None:
        self.process.kill()
        self.conn.close()
        self.process.join(timeout=5)


class WorkerPool:
    """`size` worker processes over the store at `path`; run() hands a job to a free one."""

    def __init__(self, path: Path, size: int, limits: Limits, prefixes: dict[str, str]) -> None:
        self.path, self.size, self.limits, self.prefixes = path, size, limits, prefixes
        self._context = mp.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for worker in [self._spawn() for _ in range(size)]:  # started together, then awaited
            self._ready(worker)

    def _spawn(self) -> _Worker:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(target=_worker_main, name="migragraph-query-worker", daemon=True,
                                        args=(theirs, str(self.path), self.limits, self.prefixes))
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def _ready(self, worker: _Worker) -> None:
        """Wait for `worker` to open the store, then make it available."""
        if not worker.conn.poll(60):
            worker.kill()
            raise RuntimeError("a query worker did not open the store within 60 s")
        try:
            hello = worker.conn.recv()
        except (EOFError, OSError):
            worker.kill()
            limit = show_size(self.limits.memory)
            raise RuntimeError(f"a query worker ended while opening the store (exit code "
                               f"{worker.process.exitcode}; its memory limit: {limit})") from None
        if isinstance(hello, Failure):
            worker.kill()
            raise RuntimeError(hello.message)
        with self._lock:
            if self._closed:
                worker.kill()
                return
            self._all.add(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.kill()
        if not self._closed:
            threading.Thread(target=self._respawn, daemon=True).start()

    def _respawn(self) -> None:
        try:
            self._ready(self._spawn())
        except RuntimeError:
            pass  # the pool runs one worker short; the next replacement tries again

    def run(self, job: Job) -> Outcome:
        """The job's outcome; a Failure of 503 when no worker came free in time or the query ran past
        the time limit."""
        timeout = self.limits.timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            return Failure(503, f"all {self.size} query workers stayed busy for {timeout:g} s; "
                                "try again in a moment")
        try:
            worker.conn.send(job)
            if worker.conn.poll(timeout):
                outcome: Outcome = worker.conn.recv()
                self._idle.put(worker)
                return outcome
        except (EOFError, OSError) as exc:
            self._replace(worker)
            if stopped_by_memory(worker.process.exitcode):
                return Failure(503, memory_message(self.limits.memory, "this endpoint's"))
            return Failure(500, f"the query worker failed: {exc or type(exc).__name__} "
                                f"(exit code {worker.process.exitcode})")
        self._replace(worker)
        return Failure(503, f"the query ran past this endpoint's time limit of {timeout:g} s and was "
                            "stopped; add LIMIT, narrow the patterns, or ask one of the named questions")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()
