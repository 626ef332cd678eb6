"""Helpers of the bad-input corpus: build a bad input beside a good release, read what was built."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from migragraph.pipeline import BuildResult, InputError, build

from ..conftest import DATA as DATA  # re-exported for the corpus tests

GOOD = DATA / "un-sg-zardari-2012.txt"
GOOD_TEXT = GOOD.read_text(encoding="utf-8")
MG = "https://w3id.org/migragraph/ns#"
SCHEMA = "https://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"


@dataclass
class Built:
    result: BuildResult
    inputs: Path
    out: Path

    def sources(self) -> list[str]:
        """Where every release in graph.trig (which must parse back) was read from, sorted: its
        mg:sourceRecord, which names it relative to the folder holding the input, made a path again."""
        return sorted(self._path(str(q.object.value)) for q in self.quads()
                      if str(q.predicate.value) == MG + "sourceRecord")

    def _path(self, record: str) -> str:
        assert not record.startswith("/"), f"{record} is an absolute path of the build machine"
        return f"{self.inputs.parent}/{record}"

    def quads(self) -> list[ox.Quad]:
        with (self.out / "graph.trig").open("rb") as handle:
            return list(ox.parse(handle, format=ox.RdfFormat.TRIG))

    def release_of(self, source: str) -> str:
        """The IRI of the release read from `source`."""
        found = [q.subject.value for q in self.quads()
                 if q.predicate.value == MG + "sourceRecord" and self._path(q.object.value) == source]
        assert len(found) == 1, f"{source} was built {len(found)} times"
        return str(found[0])

    def values(self, subject: str, predicate: str) -> list[ox.NamedNode | ox.BlankNode | ox.Literal]:
        return [q.object for q in self.quads()  # type: ignore[misc]
                if q.subject.value == subject and q.predicate.value == predicate]

    def text_of(self, source: str) -> str:
        (text,) = self.values(self.release_of(source), SCHEMA + "text")
        return str(text.value)


def build_beside(tmp_path: Path, name: str, content: bytes | str, *, good: Path = GOOD,
                 **options: object) -> Built:
    """Build a folder holding `content` as `name` and a good release; the good one must be built."""
    inputs = tmp_path / "in"
    inputs.mkdir(exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    (inputs / name).write_bytes(data)
    shutil.copy(good, inputs / good.name)
    out = tmp_path / "out"
    result = build([inputs], out, progress=False, **options)  # type: ignore[arg-type]
    built = Built(result, inputs, out)
    assert str(inputs / good.name) in built.sources(), "the good release beside the bad one was not built"
    return built


def refused(built: Built, name: str, reason: str) -> InputError:
    """The one error of the build: `name`, refused with `reason` (a fragment of it)."""
    assert [e.source for e in built.result.errors] == [str(built.inputs / name)], built.result.errors
    error = built.result.errors[0]
    assert reason in error.reason, error.reason
    assert not any(s.startswith(str(built.inputs / name)) for s in built.sources())
    return error
