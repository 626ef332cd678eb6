"""Meetings, matched by date, or, where the text gives none, by who took part; then their details."""

from __future__ import annotations

from collections.abc import Sequence

from rdflib.namespace import SDO
from rdflib.term import Node

from migragraph.evaluate.matching import Gold, Matcher, Tally
from migragraph.evaluate.normalise import norm, overlaps, tokens
from migragraph.evaluate.view import objects_of
from migragraph.vocab import MG

# An undated meeting is found by this many of its gold participants (fewer if it has fewer).
_PARTICIPANTS_NEEDED = 2


def score_meetings(m: Matcher, tally: Tally, meetings: Sequence[Gold]) -> None:
    nodes = m.view.typed(MG.Meeting)
    right: set[Node] = set()
    for meeting in meetings:
        found, label = _find(m, nodes, meeting)
        tally.fact("meeting", bool(found), label)
        if found:
            right.update(found)
            _details(m, tally, meeting, found, label)
    tally.found["meeting"] = (len(right), len(nodes))


def _who(meeting: Gold) -> list[str]:
    return [*meeting.get("participants", []), *meeting.get("attendees", [])]


def _find(m: Matcher, nodes: set[Node], meeting: Gold) -> tuple[list[Node], str]:
    """The meeting nodes the gold meeting may be, and how misses name it."""
    date = meeting.get("date")
    if date:
        found = [n for n in nodes if any(str(d)[:10] == date for d in m.view.objects(n, SDO.startDate))]
        return found, f"meeting on {date}"
    who = _who(meeting)
    need = min(_PARTICIPANTS_NEEDED, len(who))
    found = [n for n in nodes if need and sum(m.takes_part(n, w) for w in who) >= need]
    return found, f'undated meeting of {", ".join(who[:3])}'


def _details(m: Matcher, tally: Tally, meeting: Gold, found: list[Node], label: str) -> None:
    """One meeting-detail fact for each thing the gold says of a meeting that was found."""
    place = meeting.get("place")
    if place:
        wanted = norm(place)
        places = objects_of(m.view, found, SDO.location)
        ok = any(wanted in m.view.labels(o) or norm(o) == wanted for o in places)  # a node or a literal
        tally.fact("meeting-detail", ok, f"{label} place {place}")
    _participant_details(m, tally, meeting, found, label)
    for chair in meeting.get("chairs", []):
        ok = any(m.person(o, chair) for o in objects_of(m.view, found, MG.chair))
        tally.fact("meeting-detail", ok, f"{label} chair {chair}")
    host = meeting.get("host")
    if host:
        tally.fact("meeting-detail", m.any_object(found, SDO.organizer, host), f"{label} host {host}")
    ordinal = meeting.get("ordinal")
    if ordinal:
        ok = any(str(o) == str(ordinal) for o in objects_of(m.view, found, MG.ordinal))
        tally.fact("meeting-detail", ok, f"{label} ordinal {ordinal}")
    framework = meeting.get("framework")
    if framework:
        ok = any(_names_framework(m, o, framework) for o in objects_of(m.view, found, MG.framework))
        tally.fact("meeting-detail", ok, f"{label} framework")


def _participant_details(m: Matcher, tally: Tally, meeting: Gold, found: list[Node], label: str) -> None:
    # The gold may give, position by position, an accepted alternative for each participant; it is
    # only read when it lists exactly one per participant (attendees never have one).
    participants = meeting.get("participants", [])
    alternatives = meeting.get("also_accept_participants", [])
    paired = len(alternatives) == len(participants)
    for i, who in enumerate(_who(meeting)):
        accepted = [who, alternatives[i]] if paired and i < len(alternatives) else [who]
        ok = any(m.takes_part(n, name) for n in found for name in accepted)
        tally.fact("meeting-detail", ok, f"{label} participant {who}")


def _names_framework(m: Matcher, node: Node, framework: str) -> bool:
    """The words of all the node's labels together hold 60% of the framework's name."""
    words: set[str] = set().union(*(label.split() for label in m.view.labels(node)))
    return overlaps(tokens(framework), words)
