"""Two copies of one release under different names: built once, from the first (in sorted order); the
second is reported as a duplicate of the first, found by the SHA-256 of the release text, so a page
and a JSON record of the same text are one release too."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from migragraph.errors import IngestError
from migragraph.ingest.sources import read_all, read_inputs

from .corpus import GOOD, GOOD_TEXT, build_beside


def test_a_copy_under_another_name_is_a_duplicate(tmp_path: Path) -> None:
    shutil.copy(GOOD, tmp_path / "a-readout.txt")
    shutil.copy(GOOD, tmp_path / "b-readout-copy.txt")
    result = read_inputs([tmp_path])
    assert [r.source for r in result.releases] == [str(tmp_path / "a-readout.txt")]
    (error,) = result.errors
    assert error.source == str(tmp_path / "b-readout-copy.txt")
    assert error.reason.startswith(f"a duplicate of {tmp_path / 'a-readout.txt'} (the same text, sha256:")
    assert error.reason.endswith("built once, from there")


def test_the_same_text_as_a_file_and_as_a_record_is_one_release(tmp_path: Path) -> None:
    shutil.copy(GOOD, tmp_path / "readout.txt")
    record = json.dumps({"id": "x", "text": GOOD_TEXT})
    (tmp_path / "readouts.jsonl").write_text(record + "\n", encoding="utf-8")
    items = list(read_all(sorted(tmp_path.iterdir())))
    assert [type(i).__name__ for i in items] == ["RawRelease", "IngestError"]
    assert isinstance(items[1], IngestError) and items[1].source == f"{tmp_path / 'readouts.jsonl'}:1"


def test_two_releases_with_other_texts_are_both_read(tmp_path: Path) -> None:
    shutil.copy(GOOD, tmp_path / "a.txt")
    (tmp_path / "b.txt").write_text(GOOD_TEXT.replace("Zardari", "Zardari, again"), encoding="utf-8")
    assert len(read_inputs([tmp_path]).releases) == 2


def test_a_build_of_two_copies_builds_one(tmp_path: Path) -> None:
    built = build_beside(tmp_path, "zz-copy.txt", GOOD_TEXT)
    assert [(e.source, e.reason.split(" (")[0]) for e in built.result.errors] == [
        (str(built.inputs / "zz-copy.txt"), f"a duplicate of {built.inputs / GOOD.name}")]
    assert str(built.inputs / "zz-copy.txt") not in built.sources()
