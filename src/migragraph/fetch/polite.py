"""Politeness: one request at a time, a host asked again only after its delay, retries that back off.

The delay of a host is the larger of --delay and the Crawl-delay its robots.txt gives migragraph,
counted from the end of one response to the start of the next request to that host. A 429 or 5xx
answer is tried again after the time its Retry-After header asks (seconds or an HTTP date), or else
after the delay doubled on each try, never sooner than one second; an answer that asks for more than
MAX_RETRY_AFTER seconds is not waited for, and the URL is left for a later run.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

# Answers worth trying again (RFC 9110: the server is busy or failed, not the request).
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 120.0
# A site whose Crawl-delay is longer than this is not crawled at all: one page an hour would hold
# the run for hours, and a faster pace would ignore what the site asked for.
MAX_CRAWL_DELAY = 60.0


class Hosts:
    """When each host may next be asked. `sleep` and `clock` are time.sleep and time.monotonic."""

    def __init__(self, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.sleep, self.clock = sleep, clock
        self.ready: dict[str, float] = {}

    def ready_at(self, host: str) -> float:
        return self.ready.get(host, 0.0)

    def wait(self, host: str) -> None:
        pause = self.ready_at(host) - self.clock()
        if pause > 0:
            self.sleep(pause)

    def done(self, host: str, gap: float) -> None:
        """A request to `host` just ended; the next may start `gap` seconds from now."""
        self.ready[host] = max(self.ready_at(host), self.clock() + gap)


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks for ("120" or an HTTP date); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return float(max(0.0, (when - (now or datetime.now(UTC))).total_seconds()))


def backoff(attempt: int, gap: float, asked: float | None) -> float:
    """How long to wait before try number `attempt` + 1 (attempt counts from 0)."""
    if asked is not None:
        return max(asked, gap)
    return float(max(1.0, gap) * 2.0 ** attempt)


__all__ = ["MAX_CRAWL_DELAY", "MAX_RETRY_AFTER", "RETRY_STATUSES", "Hosts", "backoff", "retry_after"]
