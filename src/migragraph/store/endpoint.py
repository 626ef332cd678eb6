"""A store on any SPARQL 1.1 endpoint (Oxigraph server, Apache Jena Fuseki, ...), over HTTP.

Reads use the SPARQL 1.1 Protocol's query operation, writes its update operation: keeping the default
graph as the union of the release graphs needs DELETE ... WHERE with FILTER NOT EXISTS, which the Graph
Store Protocol cannot say. Each write is one update request, which the protocol asks servers to run
atomically (Oxigraph and Fuseki do).

Queries are parsed by oxigraph here before they are sent, so a syntax error reads the same (line,
column, the line itself) whichever backend holds the graph. Results come back in the W3C formats and
are parsed into the same pyoxigraph objects the embedded store returns.

Only the standard library speaks HTTP here (urllib): an endpoint needs no extra dependency.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pyoxigraph as ox

from migragraph.errors import StoreError
from migragraph.store.backend import Graph, QueryResult
from migragraph.store.sparqltext import Substitutions, bind_values, insert_data, prologue, syntax_error

TIMEOUT = 300.0  # seconds; dumping a large graph one request a release graph takes a while
_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
_NT = ox.RdfFormat.N_TRIPLES


def update_url_for(query_url: str) -> str:
    """The update endpoint beside a query endpoint: Oxigraph's /query and Fuseki's /ds/query or
    /ds/sparql become .../update; any other URL is taken to accept updates itself (Fuseki's /ds)."""
    parts = urllib.parse.urlsplit(query_url)
    head, _, last = parts.path.rpartition("/")
    if last in ("query", "sparql"):
        return urllib.parse.urlunsplit(parts._replace(path=f"{head}/update"))
    return query_url


class EndpointBackend:
    """A SPARQL 1.1 query endpoint and its update endpoint. Credentials may ride in the URL
    (http://user:password@host/...); they are sent as HTTP Basic and never shown."""

    def __init__(self, query_url: str, update_url: str | None = None, timeout: float = TIMEOUT) -> None:
        self.query_url, self._auth = _split_credentials(query_url)
        self.update_url, update_auth = _split_credentials(update_url or update_url_for(query_url))
        self._auth = self._auth or update_auth
        self.location = self.query_url
        self.timeout = timeout
        self._checker = ox.Store()  # empty: parses queries so errors name their line and column

    # ------------------------------------------------------------------ reading

    def query(self, sparql: str, prefixes: dict[str, str], substitutions: Substitutions,
              graphs: list[str] | None = None) -> QueryResult:
        try:
            self._checker.query(sparql, prefixes=prefixes, substitutions=dict(substitutions))
        except SyntaxError as exc:
            raise syntax_error(exc, sparql) from None
        text = prologue(prefixes) + bind_values(sparql, substitutions)
        url = _with_dataset(self.query_url, graphs)
        kind, body = self._post(url, "application/sparql-query", text, _ACCEPT)
        try:
            if "n-triples" in kind or "plain" in kind:
                return list(ox.parse(body, format=_NT))
            if "xml" in kind:
                return ox.parse_query_results(body, format=ox.QueryResultsFormat.XML)
            return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"the SPARQL endpoint {self.query_url} sent results that cannot be read "
                             f"({kind or 'no content type'}): {exc}") from None

    def quads(self, graph: Graph) -> Iterator[ox.Quad]:
        where = "?s ?p ?o" if isinstance(graph, ox.DefaultGraph) else f"GRAPH {graph} {{ ?s ?p ?o }}"
        triples = self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}", {}, {})
        for t in triples if not isinstance(triples, ox.QuerySolutions | ox.QueryBoolean) else []:
            yield ox.Quad(t.subject, t.predicate, t.object, graph)

    def named_graphs(self) -> list[ox.NamedNode]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", {}, {})
        if not isinstance(rows, ox.QuerySolutions):
            raise StoreError(f"the SPARQL endpoint {self.query_url} did not answer a SELECT with rows")
        return [g for row in rows if isinstance(g := row["g"], ox.NamedNode)]

    def has_graph(self, graph: ox.NamedNode) -> bool:
        return bool(self.query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}", {}, {}))

    # ------------------------------------------------------------------ writing

    def update(self, sparql: str) -> None:
        self._post(self.update_url, "application/sparql-update", sparql, "*/*")

    def insert(self, quads: list[ox.Quad]) -> None:
        if quads:
            self.update(f"INSERT DATA {{\n{insert_data(quads)}}}")

    def insert_new(self, nquads: bytes, graphs: list[ox.NamedNode]) -> None:
        self.insert(list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS)))  # one request: atomic on the server

    def compact(self) -> None:
        """The server tends its own storage."""

    def close(self) -> None:
        """Nothing to release: each request stands alone."""

    # ------------------------------------------------------------------ HTTP

    def _post(self, url: str, content_type: str, body: str, accept: str) -> tuple[str, bytes]:
        headers = {"Content-Type": f"{content_type}; charset=utf-8", "Accept": accept}
        if self._auth:
            headers["Authorization"] = self._auth
        request = urllib.request.Request(url, data=body.encode("utf-8"), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return str(response.headers.get("Content-Type") or "").lower(), bytes(response.read())
        except urllib.error.HTTPError as exc:
            detail = " ".join(exc.read().decode("utf-8", "replace").split())[:300]
            raise StoreError(f"the SPARQL endpoint {url} answered HTTP {exc.code} {exc.reason}"
                             + (f": {detail}" if detail else "")) from None
        except urllib.error.URLError as exc:
            raise StoreError(f"cannot reach the SPARQL endpoint {url}: {_reason(exc.reason)}") from None
        except (TimeoutError, OSError) as exc:
            raise StoreError(f"cannot reach the SPARQL endpoint {url}: {_reason(exc)}") from None


def _with_dataset(url: str, graphs: list[str] | None) -> str:
    """The query URL with the SPARQL 1.1 Protocol's dataset parameters: `graphs` as the default graph
    (their merge) and as the named graphs."""
    if graphs is None:
        return url
    parts = urllib.parse.urlsplit(url)
    params = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    params += [(name, g) for g in graphs for name in ("default-graph-uri", "named-graph-uri")]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(params)))


def _split_credentials(url: str) -> tuple[str, str | None]:
    """The URL without user:password, and the Basic authorisation header they make, if any."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"{url!r} is not an http(s) URL of a SPARQL endpoint: "
                         "give e.g. http://localhost:3030/ds/query")
    if parts.username is None:
        return url, None
    netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
    secret = f"{urllib.parse.unquote(parts.username)}:{urllib.parse.unquote(parts.password or '')}"
    auth = "Basic " + base64.b64encode(secret.encode("utf-8")).decode("ascii")
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc)), auth


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__
