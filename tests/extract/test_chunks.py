"""Long releases read in pieces (extract/chunks.py), and the time budget of a release (issue #15, item 5).

The texts are the UN readout of tests/data/un-sg-zardari-2012.txt and a sentence of the IOM release of
4 April 2025 (tests/data/README.md), repeated to the sizes the issue names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from migragraph.extract.chunks import CHUNK_CHARS, TimeBudgetError, pieces, time_budget
from migragraph.extract.extractor import extract
from migragraph.extract.select import extractor_named
from migragraph.ingest.release import RawRelease
from migragraph.pipeline import build

DATA = Path(__file__).resolve().parents[1] / "data"
READOUT = (DATA / "un-sg-zardari-2012.txt").read_text(encoding="utf-8")
POST = ("The meeting was co-chaired by Ugochi Daniels, Deputy Director General for Operations of the "
        "International Organization for Migration.")


def test_pieces_tile_the_text_and_cut_at_paragraph_breaks() -> None:
    text = "\n\n".join([READOUT] * 40)
    parts = pieces(text, size=2_000)
    assert "".join(p for _, p in parts) == text
    assert all(offset == sum(len(p) for _, p in parts[:i]) for i, (offset, _) in enumerate(parts))
    assert all(len(p) <= 2_000 for _, p in parts)
    assert all(p[-1].isspace() for _, p in parts[:-1])  # each cut after a line or a sentence, never in a word


def test_a_long_release_finds_what_its_pieces_say_with_evidence_where_it_stands() -> None:
    # The post is stated once, far past the first piece: found, and its evidence points into the release.
    filler = "\n\n".join([READOUT] * 80)
    text = f"{filler}\n\n{POST}\n\n{filler}"
    assert len(text) > 10 * CHUNK_CHARS
    found = extract(RawRelease(source="long.txt", text=text, key="long"))
    posts = [p for p in found.posts if found.persons[p.person].name == "Ugochi Daniels"]
    assert [(p.role, found.organisations[p.organisation].name) for p in posts] == [
        ("Deputy Director General for Operations", "International Organization for Migration")]
    evidence = posts[0].evidence
    assert evidence.start > len(filler)
    assert text[evidence.start:evidence.end] == evidence.text and "Ugochi Daniels" in evidence.text
    # persons of every piece joined by key, once
    assert [p.name for p in found.persons.values()].count("Asif Ali Zardari") == 1


def test_extraction_past_its_budget_stops_with_an_error() -> None:
    text = "\n\n".join([READOUT] * 2_000)  # 2.7 MB: seconds of work
    with pytest.raises(TimeBudgetError, match=rf"past its budget of 0\.2 s \({len(text):,} characters\)"):
        with time_budget(RawRelease(source="big.txt", text=text, key="big"), 0.2):
            extract(RawRelease(source="big.txt", text=text, key="big"))


def test_a_release_past_its_budget_is_named_and_the_others_are_built(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "big.txt").write_text("\n\n".join([READOUT] * 2_000), encoding="utf-8")
    (inputs / "zardari.txt").write_text(READOUT, encoding="utf-8")

    def budgeted(release: RawRelease):  # type: ignore[no-untyped-def]
        with time_budget(release, 0.5):
            return extract(release)

    result = build([inputs], tmp_path / "out", extractor=budgeted, progress=False)
    assert [Path(e.source).name for e in result.errors] == ["big.txt"]
    assert result.errors[0].reason.startswith(
        "cannot extract or map this release: extraction ran past its budget of 0.5 s (")
    graph = (tmp_path / "out" / "graph.trig").read_text(encoding="utf-8")
    assert "Asif Ali Zardari" in graph


@pytest.mark.parametrize("name", ["rules", "hybrid"])
def test_an_empty_text_has_no_piece_and_gives_nothing(name: str) -> None:
    # (it had failed an assertion: a text of no piece was neither one piece nor several)
    assert pieces("") == []
    found = extractor_named(name)(RawRelease(source="empty", text="", key="empty"))
    assert (found.organisations, found.persons, found.posts, found.meetings, found.frameworks, found.funding) == (
        {}, {}, [], [], [], [])
