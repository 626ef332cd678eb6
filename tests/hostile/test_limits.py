"""Queries that would take all the memory, all the time, or a terminal that cannot be stopped.

Version 0.2.0, with the issue's queries: `SELECT ?a { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f ?c LIMIT 1` took
~1.9 GB per server worker inside the time limit; a one-row result of 128 MB (CONCAT doubling a string)
passed --max-results; `migragraph query DIR @/dev/zero` grew to 22 GB before the kernel killed it; and
`migragraph query` had no time limit and ignored Ctrl-C until Oxigraph returned (a COUNT over a cross
join: hours). Now each query runs in a process that limits its own address space (migragraph/limits.py),
results are limited in bytes, a query's text to 1 MiB, and `migragraph query` has --timeout and stops on
Ctrl-C. Each case asserts the one line said and, through getrusage, that no process of the command went
past the limit.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from migragraph.cli.main import cli
from tests.test_serve_support import Served, serve_once, start_server, stop_server

LIMIT = "1G"
LIMIT_KB = 1 << 20
# The query, one pattern more: the store of `controlled` has 153 triples, so 153^4 rows
# (548 million) to hold and sort before the first is known.
SORTED_CROSS_JOIN = "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?f ?c ?i LIMIT 1"
# 153^5 rows to count, or to filter one by one: hours, in little memory.
CROSS_JOIN = "?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o"
COUNTED_CROSS_JOIN = f"SELECT (COUNT(*) AS ?count) WHERE {{ {CROSS_JOIN} }}"
CONSTRUCTED_CROSS_JOIN = f"CONSTRUCT {{ ?a ?b ?o }} WHERE {{ {CROSS_JOIN} FILTER(?o = ?a && ?n = ?b) }}"
NARROW = "narrow it (LIMIT, fewer unbound patterns, no ORDER BY over a cross join)"
STOPPED = "limit of 1 GiB and was stopped"
CLI_MEMORY = f"error: the query needed more memory than the {STOPPED}: {NARROW}, or raise --memory-limit\n"
SERVED_MEMORY = f"the query needed more memory than this endpoint's {STOPPED}: {NARROW}\n"
# Runs a command, passes SIGTERM on to it, and writes the peak resident memory of any of its processes
# (itself and every descendant waited for: RUSAGE_CHILDREN's ru_maxrss, in KiB) to the file named first.
PEAK = ("import resource, signal, subprocess, sys\n"
        "child = subprocess.Popen(sys.argv[2:])\n"
        "signal.signal(signal.SIGTERM, lambda *_: child.terminate())\n"
        "code = child.wait()\n"
        "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
        "sys.exit(code)\n")
MIGRAGRAPH = (sys.executable, "-c", "from migragraph.cli.main import main; main()")


def doubled(times: int) -> str:
    """One row holding a string of 2**times characters, made by CONCAT."""
    binds = " ".join(f"BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(times))
    return f'SELECT ?v{times} WHERE {{ BIND("x" AS ?v0) {binds} }}'


def peak_run(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], int]:
    """`migragraph ARGS` as a process of its own; what it did, and its processes' peak memory (KiB)."""
    peak = tmp_path / "peak"
    done = subprocess.run([sys.executable, "-c", PEAK, str(peak), *MIGRAGRAPH, *args], capture_output=True,
                          text=True, timeout=120)
    return done, int(peak.read_text())


def test_a_sorted_cross_join_stops_at_the_memory_limit(controlled: Path, tmp_path: Path) -> None:
    done, peak = peak_run(tmp_path, "query", str(controlled), SORTED_CROSS_JOIN, "--memory-limit", LIMIT)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", CLI_MEMORY)
    assert peak < LIMIT_KB


def test_a_doubled_string_stops_at_the_memory_limit(controlled: Path, tmp_path: Path) -> None:
    done, peak = peak_run(tmp_path, "query", str(controlled), doubled(31), "--memory-limit", LIMIT)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", CLI_MEMORY)
    assert peak < LIMIT_KB
    small = CliRunner().invoke(cli, ["query", str(controlled), doubled(4), "--format", "csv"])
    assert small.exit_code == 0 and small.stdout.splitlines() == ["v4", "x" * 16]


