"""The release's own facts: headline, date, dateline place, publisher and SDG tags."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import urlparse

import yaml

from migragraph.extract.dates import full_dates
from migragraph.extract.places import is_city
from migragraph.ingest.release import RawRelease
from migragraph.resources import data_file

_NOT_TITLE = re.compile(r"^(?:news(?: story| release)?|press release|global|statement|readout|home)?[-–|/: ]*$",
                        re.IGNORECASE)
_DATELINE = re.compile(r"^\(?([A-Z][A-Za-z’'.-]+(?:[ ][A-Z][A-Za-z’'.-]+){0,2}|[A-Z]{3,}(?:[ ][A-Z]{3,})?)"
                       r"(?:,\s*[A-Z][a-z]+)?\)?\s*(?:[,:–—-]|\(|\d)")


@cache
def _publishers() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(data_file("gazetteer", "publishers.yaml").read_text(encoding="utf-8"))
    return data


def release_date(release: RawRelease, text: str) -> date | None:
    if release.date:
        found = full_dates(release.date)
        if found:
            return date.fromisoformat(found[0].value)
    head = text[:600]
    found = full_dates(head)
    return date.fromisoformat(found[0].value) if found else None


def title(release: RawRelease, text: str) -> str | None:
    if release.title:
        return release.title
    for line in text.split("\n")[:6]:
        line = line.strip()
        if not line or _NOT_TITLE.match(line) or full_dates(line) and len(line.split()) <= 6:
            continue
        if is_city(line) or re.match(r"^(?:date|published|by)\b", line, re.IGNORECASE):
            continue
        words = line.split()
        if 3 <= len(words) <= 30 and not re.search(r"[.:;]$", line) and not re.search(r"\s[–—-]\s[A-Z]", line[:60]):
            return line
        break
    return None


def place(text: str) -> str | None:
    for line in text.split("\n")[:12]:
        m = _DATELINE.match(line.strip())
        if m:
            name = m.group(1)
            cand = name.title() if name.isupper() else name
            if is_city(cand):
                return cand
        inner = re.search(r"\(([A-Z]{3,}|[A-Z][a-z]+)(?:,\s*[A-Z][a-z]+)?\)", line[:80])
        if inner and is_city(inner.group(1).title()):
            return inner.group(1).title()
    return None


def publisher(release: RawRelease, text: str) -> str | None:
    data = _publishers()
    if release.url:
        host = (urlparse(release.url).hostname or "").lower()
        matches = [d for d in data["domains"] if host == d or host.endswith("." + d)]
        if matches:
            return str(data["domains"][max(matches, key=len)])
    for cue in data["cues"]:
        if re.search(cue["pattern"], text, re.MULTILINE):
            return str(cue["publisher"])
    return None


def sdgs(text: str) -> list[int]:
    found = {int(m.group(1)) for m in re.finditer(r"(?m)^\s*SDG\s*(\d{1,2})\b", text)}
    return sorted(n for n in found if 1 <= n <= 17)
