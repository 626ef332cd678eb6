"""The command line runs numpy's BLAS (OpenBLAS) with one thread, in its own process and in the worker
processes its builds start (migragraph/cli/__init__.py says why); a value the user set wins. Asked of
OpenBLAS itself, through threadpoolctl, after the console script's entry has run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import json, sys
sys.argv = ["migragraph", "--version"]
import migragraph.cli
try:
    migragraph.cli.main()
except SystemExit:
    pass
from migragraph.workers import Workers
import tests.test_blas_threads as here
with Workers(2, here.nothing) as workers:
    in_workers = sorted(set(workers.map(here.blas_threads, range(8))))
print(json.dumps({"here": here.blas_threads(0), "workers": in_workers}))
"""


def nothing() -> None:
    pass


def blas_threads(_: int) -> int:
    """The threads OpenBLAS uses in this process (numpy loaded first, as the model does)."""
    import numpy  # noqa: F401
    from threadpoolctl import threadpool_info

    found = [lib["num_threads"] for lib in threadpool_info() if lib["internal_api"] == "openblas"]
    assert found, "numpy's BLAS is not OpenBLAS here"
    return int(found[0])


def _probe(**env: str) -> dict[str, object]:
    clean = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env={**clean, **env}, capture_output=True,
                         text=True, timeout=120, check=True).stdout
    return dict(json.loads(out.splitlines()[-1]))


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="OpenBLAS starts one thread on one core anyway")
def test_the_command_line_and_its_workers_run_one_blas_thread() -> None:
    assert _probe() == {"here": 1, "workers": [1]}


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="OpenBLAS starts one thread on one core anyway")
def test_a_value_the_user_set_wins() -> None:
    assert _probe(OPENBLAS_NUM_THREADS="2") == {"here": 2, "workers": [2]}
