"""Dates as the graph states them: xsd:date for a day, xsd:gYearMonth / xsd:gYear for coarser ones.

Sources give dates in many spellings ("2025-04-04T10:00:00Z", "4 April 2025", "April 4, 2025"). Only
spellings that name one day without doubt are read; "04/05/2025" (day or month first?) is not.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from rdflib import XSD, Literal

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ISO_YEAR = re.compile(r"^(\d{4})$")
_WRITTEN = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%A, %d %B %Y", "%A %d %B %Y")


def iso_date(value: str | None) -> str | None:
    """`value` as YYYY-MM-DD, or None when it does not name one day."""
    if not value:
        return None
    text = value.strip()
    match = _ISO_DAY.match(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    for fmt in _WRITTEN:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def date_literal(value: str | None) -> Literal | None:
    day = iso_date(value)
    return Literal(day, datatype=XSD.date) if day else None


def partial_date_literal(value: str | None) -> Literal | None:
    """A date given to the year, the month or the day, typed by that precision; None if unreadable."""
    if not value:
        return None
    text = value.strip()
    if _ISO_YEAR.match(text):
        return Literal(text, datatype=XSD.gYear)
    month = _ISO_MONTH.match(text)
    if month:
        return Literal(text, datatype=XSD.gYearMonth) if 1 <= int(month[2]) <= 12 else None
    return date_literal(text)
