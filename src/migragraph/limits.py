"""Bounds on a query: the memory of the process that runs it, and the size of what it reads and returns.

A query runs in a process of its own (a worker of `migragraph serve`, a child of `migragraph query`),
so that it can be stopped: a thread cannot be, and Oxigraph evaluates in Rust, where neither a time
limit nor Ctrl-C reaches it. That process limits its own address space (RLIMIT_AS) before it opens the
store: a query that would hold more (a cross join sorted by ORDER BY; a string doubled by CONCAT until
it is gigabytes) fails to allocate, and Oxigraph, like any Rust program, then aborts: the process ends
with SIGABRT, and whoever started it says the limit was reached. The machine's memory is never at stake.

What a worker needs, measured (`migragraph serve` on 10,000 synthetic releases, 935k triples): 0.5 to
0.8 GB of address space once the store is open (RocksDB's reservations, mostly unused; it varies from
run to run), 0.6 GB at its peak after the named questions, a 10,000-row SELECT and a SERVICE check (with
the parser's stack cut from 256 to 32 MiB, serve/guard.py), 0.12 GB resident. DEFAULT_MEMORY leaves more
than a gigabyte for the query itself.
"""

from __future__ import annotations

import os
import re
import resource
import signal
import threading
import time

DEFAULT_MEMORY = 2 << 30         # address space of a query's process
MAX_QUERY_BYTES = 1 << 20        # a query's text, over HTTP or from a file or stdin
DEFAULT_RESULT_BYTES = 32 << 20  # a result `migragraph serve` sends
_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?", re.IGNORECASE)


def parse_size(text: str) -> int:
    """'2G', '512M', '1.5GiB', '100000' -> bytes; ValueError for anything else."""
    match = _SIZE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a size: give bytes, or a number with K, M, G or T (2G, 512M)")
    return int(float(match[1]) * _UNITS[match[2].lower()])


def show_size(size: int) -> str:
    """A size for messages: 2 GiB, 512 MiB, 1,048,576 bytes."""
    for unit, name in ((1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")):
        if size >= unit and size % (unit // 16) == 0:
            return f"{size / unit:g} {name}"
    return f"{size:,} bytes"


def limit_memory(size: int) -> None:
    """Limit this process's address space to `size` bytes (call it first thing in the process)."""
    resource.setrlimit(resource.RLIMIT_AS, (size, size))


def stopped_by_memory(exitcode: int | None) -> bool:
    """Whether a query process that ended with `exitcode` ran out of its memory: Rust aborts on an
    allocation it cannot make (SIGABRT), the kernel's OOM killer sends SIGKILL."""
    return exitcode in (-signal.SIGABRT, -signal.SIGKILL)


def memory_message(limit: int, whose: str, then: str = "") -> str:
    """Why a query was stopped for memory: `whose` limit ("this endpoint's"), and what else to do."""
    return (f"the query needed more memory than {whose} limit of {show_size(limit)} and was stopped: narrow "
            f"it (LIMIT, fewer unbound patterns, no ORDER BY over a cross join){then}")


def die_with_parent() -> None:
    """End this process as soon as the one that started it is gone. A process busy in Rust would not
    see its pipe close until its query ended; this thread ends it within a second instead."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()
