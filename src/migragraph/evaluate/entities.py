"""Organisations, persons, where organisations sit (hierarchy) and the posts persons hold."""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import URIRef
from rdflib.namespace import ORG
from rdflib.term import Node

from migragraph.evaluate.matching import Gold, Matcher, Tally, names
from migragraph.evaluate.normalise import names_role, norm


def score_entities(m: Matcher, tally: Tally, category: str, gold: Sequence[Gold], cls: URIRef) -> list[str]:
    """One fact per gold entity found by name or alias; returns the labels of the extracted nodes that
    match no gold entity (what lowers precision)."""
    candidates = m.view.typed(cls)
    matched: dict[Node, str] = {}  # node -> the first gold entity it names
    for entity in gold:
        hits = m.find(candidates, names(entity))
        tally.fact(category, bool(hits), entity["name"])
        for node in hits:
            matched.setdefault(node, entity["name"])
    # One true positive per gold entity found: a second node for the same entity is a duplicate, and
    # counts against precision like any other extra node.
    tally.found[category] = (len(set(matched.values())), len(candidates))
    return sorted(m.view.first_label(n) for n in candidates if n not in matched)


def score_hierarchy(m: Matcher, tally: Tally, organisations: Sequence[Gold]) -> None:
    """A gold parent is found when it is reachable from the organisation through any number of
    org:subOrganizationOf / org:unitOf links (DG HOME -> Commission -> EU)."""
    org_nodes = m.view.typed(ORG.Organization)
    for entity in organisations:
        parent = entity.get("parent")
        if not parent:
            continue
        ok = any(_within(m, child, parent) for child in m.find(org_nodes, names(entity)))
        tally.fact("hierarchy", ok, f'{entity["name"]} within {parent}')


def _within(m: Matcher, child: Node, parent: str) -> bool:
    seen: set[Node] = set()
    todo = [child]
    while todo:
        node = todo.pop()
        for predicate in (ORG.subOrganizationOf, ORG.unitOf):
            for above in m.view.objects(node, predicate):
                if above in seen:
                    continue
                seen.add(above)
                if m.org(above, parent):
                    return True
                todo.append(above)
    return False


def score_posts(m: Matcher, tally: Tally, persons: Sequence[Gold]) -> None:
    """A gold post is found when one org:Post node has the holder, the organisation and the role."""
    posts = m.view.typed(ORG.Post)
    right: set[Node] = set()
    for person in persons:
        for post in person.get("posts", []):
            held = [node for node in posts if _is_post(m, node, person["name"], post)]
            right.update(held)
            tally.fact("post", bool(held), f'{person["name"]} {post["role"]} of {post["organisation"]}')
    tally.found["post"] = (len(right), len(posts))


def _is_post(m: Matcher, node: Node, holder: str, post: Gold) -> bool:
    holders = m.view.objects(node, ORG.heldBy) + m.view.subjects(ORG.holds, node)
    if not any(m.person(h, holder) for h in holders):
        return False
    # The gold may accept a less specific organisation (the Commission for one of its DGs).
    accepted = [post["organisation"], *post.get("also_accept_organisation", [])]
    if not any(m.org(o, name) for o in m.view.objects(node, ORG.postIn) for name in accepted):
        return False
    roles = set(m.view.labels(node))
    for role in m.view.objects(node, ORG.role):
        roles |= m.view.labels(role)
    wanted = norm(post["role"])
    return any(names_role(wanted, label) for label in roles)
