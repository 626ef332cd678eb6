"""The release's own facts: headline, date, dateline place, publisher (where its address or a site's mark tells
it; extract/publisher.py reads it from the text) and SDG tags."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from typing import Any
from urllib.parse import urlparse

import dateparser
import pycountry
from rapidfuzz import fuzz, process

from migragraph.extract.dates import COPIED_DATE, MONTH, dates_in, full_dates
from migragraph.extract.places import is_city, with_district
from migragraph.extract.titles import ABBR
from migragraph.ingest.release import RawRelease
from migragraph.resources import read_gazetteer

_NOT_TITLE = re.compile(r"^(?:news(?: story| release)?|press release|global|statement|readout|home)?[-–|/: ]*$",
                        re.IGNORECASE)
# A site's name before its headline: "unctad.org | UNCTAD and …".
_SITE = re.compile(r"^[\w.-]+\.(?:org|int|com|gov|net|eu|info)\s*\|\s*", re.IGNORECASE)
# Page furniture above a headline: section names, breadcrumbs, a page's kind ("Feature story"), a year
# alone, a cookie banner, the page's navigation ("Skip to content").
_FURNITURE = re.compile(r"^(?:news details|latest news|news and events|press releases?|media cent(?:re|er)|"
                        r"feature(?: story)?|article|story|media advisory|news item|"
                        r"(?:19|20)\d\d|we use cookies\b.*|"
                        # a cookie banner in any language: the word is borrowed, the button is "OK"
                        r".*\bcookies?\b.*\b(?:accept\w*|accett\w*|akzept\w*|acepta\w*|consent\w*|agree|OK)\b.*|"
                        r"information about .*|faithful to .*|"
                        # a page's navigation, for screen readers and menus
                        r"skip to (?:the )?(?:main )?content|skip navigation|top of (?:the )?page|back to top|"
                        r"toggle navigation|main menu|menu|search|print|share(?: this(?: page)?)?|you are here:?.*)$",
                        re.IGNORECASE)
_DATED_LINE = re.compile(rf"^\(?([A-Z][A-Za-z’'.-]+(?:[ ][A-Z][A-Za-z’'.-]+){{0,2}})[ ]?,\s+(?:\w+day,?\s+)?(?:\d|{MONTH})")
# A line that is only a date, in the languages of the sites releases come from.
_DATE_ALONE = re.compile(r"\d{1,2}[ .](?:[A-Za-zÀ-ÿ]{3,10}\.?[ ]|\d{1,2}\.)\d{2,4}|\d{4}/\d{1,2}/\d{1,2}")
_LANGUAGES = ("en", "fr", "es", "it", "de", "pt")
# "26 November 2019, Rome -", as FAO writes its datelines; "21-07-2017, Geneva (Switzerland):"
# (the year may be left out: "16 August, Kathmandu: The European Union …")
_DATE_THEN_CITY = re.compile(r"^(?:\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?|\d{1,2}([-./])\d{1,2}\1\d{4}),\s+"
                             r"([A-Z][\w’'.-]+(?:\s[A-Z][\w’'.-]+){0,2})\s*(?:\([A-Z][\w .’'-]+\)\s*)?[-–—:]")
# A dateline that names where before the city, each part after a comma or a bar: "State House, Freetown, Friday 8
# April 2022 –", "Ministry of Foreign Affairs and International Cooperation, Tower Hill, Freetown, 4th July, 2022",
# "Press release | Hanoi, Viet Nam | 29 March 2023".
_PARTS_THEN_DATE = re.compile(rf"^((?:[A-Z][^,|\n]{{1,60}}[,|]\s*){{1,4}})(?:[A-Z][a-z]+day,?\s+)?"
                              rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}|{MONTH}\s+\d{{1,2}})\b")
_DATELINE = re.compile(r"^\(?([A-Z][A-Za-z’'.-]+(?:[ ][A-Z][A-Za-z’'.-]+){0,2}|[A-Z]{3,}(?:[ ][A-Z]{3,})?)"
                       r"(?:,\s*[A-Z][a-z]+)?\)?\s*(?:[,:–—-]|\(|\d)")


@cache
def _publishers() -> dict[str, Any]:
    data: dict[str, Any] = read_gazetteer("publishers.yaml")
    return data


def release_date(release: RawRelease, text: str) -> date | None:
    """The date the release carries: its record's, else a dateline's ("Paris, 1 June 2021"), else the
    first date written near its top, in English or in a line of its own in another language ("30 mayo
    2013", "31 Gennaio 2023", "28.02.15 | News", "2023/07/19")."""
    if release.date:
        found = full_dates(release.date)
        if found:
            return date.fromisoformat(found[0].value)
    head = text[:600]
    found = full_dates(head)
    for line in head.split("\n"):
        # (after the date a copied page's first line may carry: " date 2021-10-18 Ramallah , 14 October 2021")
        line = COPIED_DATE.sub("", line.strip())
        dateline = _DATED_LINE.match(line)
        if dateline and is_city(dateline.group(1)):
            if told := full_dates(line):
                return date.fromisoformat(told[0].value)
            # "Havana, April 3 (ACN)": a dateline's day without its year, of the year that puts it nearest the
            # date beside it (as dates_in reads a day and month against the release's date)
            near = date.fromisoformat(found[0].value) if found and len(found[0].value) == 10 else None
            comma = re.compile(r"\s*,\s+").match(line, dateline.end(1))
            day = next((d for d in dates_in(line, near) if comma and d.start == comma.end()), None) if near else None
            if day is not None and len(day.value) == 10:
                return date.fromisoformat(day.value)
    if found:
        return date.fromisoformat(found[0].value)
    for line in text.split("\n")[:10]:
        for part in re.split(r"\s*[|•]\s*|:\s+", line.strip()):
            if _DATE_ALONE.fullmatch(part):
                parsed = dateparser.parse(part, languages=list(_LANGUAGES), settings={"DATE_ORDER": "DMY"})
                if isinstance(parsed, datetime):
                    return parsed.date()
    return None


def furniture(line: str) -> bool:
    """Whether a line of the page's head is furniture: a section's name, a breadcrumb, a page's kind
    ("- Media Center", "News Details"), not text of the release."""
    line = _SITE.sub("", line.strip()).strip(" •·▪-–“”\"")
    return bool(line) and (_NOT_TITLE.match(line) is not None or _FURNITURE.match(line) is not None)


def title(release: RawRelease, text: str) -> str | None:
    """The headline the text starts with, past page furniture (a site's name, "News Details", a date
    line, a bullet or quotes around it); none when the text starts with its body."""
    if release.title:
        return release.title
    for raw in text.split("\n")[:8]:
        line = _SITE.sub("", raw.strip()).strip(" •·▪-–“”\"")
        if not line or furniture(line) or _DATE_ALONE.fullmatch(line):
            continue
        if full_dates(line) and len(line.split()) <= 6 or is_city(line):
            continue
        if re.match(r"^(?:date|published|posted|by|(?:last\s+)?(?:modified|updated))\b", line, re.IGNORECASE):
            continue  # "Last modified: 11 December, 2023, 08:57 am"
        if _body_alone(line) or _CAPTION.search(line):
            # "Organization for Economic Cooperation and Development (OECD)": a section's label; a caption
            continue
        words = line.split()
        dash = re.match(r"([^–—]{2,40}?)\s[–—-]\s", line)
        dateline = dash and (is_city(dash.group(1).strip()) or dash.group(1).strip() in _countries())
        if len(words) < 3 and not re.search(r"[.:;]$", line):
            continue  # a site's name on its own line ("Governo Italiano")
        if len(words) <= 40 and not re.search(r"[.:;]$", line) and not dateline:
            return line
        break
    return None


_CAPTION = re.compile(r"\((?:Photo|Photograph|Image|Credit)s?\b|^Photo\b|©")


def _body_alone(line: str) -> bool:
    """Whether a line is only a body's name the gazetteer knows, its abbreviation in brackets or not."""
    from migragraph.extract.gazetteer import load

    name = re.sub(ABBR + "$", "", line)
    return load().by_surface(name) is not None


def _countries() -> frozenset[str]:
    from migragraph.extract.gazetteer import load

    return frozenset(load().country_surface)


def place(text: str) -> str | None:
    """The dateline's city: "GENEVA, 3 May –", "(Nairobi)", or else a city alone on a line of the page's head (not
    before a dateline: "Xinhua", a byline, is a city's name too)."""
    lines = [COPIED_DATE.sub("", line.strip()) for line in text.split("\n")[:12]]
    return next((city for line in lines if (city := _dateline_city(line))), None) or next(
        (line for line in lines if is_city(line)), None)


def _an_acronym(word: str) -> bool:
    """Whether a word in capitals is a known body's acronym ("ILO"), not a city's name written in capitals."""
    from migragraph.extract.gazetteer import load

    return word.isupper() and load().by_surface(word) is not None


def _dateline_city(line: str) -> str | None:
    """The city of a line that is a dateline: "GENEVA, 3 May –", "3 May 2024, Geneva", "(Nairobi)"."""
    m = _DATELINE.match(line)
    if m and not _an_acronym(m.group(1)):  # (a headline's "ILO, Viet Nam agree on …": Ilo is a city in Peru)
        name = m.group(1)
        cand = name.title() if name.isupper() else name
        if is_city(cand):  # (with its district: "WASHINGTON D.C., United States of America, …")
            return with_district(cand, line, m.end(1))
    after = _DATE_THEN_CITY.match(line)
    if after and is_city(after.group(2)):
        return after.group(2)
    inner = re.search(r"\(([A-Z]{3,}|[A-Z][a-z]+)(?:,\s*[A-Z][a-z]+)?\)", line[:80])
    if inner and is_city(inner.group(1).title()):
        return inner.group(1).title()
    parts = _PARTS_THEN_DATE.match(line)
    if parts:
        names = [p.strip() for p in re.split(r"[,|]", parts.group(1)) if p.strip()]
        return next((city for p in reversed(names) if is_city(city := p.title() if p.isupper() else p)), None)
    return None


# A state's own site: a government second-level domain under its country code ("minrel.gob.cl", "dfa.gov.ph",
# "msp.gov.rs"), or a foreign ministry's own domain under it ("mfa.am").
_GOVERNMENT_HOST = re.compile(r"(?:^|\.)(?:(?:gov|gob|go|gouv|govt|gv|gub)\.([a-z]{2})|(?:mfa|mofa|mofaic|mfaic|mae)\.([a-z]{2}))$")


def _government_site(host: str) -> str | None:
    """The government whose site a host is, if it plainly is one (its key), else None."""
    m = _GOVERNMENT_HOST.search(host)
    if not m:
        return None
    code = (m.group(1) or m.group(2)).upper()
    country = pycountry.countries.get(alpha_2="GB" if code == "UK" else code)
    if country is None:
        return None
    from migragraph.extract.gazetteer import load

    known = load().countries.get(country.alpha_3)
    return known.government.key if known is not None else None


def publisher(release: RawRelease, text: str) -> str | None:
    """Who published the release, where it is evident: the domain of its URL, a site's own mark in
    its text (publishers.yaml), a site's name above its headline ("unctad.org | …"), or a press-release
    line naming its author ("Press Release: OECD")."""
    data = _publishers()
    if release.url:
        host = (urlparse(release.url).hostname or "").lower()
        matches = [d for d in data["domains"] if host == d or host.endswith("." + d)]
        if matches:
            return str(data["domains"][max(matches, key=len)])
        state = _government_site(host)
        if state is not None:
            return state
    for cue in data["cues"]:
        if re.search(cue["pattern"], text, re.MULTILINE):
            return str(cue["publisher"])
    from migragraph.extract.gazetteer import load

    gaz = load()
    site = _SITE.match(text.lstrip())
    if site:
        label = site.group().split(".")[0].strip().upper()
        entry = gaz.by_surface(label)
        if entry:
            return entry.key
    named = _PRESS_RELEASE.search(text[:1500])
    if named:
        # The author's name as the line writes it, or a spelling a letter or two away ("Pacific Island
        # Forum" for the Pacific Islands Forum): the line says it is the author, so a near name will do.
        name = named.group(1).strip()
        entry = gaz.by_surface(name)
        near = None if entry else process.extractOne(name, list(gaz.surface), scorer=fuzz.ratio, score_cutoff=95)
        entry = entry or (gaz.by_surface(near[0]) if near else None)
        if entry:
            return entry.key
    return None


# "Press Release: OECD", "Press Release – Pacific Islands Forum", after a date on the same line
_PRESS_RELEASE = re.compile(r"(?m)^[^\n]{0,40}?\bPress Release\s*[:–—-]\s*(?:the\s+)?([A-Z][\w&’' -]{1,60}?)\s*$")


def sdgs(text: str) -> list[int]:
    found = {int(m.group(1)) for m in re.finditer(r"(?m)^\s*SDG\s*(\d{1,2})\b", text)}
    return sorted(n for n in found if 1 <= n <= 17)
