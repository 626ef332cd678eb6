"""Serving a folder while a build adds releases to it: every answer is of one whole generation.

Version 0.2.0 served the store the build was writing: a server started during a build counted 723, then
1,958 of 2,106 graphs, and one started before it answered from whatever its workers had opened
(alternating between 2,001 and 2,101 by worker, and never the new total after a worker was replaced).
Now a build publishes each finished store as a generation (store/generations.py) and a server answers
each request from one (serve/generation.py), moving to the new one when it is complete.

Here one server runs before the build and one is started half-way through it (new releases are loaded a
release at a time, so the store the build writes holds half of them then); clients count the release
graphs over and over. Every count must be the old total or the new one, each client's counts must never
go back, both servers must reach the new total, and the old generation must be gone once neither reads it.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from migragraph import pipeline
from migragraph.extract.extractor import extract
from migragraph.extract.model import Extraction
from migragraph.ingest.release import RawRelease
from migragraph.pipeline import build
from tests.test_serve_support import start_server, stop_server

DATA = Path(__file__).parent.parent / "data"
NEW = 12
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g a mg:Release } }"
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth"]


def release(n: int) -> dict[str, str]:
    day = n + 1
    text = (f"Geneva, {day:02d} March 2025 – Senior officials from the European Union (EU) and the "
            f"International Organization for Migration (IOM) met in Geneva today for their {ORDINALS[n]} "
            f"technical meeting on labour mobility, the {day} March round of the dialogue.\n"
            "IOM Director General Amy Pope welcomed the EU’s support for the programme.")
    return {"id": f"geneva-round-{n}", "title": f"EU and IOM, round {n} in Geneva",
            "published": f"2025-03-{day:02d}", "text": text}


def count(url: str) -> int:
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    connection.request("GET", "/sparql?" + urllib.parse.urlencode({"query": COUNT}),
                       headers={"Accept": "application/sparql-results+json"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    assert response.status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


class Client(threading.Thread):
    """Counts over and over until stopped; keeps every answer in order."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url, self.seen, self.stop = url, [], threading.Event()
        self.errors: list[str] = []

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                self.seen.append(count(self.url))
            except (OSError, AssertionError) as exc:
                self.errors.append(repr(exc))


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    out = tmp_path / "out"
    build([DATA], out, progress=False)
    yield out


def test_answers_come_from_whole_generations(folder: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "rounds.jsonl").write_text("".join(json.dumps(release(n)) + "\n" for n in range(NEW)),
                                        encoding="utf-8")
    monkeypatch.setattr(pipeline, "LOAD_BATCH_TRIPLES", 1)  # each new release loads on its own, mid-build
    first, first_url = start_server(folder, tmp_path / "first.log")
    clients = [Client(first_url) for _ in range(3)]
    for client in clients:
        client.start()
    while not all(c.seen for c in clients):
        time.sleep(0.05)
    old = clients[0].seen[0]
    late: list[tuple[object, str]] = []
    late_seen: list[int] = []
    extracted = 0

    def halfway(raw: RawRelease) -> Extraction:
        nonlocal extracted
        extracted += 1
        if extracted == NEW // 2 + 1:  # half the new releases are in the store being written
            time.sleep(1.0)
            process, url = start_server(folder, tmp_path / "late.log")
            late.append((process, url))
            late_seen.extend(count(url) for _ in range(5))
            clients.append(Client(url))
            clients[-1].start()
        return extract(raw)

    try:
        build([DATA, extra], folder, extractor=halfway, progress=False)
        new = old + NEW
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not all(c.seen[-3:] == [new] * 3 for c in clients):
            time.sleep(0.2)
    finally:
        for client in clients:
            client.stop.set()
            client.join(timeout=30)
        stop_server(first)
        for process, _ in late:
            stop_server(process)  # type: ignore[arg-type]
    assert late and late_seen == [old] * 5  # started mid-build: the last finished build
    for client in clients:
        assert client.errors == []
        assert set(client.seen) <= {old, new}, sorted(set(client.seen))
        assert client.seen[-3:] == [new] * 3  # moved to the new generation
        switched = client.seen.index(new)
        assert client.seen[switched:] == [new] * len(client.seen[switched:])  # never back
    # Neither server reads the first generation any more: only the current one is kept.
    assert sorted(p.name for p in (folder / "generations").iterdir()) == ["2", "2.lock", "CURRENT"]
