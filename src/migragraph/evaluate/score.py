"""One release's graph scored against its gold file: recall over the facts the gold states, precision
over the entities the graph asserts, and their harmonic mean.

The metric is the team's reference scorer's (shared/eval/score.py), rule for rule and rounding for
rounding, so numbers from `migragraph.evaluate` and from that script can be compared directly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from rdflib import Dataset
from rdflib.namespace import FOAF, ORG

from migragraph.evaluate.agreements import score_frameworks, score_funding
from migragraph.evaluate.entities import score_entities, score_hierarchy, score_posts
from migragraph.evaluate.matching import Matcher, Tally
from migragraph.evaluate.meetings import score_meetings
from migragraph.evaluate.release import score_release
from migragraph.evaluate.view import GraphView

# Digits kept in precision, recall and F1, as the reference scorer rounds them.
DIGITS = 3


class RecallCount(NamedTuple):
    """Gold facts of one category: how many the graph has, of how many."""

    hits: int
    total: int


class PrecisionCount(NamedTuple):
    """Extracted nodes of one type: how many are right, of how many."""

    tp: int
    extracted: int


@dataclass(frozen=True)
class Score:
    """The score of one graph against one gold file.

    `facts` has a category only if the gold states at least one fact of it; `precision_by_type` has
    every type (organisation, person, post, meeting, framework, funding), 0 of 0 when none was extracted.
    """

    precision: float
    recall: float
    f1: float
    facts: dict[str, RecallCount] = field(default_factory=dict)
    precision_by_type: dict[str, PrecisionCount] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    extra_organisations: list[str] = field(default_factory=list)
    extra_persons: list[str] = field(default_factory=list)

    @classmethod
    def from_counts(cls, facts: dict[str, RecallCount], precision_by_type: dict[str, PrecisionCount],
                    misses: list[str], extra_organisations: list[str], extra_persons: list[str]) -> Score:
        """Micro-averaged over all categories: every fact and every extracted node weighs the same."""
        hits = sum(c.hits for c in facts.values())
        total = sum(c.total for c in facts.values())
        tp = sum(c.tp for c in precision_by_type.values())
        extracted = sum(c.extracted for c in precision_by_type.values())
        recall = hits / total if total else 0.0
        precision = tp / extracted if extracted else 0.0
        # F1 from the unrounded values, then rounded, as the reference does.
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(round(precision, DIGITS), round(recall, DIGITS), round(f1, DIGITS), facts,
                   precision_by_type, misses, extra_organisations, extra_persons)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, with the keys and shapes of the reference scorer's summary (counts as
        two-item lists); extra_orgs and extra_persons are sorted labels."""
        return {"recall": self.recall, "precision": self.precision, "f1": self.f1,
                "facts": {k: list(v) for k, v in self.facts.items()},
                "precision_by_type": {k: list(v) for k, v in self.precision_by_type.items()},
                "misses": list(self.misses), "extra_orgs": list(self.extra_organisations),
                "extra_persons": list(self.extra_persons)}


def score_graph(gold: Mapping[str, Any], dataset: Dataset) -> Score:
    """Score the graph in `dataset` (all its graphs unioned) against one gold file's JSON object."""
    organisations, persons = gold.get("organisations", []), gold.get("persons", [])
    m = Matcher(GraphView(dataset), organisations, persons)
    tally = Tally()
    # The order of the families fixes the order of the misses and of the categories.
    extra_organisations = score_entities(m, tally, "organisation", organisations, ORG.Organization)
    extra_persons = score_entities(m, tally, "person", persons, FOAF.Person)
    score_hierarchy(m, tally, organisations)
    score_posts(m, tally, persons)
    score_meetings(m, tally, gold.get("meetings", []))
    score_frameworks(m, tally, gold.get("frameworks", []))
    score_funding(m, tally, gold.get("funding", []))
    score_release(m, tally, gold.get("release"))
    return Score.from_counts(
        {k: RecallCount(*v) for k, v in tally.facts.items()},
        {k: PrecisionCount(*v) for k, v in tally.found.items()},
        misses=tally.misses, extra_organisations=extra_organisations, extra_persons=extra_persons)
