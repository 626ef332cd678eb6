"""The whole `migragraph build` at 1k / 10k / 100k synthetic releases, beside a baseline migragraph
(0.2.0) measured the same way in the same run: a fresh build, a rebuild with nothing changed, with 1 %
of the releases changed (scattered through the file, its time kept), after the file was saved again
in place (the same records, a new file time), and after one record was edited in place; each with its
wall time, the peak memory of the build's processes and the time of each stage.

usage: python benchmarks/bench_build.py [--sizes 1000,10000] [--seed 0] [--work DIR]
                                        [--baseline DIR] [--baseline-builds N] [--jobs N]

--baseline is a folder holding another migragraph's checkout with its own venv (DIR/.venv), e.g.
    git archive 61a3a56 | tar -x -C /tmp/mg-0.2.0 && python3 -m venv /tmp/mg-0.2.0/.venv \\
        && /tmp/mg-0.2.0/.venv/bin/pip install /tmp/mg-0.2.0
Each build runs in a process of its own (benchmarks/timed_build.py, with the Python of the migragraph
measured): its time is the process's wall time, interpreter start and imports included, as a user
waits for `migragraph build`, and the CPU time of the build and its workers (which the load of a shared
machine does not change); its memory is the peak, sampled every 0.1 s, of the resident memory of
the build and every process it started (workers, resource tracker) summed: an upper bound, since
workers share the libraries' pages. Stages are what the build records of itself (BuildResult.stages),
or for an older one what timed_build.py times from outside. The machine's load is printed before and
after: on a shared machine, read the ratios, which both sides of one run share.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from machine import describe  # benchmarks/machine.py: the script's folder is on sys.path

HERE = Path(__file__).resolve().parent
SCENARIOS = ("fresh build", "no change", "1 % changed", "saved in place", "one record edited in place")


def write_corpus(n: int, seed: int, path: Path) -> None:
    import synthetic

    if path.exists():
        return
    partial = path.with_suffix(".part")
    with partial.open("w", encoding="utf-8") as handle:
        for record in synthetic.generate(n, seed):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    partial.rename(path)


def _edited(line: str, mark: str) -> str:
    record = json.loads(line)
    record["text"] += f"\n\nBoth sides agreed to meet again ({mark})."
    return json.dumps(record, ensure_ascii=False) + "\n"


def change_percent(path: Path, percent: float) -> int:
    """Edit `percent` % of the records, spread evenly through the file, keeping its time."""
    stat = path.stat()
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    step = max(1, round(100 / percent))
    changed = 0
    for index in range(step // 2, len(lines), step):
        lines[index] = _edited(lines[index], "1 %")
        changed += 1
    path.write_text("".join(lines), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return changed


def save_in_place(path: Path) -> None:
    """Write the file again with the same records, as an editor saves it: a new file time."""
    data = path.read_bytes()
    time.sleep(1.1)  # file times are kept to the second by some file systems
    path.write_bytes(data)


def edit_one_in_place(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[len(lines) // 3] = _edited(lines[len(lines) // 3], "edited")
    time.sleep(1.1)
    path.write_text("".join(lines), encoding="utf-8")


# ---------------------------------------------------------------------------- measuring one build

def _tree(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as handle:
                    parents[int(entry.name)] = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = {pid}, {pid}
    while frontier:
        frontier = {c for c, p in parents.items() if p in frontier} - found
        found |= frontier
    return found


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_build(python: Path, inputs: Path, out: Path, jobs: int | None, extractor: str) -> dict[str, Any]:
    """One build in a process of its own: its figures, wall time and peak memory of its process tree.
    `extractor` is for a migragraph that has several; a baseline of 0.2.0 ignores it (rules only)."""
    command = [str(python), str(HERE / "timed_build.py"), str(inputs), str(out), "--extractor", extractor]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               cwd=str(out.parent), env={**os.environ, "PYTHONPATH": ""})
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], sum(_rss_kb(p) for p in _tree(process.pid)))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the build and the workers it waited for
    if process.returncode != 0:
        raise SystemExit(f"the build failed ({python}):\n{stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    if figures["errors"]:
        raise SystemExit(f"the build left {figures['errors']} input(s) out ({python})")
    figures["wall"] = round(wall, 2)
    figures["cpu"] = round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1)
    figures["peak_mb"] = round(peak[0] / 1024)
    return figures


def run_scenarios(name: str, python: Path, corpus: Path, work: Path, jobs: int | None,
                  first: int = len(SCENARIOS), extractor: str = "rules") -> dict[str, Any]:
    """The first `first` of the five builds, in order, on a copy of the corpus of one migragraph's own."""
    folder = work / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    inputs, out = folder / "releases.jsonl", folder / "out"
    shutil.copy2(corpus, inputs)
    found: dict[str, Any] = {}
    for scenario in SCENARIOS[:first]:
        if scenario == "1 % changed":
            change_percent(inputs, 1.0)
        elif scenario == "saved in place":
            save_in_place(inputs)
        elif scenario == "one record edited in place":
            edit_one_in_place(inputs)
        found[scenario] = run_build(python, inputs, out, jobs, extractor)
        figures = found[scenario]
        print(f"    {name:>10} {scenario:<27} {figures['wall']:8.2f} s {figures['cpu']:8.1f} s CPU "
              f"{figures['peak_mb']:6,} MB  "
              f"{figures['changes']}", file=sys.stderr, flush=True)
    shutil.rmtree(folder, ignore_errors=True)
    return found


