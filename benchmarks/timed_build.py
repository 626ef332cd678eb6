"""One `migragraph build`, timed by stage: run by benchmarks/bench_build.py with the Python of the
migragraph being measured (this checkout's, or a baseline's in its own folder and venv).

usage: PYTHON benchmarks/timed_build.py INPUT OUT [--jobs N]   (prints one JSON object on stdout)

A build that records its own stages (BuildResult.stages) is reported as it records them. An older one
(0.2.0) is timed from outside, by wrapping the functions each stage calls, in this process: reading
(the releases generator), extraction (the extractor), mapping (release_triples and the N-Quads the store
reads), validation (validate_store), graph.trig (GraphStore.dump), graph.html (write_page), counting
(count_entities); what is left of the wall time is storing and bookkeeping ("store and other").
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

SPENT: dict[str, float] = defaultdict(float)


def timed(stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[stage] += time.perf_counter() - started
    return wrapper


def timed_iterator(stage: str, function: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        iterator = function(*args, **kwargs)
        while True:
            started = time.perf_counter()
            try:
                item = next(iterator)
            except StopIteration:
                SPENT[stage] += time.perf_counter() - started
                return
            SPENT[stage] += time.perf_counter() - started
            yield item
    return wrapper


def instrument_old(pipeline: Any) -> dict[str, Any]:
    """Wrap the stage functions of a pipeline that does not time itself; the build's extra options."""
    from migragraph.extract.extractor import extract
    from migragraph.store.graphstore import GraphStore

    pipeline._releases = timed_iterator("read", pipeline._releases)
    pipeline.release_triples = timed("map", pipeline.release_triples)
    pipeline.nquads = timed("map", pipeline.nquads)
    pipeline.validate_store = timed("validate", pipeline.validate_store)
    pipeline.write_page = timed("graph.html", pipeline.write_page)
    pipeline.count_entities = timed("counts", pipeline.count_entities)
    GraphStore.dump = timed("graph.trig", GraphStore.dump)  # type: ignore[method-assign]
    return {"extractor": timed("extract", extract)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("input", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--jobs", type=int)
    parser.add_argument("--extractor", default="rules",
                        help="for a migragraph that has several (0.3.0 on); rules is what 0.2.0 had")
    args = parser.parse_args()
    import migragraph
    import migragraph.pipeline as pipeline

    own = "stages" in inspect.signature(pipeline.BuildResult).parameters
    options: dict[str, Any] = {} if own else instrument_old(pipeline)
    options["max_bytes"] = 1 << 40  # one JSON Lines file holds the corpus: 80 MB at 100k releases
    if args.jobs is not None:
        options["jobs"] = args.jobs
    if "extraction" in inspect.signature(pipeline.build).parameters:
        options["extraction"] = args.extractor
    started = time.perf_counter()
    result = pipeline.build([args.input], args.out, progress=False, **options)
    wall = time.perf_counter() - started
    stages = dict(result.stages) if own else dict(SPENT)
    if not own:
        stages["store and other"] = max(0.0, wall - sum(SPENT.values()))
    changes = result.changes
    json.dump({"version": migragraph.__version__, "seconds": round(wall, 3),
               "stages": {k: round(v, 3) for k, v in stages.items()},
               "releases": result.releases, "triples": result.triples, "errors": len(result.errors),
               "conforms": result.validation.conforms, "violations": len(result.validation.violations),
               "changes": {"added": changes.added, "changed": changes.changed, "restamped": changes.restamped,
                           "unchanged": changes.unchanged, "removed": changes.removed}}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
