"""The library of named questions: queries/*.rq, each opening with comments that say what it answers
and which parameters it takes.

    # answers: Which officials speak for an organisation, …
    # param: org (name, required) the organisation's name or acronym: "IOM"

Parameters are bound as RDF terms (SPARQL substitution of the query's variables, RDF-dev SEP-0007),
never pasted into the query text, so a value such as `"} ; DROP ALL` is only ever a string to compare
with. Oxigraph substitutes only projected variables, so every query projects its parameters; the
columns are constant and `visible_columns` leaves them out of what users see. A `name` parameter is
bound folded (map/keys.py), to be matched against mg:nameKey.

Oxigraph binds substituted variables when the query runs, after it has planned the query as if they
were free: so each question starts from its parameters in a pattern of one predicate (a union or a
path of alternatives there is planned as a scan of every entity), and reads details through
OPTIONALs, which it evaluates from each row (queries/*.rq say where this matters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pyoxigraph as ox

from migragraph.errors import ConfigError
from migragraph.map.keys import name_key
from migragraph.resources import data_dir

_PARAM = re.compile(
    r"^#\s*param:\s*(\w+)\s*\((literal|name|date|iri|integer),\s*(required|optional)\)\s*(.*)$")
_XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # literal, name (bound as its mg:nameKey, map/keys.py), date, iri, integer
    required: bool
    description: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    answers: str
    params: tuple[Param, ...]
    text: str


def _parse(name: str, text: str) -> NamedQuery | None:
    answers: list[str] = []
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if m := _PARAM.match(line):
            params.append(Param(m[1], m[2], m[3] == "required", m[4].strip()))
        elif line.startswith("# answers:"):
            answers.append(line.removeprefix("# answers:").strip())
        elif answers and not params:
            answers.append(line.lstrip("# ").strip())
    if not answers:
        return None  # an internal query (graph.html's, the summary's), not a question for users
    return NamedQuery(name, " ".join(answers), tuple(params), text)


def named_queries() -> dict[str, NamedQuery]:
    """Every shipped question, by name (the file name without .rq)."""
    out: dict[str, NamedQuery] = {}
    for path in sorted(data_dir("queries").glob("*.rq")):
        query = _parse(path.stem, path.read_text(encoding="utf-8"))
        if query:
            out[query.name] = query
    return out


def get(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise ConfigError(f"no named query {name!r}; known: {', '.join(queries)} "
                          "(see `migragraph query --list`)")
    return queries[name]


def bind(query: NamedQuery, values: dict[str, str]) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    """The substitutions for `values` (parameter name -> text as the user gave it), checked and typed."""
    known = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(known))
    if unknown:
        allowed = ", ".join(known) or "none"
        raise ConfigError(f"query {query.name!r} has no parameter {', '.join(unknown)}; "
                          f"its parameters: {allowed}")
    missing = [p.name for p in query.params if p.required and p.name not in values]
    if missing:
        need = known[missing[0]]
        raise ConfigError(f"query {query.name!r} needs --param {need.name}=…: {need.description}")
    return {ox.Variable(name): _term(known[name], value) for name, value in sorted(values.items())}


def _term(param: Param, value: str) -> ox.NamedNode | ox.Literal:
    if param.kind == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ConfigError(f"--param {param.name}={value!r} is not a date (YYYY-MM-DD)") from None
        return ox.Literal(value, datatype=ox.NamedNode(_XSD + "date"))
    if param.kind == "integer":
        if not re.fullmatch(r"-?\d+", value):
            raise ConfigError(f"--param {param.name}={value!r} is not an integer")
        return ox.Literal(value, datatype=ox.NamedNode(_XSD + "integer"))
    if param.kind == "iri":
        try:
            return ox.NamedNode(value)
        except ValueError as exc:
            raise ConfigError(f"--param {param.name}={value!r} is not an IRI: {exc}") from None
    if param.kind == "name":  # matched against mg:nameKey: folded as the keys are
        return ox.Literal(name_key(value))
    return ox.Literal(value)


def visible_columns(query: NamedQuery, columns: list[str]) -> list[str]:
    """The result columns worth showing: all but the query's own parameters."""
    params = {p.name for p in query.params}
    return [c for c in columns if c not in params]


def describe_named() -> str:
    """`migragraph query --list`: each question, what it answers, and its parameters."""
    lines: list[str] = []
    for q in named_queries().values():
        lines.append(f"{q.name}\n    {q.answers}")
        for p in q.params:
            need = "required" if p.required else "optional"
            lines.append(f"    --param {p.name}=…  ({p.kind}, {need}) {p.description}")
        lines.append("")
    return "\n".join(lines)
