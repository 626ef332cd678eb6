"""`migragraph query` runs its query in a child process, within a memory limit and a time limit.

Oxigraph evaluates in Rust, where neither Ctrl-C nor a time limit reaches it: a COUNT over a cross join
held the terminal for hours, and `migragraph query DIR @/dev/zero` grew to 22 GB before the kernel
killed it. A process can be stopped, as `migragraph serve` stops its workers (serve/workers.py). The
child limits its own address space (migragraph/limits.py), opens the store, runs the query and sends
its output back in chunks; the parent writes them as they come (an export streams, it is not held
whole), and stops the child when the query has computed for longer than --timeout (the time a slow
reader such as `less` holds the output back does not count), on Ctrl-C, or when the child ran out of
memory, saying which in one line.

The child is forked when this process has no other thread (a fork copies only the calling thread, and
no lock another thread held), which costs ~10 ms; else it is spawned (a fresh interpreter that imports
the package again: ~0.7 s more on this machine), as the server's workers are.
"""

from __future__ import annotations

import io
import multiprocessing as mp
import os
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import IO

import click

from migragraph.errors import MigragraphError
from migragraph.limits import die_with_parent, limit_memory, memory_message, stopped_by_memory
from migragraph.lines import printable
from migragraph.map.prefixes import prefixes
from migragraph.serve.named import get as named_get
from migragraph.serve.named import visible_columns
from migragraph.store.export import write_result
from migragraph.store.graphstore import GraphStore, Solutions, Substitutions

from .render import render_query

CHUNK = 1 << 16
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C


@dataclass(frozen=True)
class QueryJob:
    directory: Path
    store: str | None
    text: str
    substitutions: Substitutions | None
    fmt: str
    base: str
    question: str | None  # a named question's name: its hidden columns are left out of a table
    federated: bool       # the query has a SERVICE clause (allowed): a failure may be the endpoint's
    memory: int


class QueryStoppedError(click.ClickException):
    """The query failed or was stopped (time, memory): one line on stderr, exit 2."""

    exit_code = 2

    def show(self, file: object = None) -> None:
        click.echo(f"error: {printable(self.message)}", err=True)


class QueryInterruptedError(QueryStoppedError):
    exit_code = EXIT_INTERRUPTED


def run_query(job: QueryJob, timeout: float, output: IO[bytes]) -> None:
    """Run `job` in a child process and write what it prints to `output`; QueryStoppedError when the
    query fails or is stopped."""
    context = mp.get_context("fork") if threading.active_count() == 1 else mp.get_context("spawn")
    ours, theirs = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(theirs, job), name="migragraph-query", daemon=True)
    child.start()
    theirs.close()
    try:
        _relay(ours, timeout, output)
    except EOFError:
        child.join(timeout=5)
        if stopped_by_memory(child.exitcode):
            raise QueryStoppedError(memory_message(job.memory, "the", ", or raise --memory-limit")) from None
        raise QueryStoppedError(f"the query process ended without an answer (exit code {child.exitcode})"
                                ) from None
    except KeyboardInterrupt:
        raise QueryInterruptedError("interrupted: the query was stopped") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join(timeout=5)
        ours.close()


def _relay(conn: Connection, timeout: float, output: IO[bytes]) -> None:
    """Copy the child's chunks to `output` until it is done; raise what it reports."""
    computing = 0.0
    while True:
        started = time.monotonic()
        ready = conn.poll(max(timeout - computing, 0))
        computing += time.monotonic() - started
        if not ready:
            raise QueryStoppedError(f"the query ran past --timeout {timeout:g} s and was stopped: narrow it "
                                    "(LIMIT, fewer unbound patterns), or raise --timeout")
        kind, payload = conn.recv()  # EOFError when the child ended without saying why
        if kind == "out":
            output.write(payload)
        elif kind == "done":
            output.flush()
            return
        else:
            raise QueryStoppedError(payload)


class _Pipe(io.RawIOBase):
    """The child's output: each write goes to the parent as one chunk."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        chunk = bytes(data)  # type: ignore[call-overload]
        self.conn.send(("out", chunk))
        return len(chunk)


def _child(conn: Connection, job: QueryJob) -> None:
    """The child process: limit its memory, run the query, send the output, then ("done", None) or
    ("error", message)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    # What goes wrong is reported through the pipe, in one line; Rust's own words on an allocation it
    # could not make ("memory allocation of N bytes failed", a backtrace) would only add lines.
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    limit_memory(job.memory)
    die_with_parent()
    output = io.BufferedWriter(_Pipe(conn), buffer_size=CHUNK)
    try:
        with GraphStore.open(job.directory, job.store, read_only=True) as store:
            _answer(store, job, output)
        output.flush()
        conn.send(("done", None))
    except MigragraphError as exc:
        conn.send(("error", str(exc)))
    except MemoryError:
        conn.send(("error", memory_message(job.memory, "the", ", or raise --memory-limit")))
    except (OSError, RuntimeError, ValueError) as exc:  # raised by Oxigraph while it evaluates
        reason = " ".join(str(exc).split()) or type(exc).__name__
        if job.federated:
            conn.send(("error", "the query failed: a SERVICE endpoint it names is unreachable or gave an "
                                f"answer that is not a SPARQL result: {reason}"))
        else:
            conn.send(("error", f"the query failed: {reason}"))


def _answer(store: GraphStore, job: QueryJob, output: IO[bytes]) -> None:
    if job.fmt != "table":
        found = store.run(job.text, substitutions=job.substitutions)
        write_result(found, job.fmt, prefixes(job.base), output)
        return
    result = store.query(job.text, substitutions=job.substitutions)
    if job.question is not None and isinstance(result, Solutions):
        columns = visible_columns(named_get(job.question), result.variables)
        keep = [result.variables.index(c) for c in columns]
        result = Solutions(columns, [tuple(row[i] for i in keep) for row in result.rows])
    output.write(render_query(result, job.base).encode("utf-8"))
