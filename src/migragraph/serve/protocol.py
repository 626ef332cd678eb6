"""/sparql: the SPARQL 1.1 Protocol, read-only; /named: the named questions over HTTP.

Queries come as GET ?query=, as a POSTed form (query=) or as a POSTed application/sparql-query body,
with default-graph-uri and named-graph-uri as the protocol defines them. Updates (update=, or an
application/sparql-update body) are always refused with 403: the store is served read-only, and
writing through the endpoint would bypass what a build keeps true (the union default graph, the
shapes, build.json). A write token only changes the message, not the answer.
"""

from __future__ import annotations

import hmac
import json
import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

import pyoxigraph as ox
from rdflib.namespace import XSD

from migragraph.errors import ConfigError
from migragraph.serve.conneg import prefers_html
from migragraph.serve.engine import Body, Boolean, Failure, Outcome, Protocol, Table, Triples
from migragraph.serve.http import RepeatedParameterError, Request, Response, text
from migragraph.serve.mount import View
from migragraph.serve.named import NamedQuery, bind, named_queries, visible_columns

if TYPE_CHECKING:
    from migragraph.serve.site import Site

_FORM = "application/x-www-form-urlencoded"
_QUERY = "application/sparql-query"
_UPDATE = "application/sparql-update"
_FORMAT_PARAMS = ("format", "output")


class BadRequestError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def update_refusal(write_token: str | None, authorization: str | None) -> str:
    """Why an update is refused (always, with 403): the message for this server and these credentials."""
    if write_token is None:
        return ("this endpoint is read-only: it serves the store of a build and accepts no SPARQL Update; "
                "change the data by building again (`migragraph build`)")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), write_token.encode()):
        return "an update needs a valid write token (Authorization: Bearer ...)"
    return ("the write token is valid, but this server does not implement updates: the store is opened "
            "read-only; change the data by building again (`migragraph build`)")


