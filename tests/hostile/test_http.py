"""Requests a front proxy and this server could read two ways, sent over raw sockets to the real server.

Version 0.2.0 read requests with http.server: `Content-Length: ²` raised ValueError (a traceback in the
log, the connection dropped without an answer), a duplicate Content-Length was taken, a Transfer-Encoding
beside a Content-Length was ignored (the chunked body's end read as the start of a second request: the
smuggling behind a proxy that reads the chunks), and its 501 and 505 pages had none of the CORS and
security headers of the rest. Now llhttp reads them (serve/http.py), and each is a 400 after which the
connection is closed, so nothing that follows on it is ever read as a request.
"""

from __future__ import annotations

import http.client
import socket
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.test_serve_support import Served, serve_once

ALWAYS = {"Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff"}
COUNT = b"ASK { ?s ?p ?o }"


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from serve_once(tmp_path_factory)


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: str


def exchange(served: Served, payload: bytes) -> tuple[list[Answer], bool]:
    """Send `payload` on one connection; every answer read from it, and whether the server closed it.
    The answers are read from one buffered stream: pipelined answers may arrive in one segment."""
    address = urllib.parse.urlsplit(served.url)
    with socket.create_connection((address.hostname or "", address.port or 80), timeout=15) as sock:
        sock.sendall(payload)
        stream = sock.makefile("rb")
        answers: list[Answer] = []
        while True:
            try:
                status_line = stream.readline()
            except TimeoutError:
                return answers, False
            if not status_line:
                return answers, True
            headers = http.client.parse_headers(stream)
            body = stream.read(int(headers.get("Content-Length") or 0)).decode("utf-8")
            answers.append(Answer(int(status_line.split()[1]), headers, body))
            if headers.get("Connection") == "close":
                return answers, stream.read(1) == b""
            sock.settimeout(1.0)  # more answers come at once, or not at all


def post(headers: str, body: bytes) -> bytes:
    return (f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
            f"Accept: application/sparql-results+json\r\n{headers}\r\n").encode() + body


SMUGGLED = b"GET /ontology.ttl HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
REFUSED = {
    "a superscript two as the length": (post("Content-Length: ²\r\n", COUNT), "Content-Length"),
    "two equal lengths": (post(f"Content-Length: {len(COUNT)}\r\nContent-Length: {len(COUNT)}\r\n", COUNT),
                          "Duplicate Content-Length"),
    "two lengths": (post(f"Content-Length: {len(COUNT)}\r\nContent-Length: 3\r\n", COUNT),
                    "Duplicate Content-Length"),
    "a length beside chunks": (post("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
                                    b"0\r\n\r\n" + SMUGGLED), "Transfer-Encoding"),
    "chunks beside a length": (post("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
                                    b"0\r\n\r\n" + SMUGGLED), "Transfer-Encoding"),
    "a length with a plus": (post(f"Content-Length: +{len(COUNT)}\r\n", COUNT), "Content-Length"),
    "a folded header line": (post(f"Content-Length: {len(COUNT)}\r\nX-Note: a\r\n b\r\n", COUNT),
                             "whitespace"),
    "a space before the colon": (post(f"Content-Length : {len(COUNT)}\r\n", COUNT), "header"),
    "no Host": (b"GET / HTTP/1.1\r\n\r\n", "Host"),
    "two Hosts": (b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "Host"),
}


@pytest.mark.parametrize("name", REFUSED)
def test_ambiguous_requests_get_400_and_the_connection_closes(name: str, served: Served) -> None:
    payload, reason = REFUSED[name]
    answers, closed = exchange(served, payload)
    assert [a.status for a in answers] == [400], answers  # the smuggled GET is never answered
    assert reason in answers[0].body and "\n" not in answers[0].body.rstrip("\n")
    assert all(answers[0].headers[k] == v for k, v in ALWAYS.items())
    assert answers[0].headers["Connection"] == "close" and closed


@pytest.mark.parametrize(("request_line", "status"), [
    ("DELETE /sparql HTTP/1.1", 501), ("PROPFIND /sparql HTTP/1.1", 501), ("TRACE / HTTP/1.1", 501),
    ("GET / HTTP/2.0", 505), ("BREW / HTTP/1.1", 400)])  # a method llhttp does not know is not HTTP
def test_501_and_505_carry_the_headers_of_every_answer(request_line: str, status: int,
                                                       served: Served) -> None:
    answers, closed = exchange(served, f"{request_line}\r\nHost: 127.0.0.1\r\n\r\n".encode("ascii"))
    assert [a.status for a in answers] == [status]
    assert all(answers[0].headers[k] == v for k, v in ALWAYS.items()), dict(answers[0].headers)
    assert closed


def test_a_chunked_query_and_pipelined_requests_are_answered(served: Served) -> None:
    body = f"{len(COUNT):x}\r\n".encode() + COUNT + b"\r\n0\r\n\r\n"
    chunked = post("Transfer-Encoding: chunked\r\n", body)
    answers, closed = exchange(served, chunked + SMUGGLED)
    assert [a.status for a in answers] == [200, 200] and not closed
    assert answers[0].body == '{"head":{},"boolean":true}'
    assert "owl:Ontology" in answers[1].body


def test_oversized_heads_and_bodies_are_refused_unread(served: Served) -> None:
    answers, closed = exchange(served, post("Content-Length: 2000000\r\n", b""))  # no body follows
    assert [a.status for a in answers] == [413] and closed
    huge = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-Pad: " + b"a" * 70_000 + b"\r\n\r\n"
    answers, closed = exchange(served, huge)
    assert [a.status for a in answers] == [431] and closed
