"""Shared fixtures of the tests of `migragraph serve` (no tests here): one store, one running server.

The store is tests/data plus one release written to carry markup in its title and in a sentence, built
by migragraph.pipeline.build; the server is the real command, in its own process, on a free loopback
port, driven over real HTTP. Each test module wraps `serve_once` as its own `served` fixture (pytest
would make an imported session fixture once per importing module, and ruff reads an imported fixture as
shadowed): the build and the server are kept here, made once, and stopped at the session's end.
"""

from __future__ import annotations

import json
import selectors
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.namespace import SKOS

from migragraph.pipeline import build

DATA = Path(__file__).parent / "data"
TOKEN = "test-write-token"
TIMEOUT = 3.0      # the server's time limit per query, in seconds
MAX_RESULTS = 300  # rows: the store's default graph holds more triples than this
HOSTILE_TITLE = "<script>alert('title')</script> EU and IOM meet"
HOSTILE_SENTENCE = ("Brussels, 04 April 2025 – Senior officials from the European Union (EU) and the "
                    "International Organization for Migration (IOM) met in Brussels today "
                    "<script>alert('sentence')</script> for their eleventh annual meeting under the EU-IOM "
                    "Strategic Cooperation Framework.")
HOSTILE = {"id": "hostile-markup", "title": HOSTILE_TITLE, "published": "2025-04-04",
           "url": "https://example.org/hostile",
           "text": f"{HOSTILE_SENTENCE}\nIOM Director General Amy Pope commended the EU’s support."}
IOM = "https://w3id.org/migragraph/id/org/iom"
IOM_NAME = "International Organization for Migration"
LABEL_TRIPLE = ox.Triple(ox.NamedNode(IOM), ox.NamedNode(str(SKOS.prefLabel)), ox.Literal(IOM_NAME))
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@dataclass
class Served:
    url: str    # http://127.0.0.1:PORT/
    out: Path   # the build folder
    process: subprocess.Popen[bytes]
    log: Path   # the server's stderr (its access log)
    summary: dict[str, object] = field(default_factory=dict)


@dataclass
class Reply:
    status: int
    headers: Message
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    @property
    def content_type(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0]


def fetch(url: str, *, method: str = "GET", data: bytes | None = None, timeout: float = 30,
          **headers: str) -> Reply:
    """One HTTP request; a 4xx or 5xx is a Reply like any other. Header names use _ for -."""
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={k.replace("_", "-"): v for k, v in headers.items()})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Reply(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        with error:
            return Reply(error.code, error.headers, error.read())


def start_server(out: Path, log: Path, *options: str,
                 prefix: tuple[str, ...] = ()) -> tuple[subprocess.Popen[bytes], str]:
    """`migragraph serve out` on a free loopback port, with the suite's limits and `options`, run by the
    command `prefix` when given (which must pass SIGTERM on); its URL."""
    command = [*prefix, sys.executable, "-c", "from migragraph.cli.main import main; main()", "serve",
               str(out), "--port", "0", "--timeout", str(TIMEOUT), "--max-results", str(MAX_RESULTS),
               "--workers", "2", "--write-token", TOKEN, *options]
    with log.open("wb") as err:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=err)
    assert process.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    ready = selector.select(timeout=60)
    selector.close()
    line = process.stdout.readline().decode("utf-8") if ready else ""
    if "http://" not in line:
        process.kill()
        process.wait()
        process.stdout.close()
        why = "did not start" if ready else "printed no address in 60 s"
        raise RuntimeError(f"the server {why}: {line!r}; its log: {log.read_text()}")
    return process, line.split(" at ", 1)[1].split()[0]


def stop_server(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout is not None:
        process.stdout.close()


def parse_rdf(body: bytes, media_type: str) -> set[ox.Triple]:
    """A graph in any RDF syntax, read by oxigraph (rdflib's JSON-LD parser warns of its own internals)."""
    fmt = ox.RdfFormat.from_media_type(media_type)
    assert fmt is not None
    return {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(body, format=fmt)}


_SERVED: list[Served] = []


def serve_once(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The body of each module's `served` fixture: the one server, started on first use."""
    if not _SERVED:
        root = tmp_path_factory.mktemp("serve")
        extra = root / "extra"
        extra.mkdir()
        (extra / "hostile.json").write_text(json.dumps(HOSTILE), encoding="utf-8")
        out = root / "out"
        build([DATA, extra], out, progress=False)
        process, url = start_server(out, root / "server.log")
        summary = json.loads((out / "build.json").read_text(encoding="utf-8"))
        _SERVED.append(Served(url, out, process, root / "server.log", summary))
    yield _SERVED[0]
    stop_server(_SERVED[0].process)  # each importing module's copy of the fixture ends at the session's end


__all__ = ["BROWSER", "HOSTILE_SENTENCE", "HOSTILE_TITLE", "IOM", "IOM_NAME", "LABEL_TRIPLE", "MAX_RESULTS",
           "TIMEOUT", "TOKEN", "Reply", "Served", "fetch", "parse_rdf", "serve_once", "start_server",
           "stop_server"]
