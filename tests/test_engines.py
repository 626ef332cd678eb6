"""The two SHACL engines (validate/engines.py) give the same report: on every shape test graph, and on
a corpus of real release graphs broken in thousands of places (triples dropped, literals and links
replaced), the results agree in focus node, path, constraint component, severity, shape and value."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef

from migragraph.extract.extractor import extract
from migragraph.ingest.sources import record_release
from migragraph.map.iris import IriMinter
from migragraph.map.mapper import map_release
from migragraph.validate.crossrelease import cross_release
from migragraph.validate.engines import PyshaclEngine, ShaclEngine, Violation, engine
from migragraph.validate.shacl import load_shapes, ntriples_of

from .conftest import SHAPES
from .corpus import records

Key = tuple[str, str | None, str, str, str, str | None]


def _keys(violations: list[Violation]) -> Counter[Key]:
    return Counter((v.focus, v.path, v.constraint, v.severity, v.shape, v.value) for v in violations)


def _both(graph: Graph, shapes: Graph | None = None) -> tuple[Counter[Key], Counter[Key], bool, bool]:
    shapes = shapes if shapes is not None else load_shapes()
    text = ntriples_of(graph)
    fast_ok, fast = ShaclEngine(shapes).validate(text)
    ref_ok, ref = PyshaclEngine(shapes).validate(text)
    return _keys(fast), _keys(ref), fast_ok, ref_ok


@pytest.mark.parametrize("path", sorted(SHAPES.glob("*.ttl")), ids=lambda p: p.stem)
def test_both_engines_agree_on_every_shape_test_graph(path: Path) -> None:
    fast, ref, fast_ok, ref_ok = _both(Graph().parse(path, format="turtle"))
    assert fast == ref and fast_ok == ref_ok
    assert (path.stem == "conforms") == fast_ok == (not fast)
    if path.stem != "conforms":  # the constraint the file is named for is among them
        assert path.stem.split("--")[1] in {key[2] for key in fast}


@cache
def _release_graphs() -> tuple[Graph, ...]:
    minter = IriMinter()
    graphs = []
    for index, record in enumerate(records(80, seed=3)):
        release = record_release(record, f"synthetic:{index}", f"synthetic-{index}")
        graphs.append(map_release(release, extract(release), minter, "test"))
    return tuple(graphs)


def _broken(every: int) -> Graph:
    """The union of the release graphs, with every `every`-th triple dropped, every `every`-th literal
    replaced by a plain string (breaks datatypes, patterns, ranges, orders) and every `every`-th link
    to another node pointed at an untyped node (breaks sh:class and sh:or)."""
    union = Graph()
    for graph in _release_graphs():
        union += graph
    broken = Graph()
    for n, (s, p, o) in enumerate(sorted(union)):
        if n % every == 0:
            continue
        if n % every == 1 and isinstance(o, Literal):
            o = Literal("x")
        elif n % every == 2 and isinstance(o, URIRef) and p != RDF.type:
            o = URIRef("https://example.org/nothing-known")
        broken.add((s, p, o))
    return broken


@pytest.mark.parametrize("every", [5, 11, 37])
def test_both_engines_agree_on_graphs_broken_in_many_places(every: int) -> None:
    fast, ref, fast_ok, ref_ok = _both(_broken(every))
    assert not fast_ok and not ref_ok
    assert sum(fast.values()) >= 100  # a corpus that really is broken, in many ways
    assert len({key[2] for key in fast}) >= 6
    assert fast == ref


def test_both_engines_agree_on_the_cross_release_constraints() -> None:
    shapes = cross_release(load_shapes()).shapes
    fast, ref, _, _ = _both(_broken(3), shapes)
    assert fast == ref


def test_a_result_without_a_message_gets_one_naming_the_constraint() -> None:
    graph = Graph().parse(SHAPES / "PersonShape--MinCountConstraintComponent.ttl", format="turtle")
    _, found = engine("shacl", load_shapes()).validate(ntriples_of(graph))
    assert [v.message for v in found] == ["breaks sh:minCount"]
    assert [replace(v, message="") for v in found] == [
        replace(v, message="") for v in engine("pyshacl", load_shapes()).validate(ntriples_of(graph))[1]]


def test_an_unknown_engine_is_refused() -> None:
    from migragraph.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown SHACL engine 'fast'; use one of: shacl, pyshacl"):
        engine("fast", load_shapes())
