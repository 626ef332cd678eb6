"""Shared fixtures: a hand-made Extraction of the IOM worked example, fixture files, one shared build."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph

from migragraph.extract.model import (
    Extraction,
    Framework,
    Funding,
    Meeting,
    Organisation,
    Person,
    Post,
    ReleaseInfo,
    Span,
)
from migragraph.ingest.release import RawRelease
from migragraph.map.iris import IriMinter
from migragraph.map.mapper import map_release
from migragraph.pipeline import BuildResult, build

DATA = Path(__file__).parent / "data"
SHAPES = Path(__file__).parent / "shapes"

# Sentences of the IOM release of 4 April 2025 (Brussels), verbatim; see tests/data/README.md.
MEETING = (
    "Brussels, 04 April 2025 – Senior officials from the European Union (EU) and the International "
    "Organization for Migration (IOM) met in Brussels today for their eleventh annual meeting under the "
    "EU-IOM Strategic Cooperation Framework."
)
POST = (
    "IOM Director General Amy Pope commended the EU’s long-standing support and reaffirmed IOM’s commitment "
    "to the dialogue and working with the EU on all aspects of migration and mobility."
)
FUNDING = "Overall European Commission funding to IOM reached over EUR 590 million in 2024."
FRAMEWORK = (
    "In July 2012, the EU and IOM established a Strategic Cooperation Framework to enhance dialogue and "
    "collaboration on migration, development, humanitarian response and human rights issues."
)
CONTACT = "In Brussels: Ryan Schroeder, rschroeder@iom.int"
TITLE = "EU, IOM Senior Officials in Brussels for Eleventh Strategic Cooperation Meeting on Migration"
TEXT = "\n".join([TITLE, MEETING, POST, FUNDING, FRAMEWORK, CONTACT])


def span(sentence: str) -> Span:
    start = TEXT.index(sentence)
    return Span(start, start + len(sentence), sentence)


@pytest.fixture
def release() -> RawRelease:
    return RawRelease(
        source="/releases/iom-eu-senior-officials-2025.txt",
        record="releases/iom-eu-senior-officials-2025.txt",
        text=TEXT,
        key="iom-eu-senior-officials-2025",
        modified="2025-04-05T08:00:00Z",
    )


@pytest.fixture
def extraction() -> Extraction:
    organisations = [
        Organisation("eu", "European Union", {"EU"}, wikidata="Q458"),
        Organisation("iom", "International Organization for Migration", {"IOM", "UN Migration"}, parent="un"),
        Organisation("european-commission", "European Commission", parent="eu"),
        Organisation(
            "dg-home",
            "Directorate-General for Migration and Home Affairs",
            {"DG HOME"},
            parent="european-commission",
            unit=True,
        ),
    ]
    return Extraction(
        info=ReleaseInfo(
            title=TITLE, date="2025-04-04", place="Brussels", publisher="iom", sdgs=[17, 10, 16]
        ),
        organisations={o.key: o for o in organisations},
        persons={
            "amy-pope": Person("amy-pope", "Amy Pope", {"DG Pope"}),
            "ryan-schroeder": Person("ryan-schroeder", "Ryan Schroeder", email="rschroeder@iom.int"),
        },
        posts=[Post("amy-pope", "Director General", "iom", span(POST))],
        meetings=[
            Meeting(
                "11th EU-IOM Senior Officials Meeting",
                span(MEETING),
                date="2025-04-04",
                place="Brussels",
                ordinal=11,
                participants=["eu", "iom", "not-extracted"],
                chairs=["amy-pope"],
                host="dg-home",
                framework="eu-iom-strategic-cooperation-framework",
            )
        ],
        frameworks=[
            Framework(
                "eu-iom-strategic-cooperation-framework",
                "EU-IOM Strategic Cooperation Framework",
                span(FRAMEWORK),
                parties=["eu", "iom"],
                established="2012-07",
                aliases={"Strategic Cooperation Framework"},
            )
        ],
        funding=[
            Funding(
                "european-commission",
                "iom",
                Decimal("5.9E+8"),
                "EUR",
                span(FUNDING),
                year=2024,
                qualifier="over",
            )
        ],
    )


@pytest.fixture
def controlled(tmp_path: Path, extraction: Extraction) -> Path:
    """A build of one release whose extraction is the hand-made one above."""
    (tmp_path / "iom.txt").write_text(TEXT, encoding="utf-8")
    build([tmp_path / "iom.txt"], tmp_path / "out", extractor=lambda _: extraction, progress=False)
    return tmp_path / "out"


@pytest.fixture
def minter() -> IriMinter:
    return IriMinter()


@pytest.fixture
def graph(release: RawRelease, extraction: Extraction, minter: IriMinter) -> Graph:
    return map_release(release, extraction, minter, "0.1.0")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """tests/data built once, with the real extractor, for the tests that only read a build."""
    return build([DATA], tmp_path_factory.mktemp("built") / "out", progress=False)
