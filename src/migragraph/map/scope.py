"""Which organisation an organisation's name stands for, across releases: its IRI and its preferred label.

A name the gazetteer knows, or a proper name ("Nordic Council of Ministers"), names one body wherever
it is written: its IRI is minted from it. A name made only of the words of gazetteer/units.yaml and the
portfolio words ("Ministry of Interior", "Immigration Department", "Office of National Security") names
a kind of body that many states and organisations have: it is minted under the body it is part of
(`org/government-of-the-gambia--ministry-of-interior`), and where the release does not say which that
is, under the release itself, so that two releases never make one node of two states' ministries. A
name that ends with the body it belongs to ("Ministry of Internal Affairs of Georgia", "International
Relations Department of the MIA") is the same unit as its short form under that body. A body of the
gazetteer that exists once in every country (an EU delegation) and is named without its country is
the release's own.

The preferred label is the one every release minting that IRI gives: the name without a possessive,
and for a unit of a body its own words and that body's ("World Bank’s Board of Executive Directors" is
"Board of Executive Directors of the World Bank", "Ministry of Interior" of the Gambia's government
"Ministry of Interior of Gambia"); the forms each release wrote stay as its alternative labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from migragraph.extract.gazetteer import load
from migragraph.extract.model import Organisation
from migragraph.map.iris import slug
from migragraph.resources import read_gazetteer

_CONNECTORS = {"of", "for", "and", "the", "on", "in", "to", "&"}
_POSSESSIVE = re.compile(r"(?<=\w)(?:’s|'s)(?=\s)")
_MAX_DEPTH = 4


@dataclass(frozen=True)
class Identity:
    segments: tuple[str, ...]  # what the IRI is minted from: IriMinter("org", *segments)
    label: str  # the preferred label every release minting it gives
    parent: str | None = None  # the key of the body its name starts with, where the extraction gave none


@cache
def _generic_words() -> frozenset[str]:
    units: dict[str, Any] = read_gazetteer("units.yaml")
    words = {w for phrase in units["heads"] for w in phrase.split()} | set(units["words"])
    return frozenset(words | load().portfolio)


def plain(name: str) -> str:
    """A name without possessives and with single spaces: the same body's name in every release."""
    return " ".join(_POSSESSIVE.sub("", name).split())


def generic(name: str) -> bool:
    """Whether `name` is only the words of a kind of body ("Ministry of Interior"), no one body's own."""
    words = [w.strip(",.()") for w in name.split()]
    core = [w for w in words if w.lower() not in _CONNECTORS]
    return bool(core) and all(w in _generic_words() for w in core)


def identities(organisations: dict[str, Organisation], release_key: str) -> dict[str, Identity]:
    """The identity of every organisation of one release's extraction, by key."""
    gaz = load()
    out: dict[str, Identity] = {}

    def of(key: str, depth: int = 0) -> Identity:
        if key in out:
            return out[key]
        org = organisations[key]
        entry = gaz.orgs.get(key)
        if entry is not None:
            found = Identity((release_key, key) if entry.per_country else (key,), org.name)
        else:
            found = _unit(org, organisations, release_key, depth, of) or Identity((key,), plain(org.name))
        out[key] = found
        return found

    for key in organisations:
        of(key)
    return out


def _unit(org: Organisation, organisations: dict[str, Organisation], release_key: str, depth: int,
          of: Any) -> Identity | None:
    """The identity of a kind of body: under the body it is part of, or the release's own."""
    name = plain(org.name)
    parent = organisations.get(org.parent) if org.parent and org.parent != org.key else None
    named_in = None
    if parent is None:
        parent, short = _after_body(name, organisations, org.key)
        named_in = parent.key if parent is not None else None
    else:
        short = _without_body(name, parent) or _after_body(name, {parent.key: parent}, org.key)[1]
    if short is None and not generic(name):
        return None
    short = short or name
    if parent is not None and depth < _MAX_DEPTH:
        above = of(parent.key, depth + 1)
        return Identity((*above.segments, slug(short)), _label(short, parent, above.label), named_in)
    return Identity((release_key, slug(short)), short)


def _label(short: str, parent: Organisation, above: str) -> str:
    """A unit's preferred label, the same in every release and telling whose it is: "Ministry of Interior
    of Gambia", "Council of the International Organization for Migration"."""
    country = load().countries.get(parent.government_of) if parent.government_of else None
    return f"{short} of {country.name}" if country else f"{short} of the {above}"


def _after_body(name: str, organisations: dict[str, Organisation], key: str,
                ) -> tuple[Organisation | None, str | None]:
    """The body a unit's name starts with, and the unit's own words: "World Bank Board of Executive
    Directors" is the Board of Executive Directors of the World Bank the release names."""
    for other in organisations.values():
        if other.key == key:
            continue
        for form in (other.name, *other.aliases):
            head = plain(form)
            if name.startswith(head + " ") and generic(rest := name[len(head) + 1:]):
                return other, rest
    return None, None


def _forms(parent: Organisation) -> set[str]:
    forms = {parent.name, *parent.aliases}
    if parent.government_of:
        country = load().countries.get(parent.government_of)
        forms |= set(country.names) if country else set()
    return {plain(f).lower() for f in forms}


def _without_body(name: str, parent: Organisation | None) -> str | None:
    """The unit's own words, where its name ends with the body it belongs to: "Ministry of Internal
    Affairs of Georgia" under the Government of Georgia, "… Department of the MIA" under the MIA."""
    if parent is None:
        return None
    known = _forms(parent)
    for m in re.finditer(r"\s+of\s+(?:the\s+)?", name):
        head, tail = name[:m.start()], name[m.end():]
        if tail.lower() in known and generic(head):
            return head
    return None