def _stages(figures: dict[str, Any]) -> str:
    stages = sorted(figures["stages"].items(), key=lambda kv: -kv[1])
    return ", ".join(f"{stage} {seconds:.1f}" for stage, seconds in stages if seconds >= 0.05) or "-"


def report(n: int, ours: dict[str, Any], theirs: dict[str, Any] | None) -> None:
    fresh = ours["fresh build"]
    print(f"\n{n:,} releases, {fresh['triples']:,} triples (this build: {fresh['version']}"
          + (f"; baseline: {theirs['fresh build']['version']}" if theirs else "") + ")\n")
    print("| build | baseline | CPU | peak | this | CPU | peak | this / baseline | this / its fresh build |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for scenario in SCENARIOS:
        mine = ours[scenario]
        base = theirs.get(scenario) if theirs else None
        base_time = f"{base['wall']:.1f} s | {base['cpu']:.0f} s" if base else " | "
        base_peak = f"{base['peak_mb']:,} MB" if base else ""
        ratio = f"{mine['wall'] / base['wall']:.0%}" if base else ""
        print(f"| {scenario} | {base_time} | {base_peak} | {mine['wall']:.1f} s | {mine['cpu']:.0f} s | "
              f"{mine['peak_mb']:,} MB | {ratio} | {mine['wall'] / fresh['wall']:.0%} |")
    print("\nstages (seconds of the build's own process; workers' time is inside 'read and build'):")
    for scenario in SCENARIOS:
        print(f"- {scenario}: this: {_stages(ours[scenario])}"
              + (f"; baseline: {_stages(theirs[scenario])}" if theirs and scenario in theirs else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, default=Path("/tmp/migragraph-bench-build"))
    parser.add_argument("--baseline", type=Path, help="a folder with another migragraph and its .venv")
    parser.add_argument("--jobs", type=int, help="--jobs of this build (default: the cores available)")
    parser.add_argument("--extractor", choices=["rules", "hybrid"], default="rules",
                        help="this build's extractor: rules (default), as 0.2.0's, or hybrid (the CLI's "
                             "default)")
    parser.add_argument("--baseline-builds", type=int, default=len(SCENARIOS),
                        help="run only the first N builds with the baseline (its in-place rebuilds of 100k "
                             "releases take about an hour each)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {describe()}; load average before: {os.getloadavg()[0]:.2f}")
    for n in (int(s) for s in args.sizes.split(",")):
        corpus = args.work / f"releases-seed{args.seed}-{n}.jsonl"
        write_corpus(n, args.seed, corpus)
        print(f"  {n:,} releases", file=sys.stderr, flush=True)
        theirs = None
        if args.baseline:
            python = args.baseline / ".venv" / "bin" / "python"
            theirs = run_scenarios("baseline", python, corpus, args.work, None, args.baseline_builds)
        ours = run_scenarios("this", Path(sys.executable), corpus, args.work, args.jobs,
                             extractor=args.extractor)
        report(n, ours, theirs)
        print(f"\nload average after {n:,}: {os.getloadavg()[0]:.2f}", flush=True)


if __name__ == "__main__":
    main()
