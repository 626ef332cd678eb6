"""Map stage: a release and its extraction -> triples in the public vocabulary."""

from rdflib.term import Node

Triple = tuple[Node, Node, Node]  # what the mapper makes, the store loads and the validator reads
