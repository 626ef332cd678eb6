"""SPARQL as text: syntax errors a researcher can act on, and parameters for endpoints that cannot bind.

Oxigraph binds a named question's parameters as RDF terms (`substitutions`, which replace the variable
wherever it occurs); a SPARQL 1.1 endpoint has no such thing. For an endpoint each group of the query
opens with a VALUES block binding them (`bind_values`), with the terms serialised by oxigraph's own
N-Triples writer (quotes, backslashes and line breaks escaped), so a hostile value stays one literal.
The text is read token by token, so braces inside a string, an IRI or a comment are left alone. The
endpoint tests check that every shipped question gives the same rows both ways.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from migragraph.errors import StoreError
from migragraph.store.terms import union_of

Substitutions = dict[ox.Variable, ox.NamedNode | ox.Literal]

_ERROR_AT = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)
_MAX_EXPECTED = 120
# The tokens that matter to binding parameters, and those that must be skipped whole because they may
# hold anything: IRIs, strings and comments (in the order SPARQL's lexer prefers them; '<' alone is the
# less-than operator). Keywords are not part of a prefixed name or a variable.
_LEXER = re.compile(r"""<[^<>"{}|^`\\\x00-\x20]*>|'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'"""
                    r"""|"(?:[^"\\\n]|\\.)*"|\#[^\n]*|[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+|[{}()]"""
                    r"""|(?<![?$:\w])(?:CONSTRUCT|SELECT|VALUES|AS)(?![\w:-])""",
                    re.DOTALL | re.IGNORECASE)


def syntax_error(exc: SyntaxError, text: str, what: str = "SPARQL query") -> StoreError:
    """One line naming the line and column oxigraph reports, and the query line found there."""
    message = str(exc)
    match = _ERROR_AT.match(message)
    if not match:
        return StoreError(f"the {what} is not valid: {' '.join(message.split())}")
    line, column, detail = int(match[1]), int(match[2]), " ".join(match[3].split())
    if "Prefix not found" in detail:
        detail = ("unknown prefix: declare it with PREFIX (mg:, org:, foaf:, schema:, skos:, dcterms:, "
                  "prov:, owl:, rdf:, rdfs:, xsd: need none)")
    elif len(detail) > _MAX_EXPECTED:
        detail = detail[:_MAX_EXPECTED].rsplit(" ", 1)[0] + " …"
    lines = text.splitlines()
    shown = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return StoreError(f"the {what} is not valid at line {line}, column {column}: {detail}"
                      + (f" (line {line}: {shown})" if shown else ""))


def prologue(prefixes: dict[str, str]) -> str:
    """PREFIX lines for an endpoint, which knows none of migragraph's predeclared prefixes."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in sorted(prefixes.items()))


def bind_values(query: str, substitutions: Substitutions) -> str:
    """`query` with its parameters bound in every group pattern: `VALUES (?a ?b) { (TERM TERM) }` opens
    each `{ }` of the WHERE clause, its sub-selects, UNION branches, OPTIONAL and EXISTS groups.

    Evaluated bottom-up, every group then sees the parameter bound to the same term, wherever the query
    uses it (a filter in a sub-select or a UNION branch included), and a query that projects or groups by
    it still does: the rows are those of oxigraph's substitution, which replaces the variable by the
    term everywhere. Writing the term into the text instead would break queries that project the
    parameter from a sub-select (a SELECT may not rebind a variable in scope). One difference remains:
    a MINUS group then shares the parameter with the rest, so a MINUS that shared no variable before
    removes rows; no shipped question uses MINUS."""
    if not substitutions:
        return query
    params = sorted(v.value for v in substitutions)
    terms = {v.value: str(term) for v, term in substitutions.items()}
    block = f" VALUES ({' '.join(f'?{p}' for p in params)}) {{ ({' '.join(terms[p] for p in params)}) }}"
    pieces: list[str] = []
    last, depth, previous = 0, 0, ""
    template_next, template_depth, data_next = False, -1, False
    group_at = -1  # just after a brace that opens a group, until the next token says it is no sub-select
    for token in _LEXER.finditer(query):
        text, word = token[0], token[0].upper()
        if text.startswith("#"):
            continue
        if group_at >= 0 and word != "SELECT":  # `{ SELECT ... }` is a sub-select: it has its own group
            pieces.append(query[last:group_at] + block)
            last = group_at
        group_at = -1
        if text[:1] in "?$" and text[1:] in terms and (previous == "AS" or data_next):
            raise StoreError(f"the query binds ?{text[1:]} itself, so it cannot be a parameter")
        if word == "CONSTRUCT" and depth == 0:
            template_next = True  # the next brace opens the template: triples, not a group
        elif word == "VALUES":
            data_next = True  # the next brace opens rows of data
        elif word == "{":
            if not (template_next or data_next or template_depth >= 0):
                group_at = token.end()
            if template_next:
                template_depth, template_next = depth, False
            data_next = False
            depth += 1
        elif word == "}":
            depth -= 1
            if depth == template_depth:
                template_depth = -1
        previous = word
    pieces.append(query[last:])
    return "".join(pieces)


def insert_data(quads: list[ox.Quad]) -> str:
    """The body of an INSERT DATA: default-graph triples, then one GRAPH block a named graph."""
    by_graph: dict[str, list[ox.Triple]] = {}
    for q in quads:
        key = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
        by_graph.setdefault(key, []).append(ox.Triple(q.subject, q.predicate, q.object))
    parts = []
    for graph, triples in by_graph.items():
        body = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
        parts.append(body if not graph else f"GRAPH {graph} {{\n{body}}}\n")
    return "".join(parts)


def drop_graph(graph: str) -> str:
    """SPARQL that drops a named graph and the triples of the union that only it stated."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{graph}>) }} }} ;\n"
            f"DROP SILENT GRAPH <{graph}>")


def replace_in_graph(graph: str, gone: list[ox.Quad], new: list[ox.Quad]) -> str:
    """SPARQL that takes `gone` out of the named graph `graph` (and out of the union, unless another graph
    states it) and puts `new` in both; '' when neither holds anything. No blank nodes (DELETE DATA)."""
    parts = []
    if gone:
        parts.append(f"DELETE DATA {{\n{insert_data(gone)}}}")
    if new:
        parts.append(f"INSERT DATA {{\n{insert_data(new + union_of(new))}}}")
    if gone:
        rows = "".join(f"({q.subject} {q.predicate} {q.object})\n" for q in gone)
        parts.append(f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{\n{rows}}} ?s ?p ?o "
                     "FILTER NOT EXISTS { GRAPH ?other { ?s ?p ?o } } }")
    return " ;\n".join(parts)


# Triples of the default graph that no named graph states: none, unless a load was cut short.
DROP_ORPHANS = "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"
