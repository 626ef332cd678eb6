"""The graph as the scorer reads it: every graph of a Dataset unioned, plus which nodes count as extracted.

Reference data kept in other named graphs (a gazetteer, the ontology) supplies labels and parents, but a
node only counts as extracted when a release's named graph (one holding a `?r a mg:Release` triple)
speaks of it, as subject or object. A Dataset with no release graph at all counts every typed node.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.namespace import FOAF, SDO, SKOS
from rdflib.term import Node

from migragraph.evaluate.normalise import norm
from migragraph.vocab import MG

# schema.org is also published under http://, which older tools still write; its names count too.
_SDO_HTTP_NAME = URIRef(str(SDO.name).replace("https://", "http://", 1))
LABEL_PREDICATES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, FOAF.name, SDO.name, SDO.alternateName,
                    _SDO_HTTP_NAME)


class GraphView:
    """Read-only queries over the union of a Dataset's graphs."""

    def __init__(self, dataset: Dataset) -> None:
        # A plain Graph holding the union: a Dataset only unions its graphs when built to, and the
        # copy keeps the quads' order, so values are visited in the order the reference scorer sees.
        self.graph = Graph()
        release_graphs = {c for _, _, _, c in dataset.quads((None, RDF.type, MG.Release, None))}
        extracted: set[Node] = set()
        for s, p, o, c in dataset.quads((None, None, None, None)):
            self.graph.add((s, p, o))
            if c in release_graphs:
                extracted.update((s, o))
        self.extracted: set[Node] | None = extracted if release_graphs else None
        self._labels: dict[Node, frozenset[str]] = {}

    def labels(self, node: Node) -> frozenset[str]:
        """The normalised names of `node`, under any of the label predicates."""
        if node not in self._labels:
            self._labels[node] = frozenset(norm(o) for p in LABEL_PREDICATES for o in self.objects(node, p))
        return self._labels[node]

    def first_label(self, node: Node) -> str:
        """A readable name for a report: the first normalised label, else the node itself."""
        return min(self.labels(node), default=str(node))

    def typed(self, *classes: URIRef) -> set[Node]:
        """Nodes asserted to be of one of `classes` (no inference), that a release graph speaks of."""
        found: set[Node] = set()
        for cls in classes:
            found.update(self.graph.subjects(RDF.type, cls))
        return found if self.extracted is None else found & self.extracted

    def objects(self, node: Node, predicate: URIRef) -> list[Node]:
        return list(self.graph.objects(node, predicate))

    def subjects(self, predicate: URIRef, node: Node) -> list[Node]:
        return list(self.graph.subjects(predicate, node))

    def has(self, s: Node, p: URIRef, o: Node) -> bool:
        return (s, p, o) in self.graph


def objects_of(view: GraphView, nodes: Iterable[Node], predicate: URIRef) -> list[Node]:
    """Every object of `predicate` on any of `nodes`, in order."""
    return [o for n in nodes for o in view.objects(n, predicate)]
