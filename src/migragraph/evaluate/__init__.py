"""Scoring an extracted graph against hand-written gold files, with the metric of the team's reference
scorer (shared/eval/score.py), so that numbers from here and from there agree.

    score_graph(gold, dataset)        one release's graph against its gold JSON object -> Score
    evaluate(gold_dir, graph_for)     every NAME.json + NAME.txt in a folder -> EvaluationReport
    build_dataset(path)               the graph migragraph builds from a release file, in memory
    render_text(report), render_json(report)
"""

from __future__ import annotations

from migragraph.evaluate.build import build_dataset
from migragraph.evaluate.report import (
    EvaluationReport,
    ReleaseResult,
    TypeRow,
    evaluate,
    render_json,
    render_text,
)
from migragraph.evaluate.score import PrecisionCount, RecallCount, Score, score_graph

__all__ = [
    "EvaluationReport",
    "PrecisionCount",
    "RecallCount",
    "ReleaseResult",
    "Score",
    "TypeRow",
    "build_dataset",
    "evaluate",
    "render_json",
    "render_text",
    "score_graph",
]
