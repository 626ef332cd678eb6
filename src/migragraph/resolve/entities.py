"""What the release graphs say of the persons and dated meetings that resolution compares: read from the
store once per build (queries/resolve-*.rq, whose rows a build may give from what it remembers:
analyse/graphrows.py), grouped by node. An unbound value reads as '' (the W3C CSV results), as an empty
name or place would: neither says anything to compare."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from migragraph.analyse.graph import Tables, table


@dataclass
class PersonSeen:
    iri: str
    names: set[str] = field(default_factory=set)
    orgs: set[str] = field(default_factory=set)  # where the releases place their posts (and units' parents)
    releases: set[str] = field(default_factory=set)


@dataclass
class MeetingSeen:
    iri: str
    date: str = ""
    places: set[str] = field(default_factory=set)
    who: set[str] = field(default_factory=set)  # participants, chairs, host
    releases: set[str] = field(default_factory=set)


def persons(tables: Tables) -> list[PersonSeen]:
    found: dict[str, PersonSeen] = defaultdict(lambda: PersonSeen(""))
    for person, name, org, above, release in table(tables.fetch("resolve-persons")):
        seen = found[person]
        seen.iri = person
        if name:
            seen.names.add(name)
        seen.orgs.update(o for o in (org, above) if o)
        seen.releases.add(release)
    return sorted(found.values(), key=lambda p: p.iri)


def meetings(tables: Tables) -> list[MeetingSeen]:
    found: dict[str, MeetingSeen] = defaultdict(lambda: MeetingSeen(""))
    for meeting, date, place, who, release in table(tables.fetch("resolve-meetings")):
        seen = found[meeting]
        seen.iri, seen.date = meeting, date[:10]
        if place:
            seen.places.add(place)
        if who:
            seen.who.add(who)
        seen.releases.add(release)
    return sorted(found.values(), key=lambda m: m.iri)
