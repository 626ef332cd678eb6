"""What a query worker does: run one query over the store and shape its answer, within the row limit
and the size limit (counted on the terms as they are read, so a result is refused before it is held
whole, and on the serialised answer).

The store is opened read-only with pyoxigraph itself rather than through GraphStore: the endpoint needs
results as oxigraph's iterators (to stop at the row limit, and to serialise graphs in Turtle, N-Triples,
JSON-LD or RDF/XML), where GraphStore.query reads every row into rdflib terms. The store's default graph
is already the union of the release graphs (store/graphstore.py keeps it so), and queries get the same
predeclared prefixes as `migragraph query`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from migragraph.limits import DEFAULT_RESULT_BYTES, show_size
from migragraph.map.prefixes import vocab_prefixes
from migragraph.serve import results
from migragraph.serve.conneg import (
    GRAPHS,
    HTML,
    RDF_FORMATS,
    RESULT_FORMATS,
    SOLUTIONS,
    NotAcceptableError,
    choose,
)
from migragraph.serve.guard import RefusedError, check_query, uses_service
from migragraph.serve.results import Row, Term

BOOLEAN_OFFERS = tuple(r for r in SOLUTIONS if r.name in ("json", "xml", "html"))  # ASK has no CSV, TSV


@dataclass(frozen=True)
class Protocol:
    """A client's query through the SPARQL protocol (or a named question, already bound)."""

    query: str
    accept: str | None = None
    fmt: str | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    substitutions: tuple[tuple[str, Term], ...] = ()
    trusted: bool = False  # the site's own text (a named question): no SERVICE check needed


@dataclass(frozen=True)
class Rows:
    """One of the site's own SELECT queries (pages, search, counts): the rows, for Python to render."""

    query: str
    substitutions: tuple[tuple[str, Term], ...] = ()


Job = Protocol | Rows


@dataclass
class Body:
    """A response ready to send."""

    content_type: str
    body: bytes
    status: int = 200


@dataclass
class Table:
    """SELECT results for HTML or for the site's pages."""

    variables: list[str]
    rows: list[Row] = field(default_factory=list)


@dataclass
class Triples:
    """CONSTRUCT or DESCRIBE results for HTML."""

    triples: list[ox.Triple]


@dataclass
class Boolean:
    """ASK results for HTML."""

    value: bool


@dataclass
class Failure:
    status: int
    message: str


Outcome = Body | Table | Triples | Boolean | Failure


