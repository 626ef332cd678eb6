"""With --allow-service, a SERVICE endpoint that answers with something that is no SPARQL result.

Version 0.2.0 printed a traceback for a truncated JSON answer (Oxigraph's parser raised RuntimeError while
the rows were read, which nothing caught), where the README promises one line and exit 2; the server
answered 400 ("the query cannot be run"), blaming the client for the endpoint. Now: one line naming the
SERVICE endpoint as the likely culprit, exit 2; and a 502 from `migragraph serve`.
"""

from __future__ import annotations

import http.client
import http.server
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from migragraph.cli.main import cli
from tests.test_serve_support import Served, serve_once, start_server, stop_server

ANSWERS = {  # path -> (content type, body)
    "truncated": ("application/sparql-results+json",
                  b'{"head": {"vars": ["s"]}, "results": {"bindings": [ {"s": '),
    "not-json": ("application/sparql-results+json", b"<html>Service unavailable</html>"),
    "wrong-shape": ("application/sparql-results+json", b'{"head": 1, "results": "none"}'),
    "xml-garbage": ("application/sparql-results+xml", b"<sparql><results><result>"),
}
BLAME = "a SERVICE endpoint it names is unreachable or gave an answer that is not a SPARQL result: "


class _Answers(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._answer()

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer()

    def _answer(self) -> None:
        content_type, body = ANSWERS[urllib.parse.urlsplit(self.path).path.strip("/")]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answers)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def federated(url: str) -> str:
    return f"SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"


@pytest.mark.parametrize("answer", ANSWERS)
@pytest.mark.parametrize("fmt", ["table", "json"])
def test_the_command_says_one_line(answer: str, fmt: str, endpoint: str, controlled: Path) -> None:
    args = ["query", str(controlled), federated(endpoint + answer), "--allow-service", "--format", fmt]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: the query failed: {BLAME}")


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from serve_once(tmp_path_factory)


def test_the_endpoint_answers_502(endpoint: str, served: Served, tmp_path: Path) -> None:
    process, url = start_server(served.out, tmp_path / "server.log", "--allow-service")
    try:
        address = urllib.parse.urlsplit(url)
        for answer in ANSWERS:
            connection = http.client.HTTPConnection(address.hostname or "", address.port, timeout=30)
            query = urllib.parse.urlencode({"query": federated(endpoint + answer)})
            connection.request("GET", f"/sparql?{query}", headers={"Accept": "text/csv"})
            reply = connection.getresponse()
            text = reply.read().decode("utf-8")
            connection.close()
            assert reply.status == 502, (answer, text)
            assert text.startswith(BLAME.replace("it names is unreachable or", "the query names failed or"))
            assert text.count("\n") == 1
    finally:
        stop_server(process)
