"""Memory the build's process has freed, given back to the system.

After the workers' phase of a large build, glibc keeps in its arenas the memory of the objects the
build decoded and let go (the releases' results from the workers), and what the build allocates next
(graph.html drawn from the whole store) is laid on top of it: at 10,000 synthetic releases the summed
peak of a fresh build's processes, sampled every 0.1 s as benchmarks/bench_build.py samples it, varied
from 577 to 648 MB between five runs, and from 567 to 588 MB in four once that memory was given back
first (issue #16 asks for 600 MB).

And the time the cycle collector takes. Each full collection walks every container the process holds,
and the build's process holds the whole store's network while it draws graph.html and compares the
releases' persons and meetings: at 30,000 synthetic releases the page alone took 23.3 s with the collector
and 17.0 s without it, drawn in a process of its own; inside the build, whose heap is larger, more. Those
steps make millions of dicts, lists and tuples and no cycles worth collecting (what they drop, reference
counting frees), so the collector is paused while they run (paused_cycle_collection).
"""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager


def give_back_freed() -> bool:
    """Ask the C allocator to return the memory it holds free to the system (glibc's malloc_trim);
    whether it could be asked (not elsewhere: macOS, musl)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return False
    trim(0)
    return True


@contextmanager
def paused_cycle_collection() -> Iterator[None]:
    """No cyclic garbage collection inside the block (reference counting still frees what is dropped);
    after it, the collector runs again as it did before, and collects once."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect()
