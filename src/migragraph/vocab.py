"""GENERATED from ontology/migragraph.ttl by tools/gen_vocab.py: do not edit by hand.

`MG` holds every term the ontology defines; a misspelt term raises AttributeError (``_fail = True``).
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class MG(DefinedNamespace):
    _fail = True
    _NS = Namespace("https://w3id.org/migragraph/ns#")

    Candidate: URIRef
    Evidence: URIRef
    Framework: URIRef
    Funding: URIRef
    Link: URIRef
    Meeting: URIRef
    Release: URIRef
    asOf: URIRef
    chair: URIRef
    contentHash: URIRef
    dateline: URIRef
    endOffset: URIRef
    evidence: URIRef
    framework: URIRef
    inRelease: URIRef
    joins: URIRef
    mentions: URIRef
    nameKey: URIRef
    ordinal: URIRef
    participant: URIRef
    party: URIRef
    qualifier: URIRef
    recipient: URIRef
    rule: URIRef
    score: URIRef
    sentence: URIRef
    sourceRecord: URIRef
    startOffset: URIRef
    year: URIRef
