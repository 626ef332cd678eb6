"""What a query must pass before the store runs it: a bounded nesting depth, and no SERVICE unless allowed.

Oxigraph runs SERVICE for real: it would fetch any URL a client names, from inside the network the
server (or `migragraph query`) runs in. Whether a query has a SERVICE clause is decided on the query as a
SPARQL parser reads it, never on its text: rdflib's SPARQL 1.1 grammar parses it (codepoint escapes
expanded first, as the standard says, §19.2) and the parse tree, the very structure rdflib's algebra is
translated from, is searched for a ServiceGraphPattern, in sub-selects, EXISTS and every nested group
included. A query rdflib cannot parse is refused, not run: what cannot be checked is not trusted (a
query that Oxigraph would take and rdflib not, such as RDF-star syntax, runs only with --allow-service).
Version 0.2.0 blanked strings and comments with regular expressions first, and `ex:a\\#` (an escaped
`#` in a prefixed name) opened a "comment" that hid the SERVICE behind it: there is no such pre-pass now.

Deep nesting is refused before either parser sees it: Oxigraph's parser recurses per bracket and ends
the process (SIGSEGV) at a few thousand; rdflib's runs out of Python stack far sooner. The depth is
counted on tokens, with strings, IRIs and comments skipped, and a query within the limit is parsed in a
thread whose stack holds that depth.
"""

from __future__ import annotations

import gc
import re
import sys
import threading
from typing import Any

from pyparsing import ParseBaseException, ParseResults

# Brackets of any kind: ( ) for expressions, { } for groups, [ ] for blank-node property lists. Real
# queries stay under 20; 64 leaves room and is far from where either parser fails.
MAX_DEPTH = 64
# Parsing one bracket level takes rdflib ~30 Python frames; the thread's stack and the recursion limit
# are sized for MAX_DEPTH with a margin (measured: depth 100 parses in 0.1 s with these; on Python 3.11
# depth 800 of (), {} or [] parses in a 16 MiB stack). The stack counts against a query worker's memory
# limit (migragraph/limits.py) while the thread lives: 256 MiB left a 1 GiB worker no room to parse.
_PARSE_STACK = 32 * 1024 * 1024
_PARSE_RECURSION = 40_000

_TOKENS = re.compile(r"""<[^<>"{}|^`\\\x00-\x20]*>|'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'"""
                     r"""|"(?:[^"\\\n]|\\.)*"|\#[^\n]*|[{(\[]|[})\]]""", re.DOTALL)
_parse_lock = threading.Lock()


class RefusedError(Exception):
    """A query that will not be run; `status` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def nesting_depth(query: str) -> int:
    """The deepest nesting of brackets in `query`, strings, IRIs and comments aside."""
    depth = deepest = 0
    for token in _TOKENS.finditer(query):
        text = token[0]
        if text in "({[":
            depth += 1
            deepest = max(deepest, depth)
        elif text in ")}]":
            depth = max(depth - 1, 0)
    return deepest


def check_depth(query: str) -> None:
    depth = nesting_depth(query)
    if depth > MAX_DEPTH:
        raise RefusedError(400, f"the query nests brackets {depth} deep, more than the {MAX_DEPTH} allowed: "
                           "flatten it (a VALUES block or a UNION instead of nested groups)")


def parse(query: str) -> ParseResults:
    """rdflib's parse tree of `query`; RefusedError (400) naming the line and column where it fails."""
    check_depth(query)
    from rdflib.plugins.sparql.parser import parseQuery  # its grammar is built on first use (~0.2 s)

    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(parseQuery(query))
        except (ParseBaseException, RecursionError, ValueError, TypeError) as exc:
            outcome.append(exc)

    # The recursion limit is the interpreter's, not the thread's. The cycle collector is held while the
    # thread runs: it would otherwise free the caller's objects there, and pyoxigraph's results may only
    # be dropped on the thread that made them.
    with _parse_lock:
        previous_stack, previous_limit = threading.stack_size(_PARSE_STACK), sys.getrecursionlimit()
        sys.setrecursionlimit(_PARSE_RECURSION)
        collecting = gc.isenabled()
        gc.disable()
        try:
            worker = threading.Thread(target=run, name="sparql-check")
            worker.start()
            worker.join()
        finally:
            if collecting:
                gc.enable()
            sys.setrecursionlimit(previous_limit)
            threading.stack_size(previous_stack)
    result = outcome[0] if outcome else RuntimeError("the parser thread ended without an answer")
    if isinstance(result, BaseException):
        raise RefusedError(400, _syntax_message(result, query))
    return result  # type: ignore[no-any-return]


def _syntax_message(exc: BaseException, query: str) -> str:
    if isinstance(exc, ParseBaseException):
        line = " ".join(exc.line.split())
        found = f", at {exc.found}" if getattr(exc, "found", "") else ""
        return (f"the SPARQL query is not valid SPARQL 1.1 at line {exc.lineno}, column {exc.col}{found}"
                + (f" (line {exc.lineno}: {line})" if line else ""))
    return f"the SPARQL query could not be parsed: {type(exc).__name__}: {exc}"


def uses_service(query: str) -> bool:
    """Whether `query` has a SERVICE clause anywhere; RefusedError if it cannot be parsed to tell."""
    return _has_service(parse(query))


def _has_service(node: Any) -> bool:
    """Depth-first search of rdflib's parse tree (CompValues, ParseResults, lists) for a SERVICE."""
    stack = [node]
    while stack:
        item = stack.pop()
        if getattr(item, "name", None) == "ServiceGraphPattern":
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list | tuple | ParseResults):
            stack.extend(list(item))
    return False


def check_query(query: str, allow_service: bool) -> None:
    """Refuse `query` (RefusedError) if it nests too deep, or has a SERVICE clause and none is allowed."""
    if allow_service:
        check_depth(query)
        return
    if uses_service(query):
        raise RefusedError(403, "federated queries (SERVICE) are turned off on this endpoint; "
                           "the server's operator can turn them on with `migragraph serve --allow-service`")
