"""Memory the build's process has freed, given back to the system.

After the workers' phase of a large build, glibc keeps in its arenas the memory of the objects the
build decoded and let go (the releases' results from the workers), and what the build allocates next
(graph.html drawn from the whole store) is laid on top of it: at 10,000 synthetic releases the summed
peak of a fresh build's processes, sampled every 0.1 s as benchmarks/bench_build.py samples it, varied
from 577 to 648 MB between five runs, and from 567 to 588 MB in four once that memory was given back
first (issue #16 asks for 600 MB).
"""

from __future__ import annotations

import ctypes
import sys


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
