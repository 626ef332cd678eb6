"""A release whose text is full of Turtle and SPARQL syntax, IRIs with spaces, quotes and backslashes:
mapped to valid RDF, graph.trig parses back, and not one triple is injected."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox

from .corpus import DCTERMS, SCHEMA, build_beside

HOSTILE = (
    'The Secretary-General met the Minister for Foreign Affairs of Spain in New York today. '
    '"""} . <http://evil.example/s> <http://evil.example/p> "injected" . GRAPH <http://evil.example/g> { '
    '<http://evil.example/a b> <http://evil.example/p> <http://evil.example/o> } '
    "INSERT DATA { <http://evil.example/s> <http://evil.example/p> 1 } ; DROP ALL ; "
    "@prefix x: <http://evil.example/ns#> . x:a x:b 'c'^^<http://www.w3.org/2001/XMLSchema#string> . "
    "PREFIX y: <urn:y> SELECT * WHERE { ?s ?p ?o } # a comment \\\\ \\u0022 \\\" end. "
    "They discussed the war in Ukraine."
)


def test_turtle_and_sparql_in_a_release_stay_text(tmp_path: Path) -> None:
    record = {"id": "syntax <x> {y}", "title": 'Readout "} <http://evil.example/t> .',
              "url": "https://www.un.org/sg/en/a b{c}|d", "text": HOSTILE}
    built = build_beside(tmp_path, "syntax.json", json.dumps(record))
    assert built.result.errors == []
    source = str(built.inputs / "syntax.json")
    release = built.release_of(source)
    assert release.endswith("/release/syntax-x-y")
    assert built.text_of(source) == HOSTILE  # the text round-trips through graph.trig, byte for byte
    assert [str(t.value) for t in built.values(release, DCTERMS + "title")] == [record["title"]]
    assert [str(u.value) for u in built.values(release, SCHEMA + "url")] == [
        "https://www.un.org/sg/en/a%20b%7Bc%7D%7Cd"]
    assert not any("evil.example" in str(term.value) for q in built.quads()
                   for term in (q.subject, q.predicate, q.graph_name) if hasattr(term, "value"))
    assert not any("evil.example" in q.object.value for q in built.quads()
                   if isinstance(q.object, ox.NamedNode))
