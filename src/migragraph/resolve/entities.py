"""What the release graphs say of the persons and dated meetings that resolution compares: read from the
store once per build (queries/resolve-*.rq), grouped by node."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from migragraph.store.graphstore import GraphStore


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


def persons(store: GraphStore) -> list[PersonSeen]:
    found: dict[str, PersonSeen] = defaultdict(lambda: PersonSeen(""))
    for person, name, org, above, release in store.select_values("resolve-persons"):
        seen = found[str(person)]
        seen.iri = str(person)
        seen.names.add(str(name))
        seen.orgs.update(o for o in (org, above) if o is not None)
        seen.releases.add(str(release))
    return sorted(found.values(), key=lambda p: p.iri)


def meetings(store: GraphStore) -> list[MeetingSeen]:
    found: dict[str, MeetingSeen] = defaultdict(lambda: MeetingSeen(""))
    for meeting, date, place, who, release in store.select_values("resolve-meetings"):
        seen = found[str(meeting)]
        seen.iri, seen.date = str(meeting), str(date)[:10]
        if place is not None:
            seen.places.add(place)
        if who is not None:
            seen.who.add(who)
        seen.releases.add(str(release))
    return sorted(found.values(), key=lambda m: m.iri)
