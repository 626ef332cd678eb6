"""Big files: 50 MB over the limit is refused without being read; 50 MB within a raised limit (a JSON
Lines file of good records around 50 MB of blank lines) is read in bounded time and memory."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from .corpus import DATA, build_beside, refused

FIFTY_MB = 50 * 1024 * 1024
LINES = (DATA / "releases.jsonl").read_text(encoding="utf-8").splitlines()


def test_fifty_megabytes_over_the_limit_are_refused_unread(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    content = b"The Secretary-General met the Minister. " * (FIFTY_MB // 40)
    opened: list[str] = []
    real_open = Path.open

    def spy(self: Path, *args: Any, **kwargs: Any) -> Any:  # read_bytes and read_text open through it
        opened.append(self.name)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    started = time.monotonic()
    built = build_beside(tmp_path, "huge.txt", content)
    refused(built, "huge.txt", f"{len(content):,} bytes is over the limit of 20,971,520; raise --max-bytes")
    assert opened.count("huge.txt") == 1  # written by the test, never opened by the build: stat() sufficed
    assert time.monotonic() - started < 60


def test_fifty_megabytes_within_a_raised_limit_are_read(tmp_path: Path) -> None:
    # Line numbers stay true across 50 MB of blank lines, and a record holding a raw U+2028 (valid
    # JSON) is one record: str.splitlines() would cut it in two.
    separated = {"id": "u2028", "text": "The Secretary-General met the Minister for Foreign Affairs of Spain "
                 "in New York today.\u2028They discussed the war in Ukraine."}
    content = "\n".join([LINES[0], "\n" * FIFTY_MB, LINES[1], json.dumps(separated, ensure_ascii=False)])
    started = time.monotonic()
    built = build_beside(tmp_path, "big.jsonl", content, max_bytes=64 * 1024 * 1024)
    assert built.result.errors == []
    source = str(built.inputs / "big.jsonl")
    assert {f"{source}:1", f"{source}:{FIFTY_MB + 3}", f"{source}:{FIFTY_MB + 4}"} <= set(built.sources())
    last = built.text_of(f"{source}:{FIFTY_MB + 4}")
    assert last.endswith("in New York today.\nThey discussed the war in Ukraine.")
    assert time.monotonic() - started < 90
