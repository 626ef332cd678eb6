"""Load test of `migragraph serve`: a fixed number of clients ask the named questions for a fixed time.

usage: python benchmarks/bench_serve.py DIR [--clients 4] [--seconds 60] [--workers 2] [--timeout 30]

DIR is a build (`migragraph build FILE.jsonl --out DIR`; for 10k releases:
`python benchmarks/synthetic.py 10000 -o r10k.jsonl`). The server is started on 127.0.0.1 on a free port
and stopped at the end; nothing else is contacted. Each client keeps one connection and asks the named
questions in turn (GET /named/NAME?params, JSON results), with parameter values read from the store
first (its most mentioned organisation, a pair that met, a framework, a donor, a week of releases), so
that every question has answers. Prints requests a second and p50/p99 latency per question; exits 1 if
any request failed (a status other than 200, or an error).
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from migragraph.serve.named import named_queries

# Each picks one value that has answers in the store; prefixes are predeclared by the server.
PICKS = {
    "org": "SELECT ?v WHERE { { SELECT ?o (COUNT(?m) AS ?n) WHERE { ?m mg:participant ?o . "
           "?o a org:Organization } GROUP BY ?o } ?o skos:prefLabel ?v } ORDER BY DESC(?n) ?v LIMIT 1",
    "pair": "SELECT ?v ?w WHERE { ?m mg:participant ?x, ?y . ?x a org:Organization . ?y a org:Organization . "
            "FILTER(STR(?x) < STR(?y)) ?x skos:prefLabel ?v . ?y skos:prefLabel ?w } LIMIT 1",
    "framework": "SELECT ?v WHERE { ?f a mg:Framework ; rdfs:label ?v } ORDER BY ?v LIMIT 1",
    "donor": "SELECT ?v ?w WHERE { ?f a mg:Funding ; schema:funder/skos:prefLabel ?v ; "
             "mg:recipient/skos:prefLabel ?w } ORDER BY ?v ?w LIMIT 1",
    "day": "SELECT (MAX(?d) AS ?v) WHERE { ?r a mg:Release ; dcterms:issued ?d }",
}


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def start(directory: Path, workers: int, timeout: float = 30) -> tuple[subprocess.Popen[bytes], str, int]:
    command = [sys.executable, "-c", "from migragraph.cli.main import main; main()", "serve", str(directory),
               "--port", "0", "--workers", str(workers), "--timeout", str(timeout)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    line = process.stdout.readline().decode("utf-8")  # "serving DIR at http://127.0.0.1:PORT/ (...)"
    if "http://" not in line:
        process.kill()
        raise SystemExit(f"the server did not start: {line!r}")
    netloc = urllib.parse.urlsplit(line.split(" at ", 1)[1].split()[0]).netloc
    host, port = netloc.split(":")
    return process, host, int(port)


def ask(connection: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    connection.request("GET", path, headers={"Accept": "application/sparql-results+json"})
    response = connection.getresponse()
    return response.status, response.read()


def values(host: str, port: int) -> dict[str, str]:
    """Parameter values that have answers in this store."""
    connection = http.client.HTTPConnection(host, port, timeout=120)
    found: dict[str, dict[str, str]] = {}
    for name, query in PICKS.items():
        status, body = ask(connection, "/sparql?" + urllib.parse.urlencode({"query": query}))
        rows = json.loads(body)["results"]["bindings"] if status == 200 else []
        if not rows:
            raise SystemExit(f"no value for {name} in this store ({status}): {body[:300]!r}")
        found[name] = {k: v["value"] for k, v in rows[0].items()}
    connection.close()
    day = found["day"]["v"][:10]
    since = time.strftime("%Y-%m-%d", time.gmtime(time.mktime(time.strptime(day, "%Y-%m-%d")) - 6 * 86400))
    org = found["org"]["v"]
    return {"org": org, "entity": org, "a": found["pair"]["v"], "b": found["pair"]["w"],
            "framework": found["framework"]["v"], "donor": found["donor"]["v"],
            "recipient": found["donor"]["w"], "since": since, "until": day}


def paths(chosen: dict[str, str]) -> dict[str, str]:
    """/named/NAME?params for every named question (its required parameters)."""
    out = {}
    for question in named_queries().values():
        missing = [p.name for p in question.params if p.required and p.name not in chosen]
        if missing:
            raise SystemExit(f"no value for {', '.join(missing)} of {question.name}: add it to PICKS")
        params = {p.name: chosen[p.name] for p in question.params if p.required}
        out[question.name] = f"/named/{question.name}?{urllib.parse.urlencode(params)}"
    return out


def client(host: str, port: int, routes: list[tuple[str, str]], offset: int, deadline: float,
           tally: Tally) -> None:
    connection = http.client.HTTPConnection(host, port, timeout=60)
    index = offset
    while time.monotonic() < deadline:
        name, path = routes[index % len(routes)]
        index += 1
        started = time.perf_counter()
        try:
            status, body = ask(connection, path)
            ok = status == 200 and b'"results"' in body
        except (OSError, http.client.HTTPException) as exc:
            status, body, ok = 0, str(exc).encode(), False
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=60)
        took = time.perf_counter() - started
        with tally.lock:
            tally.latencies[name].append(took)
            if not ok:
                tally.failures.append(f"{name}: {status} {body[:200]!r}")
    connection.close()


def percentile(data: list[float], p: float) -> float:
    ordered = sorted(data)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30.0, help="the server's --timeout")
    args = parser.parse_args(argv)
    process, host, port = start(args.directory, args.workers, args.timeout)
    try:
        routes = sorted(paths(values(host, port)).items())
        warm = http.client.HTTPConnection(host, port, timeout=120)
        for _, path in routes:  # the first run of each question fills the store's caches
            ask(warm, path)
        warm.close()
        tally = Tally()
        deadline = time.monotonic() + args.seconds
        threads = [threading.Thread(target=client, args=(host, port, routes, i, deadline, tally))
                   for i in range(args.clients)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        process.terminate()
        process.wait(timeout=30)
    report(tally, elapsed, args)
    return 1 if tally.failures else 0


def report(tally: Tally, elapsed: float, args: argparse.Namespace) -> None:
    every = [t for times in tally.latencies.values() for t in times]
    print(f"{len(every)} requests in {elapsed:.1f} s from {args.clients} clients, {args.workers} workers "
          f"(--timeout {args.timeout:g}): "
          f"{len(every) / elapsed:.1f} requests/s; p50 {percentile(every, 50) * 1000:.0f} ms, "
          f"p99 {percentile(every, 99) * 1000:.0f} ms; {len(tally.failures)} failed")
    print(f"{'question':28} {'n':>6} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for name, times in sorted(tally.latencies.items()):
        print(f"{name:28} {len(times):>6} {percentile(times, 50) * 1000:>8.0f} "
              f"{percentile(times, 99) * 1000:>8.0f} {statistics.fmean(times) * 1000:>8.0f}")
    for failure in tally.failures[:10]:
        print(f"failed: {failure}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
