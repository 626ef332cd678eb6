"""Long releases read in pieces, so that extraction costs time in proportion to a release's length.

Most of what the rules read lives in a sentence or a paragraph; some of it is read across the whole
release (the country it is about, the persons it names twice), and several steps compare each mention
with the others. On a press release (a few kilobytes) that costs nothing; on a 5 MB record it made
extraction quadratic (issue #15: 590 KB took 39 s, a release naming 10,000 organisations 476 s). A text
longer than CHUNK_CHARS is therefore cut at paragraph breaks (else at sentence ends) into pieces of at
most that length, each extracted as a release of its own, and the findings put together: organisations
and persons by key (their names and aliases joined), the rest in order, each piece's evidence offsets
moved to where the piece stands in the release. The release's own facts (title, date, publisher) are
the first piece's, read as for any release.

A release also gets a time budget (TIME_BUDGET seconds, where the platform's interval timer can be
set: the main thread of a process): past it, extraction stops with an error naming the release, and the
build goes on with the others.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from types import FrameType

from migragraph.errors import MigragraphError
from migragraph.extract.model import Extraction, Framework, Funding, Span
from migragraph.ingest.release import RawRelease

CHUNK_CHARS = 8_000
TIME_BUDGET = 300.0  # seconds a release may take: a press release takes milliseconds, 5 MB about 200 s
_BREAK = re.compile(r"\n\s*\n|\n|(?<=[.!?])\s+")


def pieces(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """`text` cut into (offset, piece) of at most `size` characters, at the last paragraph break,
    line break or sentence end before the limit (a hard cut only where there is none)."""
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cuts = [m.end() for m in _BREAK.finditer(text, start + size // 2, end)]
            end = cuts[-1] if cuts else end
        out.append((start, text[start:end]))
        start = end
    return out


def extract_in_pieces(release: RawRelease, one: Callable[[RawRelease], Extraction]) -> Extraction:
    """`one` over each piece of a long release, the findings put together."""
    parts = pieces(release.text)
    if len(parts) <= 1:  # (an empty text has no piece: it is read as it is, and gives nothing)
        return one(release)
    whole: Extraction | None = None
    for offset, text in parts:
        found = _moved(one(replace(release, text=text)), offset)
        whole = found if whole is None else _joined(whole, found)
    assert whole is not None
    return whole


def _moved(ex: Extraction, offset: int) -> Extraction:
    if not offset:
        return ex

    def span(s: Span) -> Span:
        return Span(s.start + offset, s.end + offset, s.text)

    ex.posts = [replace(p, evidence=span(p.evidence)) for p in ex.posts]
    ex.meetings = [replace(m, evidence=span(m.evidence), further=[span(s) for s in m.further]) for m in ex.meetings]
    ex.frameworks = [replace(f, evidence=span(f.evidence), further=[span(s) for s in f.further]) for f in ex.frameworks]
    ex.funding = [replace(f, evidence=span(f.evidence), further=[span(s) for s in f.further]) for f in ex.funding]
    return ex


def _joined(a: Extraction, b: Extraction) -> Extraction:
    for key, org in b.organisations.items():
        known = a.organisations.setdefault(key, org)
        if known is not org:
            known.aliases |= org.aliases
            known.parent = known.parent or org.parent
    for key, person in b.persons.items():
        met = a.persons.setdefault(key, person)
        if met is not person:
            met.aliases |= person.aliases
            met.email = met.email or person.email
    seen_posts = {(p.person, p.role, p.organisation) for p in a.posts}
    a.posts += [p for p in b.posts if (p.person, p.role, p.organisation) not in seen_posts]
    a.meetings += b.meetings
    a.frameworks = _frameworks(a.frameworks, b.frameworks)
    a.funding = _funding(a.funding, b.funding)
    return a


def _frameworks(a: list[Framework], b: list[Framework]) -> list[Framework]:
    by_key = {f.key: f for f in a}
    for f in b:
        known = by_key.setdefault(f.key, f)
        if known is not f:
            known.parties += [p for p in f.parties if p not in known.parties]
            known.aliases |= f.aliases
            known.established = known.established or f.established
            known.further += [s for s in [f.evidence, *f.further] if s != known.evidence and s not in known.further]
    return list(by_key.values())


def _funding(a: list[Funding], b: list[Funding]) -> list[Funding]:
    seen = {(f.donor, f.recipient, f.amount, f.currency): f for f in a}
    for f in b:
        known = seen.setdefault((f.donor, f.recipient, f.amount, f.currency), f)
        if known is f:
            a.append(f)
        else:
            known.further += [s for s in [f.evidence, *f.further] if s != known.evidence and s not in known.further]
    return a


class TimeBudgetError(MigragraphError):
    """A release whose extraction ran past its time budget (the build names the release)."""


@contextmanager
def time_budget(release: RawRelease, seconds: float = TIME_BUDGET) -> Iterator[None]:
    """Stop extraction of `release` past `seconds` (TimeBudgetError), where an interval timer can be
    set (the main thread of a process); elsewhere the pieces' linear cost is the bound. Inside a
    shorter budget already running (a caller's), that one stays in force."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    running, _ = signal.getitimer(signal.ITIMER_REAL)
    if 0 < running <= seconds:
        yield
        return

    def stop(_signum: int, _frame: FrameType | None) -> None:
        raise TimeBudgetError(f"extraction ran past its budget of {seconds:g} s ({len(release.text):,} "
                              "characters); it was left out")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

