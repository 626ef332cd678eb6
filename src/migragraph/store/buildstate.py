"""DIR/.state.sqlite: what a build remembers between builds, so that the next one costs what changed.

    graphs     every named graph of the store as graph.trig holds it: the digest of its TriG (its
               content), where its lines are in graph.trig (offset, length), its triples, and the
               fingerprint of its release (store/state.py)
    records    the input records read: (source, SHA-256 of its bytes) -> the release's key, text
               hash, record name and source IRI (what its graph states), so that an unchanged record
               is not parsed, cleaned and identified again
    meta       what the rest was written for (version, base IRI, graph.trig's identity), the counts
               and the validation report of the last build
    outcomes, checked, projected, crossed
               the validation of each release graph, by content, and the cross-release check
               (validate/outcomes.py)
    graph_rows the rows each release graph gave the queries that read one graph at a time (the page's
               and resolution's), by the graph's digest and the query's text (analyse/graphrows.py), so
               that a build reads again only the graphs that changed

The table `graphs` is trusted only when the last build ended (meta "clean"): a build marks it
unclean before its first write to the store and clean again once graph.trig and the rest are written,
in one transaction. A build killed between the two leaves it unclean, and the next build reads the
store itself (as a build without this file does). SQLite's own journal makes each transaction whole.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from migragraph.errors import StoreError

NAME = ".state.sqlite"
SCHEMA = 2

_TABLES = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS graphs(graph TEXT PRIMARY KEY, digest TEXT NOT NULL, offset INTEGER NOT NULL,
    length INTEGER NOT NULL, triples INTEGER NOT NULL, hash TEXT, record TEXT, source TEXT, agent TEXT);
CREATE TABLE IF NOT EXISTS records(source TEXT PRIMARY KEY, raw TEXT NOT NULL, key TEXT NOT NULL,
    text_sha TEXT NOT NULL, record TEXT NOT NULL, source_iri TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outcomes(key TEXT PRIMARY KEY, conforms INTEGER NOT NULL, violations TEXT NOT NULL,
    projection TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS checked(graph TEXT PRIMARY KEY, key TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS projected(graph TEXT NOT NULL, s TEXT NOT NULL, p TEXT NOT NULL, o TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS projected_s ON projected(s);
CREATE INDEX IF NOT EXISTS projected_graph ON projected(graph);
CREATE TABLE IF NOT EXISTS crossed(focus TEXT NOT NULL, violation TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS crossed_focus ON crossed(focus);
CREATE TABLE IF NOT EXISTS graph_rows(graph TEXT NOT NULL, name TEXT NOT NULL, digest TEXT NOT NULL,
    rows BLOB NOT NULL, PRIMARY KEY (graph, name));
"""


@dataclass(frozen=True)
class Piece:
    """One named graph in graph.trig, and what the store's copy of it was built from."""

    graph: str
    digest: str  # SHA-256 of its TriG lines: the same content, the same digest
    offset: int
    length: int
    triples: int
    hash: str | None = None  # the fingerprint of a release graph (None for the gazetteer's)
    record: str | None = None
    source: str | None = None
    agent: str | None = None


@dataclass(frozen=True)
class Record:
    source: str
    raw: str  # SHA-256 of the record's bytes
    key: str
    text_sha: str
    record: str  # the record's name as its graph states it (mg:sourceRecord)
    source_iri: str  # what its graph says it was derived from (map/mapper.py, source_iri)


