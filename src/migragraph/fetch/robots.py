"""robots.txt, read as RFC 9309 says, with protego (Scrapy's parser).

Not trafilatura's rules: they are the standard library's urllib.robotparser, which applies the first
rule that matches a path, so "Allow: /" above "Disallow: /private/" lets /private/ be fetched; RFC 9309
(and protego) apply the longest match, as the site meant. tests/fetch/test_robots.py shows both.

What the answer for /robots.txt means (RFC 9309, 2.3.1):
    2xx            its rules
    4xx            no rules: everything may be fetched
    5xx, no answer the site is "unreachable": nothing on it is fetched this run
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from protego import Protego

# RFC 9309 2.5: a crawler must parse at least 500 KiB; more is not read.
MAX_ROBOTS_BYTES = 500 * 1024


@dataclass(frozen=True)
class Robots:
    """The rules of one origin (scheme, host, port) for the user agent `agent` ("migragraph")."""

    agent: str
    parser: Protego | None = None
    blocked: str | None = None  # why nothing may be fetched (the site's robots.txt is unreachable)
    sitemaps: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def parse(cls, agent: str, text: str) -> Robots:
        parser = Protego.parse(text)
        return cls(agent, parser, sitemaps=tuple(dict.fromkeys(parser.sitemaps)))

    @classmethod
    def allow_all(cls, agent: str) -> Robots:
        return cls(agent)

    @classmethod
    def unreachable(cls, agent: str, why: str) -> Robots:
        return cls(agent, blocked=f"the site's robots.txt is unreachable ({why}), so nothing on it is "
                                  "fetched (RFC 9309)")

    def refusal(self, url: str) -> str | None:
        """Why robots.txt forbids `url` to this agent (None when it allows it)."""
        if self.blocked:
            return self.blocked
        if self.parser is None or self.parser.can_fetch(url, self.agent):
            return None
        return "disallowed by robots.txt"

    @property
    def crawl_delay(self) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(self.agent)
        return float(delay) if delay is not None else None


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}/robots.txt"


def origin(url: str) -> str:
    """scheme://host:port of `url`, which one robots.txt governs."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.scheme}://{(parts.hostname or '').lower()}:{port}"


__all__ = ["MAX_ROBOTS_BYTES", "Robots", "origin", "robots_url"]
