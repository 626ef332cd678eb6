"""Helpers for extraction tests: each test reads a short real sentence (sources in tests/data/README.md)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from migragraph.extract.extractor import extract, extract_hybrid
from migragraph.extract.model import Extraction
from migragraph.ingest.clean import clean_text
from migragraph.ingest.release import RawRelease

Run = Callable[..., Extraction]


def _runner(extractor: Callable[[RawRelease], Extraction]) -> Run:
    def _run(text: str, date: str | None = None, url: str | None = None, title: str | None = None) -> Extraction:
        body = clean_text(text)
        return extractor(RawRelease(source="test", text=body, key="test", date=date, url=url, title=title))

    return _run


@pytest.fixture
def run() -> Run:
    """The rules extractor."""
    return _runner(extract)


@pytest.fixture
def hybrid() -> Run:
    """The hybrid extractor (the default): the rules with the pretrained model's entities and parse."""
    return _runner(extract_hybrid)


@pytest.fixture(params=["rules", "hybrid"])
def each(request: pytest.FixtureRequest) -> Run:
    """Both extractors: a pattern both must read."""
    return _runner(extract if request.param == "rules" else extract_hybrid)


def names(ex: Extraction) -> dict[str, str]:
    """Organisation name -> key."""
    return {o.name: o.key for o in ex.organisations.values()}


def posts(ex: Extraction) -> set[tuple[str, str, str]]:
    """(person name, role, organisation name) of every post."""
    return {(ex.persons[p.person].name, p.role, ex.organisations[p.organisation].name) for p in ex.posts}