class BuildState:
    """The state file of one build folder; open for the length of a build (it holds the lock)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / NAME
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorname", "") != "SQLITE_NOTADB":
                raise _error(self.path, exc) from None
            self.path.unlink()  # not a database (damaged, or another file): the next build reads the store
            try:
                self.db = self._open()
            except sqlite3.Error as again:
                raise _error(self.path, again) from None
        except sqlite3.Error as exc:
            raise _error(self.path, exc) from None

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None)  # transactions are explicit
        try:
            db.executescript(_TABLES)
            schema = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if schema is not None and schema[0] != str(SCHEMA):  # another layout: start afresh
                db.executescript("DROP TABLE meta; DROP TABLE graphs; DROP TABLE records; "
                                 "DROP TABLE outcomes; DROP TABLE checked; DROP TABLE projected; "
                                 "DROP TABLE crossed; DROP TABLE graph_rows;")
                db.executescript(_TABLES)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
        except BaseException:
            db.close()
            raise
        return db

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One SQLite transaction: everything in it is written, or nothing."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise _error(self.path, exc) from None

    def run(self, sql: str, args: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.db.execute(sql, tuple(args)).fetchall()
        except sqlite3.Error as exc:
            raise _error(self.path, exc) from None

    def json_rows(self, sql: str, args: Iterable[Any] = ()) -> list[Any]:
        """The members of the one JSON array a query gives (json_group_array): one step of SQLite for
        any number of rows, where Python's sqlite3 gives up its lock at each row it reads."""
        rows = self.run(sql, args)
        return json.loads(rows[0][0]) if rows and rows[0][0] is not None else []

    # ------------------------------------------------------------------ meta

    def get(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set(self, key: str, value: str) -> None:
        self.run("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def get_json(self, key: str) -> Any:
        text = self.get(key)
        try:
            return None if text is None else json.loads(text)
        except ValueError:
            return None

    # ------------------------------------------------------------------ graph.trig's pieces

    def pieces(self, written_for: str, trig: Path) -> dict[str, Piece] | None:
        """The pieces of graph.trig, if the last build ended, for these settings (`written_for`:
        version and base IRI), and graph.trig is the file they describe; else None."""
        if self.get("clean") != "1" or self.get("written_for") != written_for:
            return None
        if self.get("trig") != _identity(trig):
            return None
        rows = self.run("SELECT graph, digest, offset, length, triples, hash, record, source, agent "
                        "FROM graphs")
        return {row[0]: Piece(*row) for row in rows}

    def mark_unclean(self) -> None:
        """Before a build's first write to the store: the pieces no longer describe it."""
        if self.get("clean") != "0":
            self.set("clean", "0")

    def finish(self, written_for: str, trig: Path, pieces: Iterable[Piece] | None,
               extra: dict[str, str], rows: Iterable[tuple[str, str, str, bytes]] = ()) -> None:
        """After a build wrote graph.trig: its pieces (None: unchanged), the rows it read of the graphs
        (graph, query, key, rows: analyse/graphrows.py), and the meta values, clean. Rows of graphs the
        store no longer holds are forgotten."""
        with self.transaction() as db:
            if pieces is not None:
                db.execute("DELETE FROM graphs")
                db.executemany("INSERT INTO graphs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               ((p.graph, p.digest, p.offset, p.length, p.triples, p.hash, p.record, p.source,
                                 p.agent) for p in pieces))
            db.executemany("INSERT OR REPLACE INTO graph_rows VALUES (?, ?, ?, ?)", rows)
            db.execute("DELETE FROM graph_rows WHERE graph NOT IN (SELECT graph FROM graphs)")
            values = {**extra, "written_for": written_for, "trig": _identity(trig), "clean": "1"}
            db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values.items())

    def graph_rows(self, valid: dict[tuple[str, str], str]) -> dict[str, dict[str, bytes]]:
        """The rows remembered of each (graph, query) of `valid` whose key is the one given there (what
        they were read from: analyse/graphrows.py remembered_key): graph -> query -> rows."""
        found: dict[str, dict[str, bytes]] = {}
        for graph, name, key, rows in self.run("SELECT graph, name, digest, rows FROM graph_rows"):
            if valid.get((graph, name)) == key:
                found.setdefault(graph, {})[name] = bytes(rows)
        return found

    # ------------------------------------------------------------------ input records

    def records(self) -> dict[str, Record]:
        return {row[0]: Record(*row) for row in self.run(
            "SELECT source, raw, key, text_sha, record, source_iri FROM records")}

    def replace_records(self, records: Iterable[Record]) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM records")
            db.executemany("INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?, ?)",
                           ((r.source, r.raw, r.key, r.text_sha, r.record, r.source_iri) for r in records))


def _identity(path: Path) -> str:
    """Which file `path` is now: a file replaced or edited since has another identity."""
    try:
        st = path.stat()
    except OSError:
        return "missing"
    return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"


def _error(path: Path, exc: sqlite3.Error) -> StoreError:
    reason = str(exc)
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL":
        reason = os.strerror(errno.ENOSPC)
    return StoreError(f"cannot write the build's state {path}: {reason}")