def _params(request: Request) -> dict[str, list[str]]:
    """The protocol's parameters: the URL's, and a form body's; or the query as a direct POST body."""
    params = {k: list(v) for k, v in request.params.items()}
    if request.method != "POST":
        return params
    content_type = (request.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    try:
        body = request.body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequestError(400, "the request body is not UTF-8") from None
    if content_type == _FORM:
        for key, values in parse_qs(body, keep_blank_values=True).items():
            params.setdefault(key, []).extend(values)
    elif content_type == _QUERY:
        params["query"] = [body]
    elif content_type == _UPDATE:
        params["update"] = [body]
    else:
        raise BadRequestError(415, f"POST a query as {_FORM} (query=...) or as {_QUERY}; "
                              f"got {content_type or 'no Content-Type'}")
    return params


def _iris(values: list[str], name: str) -> tuple[str, ...]:
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError as exc:
            raise BadRequestError(400, f"{name}={value!r} is not an IRI: {exc}") from None
    return tuple(values)


def sparql(site: Site, request: Request, view: View) -> Response:
    if request.method not in ("GET", "HEAD", "POST"):
        return text(405, f"{request.method} is not allowed on the SPARQL endpoint", Allow="GET, HEAD, POST")
    try:
        params = _params(request)
        if "update" in params:
            return text(403, update_refusal(site.write_token, request.headers.get("Authorization")))
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            if not queries and _wants_html(request):
                return site.page(view, "query.html", title="SPARQL", query="", result=None, message="")
            raise BadRequestError(400, "give exactly one query: ?query=SELECT..., a form field query=, or a "
                                  f"{_QUERY} body")
        job = Protocol(queries[0], request.headers.get("Accept"), _format(params),
                       _iris(params.get("default-graph-uri", []), "default-graph-uri"),
                       _iris(params.get("named-graph-uri", []), "named-graph-uri"))
    except BadRequestError as exc:
        return text(exc.status, str(exc))
    return _answer(site, request, view, site.pool.run(job), query=job.query)


def _format(params: dict[str, list[str]]) -> str | None:
    for name in _FORMAT_PARAMS:
        if len(params.get(name, [])) > 1:
            raise RepeatedParameterError(name, params[name])
    return next((params[p][0] for p in _FORMAT_PARAMS if params.get(p)), None)


def _wants_html(request: Request) -> bool:
    return prefers_html(request.headers.get("Accept"), _format(request.params))


def _answer(site: Site, request: Request, view: View, outcome: Outcome, query: str,
            question: NamedQuery | None = None, values: dict[str, str] | None = None) -> Response:
    """A worker's outcome as the response: the serialised result, or an HTML page, or the error."""
    if isinstance(outcome, Body):
        return Response(outcome.status, outcome.body, outcome.content_type, {"Vary": "Accept"})
    html = not isinstance(outcome, Failure) or _wants_html(request)
    if not html:
        assert isinstance(outcome, Failure)
        headers = {"Retry-After": "5"} if outcome.status == 503 else {}
        return text(outcome.status, outcome.message, **headers)
    status = outcome.status if isinstance(outcome, Failure) else 200
    message = outcome.message if isinstance(outcome, Failure) else ""
    result = _result(site, view, outcome, question)
    template = "named.html" if question else "query.html"
    title = question.name if question else "SPARQL"
    response = site.page(view, template, status, title=title, query=query, result=result, message=message,
                         question=question, values=values or {})
    response.headers["Vary"] = "Accept"
    return response


# The downloads a result page offers: only formats its kind of result has (a SELECT has no Turtle).
_ROW_FORMATS = ("json", "xml", "csv", "tsv")
_GRAPH_FORMATS = ("ttl", "nt", "jsonld", "rdf")


def _result(site: Site, view: View, outcome: Outcome,
            question: NamedQuery | None) -> dict[str, object] | None:
    cell = site.renderer.cell
    if isinstance(outcome, Table):
        columns = visible_columns(question, outcome.variables) if question else outcome.variables
        keep = [outcome.variables.index(c) for c in columns]
        return {"columns": columns, "rows": [[cell(row[i], view) for i in keep] for row in outcome.rows],
                "formats": _ROW_FORMATS}
    if isinstance(outcome, Triples):
        rows = [[cell(t.subject, view), cell(t.predicate, view), cell(t.object, view)]
                for t in outcome.triples]
        return {"columns": ["subject", "predicate", "object"], "rows": rows, "formats": _GRAPH_FORMATS}
    if isinstance(outcome, Boolean):
        return {"boolean": outcome.value, "formats": _ROW_FORMATS}
    return None


def named(site: Site, request: Request, view: View, name: str | None) -> Response:
    questions = named_queries()
    if name is None:
        if _wants_html(request):
            return site.page(view, "named-list.html", title="Named questions",
                             questions=list(questions.values()))
        listing = {q.name: {"answers": q.answers, "params": [
            {"name": p.name, "kind": p.kind, "required": p.required, "description": p.description}
            for p in q.params]} for q in questions.values()}
        return Response(200, json.dumps(listing, indent=2).encode("utf-8"), "application/json")
    question = questions.get(name)
    if question is None:
        return site.not_found(request, view)
    given = {k: request.param(k) for k in request.params if k not in _FORMAT_PARAMS}  # refuses repeats
    values = {k: v for k, v in given.items() if v}
    try:
        substitutions = bind(question, values)
    except ConfigError as exc:
        if _wants_html(request) and not values:  # the form, before anything was asked
            return site.page(view, "named.html", title=name, query=question.text, result=None, message="",
                             question=question, values={})
        outcome: Outcome = Failure(400, str(exc).replace("--param ", ""))
        return _answer(site, request, view, outcome, question.text, question, values)
    job = Protocol(question.text, request.headers.get("Accept"), _format(request.params),
                   substitutions=tuple((v.value, t) for v, t in substitutions.items()), trusted=True)
    return _answer(site, request, view, site.pool.run(job), question.text, question, values)


_EXAMPLE = re.compile(r'"([^"]+)"|(\d{4}-\d{2}-\d{2})')
_WHERE = re.compile(r"^WHERE\s*\{\s*$", re.MULTILINE)


def runnable(question: NamedQuery) -> str:
    """The question's text with its required parameters bound by a VALUES line to the example its
    description gives ("IOM"), so that it runs as it stands in the query box."""
    bound = []
    for param in question.params:
        example = _EXAMPLE.search(param.description.rpartition(":")[2]) if param.required else None
        if example is None:
            continue
        value = example[1] or example[2]
        literal = str(ox.Literal(value, datatype=ox.NamedNode(str(XSD.date)))) if param.kind == "date" \
            else str(ox.Literal(value))
        bound.append(f"  VALUES ?{param.name} {{ {literal} }}")
    match = _WHERE.search(question.text)
    if not bound or match is None:
        return question.text
    return question.text[: match.end()] + "\n" + "\n".join(bound) + question.text[match.end():]