class Engine:
    """The store, read-only, and the rules every query runs under."""

    def __init__(self, path: Path, max_results: int, allow_service: bool, prefixes: dict[str, str],
                 max_bytes: int = DEFAULT_RESULT_BYTES) -> None:
        self.store = ox.Store.read_only(str(path))
        self.max_results = max_results
        self.max_bytes = max_bytes
        self.allow_service = allow_service
        self.prefixes = prefixes  # for Turtle and JSON-LD output

    def run(self, job: Job) -> Outcome:
        try:
            if isinstance(job, Rows):
                found = self._query(job.query, dict(job.substitutions))
                if not isinstance(found, ox.QuerySolutions):
                    return Failure(500, "an internal query of the site is not a SELECT query")
                return Table([v.value for v in found.variables], self._bounded(found))
            return self._protocol(job)
        except RefusedError as exc:
            return Failure(exc.status, str(exc))
        except NotAcceptableError as exc:
            return Failure(406, str(exc))
        except SyntaxError as exc:
            return Failure(400, f"the SPARQL query is not valid: {exc}")
        except (TooManyResultsError, TooLargeError) as exc:
            return Failure(400, str(exc))
        except (RuntimeError, ValueError, OSError) as exc:
            return self._failed(job, exc)

    def _failed(self, job: Job, exc: Exception) -> Failure:
        """A query Oxigraph could not run, or that failed while running. With SERVICE allowed and named,
        the failure is most likely the remote endpoint's (unreachable, or an answer that is no SPARQL
        result): a 502, naming it as such."""
        if self.allow_service and isinstance(job, Protocol) and not job.trusted and _federated(job.query):
            return Failure(502, "a SERVICE endpoint the query names failed or gave an answer that is not a "
                                f"SPARQL result: {' '.join(str(exc).split())}")
        if isinstance(exc, OSError):  # the store itself
            return Failure(500, f"the query failed: {exc}")
        return Failure(400, f"the query cannot be run: {exc}")  # a substitution or dataset it cannot apply

    def _query(self, text: str, substitutions: dict[str, Term], default_graphs: tuple[str, ...] = (),
               named_graphs: tuple[str, ...] = ()) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        return self.store.query(
            text, prefixes=vocab_prefixes(),
            substitutions={ox.Variable(name): term for name, term in substitutions.items()},
            default_graph=[ox.NamedNode(g) for g in default_graphs] or None,
            named_graphs=[ox.NamedNode(g) for g in named_graphs] or None)

    def _protocol(self, job: Protocol) -> Outcome:
        if not job.trusted:
            check_query(job.query, self.allow_service)
        found = self._query(job.query, dict(job.substitutions), job.default_graphs, job.named_graphs)
        if isinstance(found, ox.QueryBoolean):
            rep = choose(BOOLEAN_OFFERS, job.accept, job.fmt)
            if rep is HTML:
                return Boolean(bool(found))
            return Body(rep.media_type, found.serialize(format=RESULT_FORMATS[rep.name]) or b"")
        if isinstance(found, ox.QuerySolutions):
            rep = choose(SOLUTIONS, job.accept, job.fmt)
            table = Table([v.value for v in found.variables], self._bounded(found))
            if rep is HTML:
                return table
            return self._body(rep.media_type, results.write(rep.name, table.variables, table.rows))
        rep = choose(GRAPHS, job.accept, job.fmt, graphs=True)
        triples = self._bounded_triples(found)
        if rep is HTML:
            return Triples(triples)
        return self._body(rep.media_type, serialize_triples(triples, rep.name, self.prefixes))

    def _body(self, media_type: str, body: bytes) -> Body:
        if len(body) > self.max_bytes:  # escaping in the format can outgrow the terms
            raise TooLargeError(self.max_bytes)
        return Body(media_type, body)

    def _bounded(self, found: ox.QuerySolutions) -> list[Row]:
        rows: list[Row] = []
        names = [v for v in found.variables]
        size = 0
        for solution in found:
            if len(rows) == self.max_results:
                raise TooManyResultsError(self.max_results, "rows")
            row = tuple(solution[v] for v in names)
            size += sum(_size(term) for term in row)
            if size > self.max_bytes:
                raise TooLargeError(self.max_bytes)
            rows.append(row)
        return rows

    def _bounded_triples(self, found: ox.QueryTriples) -> list[ox.Triple]:
        triples: list[ox.Triple] = []
        size = 0
        for triple in found:
            if len(triples) == self.max_results:
                raise TooManyResultsError(self.max_results, "triples")
            size += _size(triple.subject) + _size(triple.predicate) + _size(triple.object)
            if size > self.max_bytes:
                raise TooLargeError(self.max_bytes)
            triples.append(triple)
        return triples


def _size(term: Term | ox.Triple | None) -> int:
    """About the bytes `term` takes in an answer: its text, and a few for the syntax around it."""
    if term is None:
        return 0
    if isinstance(term, ox.Triple):
        return _size(term.subject) + _size(term.predicate) + _size(term.object)
    return len(term.value) + 8


def _federated(query: str) -> bool:
    try:
        return uses_service(query)
    except RefusedError:
        return True  # allowed unchecked: it may well name one


class TooLargeError(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"the result is larger than {show_size(limit)}, this endpoint's limit: page through "
                         "it with LIMIT and OFFSET, or ask for fewer or shorter values")


class TooManyResultsError(Exception):
    def __init__(self, limit: int, what: str) -> None:
        super().__init__(f"the result has more than {limit} {what}, this endpoint's limit: page through it "
                         f"with LIMIT {limit} and OFFSET, or narrow the query")


def serialize_triples(triples: list[ox.Triple], fmt: str, prefixes: dict[str, str]) -> bytes:
    """`triples` in ttl, nt, jsonld or rdf; Turtle gets the vocabularies' and the base's prefixes."""
    declared = prefixes if fmt == "ttl" else None
    return ox.serialize(triples, format=RDF_FORMATS[fmt], prefixes=declared) or b""
