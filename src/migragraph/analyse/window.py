"""A time window (since, until) over dates of any precision.

The graph holds days (a meeting's xsd:date), months and years (a framework's dcterms:created, a
funding's mg:year). Each is read as the span of days it covers, and a date is in the window when its
span meets the window's: "2024" is in a window since 2024-06-01, and "2024-07" in one until 2024.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass

from migragraph.errors import ConfigError

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def span(value: str) -> tuple[str, str] | None:
    """The first and last day `value` (YYYY, YYYY-MM or YYYY-MM-DD...) covers; None if unreadable."""
    match = _DATE.match(value.strip())
    if not match:
        return None
    year, month, day = match[1], match[2], match[3]
    if month is None:
        return f"{year}-01-01", f"{year}-12-31"
    if not 1 <= int(month) <= 12:
        return None
    if day is None:
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return f"{year}-{month}-{day}", f"{year}-{month}-{day}"


@dataclass(frozen=True)
class Window:
    """Dates from `since` to `until`, both included, either open; the empty window lets all through."""

    since: str | None = None
    until: str | None = None

    def __post_init__(self) -> None:
        for name, value in (("--since", self.since), ("--until", self.until)):
            if value is not None and span(value) is None:
                raise ConfigError(f"{name} {value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD")
        if self.since and self.until and self._start() > self._end():
            raise ConfigError(f"--since {self.since} is after --until {self.until}")

    @property
    def open(self) -> bool:
        """True when the window restricts nothing."""
        return self.since is None and self.until is None

    def _start(self) -> str:
        found = span(self.since) if self.since else None
        return found[0] if found else "0000-01-01"

    def _end(self) -> str:
        found = span(self.until) if self.until else None
        return found[1] if found else "9999-12-31"

    def contains(self, value: str | None) -> bool:
        """Whether the date `value` falls in the window. An undated thing is only in an open window:
        nothing says when it happened."""
        if self.open:
            return True
        days = span(value) if value else None
        return days is not None and days[0] <= self._end() and days[1] >= self._start()

    def any(self, values: Iterable[str | None]) -> bool:
        """Whether one of the dates `values` falls in the window (always, when the window is open)."""
        return self.open or any(self.contains(v) for v in values)

    def describe(self) -> str:
        if self.open:
            return "all dates"
        return f"{self.since or '…'} to {self.until or '…'}"
