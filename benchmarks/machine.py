"""The machine a benchmark ran on, printed with its figures."""

from __future__ import annotations

import os
import platform
from pathlib import Path

from migragraph.cli import BLAS_THREADS, one_blas_thread

# A benchmark runs as the command line does: one BLAS thread a process (migragraph/cli/__init__.py).
# Asked for on import, before the benchmark's own imports load numpy.
one_blas_thread()


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def describe() -> str:
    """CPU, cores, Python and the BLAS threads asked for: "AMD EPYC, 2 cores, Python 3.11.7,
    OPENBLAS_NUM_THREADS=1"."""
    blas = ", ".join(f"{name}={os.environ.get(name, 'unset')}" for name in BLAS_THREADS)
    return f"{cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()}, {blas}"