def test_a_query_is_read_up_to_one_mebibyte(controlled: Path) -> None:
    zero = CliRunner().invoke(cli, ["query", str(controlled), "@/dev/zero"])
    assert zero.exit_code == 2
    assert zero.stderr == "error: the query file /dev/zero holds more than 1 MiB, the most a query may be\n"
    piped = CliRunner().invoke(cli, ["query", str(controlled), "-"], input="#" * (1 << 20) + "\nASK {}")
    assert piped.exit_code == 2
    assert piped.stderr == "error: standard input holds more than 1 MiB, the most a query may be\n"
    fits = CliRunner().invoke(cli, ["query", str(controlled), "-", "--format", "csv"],
                              input="#" * 1000 + "\nASK { ?s ?p ?o }")
    assert fits.exit_code == 0 and fits.stdout.strip() == "true"


def test_a_query_past_its_timeout_is_stopped(controlled: Path) -> None:
    started = time.monotonic()
    late = CliRunner().invoke(cli, ["query", str(controlled), COUNTED_CROSS_JOIN, "--timeout", "1"])
    assert late.exit_code == 2 and late.stdout == ""
    assert late.stderr == ("error: the query ran past --timeout 1 s and was stopped: narrow it (LIMIT, fewer "
                           "unbound patterns), or raise --timeout\n")
    assert time.monotonic() - started < 30


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld"])
def test_ctrl_c_stops_the_query_in_every_format(fmt: str, controlled: Path) -> None:
    query = CONSTRUCTED_CROSS_JOIN if fmt in ("ttl", "nt", "jsonld") else COUNTED_CROSS_JOIN
    # Started as a terminal starts it, with Ctrl-C's default action: a suite run in the background of a
    # shell without job control ignores SIGINT, and an ignored signal stays ignored across exec, while
    # one with a handler is reset to its default. (As a context manager, so that its pipes are closed
    # even when it fails, not left to a later test.)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        process = subprocess.Popen([*MIGRAGRAPH, "query", str(controlled), query, "--format", fmt], text=True,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    finally:
        signal.signal(signal.SIGINT, previous)
    with process:
        deadline = time.monotonic() + 60
        while not _children(process.pid) and time.monotonic() < deadline:  # the query is running
            time.sleep(0.1)
        time.sleep(0.5)
        os.killpg(process.pid, signal.SIGINT)  # as a terminal does: to the whole process group
        try:
            stdout, stderr = process.communicate(timeout=20)
        finally:
            process.kill()
    assert (process.returncode, stdout, stderr) == (130, "", "error: interrupted: the query was stopped\n")
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):  # nothing of it is left running
        os.killpg(process.pid, 0)


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from serve_once(tmp_path_factory)


def _ask(url: str, query: str) -> tuple[int, str]:
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=60)
    connection.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}),
                       headers={"Accept": "application/sparql-results+json"})
    response = connection.getresponse()
    answer = (response.status, response.read().decode("utf-8"))
    connection.close()
    return answer


def test_the_endpoint_stops_what_outgrows_its_limits(served: Served, tmp_path: Path) -> None:
    """A server of the shared build with 1 GiB a worker and 1 MiB a result, run under PEAK."""
    peak = tmp_path / "peak"
    process, url = start_server(served.out, tmp_path / "server.log", "--memory-limit", LIMIT,
                                "--max-result-bytes", "1M", "--timeout", "30",
                                prefix=(sys.executable, "-c", PEAK, str(peak)))
    try:
        assert _ask(url, SORTED_CROSS_JOIN) == (503, SERVED_MEMORY)
        assert _ask(url, doubled(31)) == (503, SERVED_MEMORY)
        too_large = ("the result is larger than 1 MiB, this endpoint's limit: page through it with LIMIT and "
                     "OFFSET, or ask for fewer or shorter values\n")
        assert _ask(url, doubled(21)) == (400, too_large)
        status, body = _ask(url, doubled(12))  # 4 KiB: well within
        assert status == 200 and json.loads(body)["results"]["bindings"][0]["v12"]["value"] == "x" * 4096
        assert _ask(url, "ASK { ?s ?p ?o }") == (200, '{"head":{},"boolean":true}')  # the workers came back
    finally:
        stop_server(process)
    assert 0 < int(peak.read_text()) < LIMIT_KB  # the server and every worker it had, at their peak
