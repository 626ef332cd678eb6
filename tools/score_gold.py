"""Score extraction on the shared gold set in-process (fast loop for development).

usage: python tools/score_gold.py [GOLD_DIR] [-v]

Builds each gold release alone (extract + map, no store), scores it with ../shared/eval/score.py's
Scorer, and prints per-release f1 and the mean. The official check is run_gold.py through the CLI.
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

from rdflib import Dataset, Graph

from migragraph.extract.extractor import extract
from migragraph.ingest.sources import read_inputs
from migragraph.map.iris import IriMinter
from migragraph.map.mapper import map_release

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    gold_dir = Path(args[0]) if args else ROOT.parent / "shared" / "data" / "gold"
    sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
    from score import Scorer  # type: ignore[import-not-found]

    rows = []
    for gold_file in sorted(gold_dir.glob("*.json")):
        txt = gold_file.with_suffix(".txt")
        release = read_inputs([txt]).releases[0]
        g = map_release(release, extract(release), IriMinter(), "dev")
        ds = Dataset()
        ctx = ds.graph(g.identifier)
        for t in g:
            ctx.add(t)
        union = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            union.add((s, p, o))
        union.extracted = {x for s, _, o in g for x in (s, o)}  # type: ignore[attr-defined]
        scorer = Scorer(json.loads(gold_file.read_text()), union)
        scorer.run()
        out = scorer.summary()
        rows.append(out["f1"])
        print(f"{gold_file.stem:40s} f1 {out['f1']:.3f} p {out['precision']:.3f} r {out['recall']:.3f}")
        if "-v" in sys.argv:
            for m in out["misses"]:
                print("    miss:", m)
            print("    extra orgs:", out["extra_orgs"], "extra persons:", out["extra_persons"])
            for cat, (tp, n) in out["precision_by_type"].items():
                if tp < n:
                    print(f"    precision {cat}: {tp}/{n}")
    print(f"mean f1 {statistics.mean(rows):.3f} min {min(rows):.3f} over {len(rows)}")


if __name__ == "__main__":
    main()
