"""Federated queries (SERVICE) are refused unless the server was started with --allow-service.

Oxigraph runs SERVICE for real: it would make this server fetch any URL a client names, from inside
the network it runs in. A substring test is both too strict and too lax: `# no SERVICE here` or
"service" in a string literal would be refused, and SPARQL's codepoint escapes (\\u0053ERVICE, SPARQL
1.1 §19.2) can spell the keyword without its letters. So the check has two steps:

1. lexical: codepoint escapes are expanded, then strings, IRIs and comments are blanked out; a query in
   which no SERVICE keyword is left (nearly all) runs without further ado;
2. grammatical: a query that still has one is parsed with rdflib's SPARQL grammar and its tree
   searched for a ServiceGraphPattern. rdflib rejects a few queries Oxigraph accepts (and its parser
   has state that can reject a valid one after another query); such a query, having the keyword, is
   refused: what cannot be checked is not run.
"""

from __future__ import annotations

import re
from typing import Any

from pyparsing import ParseException, ParseResults

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class RefusedError(Exception):
    """A query this endpoint will not run; `status` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def unescape(text: str) -> str:
    """The query with its \\uXXXX and \\UXXXXXXXX codepoint escapes replaced by the characters."""
    def char(match: re.Match[str]) -> str:
        code = int(match[1] or match[2], 16)
        return chr(code) if code <= 0x10FFFF else match[0]
    return _ESCAPE.sub(char, text)


# Strings (long forms first), IRIs and comments: what may hold the word without being the keyword. An IRI
# cannot swallow a real keyword: what follows SERVICE (a space, <, ?, $, {) cannot stand in an IRI.
_STRINGS = (r'"""(?:[^"\\]|\\.|"(?!""))*"""', r"'''(?:[^'\\]|\\.|'(?!''))*'''",
            r'"(?:[^"\\\n]|\\.)*"', r"'(?:[^'\\\n]|\\.)*'")
_IRI = r'<[^<>"{}|^`\\\x00-\x20]*>'
_OPAQUE = re.compile("|".join((*_STRINGS, _IRI, r"#[^\n]*")), re.DOTALL)
# The keyword, not a variable (?service) or part of a longer name; a prefixed name such as mg:service
# still counts, which only costs a parse.
_KEYWORD = re.compile(r"(?<![\w?$])service(?!\w)", re.IGNORECASE)


def has_service_keyword(query: str) -> bool:
    """Whether SERVICE stands as a keyword in `query` once strings, IRIs and comments are set aside."""
    return bool(_KEYWORD.search(_OPAQUE.sub(" ", unescape(query))))


def uses_service(query: str) -> bool:
    """Whether `query` has a SERVICE clause anywhere; RefusedError if it seems to and cannot be parsed."""
    if not has_service_keyword(query):
        return False
    # rdflib's SPARQL grammar is built on first use (~0.2 s): only for the queries that need it.
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(unescape(query))
    except (ParseException, ValueError, TypeError) as exc:
        raise RefusedError(400, "the query has a SERVICE keyword and could not be parsed to check it "
                           f"(rdflib: {exc}); federated queries are turned off on this endpoint") from None
    return _has_service(tree)


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
    if not allow_service and uses_service(query):
        raise RefusedError(403, "federated queries (SERVICE) are turned off on this endpoint; "
                           "the server's operator can turn them on with `migragraph serve --allow-service`")
