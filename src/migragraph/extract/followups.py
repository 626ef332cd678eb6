"""Later sentences that go on about an event already read, by a definite description of its kind:
"With this donation, Japan will also support …", "The agreement also allows …". They join the event's
evidence, so a researcher sees every sentence it rests on, not only the one it was first read from.

A description refers back: the event meant is the nearest of its kind told before the sentence. A
sentence that states an event of the kind itself (its own evidence) is left to that event. Meetings
gather theirs while they are read (extract/meetings.py), since their follow-up sentences also fill in
who took part."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from migragraph.extract.model import Framework, Funding, Span

# "that" is left out: far more often a conjunction ("agreed that enhanced partnerships …") than a determiner.
_DETERMINER = r"(?:[Tt]his|[Tt]hese|[Tt]he|[Tt]heir|[Ii]ts|[Aa]n? (?:historic|landmark))\s+(?:[\w-]+\s+){0,2}?"
# A description followed by the name of what it describes ("the historic agreement on the EU Pact on
# Migration and Asylum") is about that, not about the event before it.
_NAMES_ITS_OWN = r"(?!\s+(?:on|of|for)\s+(?:the\s+)?[A-Z])"
_FUNDING = re.compile(_DETERMINER + r"(?:donation|contribution|grant|funding|loan|credit|financing|allocation|"
                      r"(?:support|assistance|aid) package)s?\b" + _NAMES_ITS_OWN)
_FRAMEWORK = re.compile(_DETERMINER + r"([Aa]greement|[Mm]emorandum|MoU|MOU|[Pp]artnership|[Ff]ramework|[Cc]ompact|"
                        r"[Pp]act|[Dd]eclaration)\b" + _NAMES_ITS_OWN)
# What a framework is called by the head of its name; an MoU is a memorandum.
_KIND = {"mou": "memorandum"}


class _Event(Protocol):
    evidence: Span
    further: list[Span]


def attach_followups(spans: Sequence[Span], frameworks: list[Framework], funding: list[Funding]) -> None:
    _attach(spans, frameworks, _FRAMEWORK, lambda f: _kinds(f.name))
    _attach(spans, funding, _FUNDING, lambda f: set())


def _kinds(text: str) -> set[str]:
    words = {w.lower() for w in re.findall(r"\w+", text)}
    return {_KIND.get(w, w) for w in words}


def _attach(spans: Sequence[Span], events: Sequence[_Event], description: re.Pattern[str],
            kinds: Callable[[Any], set[str]]) -> None:
    """Each sentence describing an event of the kind goes to the nearest one told before it, of the
    kind its description names where one is ("The 2022 Agreement" after a plan of action and an
    agreement is the agreement)."""
    if not events:
        return
    first = min(e.evidence.start for e in events)
    stated = {s.start for e in events for s in [e.evidence, *e.further]}
    for span in spans:
        if span.start <= first:
            continue  # a description refers back
        said = description.search(span.text) if span.start not in stated else None
        if said is None:
            continue
        before = [e for e in events if e.evidence.start < span.start]
        named = _kinds(said.group(1)) if said.groups() else set()
        before = [e for e in before if named & kinds(e)] or before
        if not before:
            continue
        nearest = max(e.evidence.start for e in before)
        for event in before:
            if event.evidence.start == nearest and span not in event.further:
                event.further.append(span)
