"""How the page shows each kind of entity and relation, and the hover text, escaped.

Every label, title and URL comes from a release, so none of it may reach the page as markup: the hover
text is built here from escaped parts, and only http(s) URLs become links.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

from migragraph.analyse.graph import Release

# Type -> (colour, vis-network shape, the legend's glyph for that shape).
STYLE = {
    "organisation": ("#4e79a7", "dot", "●"),
    "person": ("#f28e2b", "triangle", "▲"),
    "meeting": ("#59a14f", "square", "■"),
    "framework": ("#b07aa1", "star", "★"),
    "funding": ("#e15759", "diamond", "◆"),
}
UNKNOWN = ("#999999", "dot", "●")
# Relation -> colour, explained by the page's edge legend. The organisation-level views have their own
# relations: "met" (co-participation, weighted by meetings shared) and "funded" (funding flows).
EDGE_COLOUR = {"participant": "#59a14f", "host": "#2e7d32", "chair": "#8cd17d", "holds post": "#f28e2b",
               "part of": "#9c755f", "party": "#b07aa1", "framework": "#d4a6c8", "funder": "#e15759",
               "recipient": "#ff9d9a", "met": "#59a14f", "funded": "#e15759", "affiliated": "#f28e2b"}
OTHER_EDGE = "#8c8c8c"
MAX_LABEL = 60
MAX_RELEASES = 5
# A URL a tooltip may link to: http(s), and nothing that could end the attribute or the tag.
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`{}|\\^]+$", re.IGNORECASE)


def clip(text: str, limit: int = MAX_LABEL) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def safe_url(url: str | None) -> str | None:
    """`url` when it is a plain http(s) URL, else None (a javascript: URL is no link)."""
    return url if url and _SAFE_URL.match(url) else None


def _link(release: Release) -> str:
    title = html.escape(clip(release.title, 90))
    date = f" ({html.escape(release.issued)})" if release.issued else ""
    url = safe_url(release.url)
    if url is None:
        return title + date
    return f'<a href="{html.escape(url)}" target="_blank" rel="noopener noreferrer">{title}</a>{date}'


def release_lines(iris: Iterable[str], releases: dict[str, Release]) -> list[str]:
    """Escaped HTML lines: the first releases, linked to where they were read, and how many more."""
    known = [releases[i] for i in iris if i in releases]
    known.sort(key=lambda r: (r.issued or "", r.iri), reverse=True)  # the latest first
    lines = [_link(r) for r in known[:MAX_RELEASES]]
    if len(known) > MAX_RELEASES:
        lines.append(f"… and {len(known) - MAX_RELEASES} more")
    return lines


def _dates(data: dict[str, Any]) -> str:
    parts = [f"date {data['date']}"] if data.get("date") else []
    if data.get("first_seen"):
        seen = data["first_seen"] if data["first_seen"] == data["last_seen"] else \
            f"{data['first_seen']} to {data['last_seen']}"
        parts.append(f"seen {seen}")
    return ", ".join(parts)


def node_title(data: dict[str, Any], releases: dict[str, Release]) -> str:
    """Hover text of a node: label, type and dates, the releases it came from, its IRI."""
    head = ", ".join(p for p in (data["type"], _dates(data)) if p)
    lines = [html.escape(data["label"]), html.escape(head)]
    if "amount" in data:
        lines.append(html.escape(f"{data['amount']:,.0f} {data['currency']}"))
    rels = data.get("releases", "").split()
    lines.append(html.escape(f"in {len(rels)} release(s):"))
    lines += release_lines(rels, releases)
    lines.append(f"<small>{html.escape(data['iri'])}</small>")
    return "<br>".join(lines)


def edge_title(data: dict[str, Any], releases: dict[str, Release]) -> str:
    """Hover text of an edge: relation (and role), date, the releases stating it."""
    what = f"{data['relation']}: {data['role']}" if data.get("role") else data["relation"]
    lines = [html.escape(what)]
    if data.get("date"):
        lines.append(html.escape(f"date {data['date']}"))
    stated = data.get("releases", "").split()
    lines += release_lines(stated, releases) if stated else ["from the gazetteer"]
    return "<br>".join(lines)
