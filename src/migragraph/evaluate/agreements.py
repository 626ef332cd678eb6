"""Frameworks and agreements, and funding flows."""

from __future__ import annotations

from collections.abc import Sequence

from rdflib.namespace import DCTERMS, SDO
from rdflib.term import Node

from migragraph.evaluate.matching import Gold, Matcher, Tally
from migragraph.evaluate.normalise import overlaps, tokens
from migragraph.evaluate.view import objects_of
from migragraph.vocab import MG

# An amount within 1% of the gold one is the same flow ("over EUR 590 million" for 590,000,000).
AMOUNT_TOLERANCE = 0.01


def score_frameworks(m: Matcher, tally: Tally, frameworks: Sequence[Gold]) -> None:
    nodes = m.view.typed(MG.Framework)
    right: set[Node] = set()
    for framework in frameworks:
        found = _find_framework(m, nodes, framework)
        tally.fact("framework", bool(found), framework["name"])
        right.update(found)
        for party in framework.get("parties", []):
            tally.fact("framework-detail", m.any_object(found, MG.party, party),
                       f'{framework["name"]} party {party}')
        established = framework.get("established")
        if established:
            tally.fact("framework-detail", _dated(m, found, established),
                       f'{framework["name"]} established {established}')
    tally.found["framework"] = (len(right), len(nodes))


def _find_framework(m: Matcher, nodes: set[Node], framework: Gold) -> list[Node]:
    """By name (one label holding 60% of the words of the name or of an alias); failing that, by all
    its parties (two at least, so that a one-party framework is never found by its party alone) and
    the date it was established, where the gold gives one."""
    wanted = [tokens(x) for x in [framework["name"], *framework.get("aliases", [])]]
    by_name = [n for n in nodes
               if any(overlaps(w, set(label.split())) for label in m.view.labels(n) for w in wanted)]
    if by_name:
        return by_name
    parties = framework.get("parties", [])
    established = framework.get("established")
    return [n for n in nodes
            if len(parties) >= 2 and all(m.any_object([n], MG.party, p) for p in parties)
            and (not established or _dated(m, [n], established))]


def _dated(m: Matcher, nodes: list[Node], established: str) -> bool:
    """dcterms:created starts with the gold date, at the gold's precision ("2012-07" for 2012-07-01)."""
    return any(str(o).startswith(established) for o in objects_of(m.view, nodes, DCTERMS.created))


def score_funding(m: Matcher, tally: Tally, funding: Sequence[Gold]) -> None:
    nodes = m.view.typed(MG.Funding)
    right: set[Node] = set()
    for flow in funding:
        found = [n for n in nodes if _is_flow(m, n, flow)]
        tally.fact("funding", bool(found), f'{flow["donor"]} -> {flow["recipient"]} {flow["amount"]}')
        right.update(found)
        if found:
            _funding_details(m, tally, flow, found)
    tally.found["funding"] = (len(right), len(nodes))


def _is_flow(m: Matcher, node: Node, flow: Gold) -> bool:
    """Same donor, same recipient (or an accepted alternative) and the amount within 1%."""
    donors = [flow["donor"], *flow.get("also_accept_donor", [])]
    recipients = [flow["recipient"], *flow.get("also_accept_recipient", [])]
    if not any(m.org(o, d) for o in m.view.objects(node, SDO.funder) for d in donors):
        return False
    if not any(m.org(o, r) for o in m.view.objects(node, MG.recipient) for r in recipients):
        return False
    values = objects_of(m.view, m.view.objects(node, SDO.amount), SDO.value)
    return _amount_matches(values, flow["amount"])


def _amount_matches(values: list[Node], amount: float) -> bool:
    # Values are read in graph order and the first non-number stops the search, as the reference does:
    # a value that is not a number makes the node no match unless an earlier value already matched.
    try:
        return any(abs(float(str(v)) - amount) <= AMOUNT_TOLERANCE * amount for v in values)
    except ValueError:
        return False


def _funding_details(m: Matcher, tally: Tally, flow: Gold, found: list[Node]) -> None:
    amounts = objects_of(m.view, found, SDO.amount)
    currencies = objects_of(m.view, amounts, SDO.currency)
    tally.fact("funding-detail", any(str(c).upper() == flow["currency"] for c in currencies), "currency")
    if flow.get("year"):
        years = objects_of(m.view, found, MG.year)
        tally.fact("funding-detail", any(str(y)[:4] == str(flow["year"]) for y in years), "year")
