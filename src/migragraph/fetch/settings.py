"""What a fetch may do: its pace, its limits and where it may connect. The defaults are the polite and
safe ones the README states."""

from __future__ import annotations

from dataclasses import dataclass, field

from migragraph.fetch.addresses import AddressPolicy

DEFAULT_DELAY = 1.0  # seconds between two requests to one host (more if its Crawl-delay says so)
DEFAULT_MAX_PAGES = 500
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRIES = 2
ROBOTS_AGENT = "migragraph"  # the name robots.txt rules address migragraph by


def user_agent() -> str:
    from migragraph import __version__

    return f"{ROBOTS_AGENT}/{__version__} (+https://w3id.org/migragraph)"


@dataclass(frozen=True)
class Settings:
    delay: float = DEFAULT_DELAY
    max_pages: int = DEFAULT_MAX_PAGES
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    retries: int = DEFAULT_RETRIES
    policy: AddressPolicy = field(default_factory=AddressPolicy)
    user_agent: str = field(default_factory=user_agent)
    robots_agent: str = ROBOTS_AGENT


__all__ = ["DEFAULT_DELAY", "DEFAULT_MAX_BYTES", "DEFAULT_MAX_PAGES", "DEFAULT_RETRIES", "DEFAULT_TIMEOUT",
           "ROBOTS_AGENT", "Settings", "user_agent"]
