"""The validation of a build: each release graph's results, remembered by content, and the
cross-release check, redone only for the nodes that a changed release touches.

A release graph's outcome (its results, and the few triples the cross-release constraints read, its
"projection": validate/crossrelease.py) depends on its content, the shapes, the engine and the base
IRI alone, so it is remembered under the SHA-256 of those (DIR/.state.sqlite, table outcomes) and a
release whose graph did not change is never validated again. Outcomes are made where the release is
(the worker that extracted it), or here for a graph the build did not make and has no outcome for.

The cross-release constraints (one organisation, two preferred names) are checked on the union of
all projections, which the state keeps as rows (graph, s, p, o) for the graphs last checked. A build
finds which graphs changed since, replaces their rows, and checks again only the subjects that their
old or new rows name, keeping the other results: a conflict between two releases is found however
the store was built, and one changed release costs a lookup, not a pass over every release.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from migragraph.map import Triple
from migragraph.map.iris import IriMinter
from migragraph.resources import data_dir
from migragraph.store.buildstate import BuildState
from migragraph.store.terms import term_text
from migragraph.validate.crossrelease import cross_release, project
from migragraph.validate.engines import Engine, Violation, engine, shapes_key
from migragraph.validate.shacl import ValidationReport, load_shapes, sort_violations

Row = tuple[str, str, str]  # a triple as N-Triples terms
# Every projected triple of the subjects a changed graph names, before or after, once, with the first
# graph stating it (releases before the gazetteer's graph, the parameter): as many rows as distinct
# triples, not as releases stating them. As one JSON array (BuildState.json_rows).
_TOUCHED_ROWS = ("SELECT json_group_array(json_array(g, s, p, o)) FROM ("
                 "SELECT MIN((p.graph = ?) || p.graph) AS g, p.s AS s, p.p AS p, p.o AS o FROM projected p "
                 "JOIN touched t ON p.s = t.s GROUP BY p.s, p.p, p.o)")
_NOT_CLEAN = ("SELECT json_group_array(json_array(key, conforms, violations)) FROM outcomes "
              "WHERE conforms = 0 OR violations != '[]'")
_EACH = "(SELECT value FROM json_each(?))"  # the members of a JSON array given as a parameter


_BATCH = 500  # graphs whose rows go into one statement: a bounded piece of JSON at a time


def _batches(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _BATCH):
        yield items[start:start + _BATCH]


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _rows_of_json(columns: int) -> str:
    """SELECT the rows of a JSON array of arrays given as a parameter, `columns` values each."""
    values = ", ".join(f"json_extract(value, '$[{i}]')" for i in range(columns))
    return f"SELECT {values} FROM json_each(?)"


@dataclass(frozen=True)
class Outcome:
    conforms: bool
    violations: tuple[Violation, ...]  # each naming the release
    projection: tuple[Row, ...]

    def to_json(self) -> tuple[int, str, str]:
        return (int(self.conforms), json.dumps([asdict(v) for v in self.violations], ensure_ascii=False),
                json.dumps(self.projection, ensure_ascii=False))

    @classmethod
    def from_json(cls, conforms: int, violations: str, projection: str) -> Outcome:
        found = tuple(Violation(**{**v, "releases": tuple(v["releases"])}) for v in json.loads(violations))
        rows = tuple((str(s), str(p), str(o)) for s, p, o in json.loads(projection))
        return cls(bool(conforms), found, rows)


@cache
def _version_of(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:  # pragma: no cover
        return "?"


def outcome_key(engine_name: str, shapes_folder: Path | None, base: str, graph_digest: str) -> str:
    """What an outcome is remembered under: the graph's content, the shapes, the engine and its version,
    the base IRI (which nodes are shared)."""
    shapes = shapes_key(shapes_folder or data_dir("shapes"))
    text = f"{engine_name} {_version_of(engine_name)}\n{shapes}\n{base}\n{graph_digest}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ReleaseChecker:
    """Validates one release graph at a time and projects it (made once per process)."""

    def __init__(self, engine_name: str, shapes_folder: Path | None, base: str) -> None:
        shapes = load_shapes(shapes_folder)
        self.engine: Engine = engine(engine_name, shapes)
        self.reads = cross_release(shapes).reads
        self.minter = IriMinter(base)
        self.key = partial_key(engine_name, shapes_folder, base)

    def check(self, release: str, ntriples: str, triples: Sequence[Triple]) -> Outcome:
        conforms, found = self.engine.validate(ntriples)
        violations = tuple(sort_violations(replace(v, releases=(release,)) for v in found))
        projected = project(triples, self.reads, self.minter)
        rows = tuple(dict.fromkeys((term_text(s), term_text(p), term_text(o)) for s, p, o in projected))
        return Outcome(conforms, violations, rows)


def partial_key(engine_name: str, shapes_folder: Path | None, base: str) -> Callable[[str], str]:
    def key(graph_digest: str) -> str:
        return outcome_key(engine_name, shapes_folder, base, graph_digest)
    return key


class CrossChecker:
    """The cross-release constraints, on rows of projections."""

    def __init__(self, engine_name: str, shapes_folder: Path | None, base: str) -> None:
        self.engine = engine(engine_name, cross_release(load_shapes(shapes_folder)).shapes)
        self.gazetteer = f"{IriMinter(base).base}graph/gazetteer"  # map/reference.py

    def check(self, rows: Sequence[tuple[str, str, str, str]]) -> list[Violation]:
        """Results over (graph, s, p, o) rows, each naming the graphs that stated a value of its node
        on its path: for each value the first release that states it (the gazetteer's graph only for
        a value no release states)."""
        if not rows:
            return []
        first: dict[Row, str] = {}
        for graph, s, p, o in sorted(rows, key=lambda row: (row[0] == self.gazetteer, row)):
            first.setdefault((s, p, o), graph)
        _, found = self.engine.validate("".join(f"{s} {p} {o} .\n" for s, p, o in first))
        stating: dict[str, dict[str, set[str]]] = {}  # subject -> predicate -> graphs
        for (s, p, _), graph in first.items():
            stating.setdefault(s, {}).setdefault(p, set()).add(graph)
        out = []
        for v in found:
            on = stating.get(f"<{v.focus}>", {})
            graphs = set().union(*on.values()) if v.path is None else on.get(f"<{v.path}>", set())
            out.append(replace(v, releases=tuple(sorted(graphs))))
        return out


class Outcomes:
    """The outcomes a build remembers (DIR/.state.sqlite), and the cross-release check kept in step."""

    def __init__(self, state: BuildState) -> None:
        self.state = state
        self._fresh: dict[str, Outcome] = {}

    def put(self, key: str, outcome: Outcome) -> None:
        self._fresh[key] = outcome

    def known_keys(self) -> set[str]:
        """The outcomes remembered (and readable: a row that is not JSON is made again)."""
        # As one JSON array (see _crossed).
        rows = self.state.json_rows("SELECT json_group_array(key) FROM outcomes "
                                    "WHERE json_valid(violations) AND json_valid(projection)")
        return set(rows) | set(self._fresh)

    def save(self) -> None:
        """Write the outcomes made so far (a statement per batch; see _crossed). They stay at hand for
        `get` until the report is made."""
        if not self._fresh:
            return
        with self.state.transaction() as db:
            for keys in _batches(list(self._fresh)):
                rows = [[key, *self._fresh[key].to_json()] for key in keys]
                db.execute(f"INSERT OR REPLACE INTO outcomes {_rows_of_json(4)}", (_json(rows),))

    def get(self, key: str) -> Outcome:
        if key in self._fresh:
            return self._fresh[key]
        row = self.state.run("SELECT conforms, violations, projection FROM outcomes WHERE key = ?", (key,))
        if not row:
            raise KeyError(key)
        return Outcome.from_json(*row[0])

    def report(self, current: dict[str, str], cross: CrossChecker) -> ValidationReport:
        """The report over the graphs `current` (graph IRI -> outcome key, every one remembered): their
        results, and the cross-release results not already found within one release."""
        self.save()
        try:
            return self._report(current, cross)
        finally:
            self._fresh.clear()

    def _report(self, current: dict[str, str], cross: CrossChecker) -> ValidationReport:
        conforms, violations = True, list[Violation]()
        wanted = set(current.values())
        for key, ok, found in self.state.json_rows(_NOT_CLEAN):
            if key in wanted:
                conforms = conforms and bool(ok)
                violations.extend(Outcome.from_json(ok, found, "[]").violations)
        seen = {_key(v) for v in violations}
        crossed = [v for v in self._crossed(current, cross) if _key(v) not in seen]
        conforms = conforms and not any(v.severity == "Violation" for v in crossed)
        return ValidationReport(conforms, sort_violations([*violations, *crossed]))

    def _crossed(self, current: dict[str, str], cross: CrossChecker) -> list[Violation]:
        # Rows go in and out of SQLite as JSON arrays (json_each, json_group_array), a statement each:
        # Python's sqlite3 gives up its lock at every row, and while the page's thread holds it each row
        # waits up to 5 ms (at 10,000 releases with 1 % changed, ~600 statements and ~15,000 rows took
        # 1.9 s instead of 0.2).
        checked = dict(self.state.json_rows("SELECT json_group_array(json_array(graph, key)) FROM checked"))
        changed = [g for g, key in current.items() if checked.get(g) != key]
        gone = [g for g in checked if g not in current]
        if changed or gone:
            redone = _json([*changed, *gone])
            with self.state.transaction() as db:
                db.execute("CREATE TEMP TABLE IF NOT EXISTS touched(s TEXT PRIMARY KEY)")
                db.execute("DELETE FROM touched")
                db.execute(f"INSERT OR IGNORE INTO touched SELECT s FROM projected WHERE graph IN {_EACH}",
                           (redone,))
                db.execute(f"DELETE FROM projected WHERE graph IN {_EACH}", (redone,))
                db.execute(f"DELETE FROM checked WHERE graph IN {_EACH}", (redone,))
                for graphs in _batches(changed):
                    projected = [[graph, *r] for graph in graphs for r in self.get(current[graph]).projection]
                    db.execute(f"INSERT INTO projected {_rows_of_json(4)}", (_json(projected),))
                db.execute(f"INSERT OR IGNORE INTO touched SELECT s FROM projected WHERE graph IN {_EACH}",
                           (_json(changed),))
                db.execute(f"INSERT INTO checked {_rows_of_json(2)}",
                           (_json([[g, current[g]] for g in changed]),))
                rows = json.loads(db.execute(_TOUCHED_ROWS, (cross.gazetteer,)).fetchone()[0])
                found = cross.check([(first[1:], s, p, o) for first, s, p, o in rows])
                db.execute("DELETE FROM crossed WHERE focus IN (SELECT s FROM touched)")
                db.execute(f"INSERT INTO crossed {_rows_of_json(2)}", (_json(
                    [[f"<{v.focus}>", json.dumps(asdict(v), ensure_ascii=False)] for v in found]),))
        kept: list[str] = self.state.json_rows("SELECT json_group_array(violation) FROM crossed")
        return [Violation(**{**v, "releases": tuple(v["releases"])}) for v in map(json.loads, kept)]

    def forget_others(self, current: Iterable[str]) -> None:
        """Drop the outcomes of graphs the store no longer holds."""
        keep = set(current)
        stale = [key for key in self.known_keys() if key not in keep]
        if stale:
            with self.state.transaction() as db:
                db.executemany("DELETE FROM outcomes WHERE key = ?", ((k,) for k in stale))


def _key(v: Violation) -> tuple[str, str | None, str, str]:
    return v.focus, v.path, v.constraint, v.shape

