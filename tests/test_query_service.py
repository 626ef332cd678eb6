"""`migragraph query` and SERVICE: oxigraph runs a SERVICE clause for real, so a query that has one is
refused (exit 2, one line naming --allow-service) before anything reaches out, unless --allow-service.

The network guard (tests/hostile/netguard.py) does not see oxigraph's Rust HTTP client, so whether a
connection was attempted is asked of a listening socket on loopback: a refused query leaves nothing in
its backlog, an allowed one connects to it."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from migragraph.cli.main import cli

from .hostile.netguard import blocked


def _query(*args: str) -> Result:
    return CliRunner().invoke(cli, ["query", *args], catch_exceptions=False)


def _federated(port: int) -> str:
    return f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A socket listening on loopback that nobody accepts from: a connection waits in its backlog."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(4)
        server.setblocking(False)
        yield server


def _connected(server: socket.socket) -> bool:
    try:
        connection, _ = server.accept()
    except BlockingIOError:
        return False
    connection.close()
    return True


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


UNREACHABLE = ("error: the query failed: a SERVICE endpoint it names is unreachable or gave an answer that "
               "is not a SPARQL result: ")


def test_service_to_port_9_is_refused_naming_the_flag(controlled: Path) -> None:
    refused = _query(str(controlled), "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert refused.exit_code == 2 and refused.stdout == ""
    assert refused.stderr.splitlines() == [
        "error: the query has a SERVICE clause, which would fetch from the endpoint it names over the "
        "network; pass --allow-service to run it"]


@pytest.mark.parametrize("how", ["argument", "file", "stdin", "lowercase", "escaped", "csv"])
def test_a_refused_query_attempts_nothing(controlled: Path, tmp_path: Path, listener: socket.socket,
                                          how: str) -> None:
    query = _federated(listener.getsockname()[1])
    args = [str(controlled), query]
    runner_input = None
    if how == "file":
        (tmp_path / "q.rq").write_text(query, encoding="utf-8")
        args = [str(controlled), f"@{tmp_path / 'q.rq'}"]
    elif how == "stdin":
        args, runner_input = [str(controlled), "-"], query
    elif how == "lowercase":
        args = [str(controlled), query.replace("SERVICE", "service")]
    elif how == "escaped":  # SPARQL codepoint escapes spell the keyword without its letters
        args = [str(controlled), query.replace("SERVICE", "\\u0053ERVICE")]
    elif how == "csv":
        args = [*args, "--format", "csv"]
    with blocked() as attempts:
        result = CliRunner().invoke(cli, ["query", *args], input=runner_input, catch_exceptions=False)
    assert result.exit_code == 2 and "pass --allow-service" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert attempts.seen == [] and not _connected(listener)


def test_the_word_service_elsewhere_is_no_service(controlled: Path) -> None:
    # In a string, an IRI, a comment or a variable it is not the keyword: the query runs.
    query = "# no SERVICE here\nSELECT ?service WHERE { ?service ?p 'SERVICE' } LIMIT 1"
    result = _query(str(controlled), query)
    assert result.exit_code == 0 and result.stdout.endswith("(0 rows)\n")


def test_allowed_the_query_reaches_the_endpoint(controlled: Path) -> None:
    # A one-shot endpoint on loopback that reads the request and hangs up: the query was sent to it.
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        requests: list[bytes] = []

        def answer() -> None:
            connection, _ = server.accept()
            with connection:
                requests.append(connection.recv(65536))

        thread = threading.Thread(target=answer, daemon=True)
        thread.start()
        result = _query(str(controlled), _federated(server.getsockname()[1]), "--allow-service")
        thread.join(timeout=10)
    assert requests and requests[0].startswith(b"POST /sparql ")
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(UNREACHABLE)


def test_allowed_a_closed_port_fails_with_a_clear_error(controlled: Path) -> None:
    result = _query(str(controlled), _federated(_closed_port()), "--allow-service")
    assert result.exit_code == 2 and "Traceback" not in result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith(UNREACHABLE)
    assert "refused" in line.lower()
