"""Deterministic IRIs: the same thing gets the same IRI in every release and every run.

    <base>org/<key>        organisations (gazetteer key, or the slug of the fullest name)
    <base>person/<slug>    persons, by name with accents folded ("António Guterres" = "Antonio Guterres")
    <base>role/<slug>      roles;  <base>post/<org>--<role>--<person>  a person's post in an organisation
    <base>funding/<donor>--<recipient>--<amount>--<currency>--<year>  one flow, whichever releases report it
    <base>meeting/…  <base>framework/…  <base>place/…  <base>release/<key>
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

import pyoxigraph as ox
from rdflib import URIRef

DEFAULT_BASE = "https://w3id.org/migragraph/id/"
_MAX_SLUG = 80
# Kinds minted from names or from what they are, so that many releases describe one node: a funding
# flow from its donor, recipient, amount, currency and year. The others (release, meeting, activity) are
# minted from a release's key and belong to that release alone. Validation checks cross-release
# constraints on these only (validate/crossrelease.py).
SHARED_KINDS = frozenset({"org", "person", "role", "post", "framework", "place", "agent", "funding"})
# Never valid in an IRI (RFC 3987), with the controls and spaces.
_NOT_IRI = re.compile(r"[\x00-\x20<>\"{}|\\^`\x7f-\x9f]")


# Latin letters that Unicode does not decompose into a base letter and a mark ("Høybråten", "Łukasz").
_UNDECOMPOSED = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss",
                               "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th",
                               "Þ": "Th", "ı": "i", "ħ": "h", "Ħ": "H"})


# Cached: a build asks for the same few names (a release's key, the agent, IOM) many times over; at
# 10,000 releases a rebuild that extracts 100 spent ~0.5 s folding the others' keys again.
@functools.lru_cache(maxsize=1 << 14)
def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; '' when nothing is left."""
    folded = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.replace("&", " and ").lower()
    words = re.findall(r"[a-z0-9]+", folded)
    out = "-".join(words)
    if len(out) > _MAX_SLUG:
        # Cut, with the hash of the whole: two long names that begin alike stay two IRIs. (Cut alone,
        # "Strategic Cooperation Framework" of one bank with each of its partners was one framework: the
        # partner fell past the cut, and at 100,000 synthetic releases one node had 159 parties.)
        digest = hashlib.sha256(out.encode("ascii")).hexdigest()[:8]
        out = f"{out[:_MAX_SLUG - len(digest) - 1].rsplit('-', 1)[0]}-{digest}"
    return out


class IriMinter:
    """Mints every IRI of a build under one base."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not re.match(r"^https?://[^/?#]+", base) or not base.endswith(("/", "#")) or _NOT_IRI.search(base):
            raise ValueError(f"base IRI {base!r} must be an http(s) IRI ending in / or #")
        try:
            ox.NamedNode(base)  # what the store will make of it: a full RFC 3987 check (host, port ...)
        except ValueError as exc:
            raise ValueError(f"base IRI {base!r} is not a valid IRI ({exc})") from None
        self.base = base

    def __call__(self, kind: str, *parts: str) -> URIRef:
        # A name with no Latin letters (Arabic, Chinese) still needs a stable, distinct segment.
        segs = [slug(p) or "h" + hashlib.sha256(p.encode("utf-8", "surrogatepass")).hexdigest()[:12]
                for p in parts]
        return URIRef(f"{self.base}{kind}/{'--'.join(segs)}")

    def kind_of(self, iri: str) -> str | None:
        """The kind an IRI of this minter was minted as ("org" for <base>org/iom), else None."""
        if not iri.startswith(self.base):
            return None
        kind, sep, _ = iri[len(self.base):].partition("/")
        return kind if sep else None

    def shared(self, iri: str) -> bool:
        """Whether many releases may describe this node (see SHARED_KINDS)."""
        return self.kind_of(iri) in SHARED_KINDS
