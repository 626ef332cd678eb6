"""Worker processes (workers.py): results in the order given, a bounded number of items in flight, and
workers that die with their parent: a build or a `migragraph validate` killed with SIGKILL while its
workers extract and validate leaves no process behind (neither the workers nor multiprocessing's
resource tracker), within a few seconds."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from migragraph.workers import Workers

from .corpus import write_jsonl


def _slow_square(n: int) -> tuple[int, int]:
    time.sleep(random.random() / 100)
    return n * n, os.getpid()


def _nothing() -> None:
    pass


def test_results_come_back_in_the_order_given_from_several_workers() -> None:
    pulled: list[int] = []

    def items() -> Iterator[int]:
        for n in range(200):
            pulled.append(n)
            yield n

    with Workers[int, tuple[int, int]](2, _nothing, chunk=4) as workers:
        results = workers.map(_slow_square, items())
        first = next(results)
        in_flight = len(pulled)
        rest = list(results)
    assert [first[0], *(r[0] for r in rest)] == [n * n for n in range(200)]
    assert in_flight <= 2 * 2 * 4  # never more than 2 x jobs chunks read ahead
    assert len({pid for _, pid in [first, *rest]}) == 2 and os.getpid() not in {pid for _, pid in rest}


# ---------------------------------------------------------------------------- dying with the parent

SLOW_BUILD = """
import functools, sys, time
from pathlib import Path
import migragraph.pipeline as pipeline
import tests.test_workers as here

pipeline.WORKERS_FROM = 1
pipeline.build([Path(sys.argv[1])], Path(sys.argv[2]), progress=False, jobs=2,
               extractor_factory=here.slow_extractor)
"""


def _slow_extract(release: object) -> object:
    from migragraph.extract.extractor import extract

    print("extracting", flush=True)
    time.sleep(0.3)
    return extract(release)  # type: ignore[arg-type]


def slow_extractor() -> object:
    """An extractor factory (picklable: a module-level function) whose extractor takes its time."""
    return _slow_extract


def _children(pid: int) -> set[int]:
    """Every process descended from `pid` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            parents[int(entry.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    """Running, or stopped: anything but gone or a zombie (a zombie has died, waiting to be reaped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _kill_when_busy(command: list[str], ready: str, cwd: Path) -> tuple[set[int], dict[int, str]]:
    """Run `command`, SIGKILL it once a worker printed `ready` and it has two workers and the resource
    tracker; the processes it had started, and those still alive 5 seconds after (then killed)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=cwd)
    seen: list[str] = []
    reader = threading.Thread(target=lambda: seen.extend(process.stdout or ()), daemon=True)
    reader.start()
    children: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        while True:
            children = _children(process.pid)
            lines = [_cmdline(c) for c in children]
            workers = sum("spawn_main" in c for c in lines)
            tracker = any("resource_tracker" in c for c in lines)
            if any(ready in line for line in seen) and workers >= 2 and tracker:
                break
            assert process.poll() is None, f"it ended before it was killed: {seen}"
            assert time.monotonic() < deadline, "the workers never started"
            time.sleep(0.05)
    finally:
        process.kill()
        process.wait()
        survivors = _survivors(children)
        reader.join(timeout=30)  # the pipe closes once every process writing to it is gone
        assert process.stdout is not None
        process.stdout.close()
    return children, survivors


def _survivors(children: set[int]) -> dict[int, str]:
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = {pid: _cmdline(pid) for pid in children if _alive(pid)}
    for pid in survivors:  # never leave them to the rest of the suite
        os.kill(pid, signal.SIGKILL)
    return survivors


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_build_killed_while_its_workers_extract_and_validate_leaves_no_process(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", 40)
    root = Path(__file__).resolve().parents[1]
    children, survivors = _kill_when_busy([sys.executable, "-c", SLOW_BUILD, str(tmp_path / "in.jsonl"),
                                           str(tmp_path / "out")], "extracting", root)
    assert len(children) >= 3  # two workers and the resource tracker
    assert survivors == {}


def slow_check(item: tuple[str, bytes]) -> object:
    """validate/parallel.py's check_nquads, taking its time and saying so (run in a worker)."""
    from migragraph.validate import parallel

    print("validating", item[0], flush=True)
    time.sleep(0.3)
    return parallel.check_nquads(item)


SLOW_VALIDATE = """
import sys
from migragraph.cli.main import main
from migragraph.validate import parallel
import tests.test_workers as here
parallel.WORKERS_FROM = 1
parallel.check_nquads = here.slow_check
sys.argv = ["migragraph", "validate", sys.argv[1], "--shacl-engine", "pyshacl", "--jobs", "2"]
main()
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_migragraph_validate_killed_mid_validation_leaves_no_process(tmp_path: Path) -> None:
    from migragraph.pipeline import build

    write_jsonl(tmp_path / "in.jsonl", 30)
    build([tmp_path / "in.jsonl"], tmp_path / "out", progress=False, jobs=1)
    children, survivors = _kill_when_busy([sys.executable, "-c", SLOW_VALIDATE, str(tmp_path / "out")],
                                          "validating", Path(__file__).resolve().parents[1])
    assert len(children) >= 3
    assert survivors == {}


def test_the_console_scripts_module_loads_no_command() -> None:
    # A build's workers start by importing the script that started the build (multiprocessing's spawn): the
    # module the installed script imports must not load the program (pipeline, pages, server), 35 MB a worker.
    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "migragraph"]
    loaded = subprocess.run(
        [sys.executable, "-c", f"import sys, {script.module}; print(sorted(m for m in sys.modules if "
         "m.startswith('migragraph')))"], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "['migragraph', 'migragraph.cli', 'migragraph.errors']"


def test_the_build_can_give_back_the_memory_it_freed_on_linux() -> None:
    # (memory.py: before graph.html is drawn; glibc's malloc_trim, which a Linux build has)
    from migragraph.memory import give_back_freed

    assert give_back_freed() is sys.platform.startswith("linux")
