"""Extraction quality on the gold releases, by set and by fold, for each extractor.

usage: python benchmarks/bench_extract_quality.py [GOLD_DIR] [--extractor rules|hybrid ...] [--json FILE]
                                                  [--folds F1,F2] [--releases]

Each gold release is built alone and scored as ../shared/eval/score.py scores it (migragraph.evaluate
agrees with it; tests/test_evaluate.py checks that). The 79 gold files fall in three sets: the 13 the
first rules were written against, the 26 kept apart until version 0.2.0, the 40 annotated after it
(../shared/data/gold/README.md). The 66 of the last two are split into three folds by the SHA-256 of
their names (a split no one chose): development reads the misses of some folds and only the scores of
the others, and the spread between folds is the honest estimate of what unseen text gives.

Prints, per extractor: mean and lowest F1 per set and per fold, the fold-to-fold spread, and the
per-kind precision and recall over all 79 (and, with --folds, over those folds only).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
from pathlib import Path

from migragraph.evaluate.build import build_dataset
from migragraph.evaluate.report import EvaluationReport, ReleaseResult, evaluate, render_text

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "gold"
# The first table of ../shared/data/gold/README.md: what the rules of 0.1/0.2 were written against.
FIRST_13 = frozenset({
    "iom-eu-senior-officials-2025", "pg-0dc4264a2199", "pg-310b1b52ff94", "pg-3c1b4d3ff7e8",
    "pg-42c937129e2f", "pg-5cb3489d2fc3", "pg-69fe96df7a37", "pg-8c17284c808d", "pg-a2ff94a1ac4a",
    "pg-cfcaa668fa62", "pg-db40de014213", "pg-ddc71c47cd0c", "pg-e1106f6b8feb"})
FOLDS = 3


def set_of(name: str) -> str:
    if name in FIRST_13:
        return "first 13"
    return "second 26" if name.startswith("pg-") else "third 40"


def folds(names: list[str]) -> dict[str, list[str]]:
    """The 66 releases beyond the first 13, in three folds by the SHA-256 of their names."""
    rest = sorted((n for n in names if n not in FIRST_13),
                  key=lambda n: hashlib.sha256(n.encode()).hexdigest())
    return {f"F{i + 1}": sorted(rest[i::FOLDS]) for i in range(FOLDS)}


def summary(results: list[ReleaseResult]) -> str:
    f1 = [r.score.f1 for r in results]
    return f"mean {statistics.mean(f1):.3f}  lowest {min(f1):.3f}  ({len(f1)})" if f1 else "-"


def report(gold: Path, extractor: str, chosen: list[str], per_release: bool) -> dict[str, object]:
    result = evaluate(gold, lambda text: build_dataset(text, extractor=extractor))
    by_name = {r.name: r for r in result.releases}
    print(f"== extractor: {extractor}")
    if per_release:
        for r in result.releases:
            print(f"  {r.name:32s} {set_of(r.name):10s} f1 {r.score.f1:.3f}"
                  f"  p {r.score.precision:.3f}  r {r.score.recall:.3f}")
    groups: dict[str, list[ReleaseResult]] = {}
    for r in result.releases:
        groups.setdefault(set_of(r.name), []).append(r)
    for name in ("first 13", "second 26", "third 40"):
        print(f"  {name:10s} {summary(groups.get(name, []))}")
    split = folds(list(by_name))
    means = {}
    for fold, names in split.items():
        means[fold] = statistics.mean(by_name[n].score.f1 for n in names)
        print(f"  fold {fold:5s} {summary([by_name[n] for n in names])}")
    print(f"  fold spread {max(means.values()) - min(means.values()):.3f}")
    print(f"  all        {summary(result.releases)}")
    picked = [by_name[n] for f in chosen for n in split[f]]
    table = EvaluationReport(picked if chosen else result.releases)
    print("\n".join("  " + line for line in render_text(table).splitlines() if not line.startswith(
        tuple(by_name))))
    return {"extractor": extractor, "mean_f1": result.mean_f1, "min_f1": result.min_f1, "folds": means,
            "sets": {k: statistics.mean(r.score.f1 for r in v) for k, v in groups.items()},
            "releases": {r.name: r.score.f1 for r in result.releases}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD)
    parser.add_argument("--extractor", action="append", choices=("rules", "hybrid"))
    parser.add_argument("--folds", default="", help="per-kind table over these folds only, e.g. F1")
    parser.add_argument("--releases", action="store_true", help="one line a release")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not args.gold.is_dir():
        sys.exit(f"no gold folder at {args.gold}")
    chosen = [f for f in args.folds.split(",") if f]
    out = [report(args.gold, e, chosen, args.releases) for e in (args.extractor or ["rules", "hybrid"])]
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
