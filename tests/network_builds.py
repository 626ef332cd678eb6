"""Builds whose graphs the network tests know node by node: three releases with hand-made extractions
(what each should yield is worked out in tests/test_analyse.py), and one whose names are hostile."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path

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
from migragraph.pipeline import build

# One sentence per statement; each release's text is its sentences, one a line.
SENTENCES = {
    "alpha": {
        "meeting": "Brussels, 1 March 2024 – The EU, IOM and UNHCR met under the EU-IOM Framework.",
        "post": "IOM Director General Amy Pope chaired the meeting.",
        "framework": "In July 2012, the EU and IOM established the EU-IOM Framework.",
        "funding": "EU funding to IOM reached EUR 100 million and EUR 50 million in 2023.",
    },
    "beta": {
        "meeting": "Geneva, 2 May 2025 – EU Commissioner Jane Doe met IOM Director General Amy Pope.",
        "funding": "The EU gave USD 30 million to IOM in 2024.",
    },
    "gamma": {
        "meeting": "Valletta, 10 June 2025 – UNHCR met the Sea Rescue NGO.",
    },
}
DATES = {"alpha": "2024-03-01", "beta": "2025-05-02", "gamma": "2025-06-10"}

EU = Organisation("eu", "European Union", {"EU"})
IOM = Organisation("iom", "International Organization for Migration", {"IOM"})
UNHCR = Organisation("unhcr", "Office of the United Nations High Commissioner for Refugees", {"UNHCR"})
NGO = Organisation("sea-rescue-ngo", "Sea Rescue NGO")
POPE = Person("amy-pope", "Amy Pope")
DOE = Person("jane-doe", "Jane Doe")


def text(key: str) -> str:
    return "\n".join(SENTENCES[key].values())


def _span(key: str, what: str) -> Span:
    sentence = SENTENCES[key][what]
    start = text(key).index(sentence)
    return Span(start, start + len(sentence), sentence)


def _alpha() -> Extraction:
    return Extraction(
        info=ReleaseInfo(title="Alpha: EU, IOM and UNHCR meet", date=DATES["alpha"]),
        organisations={o.key: o for o in (EU, IOM, UNHCR)},
        persons={POPE.key: POPE},
        posts=[Post("amy-pope", "Director General", "iom", _span("alpha", "post"))],
        meetings=[Meeting("Alpha meeting", _span("alpha", "meeting"), date="2024-03-01",
                          participants=["eu", "iom", "unhcr"], chairs=["amy-pope"], host="eu",
                          framework="eu-iom-framework")],
        frameworks=[Framework("eu-iom-framework", "EU-IOM Framework", _span("alpha", "framework"),
                              parties=["eu", "iom"], established="2012-07")],
        funding=[Funding("eu", "iom", Decimal(100_000_000), "EUR", _span("alpha", "funding"), year=2023),
                 Funding("eu", "iom", Decimal(50_000_000), "EUR", _span("alpha", "funding"), year=2023)],
    )


def _beta() -> Extraction:
    return Extraction(
        info=ReleaseInfo(title="Beta: Commissioner meets IOM", date=DATES["beta"]),
        organisations={o.key: o for o in (EU, IOM)},
        persons={p.key: p for p in (POPE, DOE)},
        posts=[Post("amy-pope", "Director General", "iom", _span("beta", "meeting")),
               Post("jane-doe", "Commissioner", "eu", _span("beta", "meeting"))],
        meetings=[Meeting("Beta meeting", _span("beta", "meeting"), date="2025-05-02",
                          participants=["eu", "iom", "jane-doe"])],
        funding=[Funding("eu", "iom", Decimal(30_000_000), "USD", _span("beta", "funding"), year=2024)],
    )


def _gamma() -> Extraction:
    return Extraction(
        info=ReleaseInfo(title="Gamma: UNHCR and an NGO", date=DATES["gamma"]),
        organisations={o.key: o for o in (UNHCR, NGO)},
        meetings=[Meeting("Gamma meeting", _span("gamma", "meeting"), date="2025-06-10",
                          participants=["unhcr", "sea-rescue-ngo"])],
    )


EXTRACTIONS = {"alpha": _alpha, "beta": _beta, "gamma": _gamma}


def build_known(root: Path) -> Path:
    """The three releases built into root/out; each release's URL is https://example.org/<key>."""
    inputs = root / "known.jsonl"
    records = [{"id": key, "title": key, "date": DATES[key], "url": f"https://example.org/{key}",
                "text": text(key)} for key in EXTRACTIONS]
    inputs.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    def extractor(release: RawRelease) -> Extraction:
        return EXTRACTIONS[_key(release)]()

    build([inputs], root / "out", extractor=extractor, progress=False)
    return root / "out"


def _key(release: RawRelease) -> str:
    return next(key for key in EXTRACTIONS if release.text == text(key))


# A name that would run script if it reached the page as markup, in both forms the issue names.
IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=1</script>"


def build_hostile(root: Path) -> Path:
    """One release whose organisation and person are named IMG and SCRIPT, and whose URL is a
    javascript: URL; they meet, so both have an edge and a tooltip."""
    sentence = "Somewhere, 3 March 2025 – They met."
    inputs = root / "hostile.jsonl"
    record = {"id": "hostile", "title": SCRIPT, "date": "2025-03-03", "url": "javascript:window.__pwned=1",
              "text": sentence}
    inputs.write_text(json.dumps(record) + "\n", encoding="utf-8")
    extraction = Extraction(
        info=ReleaseInfo(title=SCRIPT, date="2025-03-03"),
        organisations={"hostile-org": Organisation("hostile-org", IMG)},
        persons={"hostile-person": Person("hostile-person", SCRIPT)},
        meetings=[Meeting(IMG, Span(0, len(sentence), sentence), date="2025-03-03",
                          participants=["hostile-org", "hostile-person"])],
    )
    build([inputs], root / "out", extractor=lambda _: extraction, progress=False)
    return root / "out"


# The shared corpus, beside the checkout (as in CI: a clone with shared/ beside it).
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "releases"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@cache
def build_shared(root: Path) -> Path:
    """The whole shared corpus built into root/out, once a session whichever test asks first."""
    build([SHARED], root / "out", progress=False)
    return root / "out"


@cache
def build_shared_and_examples(root: Path) -> Path:
    """The shared corpus and examples/ built into root/out (400 entities), as issue #17 tried them."""
    build([SHARED, EXAMPLES], root / "out", progress=False)
    return root / "out"
