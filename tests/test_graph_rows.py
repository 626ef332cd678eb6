"""The page's rows read one graph at a time (analyse/graphrows.py): the same rows as over the whole
store; a rebuild reads again only the graphs it changed, and remembers them by the graph's digest."""

from __future__ import annotations

import marshal
import sqlite3
from pathlib import Path

from migragraph.analyse.graph import csv_rows, fetch
from migragraph.analyse.graphrows import PER_GRAPH, GraphRows, remembered_form, remembered_key
from migragraph.pipeline import build
from migragraph.store import GraphStore

from .corpus import RELEASE, write_releases

UNKNOWN_TITLE = "A title only the build state knows"


def _built(tmp_path: Path, n: int = 6) -> tuple[Path, Path, list[Path]]:
    inputs, out = tmp_path / "in", tmp_path / "out"
    files = write_releases(inputs, n)
    build([inputs], out, progress=False)
    return inputs, out, files


def test_rows_read_graph_by_graph_are_the_rows_over_the_store(tmp_path: Path) -> None:
    _, out, _ = _built(tmp_path)
    with GraphStore.open(out, read_only=True) as store:
        first = GraphRows(store, {})
        whole = {name: first.fetch(name) for name in PER_GRAPH}
        for name in PER_GRAPH:
            assert sorted(whole[name]) == sorted(csv_rows(fetch(store, name)))
            assert {(row[-1], name) for row in whole[name]} <= set(first.read)
            assert whole[name], name
        graphs = sorted({graph for graph, _ in first.read})
        assert f"{RELEASE}release-000" in graphs and len(graphs) == 7  # six releases and the gazetteer's
        # Remembered for all but two graphs (one of them damaged): only those two are read, same rows.
        remembered: dict[str, dict[str, bytes]] = {}
        for (graph, name), rows in first.read.items():
            if graph != graphs[0]:
                remembered.setdefault(graph, {})[name] = remembered_form(rows)
        remembered[graphs[1]]["network-edges"] = b"not marshal"
        again = GraphRows(store, remembered)
        for name in PER_GRAPH:
            assert sorted(again.fetch(name)) == sorted(whole[name])
        assert set(again.read) == {(graphs[0], name) for name in PER_GRAPH} | {(graphs[1], "network-edges")}


def test_a_rebuild_reads_again_only_the_graphs_it_changed(tmp_path: Path) -> None:
    inputs, out, files = _built(tmp_path)
    state = sqlite3.connect(out / ".state.sqlite")
    kept = state.execute("SELECT graph, name, digest FROM graph_rows").fetchall()
    digests = dict(state.execute("SELECT graph, digest FROM graphs").fetchall())
    releases = [f"{RELEASE}release-{i:03d}" for i in range(6)]
    assert sorted((g, n) for g, n, _ in kept) == [(g, n) for g in releases for n in sorted(PER_GRAPH)]
    assert all(key == remembered_key(digests[g], n) for g, n, key in kept)

    # What the state remembers of an unchanged release is what the page shows: it is not read again.
    where = (releases[0], "network-releases")
    rows = marshal.loads(state.execute("SELECT rows FROM graph_rows WHERE graph = ? AND name = ?",
                                       where).fetchone()[0])
    rows[0][1] = UNKNOWN_TITLE
    with state:
        state.execute("UPDATE graph_rows SET rows = ? WHERE graph = ? AND name = ?",
                      (marshal.dumps(rows), *where))
    files[1].write_text(files[1].read_text(encoding="utf-8") + "\n\nThe partners agreed to meet again.",
                        encoding="utf-8")
    build([inputs], out, progress=False)
    assert UNKNOWN_TITLE in (out / "graph.html").read_text(encoding="utf-8")
    digests = dict(state.execute("SELECT graph, digest FROM graphs").fetchall())
    now = dict(state.execute("SELECT graph, digest FROM graph_rows WHERE name = 'network-edges'").fetchall())
    assert now == {g: remembered_key(digests[g], "network-edges") for g in releases}  # the changed one anew

    # Rows read by another text of the query (an older version's) are read again.
    with state:
        state.execute("UPDATE graph_rows SET digest = ? WHERE graph = ? AND name = ?",
                      (f"{digests[releases[0]]} 0123456789abcdef", *where))
    files[2].write_text(files[2].read_text(encoding="utf-8") + "\n\nThey will meet again.", "utf-8")
    build([inputs], out, progress=False)
    assert UNKNOWN_TITLE not in (out / "graph.html").read_text(encoding="utf-8")

    # Step by step, the page is the one a build from scratch draws.
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\n\nA sentence added later.", "utf-8")
    build([inputs], out, progress=False)
    page = (out / "graph.html").read_bytes()
    build([inputs], tmp_path / "scratch", progress=False)
    assert page == (tmp_path / "scratch" / "graph.html").read_bytes()
    state.close()
