"""When two nodes that releases minted apart are one: the rules, each with its score and its reason.

Conservative by design: a link is made at LINK (0.9) and above, where the names leave no doubt or the
names and the organisations agree; below, down to CANDIDATE (0.6), the pair is only proposed, for a
person to decide (`migragraph resolve`). Two nodes of one release are never linked: within a release the
extractor has already joined what it read as one.

Persons (names folded: accents, case, hyphens, honorifics and initials aside):
    the same letters, spaced otherwise ("Amira Elfadil", "Amira El Fadil")             1.0
    the same names in another order ("Minata Cessouma Samate", "Minata Samate Cessouma") 0.95
    one name the other's, with a name more ("Workineh Gebeyehu", "Workineh Gebeyehu Negewo") 0.9
    … and a name spelt otherwise ("Georgi Gigauri", "Giorgi Gigauri"), posts in one
    organisation                                                                         0.9 (0.7 apart)
    all names alike but one transliterated ("Moussa Faki Mahamat", "… Mohamed"), posts
    in one organisation                                                                  0.9 (0.7 apart)
    a shared surname and a shared organisation                                           0.6
Meetings (dated ones only; different sessions of a series have different dates):
    the same day and at least two participants in common                                 0.9
    the same day, one participant in common, the same place                               0.7
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import combinations

from rapidfuzz import fuzz

from migragraph.extract.gazetteer import load
from migragraph.resolve.entities import MeetingSeen, PersonSeen

LINK = 0.9
CANDIDATE = 0.6
_MAX_BLOCK = 300  # a block larger than this (a very common name) is compared on exact forms only


@dataclass(frozen=True)
class Link:
    """Two nodes that are one (score >= LINK) or may be (a candidate), why, and the releases it rests on."""

    a: str
    b: str
    kind: str
    score: float
    rule: str
    releases: tuple[str, ...]


@cache
def _honorifics() -> frozenset[str]:
    roles = load().roles
    words = {w.strip(".").lower() for phrase in roles["honorifics"] for w in phrase.split()}
    titles = {w.lower() for phrase in (*roles["heads"], *roles["modifiers"]) for w in phrase.split()}
    return frozenset(words | titles | set(roles.get("abbreviations", {})))


def name_tokens(name: str) -> tuple[str, ...]:
    """A person's name as words to compare: folded, without honorifics, titles or initials."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z]+", folded.replace("’", "").replace("'", ""))
    return tuple(w for w in words if len(w) > 1 and w not in _honorifics())


def _alike(a: str, b: str, surname: bool = False) -> bool:
    return a == b or fuzz.ratio(a, b) >= (80 if surname else 85)


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Every word of `short`, in order, alike a word of `long`; first words alike, last words equal."""
    if not short or not _alike(short[0], long[0]) or short[-1] not in long:
        return False
    i = 0
    for word in short:
        while i < len(long) and not _alike(word, long[i]):
            i += 1
        if i == len(long):
            return False
        i += 1
    return True


def person_score(a: tuple[str, ...], b: tuple[str, ...], same_org: bool) -> tuple[float, str]:
    if len(a) < 2 or len(b) < 2:
        return 0.0, ""
    if "".join(a) == "".join(b):
        return 1.0, "the same name, spaced or written otherwise"
    if sorted(a) == sorted(b):
        return 0.95, "the same names in another order"
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if _within(short, long):
        if set(short) <= set(long):
            return 0.9, "one name within the other"
        # spelt alike, not the same: "Georgi"/"Giorgi" or "Daniel"/"Danielle"; a shared body decides
        if same_org:
            return 0.9, "one name within the other, spelt alike, posts in one organisation"
        return 0.7, "one name within the other, spelt alike"
    if len(a) == len(b) and len(a) >= 3 and all(x[0] == y[0] for x, y in zip(a, b, strict=True)):
        unlike = [(x, y) for x, y in zip(a, b, strict=True) if not _alike(x, y)]
        if len(unlike) <= 1:  # "Mahamat", "Mohamed", "Mohamet": one name transliterated
            if same_org:
                return 0.9, "the same names but one transliterated, posts in one organisation"
            return 0.7, "the same names but one transliterated"
    if same_org and a[-1] == b[-1] and len(a[-1]) >= 4:
        return 0.6, "the same surname and posts in one organisation"
    return 0.0, ""


def person_links(people: list[PersonSeen]) -> list[Link]:
    forms = {p.iri: {t for n in p.names if len(t := name_tokens(n)) >= 2} for p in people}
    by_iri = {p.iri: p for p in people}
    out: dict[tuple[str, str], Link] = {}
    for left, right in _pairs(forms):
        pa, pb = by_iri[left], by_iri[right]
        if not pa.releases.isdisjoint(pb.releases):
            continue  # named apart within one release: the extractor read two persons there
        same_org = not pa.orgs.isdisjoint(pb.orgs)
        best = max((person_score(x, y, same_org) for x in forms[left] for y in forms[right]),
                   default=(0.0, ""))
        if best[0] >= CANDIDATE:
            out[(left, right)] = Link(left, right, "person", best[0], best[1],
                                      tuple(sorted(pa.releases | pb.releases)))
    return sorted(out.values(), key=lambda link: (link.a, link.b))


def _pairs(forms: dict[str, set[tuple[str, ...]]]) -> Iterator[tuple[str, str]]:
    """The pairs worth comparing: those sharing a word's first three letters (a block); in a block too
    large, those sharing a whole word."""
    blocks: dict[str, set[str]] = defaultdict(set)
    for iri, tokens in forms.items():
        for words in tokens:
            for word in words:
                blocks[word[:3]].add(iri)
    seen: set[tuple[str, str]] = set()
    for block in blocks.values():
        members = sorted(block)
        if len(members) > _MAX_BLOCK:
            members_words = {m: {w for t in forms[m] for w in t} for m in members}
            pairs: Iterable[tuple[str, str]] = (
                (x, y) for x, y in combinations(members, 2) if members_words[x] & members_words[y])
        else:
            pairs = combinations(members, 2)
        for pair in pairs:
            if pair not in seen:
                seen.add(pair)
                yield pair


def meeting_links(found: list[MeetingSeen]) -> list[Link]:
    by_day: dict[str, list[MeetingSeen]] = defaultdict(list)
    for meeting in found:
        if meeting.date:
            by_day[meeting.date].append(meeting)
    out: list[Link] = []
    for day in sorted(by_day):
        for a, b in combinations(by_day[day], 2):
            if not a.releases.isdisjoint(b.releases):
                continue
            shared = len(a.who & b.who)
            if shared >= 2:
                score, rule = 0.9, f"the same day ({day}), {shared} participants in common"
            elif shared == 1 and a.places & b.places:
                score, rule = 0.7, f"the same day ({day}) and place, one participant in common"
            else:
                continue
            left, right = sorted((a.iri, b.iri))
            out.append(Link(left, right, "meeting", score, rule, tuple(sorted(a.releases | b.releases))))
    return out
