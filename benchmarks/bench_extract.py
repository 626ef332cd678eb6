"""Extraction throughput on real releases, one core (issue 3: at least 50 releases a second).

usage: python benchmarks/bench_extract.py [RELEASES.jsonl] [--repeat N]

Reports releases per second for the default pipeline's extraction (ingest already done), beside a
baseline measured in the same run on the same texts: sentence splitting alone, the floor any reading
of the text costs. The machine's figures (CPU, cores, Python) are printed with the result.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from machine import describe  # benchmarks/machine.py: the script's folder is on sys.path

from migragraph.extract.extractor import extract
from migragraph.extract.gazetteer import load
from migragraph.extract.text import sentences
from migragraph.ingest.sources import read_inputs

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "releases" / "releases.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("releases", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    releases = read_inputs([args.releases]).releases
    load()  # the gazetteer is compiled once per process; its cost is reported apart
    extract(releases[0])  # warm caches (dateparser, compiled patterns)
    runs, base = [], []
    for _ in range(args.repeat):
        t = time.perf_counter()
        for r in releases:
            sentences(r.text)
        base.append(time.perf_counter() - t)
        t = time.perf_counter()
        for r in releases:
            extract(r)
        runs.append(time.perf_counter() - t)
    med, med_base = statistics.median(runs), statistics.median(base)
    t = time.perf_counter()
    load.cache_clear()
    load()
    gaz = time.perf_counter() - t
    print(f"machine: {describe()}")
    print(f"releases: {len(releases)} from {args.releases}, median of {args.repeat} runs, one core")
    print(f"extraction:           {len(releases) / med:8.1f} releases/s "
          f"({1000 * med / len(releases):.2f} ms each)")
    print(f"baseline (sentences): {len(releases) / med_base:8.1f} releases/s; "
          f"extraction costs {med / med_base:.0f}x it")
    print(f"gazetteer load (once a process): {gaz:.2f} s")


if __name__ == "__main__":
    main()
