"""Builds that are killed, raced, or cannot write: a build killed with SIGKILL at any moment and run
again leaves every release exactly once and the graph a clean build gives; a second build on a folder
is refused while the first runs; a read-only folder and a full disk are one line of error, exit 2."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from migragraph.cli.main import cli
from migragraph.pipeline import build
from migragraph.store import GraphStore

from .corpus import RELEASE, assert_union_invariant, triples_of, write_releases

# A build in a process of its own, saying on stdout which release it has just extracted.
# argv: INPUT OUT LOAD_BATCH_TRIPLES SECONDS_A_RELEASE
SCRIPT = """
import sys, time
from pathlib import Path
import migragraph.pipeline as pipeline
from migragraph.extract.extractor import extract

def noted(release):
    found = extract(release)
    time.sleep(float(sys.argv[4]))
    print(release.key, flush=True)
    return found

pipeline.LOAD_BATCH_TRIPLES = int(sys.argv[3])  # small batches: kills land between store writes
pipeline.build([Path(sys.argv[1])], Path(sys.argv[2]), extractor=noted, progress=False, prune=True)
print("built", flush=True)
"""
DEADLINE = 120.0  # seconds: no subprocess of these tests may outlive it


@contextlib.contextmanager
def building(inputs: Path, out: Path, batch: int = 150, pause: float = 0.0,
             ) -> Iterator[subprocess.Popen[str]]:
    command = [sys.executable, "-c", SCRIPT, str(inputs), str(out), str(batch), str(pause)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    watchdog = threading.Timer(DEADLINE, process.kill)
    watchdog.start()
    try:
        yield process
    finally:
        watchdog.cancel()
        process.kill()
        process.wait()
        assert process.stdout is not None
        process.stdout.close()


def kill_after(inputs: Path, out: Path, lines: int, delay: float) -> None:
    """Start a build, SIGKILL it `delay` seconds after it extracted `lines` releases."""
    with building(inputs, out) as process:
        assert process.stdout is not None
        for seen, line in enumerate(process.stdout, start=1):
            if seen >= lines or line == "built\n":
                break
        if delay:
            threading.Event().wait(delay)
        process.send_signal(signal.SIGKILL)


def graphs_of(out: Path) -> dict[str, set[tuple[str, str, str]]]:
    with GraphStore(out / "store") as store:  # opened for writing, as the next build opens it
        return {str(g): triples_of(store, str(g)) for g in store.release_graphs()}


def assert_complete(out: Path) -> None:
    """A build run again after the kill is the clean build: each release once, same bytes."""
    for leftover in (".graph.trig.partial", ".build.json.partial", "store.pending", "store.pending.new",
                     ".graph.trig.spool", ".state.sqlite-journal"):
        assert not (out / leftover).exists(), leftover
    # The state describes the build that ended.
    with contextlib.closing(sqlite3.connect(out / ".state.sqlite")) as db, db:
        assert db.execute("SELECT value FROM meta WHERE key = 'clean'").fetchone() == ("1",)
        trig = (out / "graph.trig").read_bytes()
        pieces = db.execute("SELECT offset, length FROM graphs ORDER BY graph").fetchall()
        assert [o for o, _ in pieces] == sorted(o for o, _ in pieces)  # in IRI order, tiling the file
        assert all(o + n == after for (o, n), (after, _) in zip(pieces, pieces[1:], strict=False))
        assert pieces[-1][0] + pieces[-1][1] == len(trig)
        assert all(trig[o + n - 2:o + n] == b"}\n" for o, n in pieces)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """v1: 16 releases; v2: 3 of them changed, 3 removed, 3 added; and clean builds of both."""
    root = tmp_path_factory.mktemp("faults")
    v1, v2 = root / "v1", root / "v2"
    write_releases(v1, 16)
    shutil.copytree(v1, v2)
    for i in (1, 7, 12):
        path = v2 / f"release-{i:03d}.txt"
        path.write_text(path.read_text(encoding="utf-8") + "\n\nBoth sides agreed to meet again.", "utf-8")
    for i in (3, 9, 14):
        (v2 / f"release-{i:03d}.txt").unlink()
    write_releases(v2, 3, seed=5, start=16)
    for name in ("v1", "v2"):
        build([root / name], root / f"clean-{name}", progress=False)
    return {"root": root, "v1": v1, "v2": v2, "clean-v1": root / "clean-v1", "clean-v2": root / "clean-v2"}


def _rerun_and_compare(inputs: Path, out: Path, clean: Path) -> None:
    build([inputs], out, progress=False, prune=True)
    assert (out / "graph.trig").read_bytes() == (clean / "graph.trig").read_bytes()
    assert_complete(out)
    with GraphStore(out / "store", read_only=True) as store:
        graphs = [str(g) for g in store.release_graphs()]
        expected = sorted(f"{RELEASE}{p.stem}" for p in inputs.glob("*.txt"))
        assert graphs == expected  # every release once, none twice, none of another version
        assert_union_invariant(store)


@pytest.mark.parametrize(("lines", "delay"), [(1, 0.0), (4, 0.02), (9, 0.0), (16, 0.0), (16, 0.3)])
def test_a_first_build_killed_and_run_again(corpus: dict[str, Path], tmp_path: Path, lines: int,
                                            delay: float) -> None:
    out = tmp_path / "out"
    kill_after(corpus["v1"], out, lines, delay)
    clean = graphs_of(corpus["clean-v1"])
    if (out / "store").exists():
        for iri, triples in graphs_of(out).items():  # whatever the kill left: whole releases only
            assert triples == clean[iri], iri
    _rerun_and_compare(corpus["v1"], out, corpus["clean-v1"])


@pytest.mark.parametrize(("lines", "delay"), [(1, 0.0), (2, 0.05), (6, 0.0), (6, 0.2)])
def test_an_incremental_build_killed_and_run_again(corpus: dict[str, Path], tmp_path: Path, lines: int,
                                                   delay: float) -> None:
    out = tmp_path / "out"
    shutil.copytree(corpus["clean-v1"], out)
    kill_after(corpus["v2"], out, lines, delay)
    old, new = graphs_of(corpus["clean-v1"]), graphs_of(corpus["clean-v2"])
    for iri, triples in graphs_of(out).items():  # each release is its old or its new graph, never a mix
        assert triples in (old.get(iri), new.get(iri)), iri
    _rerun_and_compare(corpus["v2"], out, corpus["clean-v2"])


def test_the_pieces_scratch_file_a_killed_build_left_goes_with_the_next_build(corpus: dict[str, Path],
                                                                              tmp_path: Path) -> None:
    # A build killed after its last release was stored, while it wrote its files, leaves the scratch file
    # of graph.trig's pieces; the next one has no release to build, so it never opens one of its own
    # (found by test_an_incremental_build_killed_and_run_again[6-0.2], whose kill lands at random).
    out = tmp_path / "out"
    build([corpus["v1"]], out, progress=False)
    (out / ".graph.trig.spool").write_bytes(b"<a piece> {\n}\n")
    result = build([corpus["v1"]], out, progress=False)
    assert (result.changes.added, result.changes.unchanged) == (0, 16)
    assert not (out / ".graph.trig.spool").exists()
    assert_complete(out)


def test_a_second_build_on_the_folder_is_refused(corpus: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    with building(corpus["v1"], out, pause=0.5) as first:
        assert first.stdout is not None
        first.stdout.readline()  # the first build holds the lock while it extracts
        second = CliRunner().invoke(cli, ["build", str(corpus["v1"]), "--out", str(out)])
        assert second.exit_code == 2
        assert second.stderr == (f"error: another build is writing to {out} (process {first.pid}); "
                                 "wait for it to finish, or build into another folder\n")
    # The first build was killed: its lock died with it, and a build goes through.
    assert build([corpus["v1"]], out, progress=False).releases == 16


# ------------------------------------------------------------------ folders that cannot be written


def _can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None and sys.platform == "linux"


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """`folder` made read-only: a read-only bind mount as root (root ignores permissions), else chmod."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in [folder, *folder.iterdir()]}
        for p in modes:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            yield
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
        return
    if not _can_mount():
        pytest.skip("needs mount(8) to make a folder read-only for root")
    if subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True).returncode:
        pytest.skip("this machine does not allow bind mounts")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True, capture_output=True)
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True, capture_output=True)


