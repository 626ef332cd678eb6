"""Nothing lost: the whole bad-input corpus built at once, beside every file of tests/data. Each input
(each file, each JSON Lines line, each element of a JSON list) comes out exactly once: as a release
in graph.trig, or as an error naming it with a reason."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from migragraph.pipeline import build

from .corpus import DATA, GOOD_TEXT, Built
from .test_encodings import SPANISH_MINISTER
from .test_language import ARABIC, FRENCH
from .test_syntax import HOSTILE

LINES = (DATA / "releases.jsonl").read_text(encoding="utf-8").splitlines()
NAV = ("<html><body><nav>" + "".join(f"<a href='/{i}'>Office {i}</a>" for i in range(40))
       + "</nav></body></html>")

# name -> (content, the sources it yields: "" for the file itself, ":N" for line N, "[i]" for element i)
CORPUS: dict[str, tuple[bytes, list[str]]] = {
    "empty.txt": (b"", [""]),
    "binary.html": (bytes(range(256)) * 16, [""]),
    "navigation.html": (NAV.encode(), [""]),
    "nested.html": (("<div>" * 5000 + "x").encode(), [""]),
    "utf16.txt": (SPANISH_MINISTER.encode("utf-16-le"), [""]),
    "latin1.txt": (SPANISH_MINISTER.replace("Secretary", "Secretary ").encode("cp1252"), [""]),
    "french.txt": (FRENCH.encode(), [""]),
    "arabic.txt": (ARABIC.encode(), [""]),
    "syntax.txt": (HOSTILE.encode(), [""]),
    "short.txt": (b"Readout.", [""]),
    "nested.json": (b"[" * 50_000, [""]),
    "list.json": (json.dumps([{"text": GOOD_TEXT + " One."}, 7, {"body": "no"}, {"html": NAV}]).encode(),
                  ["[0]", "[1]", "[2]", "[3]"]),
    "mixed.jsonl": ("\n".join([LINES[0], "{broken", "", "[1, 2]", LINES[1].replace("Commonwealth", "C.")])
                    .encode(), [":1", ":2", ":4", ":5"]),
}


def test_every_input_is_built_or_named_exactly_once(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    expected = []
    for name, (content, yields) in CORPUS.items():
        (inputs / name).write_bytes(content)
        expected += [f"{inputs / name}{suffix}" for suffix in yields]
    for path in sorted(DATA.glob("*")):
        if path.suffix in (".html", ".txt", ".json", ".jsonl") and path.name not in CORPUS:
            shutil.copy(path, inputs / path.name)
            lines = path.read_text(encoding="utf-8").splitlines() if path.suffix == ".jsonl" else []
            data = json.loads(path.read_text(encoding="utf-8")) if path.suffix == ".json" else None
            expected += ([f"{inputs / path.name}:{n}" for n in range(1, len(lines) + 1)] if lines else
                         [f"{inputs / path.name}[{i}]" for i in range(len(data))] if isinstance(data, list)
                         else [str(inputs / path.name)])
    result = build([inputs], tmp_path / "out", progress=False)
    built = Built(result, inputs, tmp_path / "out")
    came_out = built.sources() + [e.source for e in result.errors]
    assert sorted(came_out) == sorted(expected)
    assert all(e.reason for e in result.errors)
    assert len(built.sources()) == result.releases
