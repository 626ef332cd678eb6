"""Dates in release text: regexes find and read them (English month names; the release's own date in
other languages is dateparser's, extract/release_info.py); the release date anchors relative ones
("today", "yesterday", "on Monday", "yesterday (9/03)")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Day abbreviations in the languages of the sites releases are copied from (IOM pages show "Ven").
_DAY_ABBR = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Lun|Mar|Mer|Jeu|Ven|Sam|Dim|Lu|Ma|Mi|Ju|Vi|Sa|Do|Mo|Di|Fr)"

# (a month between its day and its year is one in lower case too: "DILI, 11 june 2024 (TATOLI)")
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|–|and|to)\s*\d{{1,2}}(?:st|nd|rd|th)?)?"
                            rf"\s+(?:of\s+)?((?i:{_MONTH}))\.?,?\s+((?:19|20)\d\d)\b")
MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?,?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|–)\s*\d{{1,2}})?,?\s+((?:19|20)\d\d)\b")
ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
# Drupal's "Tue, 12/17/2019 - 18:20" on IOM pages: month first.
SLASHED = re.compile(rf"\b{_DAY_ABBR},?\s+(\d{{1,2}})/(\d{{1,2}})/((?:19|20)\d\d)\b")
# "28.02.2015", "21-07-2017" (the day first, as outside the United States; one separator twice)
DOTTED = re.compile(r"\b(\d{1,2})([.-])(\d{1,2})\2((?:19|20)\d\d)\b")
# "19/03/2016": a slashed date whose one number over 12 tells which is the day (either order is written;
# "03/04/2016" tells nothing, and is left unread)
SLASHED_PLAIN = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")
MONTH_YEAR = re.compile(rf"\b(?:(?:early|mid|late)[-\s])?({_MONTH})\s+((?:19|20)\d\d)\b")
DAY_MONTH = re.compile(rf"\b(?:on\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
                       rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\b(?!\.?,?\s+(?:19|20)\d\d)")
MONTH_DAY = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+(?:19|20)\d\d)(?!\d)")
YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
RELATIVE = re.compile(r"\b(today|yesterday|tomorrow|this week|last week|this (?:morning|afternoon|evening)|tonight|"
                      r"on (?:Monday|Tuesday|Wednesday|Thursday|"
                      r"Friday|Saturday|Sunday)|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b")

@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str  # YYYY, YYYY-MM or YYYY-MM-DD
    relative: bool = False


def full_dates(text: str) -> list[DateMention]:
    """Dates to the day written out in `text`, in order of position."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    if not YEAR.search(text):
        return found  # each pattern below ends in a year (most sentences have none)

    def add(m: re.Match[str], value: date | None) -> None:
        if value and not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(DateMention(m.start(), m.end(), value.isoformat()))
            taken.append((m.start(), m.end()))

    for m in SLASHED.finditer(text):
        add(m, _safe_date(int(m.group(3)), int(m.group(1)), int(m.group(2))))
    for m in ISO.finditer(text):
        add(m, _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    # The patterns have read the day, the English month and the year already: no need of dateparser
    # (a fifth of the rules extractor's time went to it).
    for m in DAY_MONTH_YEAR.finditer(text):
        add(m, _safe_date(int(m.group(3)), _month(m.group(2)), int(m.group(1))))
    for m in MONTH_DAY_YEAR.finditer(text):
        add(m, _safe_date(int(m.group(3)), _month(m.group(1)), int(m.group(2))))
    for m in DOTTED.finditer(text):
        add(m, _safe_date(int(m.group(4)), int(m.group(3)), int(m.group(1))))
    for m in SLASHED_PLAIN.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if (a > 12) != (b > 12):
            add(m, _safe_date(int(m.group(3)), min(a, b), max(a, b)))
    return sorted(found, key=lambda d: d.start)


_MONTHS = {name: i for i, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def _month(name: str) -> int:
    """The number of an English month name or abbreviation that _MONTH matched."""
    return _MONTHS[name[:3].lower()]


# For patterns elsewhere: a month's English name or abbreviation.
MONTH = _MONTH


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def dates_in(text: str, anchor: date | None, year: int | None = None) -> list[DateMention]:
    """Every date in a sentence: full dates, month-years, day-months and relative words (resolved
    against `anchor`, the release date; left out when there is none, but day-months in `year` if given)."""
    found = full_dates(text)
    taken = [(d.start, d.end) for d in found]

    def free(m: re.Match[str]) -> bool:
        return not any(s < m.end() and m.start() < e for s, e in taken)

    for m in MONTH_YEAR.finditer(text):
        parsed = _safe_date(int(m.group(2)), _month(m.group(1)), 1)
        if parsed and free(m):
            found.append(DateMention(m.start(), m.end(), parsed.isoformat()[:7]))
            taken.append((m.start(), m.end()))
    # A day and month without a year: in the release's year, the nearest the release date where it has one.
    in_year = anchor.year if anchor else year
    if in_year is not None:
        for pattern, day, month in ((DAY_MONTH, 1, 2), (MONTH_DAY, 2, 1)):
            for m in pattern.finditer(text):
                value = _safe_date(in_year, _month(m.group(month)), int(m.group(day)))
                if value and free(m):
                    value = _near(value, anchor) if anchor else value
                    found.append(DateMention(m.start(), m.end(), value.isoformat(), True))
                    taken.append((m.start(), m.end()))
    if anchor:
        # "Last October, WHO and Russia signed …" (a release of September 2021): the latest such month before it
        for m in _LAST_MONTH.finditer(text):
            month = _month(m.group(1))
            if free(m):
                found.append(DateMention(m.start(), m.end(), f"{anchor.year - (month >= anchor.month):04d}-{month:02d}",
                                         True))
                taken.append((m.start(), m.end()))
        # "launched yesterday (22/05)", "this week (27-30/11)": a relative day glossed with its day and
        # month, the day first
        for m in _GLOSSED_DAY.finditer(text):
            value = _safe_date(anchor.year, int(m.group(2)), int(m.group(1)))
            if value and free(m):
                found.append(DateMention(m.start(1), m.end(), _near(value, anchor).isoformat(), True))
                taken.append((m.start(), m.end()))
        for m in RELATIVE.finditer(text):
            rel = relative_date(m.group(1), anchor)
            glossed = re.match(r"\s*\(|,?\s+", text[m.end():])
            if glossed and any(d.start == m.end() + glossed.end() for d in found):
                # "signed today (April 15)": the site's "today" is the day it wrote, the date is the day; "met
                # yesterday, 20 February 2024", "on Wednesday, 1 October 2008": the date told is the day
                continue
            if m.group(1).lower() == "today" and any(d.end <= m.start() and DATELINE_END.match(text, d.end)
                                                     for d in found):
                continue  # "Ramallah, 14 October 2021 - … signed an Agreement today": the dateline's day
            if rel and free(m):
                found.append(DateMention(m.start(), m.end(), rel.isoformat(), True))
    return sorted(found, key=lambda d: d.start)


_LAST_MONTH = re.compile(rf"\b[Ll]ast\s+({_MONTH})\b(?!\s+\d)")
_GLOSSED_DAY = re.compile(rf"\b(?:today|yesterday|tomorrow|tonight|week|weekend|morning|afternoon|evening|"
                          rf"{'|'.join(_DAY_NAMES)})\s*\((\d{{1,2}})(?:[-–]\d{{1,2}})?/(\d{{1,2}})\)", re.IGNORECASE)
# The date a copied page's text begins with (" date 2021-10-18 Ramallah , 14 October 2021"): the day the page was
# put out, not any event's.
COPIED_DATE = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s+")
# The end of a dateline's date: "Ramallah, 14 October 2021 - UNOPS and …".
DATELINE_END = re.compile(r"\s*[-–—:]\s")


def past_dateline(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """A sentence's dates without the dateline's, where another follows ("Geneva, 22 September 2022 - President
    Ali on Wednesday met …"), and without a copied page's, even alone (" date 2022-09-22 President …": the day
    the page was put out; the day of the event is told later, or is the release's)."""
    if found and sentence[:found[0].start].strip() == "date":
        return found[1:]
    if len(found) > 1 and DATELINE_END.match(sentence, found[0].end):
        return found[1:]
    return found


def _near(value: date, anchor: date) -> date:
    """A day and month without a year: the one nearest the release date (news reports the recent past)."""
    candidates = [value.replace(year=anchor.year + k) for k in (-1, 0, 1) if _valid(value, anchor.year + k)]
    return min(candidates, key=lambda d: abs((d - anchor).days))


def _valid(value: date, year: int) -> bool:
    try:
        value.replace(year=year)
    except ValueError:
        return False
    return True


def relative_date(word: str, anchor: date) -> date | None:
    w = word.lower().removeprefix("on ").strip()
    if w in ("today", "this week", "this morning", "this afternoon", "this evening", "tonight"):
        return anchor
    if w == "yesterday":
        return anchor - timedelta(days=1)
    if w == "tomorrow":
        return anchor + timedelta(days=1)
    if w in _DAY_NAMES:
        # A weekday named in a release is the most recent such day up to the release date.
        back = (anchor.weekday() - _DAY_NAMES.index(w)) % 7
        return anchor - timedelta(days=back)
    return None


def precision_of(value: str) -> str:
    return {4: "year", 7: "month"}.get(len(value), "day")