def test_a_read_only_output_folder_is_one_line(corpus: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(corpus["clean-v1"], out)
    before = (out / "graph.trig").read_bytes()
    with read_only(out):
        result = CliRunner().invoke(cli, ["build", str(corpus["v2"]), "--out", str(out)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    reason = "Read-only file system" if os.geteuid() == 0 else "Permission denied"
    assert result.stderr == (f"error: cannot write to the output folder {out}: {reason} "
                             f"({out / 'build.lock'})\n")
    assert (out / "graph.trig").read_bytes() == before


@contextlib.contextmanager
def tiny_disk(folder: Path, size: str) -> Iterator[None]:
    folder.mkdir()
    if not _can_mount():
        pytest.skip("needs root and mount(8) for a small tmpfs")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                      capture_output=True).returncode:
        pytest.skip("this machine does not allow tmpfs mounts")
    try:
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True, capture_output=True)


def test_a_full_disk_is_one_line_and_a_later_build_completes(corpus: dict[str, Path], tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    inputs = tmp_path / "in"
    write_releases(inputs, 120, seed=7)
    with tiny_disk(disk, "600k"):
        out = disk / "out"
        full = CliRunner().invoke(cli, ["build", str(inputs), "--out", str(out)])
        assert full.exit_code == 2 and "Traceback" not in full.output
        assert len(full.stderr.splitlines()) == 1
        assert full.stderr.startswith("error: cannot write") and str(out) in full.stderr
        assert "No space left on device" in full.stderr
        subprocess.run(["mount", "-o", "remount,size=256m", str(disk)], check=True, capture_output=True)
        again = CliRunner().invoke(cli, ["build", str(inputs), "--out", str(out)])
        assert again.exit_code in (0, 1), again.output
        build([inputs], tmp_path / "clean", progress=False)
        assert (out / "graph.trig").read_bytes() == (tmp_path / "clean" / "graph.trig").read_bytes()
        assert_complete(out)
