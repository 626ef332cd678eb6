"""Generate src/migragraph/vocab.py from ontology/migragraph.ttl.

usage: python tools/gen_vocab.py [--check]

With --check, exit 1 when vocab.py is not what the ontology gives (tests run this too).
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import OWL, RDF, Graph, URIRef

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "migragraph.ttl"
TARGET = ROOT / "src" / "migragraph" / "vocab.py"
NS = "https://w3id.org/migragraph/ns#"

HEADER = '''"""GENERATED from ontology/migragraph.ttl by tools/gen_vocab.py: do not edit by hand.

`MG` holds every term the ontology defines; a misspelt term raises AttributeError (``_fail = True``).
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class MG(DefinedNamespace):
    _fail = True
    _NS = Namespace("{ns}")

'''


def render() -> str:
    g = Graph().parse(ONTOLOGY)
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    terms = sorted(
        str(s)[len(NS):]
        for k in kinds
        for s in g.subjects(RDF.type, k)
        if isinstance(s, URIRef) and str(s).startswith(NS)
    )
    lines = [HEADER.format(ns=NS)]
    lines += [f"    {t}: URIRef\n" for t in terms]
    return "".join(lines)


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        if TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET} is stale: run python tools/gen_vocab.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
