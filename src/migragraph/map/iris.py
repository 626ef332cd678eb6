"""Deterministic IRIs: the same thing gets the same IRI in every release and every run.

    <base>org/<key>        organisations (gazetteer key, or the slug of the fullest name)
    <base>person/<slug>    persons, by name with accents folded ("António Guterres" = "Antonio Guterres")
    <base>role/<slug>      roles;  <base>post/<org>--<role>--<person>  a person's post in an organisation
    <base>meeting/…  <base>framework/…  <base>funding/…  <base>place/…  <base>release/<key>
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

DEFAULT_BASE = "https://w3id.org/migragraph/id/"
_MAX_SLUG = 80


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; '' when nothing is left."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.replace("&", " and ").lower()
    words = re.findall(r"[a-z0-9]+", folded)
    out = "-".join(words)
    if len(out) > _MAX_SLUG:
        out = out[:_MAX_SLUG].rsplit("-", 1)[0]
    return out


class IriMinter:
    """Mints every IRI of a build under one base."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not re.match(r"^https?://[^\s<>\"{}|\\^`]+[/#]$", base):
            raise ValueError(f"base IRI {base!r} must be an http(s) IRI ending in / or #")
        self.base = base

    def __call__(self, kind: str, *parts: str) -> URIRef:
        # A name with no Latin letters (Arabic, Chinese) still needs a stable, distinct segment.
        segs = [slug(p) or "h" + hashlib.sha256(p.encode("utf-8")).hexdigest()[:12] for p in parts]
        return URIRef(f"{self.base}{kind}/{'--'.join(segs)}")
