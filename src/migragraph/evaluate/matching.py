"""What every scoring family shares: matching graph nodes to gold names, and tallying facts.

A gold file names organisations and persons once, with aliases; elsewhere (a post's organisation, a
meeting's participants) it refers to them by name or alias. A reference is resolved to all the names of
the entity it refers to, so a node labelled "IOM" matches "International Organization for Migration".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rdflib import URIRef
from rdflib.namespace import SDO
from rdflib.term import Node

from migragraph.evaluate.normalise import norm
from migragraph.evaluate.view import GraphView
from migragraph.vocab import MG

Gold = Mapping[str, Any]
# Who takes part in a meeting: its participants, its chairs and its organiser.
_TAKING_PART = (MG.participant, MG.chair, SDO.organizer)


def names(entity: Gold) -> set[str]:
    """The normalised name and aliases of a gold organisation or person."""
    return {norm(entity["name"])} | {norm(a) for a in entity.get("aliases", [])}


def gold_names(name: str, pool: Sequence[Gold]) -> set[str]:
    """All names of the gold entity that `name` refers to: by its name first, else by an alias
    ("IOM"); a name the gold file does not list stands for itself."""
    wanted = norm(name)
    for entity in pool:
        if norm(entity["name"]) == wanted:
            return names(entity)
    for entity in pool:
        if wanted in names(entity):
            return names(entity)
    return {wanted}


class Matcher:
    """Name matching over one graph, against one gold file's organisations and persons."""

    def __init__(self, view: GraphView, organisations: Sequence[Gold], persons: Sequence[Gold]) -> None:
        self.view = view
        self.organisations, self.persons = organisations, persons

    def find(self, candidates: Iterable[Node], wanted: set[str]) -> list[Node]:
        return [n for n in candidates if self.view.labels(n) & wanted]

    def org(self, node: Node, name: str) -> bool:
        return bool(self.view.labels(node) & gold_names(name, self.organisations))

    def person(self, node: Node, name: str) -> bool:
        return bool(self.view.labels(node) & gold_names(name, self.persons))

    def actor(self, node: Node, name: str) -> bool:
        """Organisation or person: meetings and frameworks may have either."""
        return self.org(node, name) or self.person(node, name)

    def any_object(self, nodes: Iterable[Node], predicate: URIRef, name: str) -> bool:
        """Some object of `predicate` on one of `nodes` is the actor `name`."""
        return any(self.actor(o, name) for n in nodes for o in self.view.objects(n, predicate))

    def takes_part(self, meeting: Node, name: str) -> bool:
        return any(self.any_object([meeting], predicate, name) for predicate in _TAKING_PART)


@dataclass
class Tally:
    """Facts found or missed (recall) and nodes right or wrong (precision), in the order scored."""

    facts: dict[str, list[int]] = field(default_factory=dict)  # category -> [hits, total]
    found: dict[str, tuple[int, int]] = field(default_factory=dict)  # type -> (true positives, extracted)
    misses: list[str] = field(default_factory=list)

    def fact(self, category: str, ok: bool, what: str) -> None:
        counts = self.facts.setdefault(category, [0, 0])
        counts[1] += 1
        if ok:
            counts[0] += 1
        else:
            self.misses.append(f"{category}: {what}")
