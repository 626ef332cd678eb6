"""memory.py: the cycle collector paused while the build draws its page and compares releases."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

import migragraph.outputs as outputs
from migragraph.memory import paused_cycle_collection
from migragraph.pipeline import build

EXAMPLE = Path(__file__).resolve().parents[1] / "examples"


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cycle collector frees it


def test_a_cycle_made_while_paused_is_collected_after_and_the_collector_runs_again() -> None:
    gc.collect()
    with paused_cycle_collection():
        assert not gc.isenabled()
        node = _Node()
        gone = weakref.ref(node)
        del node
        assert gone() is not None  # reference counting alone cannot free a cycle
    assert gc.isenabled()
    assert gone() is None


def test_a_collector_disabled_before_stays_disabled() -> None:
    gc.disable()
    try:
        with paused_cycle_collection():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_build_draws_its_page_and_resolves_with_the_collector_paused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, bool] = {}
    page, resolve = outputs.write_page, outputs.links

    def watched_page(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen["page"] = gc.isenabled()
        return page(*args, **kwargs)

    def watched_links(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen["resolution"] = gc.isenabled()
        return resolve(*args, **kwargs)

    monkeypatch.setattr(outputs, "write_page", watched_page)
    monkeypatch.setattr(outputs, "links", watched_links)
    result = build([EXAMPLE], tmp_path / "out")
    assert result.releases > 0 and (tmp_path / "out" / "graph.html").stat().st_size > 0
    assert seen == {"page": False, "resolution": False}
    assert gc.isenabled()
