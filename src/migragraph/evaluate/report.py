"""Every gold release scored: one line a release, a per-type table summed over them, mean and min F1.

    GOLD_DIR/NAME.json   the gold file (shared/eval/ANNOTATION.md)
    GOLD_DIR/NAME.txt    the release text it was written from; a gold file without one is skipped
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Dataset

from migragraph.errors import ConfigError
from migragraph.evaluate.score import DIGITS, Score, score_graph

GraphFor = Callable[[Path], Dataset]

# The categories in the order the scorer meets them; the ones with a type also have a precision.
CATEGORIES = ("organisation", "person", "hierarchy", "post", "meeting", "meeting-detail", "framework",
              "framework-detail", "funding", "funding-detail", "release")


@dataclass(frozen=True)
class ReleaseResult:
    """One gold release: its score, and why it has no graph if building it failed."""

    name: str
    score: Score
    error: str | None = None


@dataclass(frozen=True)
class TypeRow:
    """One category summed over releases: recall always, precision only for entity types."""

    name: str
    hits: int
    total: int
    tp: int
    extracted: int
    has_precision: bool

    @property
    def recall(self) -> float | None:
        return self.hits / self.total if self.total else None

    @property
    def precision(self) -> float | None:
        return self.tp / self.extracted if self.has_precision and self.extracted else None


@dataclass(frozen=True)
class EvaluationReport:
    releases: list[ReleaseResult]

    @property
    def mean_f1(self) -> float:
        """The mean of the releases' (rounded) F1, as shared/eval/run_gold.py computes it."""
        return statistics.mean(r.score.f1 for r in self.releases) if self.releases else 0.0

    @property
    def min_f1(self) -> float:
        return min((r.score.f1 for r in self.releases), default=0.0)

    def by_type(self) -> list[TypeRow]:
        """Counts summed over releases (micro-averaged), for the categories with a gold fact or an
        extracted node in some release."""
        rows = []
        for name in CATEGORIES:
            facts = [r.score.facts[name] for r in self.releases if name in r.score.facts]
            found = [r.score.precision_by_type[name] for r in self.releases
                     if name in r.score.precision_by_type]
            row = TypeRow(name, sum(f.hits for f in facts), sum(f.total for f in facts),
                          sum(f.tp for f in found), sum(f.extracted for f in found), bool(found))
            if row.total or row.extracted:
                rows.append(row)
        return rows


def evaluate(gold_dir: Path, graph_for: GraphFor) -> EvaluationReport:
    """Score `graph_for(NAME.txt)` against NAME.json for every gold file in `gold_dir`, in name order.

    A release whose graph cannot be built scores against an empty graph (every fact missed, F1 0, as
    run_gold.py scores it) and keeps the error, so one failure does not hide the other releases.
    """
    if not gold_dir.is_dir():
        raise ConfigError(f"gold folder {gold_dir} not found: give the folder holding NAME.json + NAME.txt")
    results = []
    for gold_file in sorted(gold_dir.glob("*.json")):
        text = gold_file.with_suffix(".txt")
        if text.exists():
            dataset, error = _graph_or_error(graph_for, text)
            results.append(ReleaseResult(gold_file.stem, score_graph(_read_gold(gold_file), dataset), error))
    return EvaluationReport(results)


def _read_gold(path: Path) -> dict[str, Any]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"gold file {path} cannot be read: {exc}") from None
    if not isinstance(gold, dict):
        raise ConfigError(f"gold file {path} must hold one JSON object (see shared/eval/ANNOTATION.md)")
    return gold


def _graph_or_error(graph_for: GraphFor, text: Path) -> tuple[Dataset, str | None]:
    try:
        return graph_for(text), None
    except Exception as exc:  # an extractor can fail in ways of its own; score the rest regardless
        return Dataset(), f"{type(exc).__name__}: {exc}"


def render_text(report: EvaluationReport) -> str:
    """One line a release, the per-type table, then mean and min F1."""
    lines = []
    for r in report.releases:
        s = r.score
        lines.append(f"{r.name:45s} f1 {s.f1:.3f}  p {s.precision:.3f}  r {s.recall:.3f}")
        if r.error:
            lines.append(f"    no graph: {r.error}")
    lines.append("")
    lines.append(f"{'type':17s} {'precision':17s} recall")
    for row in report.by_type():
        precision = _ratio(row.precision, row.tp, row.extracted) if row.has_precision else "-"
        lines.append(f"{row.name:17s} {precision:17s} {_ratio(row.recall, row.hits, row.total)}")
    lines.append("")
    lines.append(f"mean f1 {report.mean_f1:.3f} over {len(report.releases)} releases "
                 f"(min {report.min_f1:.3f})")
    return "\n".join(lines) + "\n"


def _ratio(value: float | None, part: int, whole: int) -> str:
    return f"{'-' if value is None else f'{value:.3f}'} ({part}/{whole})"


def render_json(report: EvaluationReport) -> dict[str, Any]:
    """JSON-ready: mean and min F1 and each release's score, with the keys of run_gold.py --json,
    plus the per-type table under "by_type"."""
    releases = {}
    for r in report.releases:
        releases[r.name] = r.score.to_dict() | ({"error": r.error} if r.error else {})
    by_type = {row.name: {"precision": _rounded(row.precision), "tp": row.tp, "extracted": row.extracted,
                          "recall": _rounded(row.recall), "hits": row.hits, "total": row.total}
               for row in report.by_type()}
    return {"mean_f1": round(report.mean_f1, DIGITS), "min_f1": report.min_f1, "releases": releases,
            "by_type": by_type}


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, DIGITS)
