"""`migragraph serve` while a build adds releases to the folder it serves: what clients see, and the cost.

usage: python benchmarks/bench_serve_during_build.py [--base 5000] [--add 1000] [--clients 4] [--workers 2]
                                                     [--seconds 20] [--keep DIR]

Builds `--base` synthetic releases (benchmarks/synthetic.py), then, with clients counting the release
graphs over keep-alive connections (a COUNT over every named graph, plus a named question), runs three
phases: serving alone for `--seconds` (the baseline, measured in the same run); serving while
`migragraph build` adds `--add` releases in another process (a second server is started half-way
through the build, as 0.2.0's half-built answers came from servers started then); serving alone again.
Reports requests a second and latency per phase beside the baseline, every distinct count seen by each
server (whole generations give two: the old total and the new), whether any client went back to the
old total after seeing the new one, how long after the build ended each server switched, the time a
publish takes, and the generations on disk. Exits 1 if a count was neither total, a client went back,
or a request failed. Nothing but 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from machine import describe  # noqa: E402
from synthetic import generate  # noqa: E402

RELEASES = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g a mg:Release } }"
COUNT = "/sparql?" + urllib.parse.urlencode({"query": RELEASES})
NAMED = "/named/sub-units?org=United%20Nations"
MIGRAGRAPH = [sys.executable, "-c", "from migragraph.cli.main import main; main()"]


@dataclass
class Seen:
    """What one client saw: (when, phase, count or None for the named question, seconds, ok)."""

    server: str
    answers: list[tuple[float, str, int | None, float, bool]] = field(default_factory=list)


def start(folder: Path, workers: int) -> tuple[subprocess.Popen[bytes], str, int]:
    process = subprocess.Popen([*MIGRAGRAPH, "serve", str(folder), "--port", "0", "--workers", str(workers),
                                "--timeout", "30"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    line = process.stdout.readline().decode("utf-8")
    if "http://" not in line:
        process.kill()
        raise SystemExit(f"the server did not start: {line!r}")
    netloc = urllib.parse.urlsplit(line.split(" at ", 1)[1].split()[0]).netloc
    host, port = netloc.rsplit(":", 1)
    return process, host, int(port)


def client(host: str, port: int, seen: Seen, phase: list[str], stop: threading.Event) -> None:
    connection = http.client.HTTPConnection(host, port, timeout=60)
    turn = 0
    while not stop.is_set():
        path = NAMED if turn % 4 == 3 else COUNT
        turn += 1
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers={"Accept": "application/sparql-results+json"})
            response = connection.getresponse()
            body = response.read()
            ok = response.status == 200
            counted = ok and path == COUNT
            value = int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) if counted else None
        except (OSError, http.client.HTTPException, ValueError, KeyError):
            ok, value = False, None
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=60)
        seen.answers.append((time.monotonic(), phase[0], value, time.perf_counter() - started, ok))
    connection.close()


def percentile(data: list[float], p: float) -> float:
    ordered = sorted(data)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--base", type=int, default=5000)
    parser.add_argument("--add", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary)")
    args = parser.parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-serve-build-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        return run(root, args)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


def run(root: Path, args: argparse.Namespace) -> int:
    base, extra, folder = root / "base.jsonl", root / "extra.jsonl", root / "out"
    with base.open("w", encoding="utf-8") as first, extra.open("w", encoding="utf-8") as second:
        for index, record in enumerate(generate(args.base + args.add)):
            (first if index < args.base else second).write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"machine: {describe()} (shared with other jobs: read the ratios)")
    began = time.monotonic()
    subprocess.run([*MIGRAGRAPH, "build", str(base), "--out", str(folder)], check=True, capture_output=True)
    print(f"first build: {args.base} releases in {time.monotonic() - began:.1f} s")
    process, host, port = start(folder, args.workers)
    phase, stop, late = ["alone"], threading.Event(), []
    views = [Seen("first") for _ in range(args.clients)]
    threads = [threading.Thread(target=client, args=(host, port, v, phase, stop)) for v in views]
    for thread in threads:
        thread.start()
    try:
        time.sleep(args.seconds)
        phase[0] = "during the build"
        began = time.monotonic()
        builder = subprocess.Popen([*MIGRAGRAPH, "build", str(base), str(extra), "--out", str(folder)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(max(2.0, args.add / 400))  # about half-way through the build on this machine
        second, host2, port2 = start(folder, args.workers)
        late.append(second)
        views.append(Seen("second, started mid-build"))
        threads.append(threading.Thread(target=client, args=(host2, port2, views[-1], phase, stop)))
        threads[-1].start()
        if builder.wait() != 0:
            raise SystemExit("the second build failed")
        ended = time.monotonic()
        build_seconds = ended - began
        phase[0] = "after the build"
        time.sleep(args.seconds)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        for server in [process, *late]:
            server.terminate()
            server.wait(timeout=30)
    return report(views, args, build_seconds, ended, folder)


def report(views: list[Seen], args: argparse.Namespace, build_seconds: float, ended: float,
           folder: Path) -> int:
    print(f"second build: +{args.add} releases in {build_seconds:.1f} s, while {args.clients} clients asked "
          f"the first server ({args.workers} workers each)")
    answers = [a for v in views for a in v.answers]
    first = [a for v in views if v.server == "first" for a in v.answers]  # the same clients throughout
    baseline = [a for a in first if a[1] == "alone"]
    base_rate = len(baseline) / args.seconds
    print(f"the first server's {args.clients} clients:")
    print(f"{'phase':18} {'requests':>9} {'req/s':>7} {'vs alone':>9} {'p50 ms':>7} {'p99 ms':>7} "
          f"{'failed':>7}")
    for name, seconds in (("alone", args.seconds), ("during the build", build_seconds),
                          ("after the build", args.seconds)):
        rows = [a for a in first if a[1] == name]
        times = [a[3] for a in rows]
        rate = len(rows) / seconds
        print(f"{name:18} {len(rows):>9} {rate:>7.1f} {rate / base_rate:>8.2f}x "
              f"{percentile(times, 50) * 1000:>7.0f} {percentile(times, 99) * 1000:>7.0f} "
              f"{sum(not a[4] for a in rows):>7}")
    old = next(a[2] for a in baseline if a[2] is not None)
    new = old + args.add
    bad = 0
    for server in dict.fromkeys(v.server for v in views):
        counts = [a for v in views if v.server == server for a in v.answers if a[2] is not None]
        distinct = sorted({a[2] for a in counts})
        went_back = sum(_went_back(v, old, new) for v in views if v.server == server)
        first_new = min((a[0] for a in counts if a[2] == new), default=None)
        # The build publishes, then its process exits: a switch can come before the exit is seen.
        lag = f"{first_new - ended:+.2f} s from the build's exit" if first_new is not None else "never"
        strays = [d for d in distinct if d not in (old, new)]
        bad += len(strays) + went_back
        print(f"server {server}: {len(counts)} counts, distinct {distinct} (old {old}, new {new}); "
              f"neither: {len(strays)}; went back: {went_back}; first new count {lag}")
    bad += sum(not a[4] for a in answers)
    from migragraph.store.generations import publish  # timed on the finished folder

    began = time.perf_counter()
    publish(folder)
    print(f"a publish (checkpoint + CURRENT) on {args.base + args.add} releases: "
          f"{(time.perf_counter() - began) * 1000:.1f} ms; generations on disk: "
          f"{sorted(p.name for p in (folder / 'generations').iterdir())}")
    return 1 if bad else 0


def _went_back(view: Seen, old: int, new: int) -> int:
    """How many times this client counted the old total after it had counted the new one."""
    back, switched = 0, False
    for _, _, value, _, _ in view.answers:
        switched = switched or value == new
        back += switched and value == old
    return back


if __name__ == "__main__":
    sys.exit(main())
