"""The title a reader sees for a release (dcterms:title, rdfs:label), never its record id.

Candidates, in order: the title its record or page gave, the headline the extractor read from its
first lines, the words of its URL's slug. A candidate that is page furniture (a "Last modified:"
stamp, a date alone, a news agency's byline) or text that lost letters when it was copied ("COU CIL
OF THE EUROPEA U IO") is passed over. When none is left the release has no dcterms:title, and its
label says where and when it was published ("a release of bdnews24.com, 2023-05-01").

The acronyms of the gazetteer are written in capitals in a title made from a slug ("iom-and-au-sign"
-> "IOM and AU sign"): slugs are lower case, and "Iom" is no name anyone uses.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import unquote, urlsplit

from migragraph.resources import read_gazetteer

# A stamp of the page, not a headline: "Last modified: 11 December, 2023, 08:57 am", "Updated 3 May".
_STAMP = re.compile(r"^(?:last\s+(?:modified|updated)|updated|modified|published|posted(?:\s+on)?|"
                    r"date|print|share|skip\s+to)\b", re.IGNORECASE)
# A dateline or a date and time alone: "21 March 1995", "2023-05-01 08:57", "10/12/2018".
_ONLY_DATE = re.compile(r"^[\d\s,./:-]*(?:[A-Za-z]{3,9}\.?)?[\d\s,./:-]*(?:[ap]\.?m\.?)?$", re.IGNORECASE)
# A news agency's byline ("Press Trust of India New Delhi"), which some pages put above the text.
_BYLINE = re.compile(r"^(?:press trust of india|reuters|agence france-presse|afp|associated press|ap|"
                     r"xinhua|ians|ani|bernama|anadolu agency|staff reporter|news desk)\b",
                     re.IGNORECASE)
# A lone letter that is no word: letters lost in copying ("EUROPEA U IO"), unless an initial ("J. Smith").
_LOST_LETTER = re.compile(r"(?<![\w.])(?![AaI]\b)[A-Za-z](?=\s|$)")
_EXTENSION = re.compile(r"(?:\.[A-Za-z]{2,5})+$")
_SLUG_SPLIT = re.compile(r"[-_+\s]+|%20")
_MIN_SLUG_WORDS = 3
# A language tag that ends a slug ("…-budget-en"), which no title ends with.
_LANGUAGES = frozenset({"en", "fr", "es", "ar", "ru", "zh", "de", "pt", "it"})


def choose_title(record_title: str | None, headline: str | None, url: str | None) -> str | None:
    """The first of the release's own title, its headline and its URL's words that reads as a title."""
    for candidate in (record_title, headline):
        if candidate and reads_as_title(candidate):
            return " ".join(candidate.split())
    return slug_title(url)


def reads_as_title(text: str) -> bool:
    """Whether `text` could be a headline: words, not a stamp, a date, a byline or broken text."""
    line = " ".join(text.split())
    if not re.search(r"[^\W\d_]{2,}", line):
        return False
    if _STAMP.match(line) or _ONLY_DATE.match(line) or _BYLINE.match(line):
        return False
    return not (line.isupper() and len(_LOST_LETTER.findall(line)) >= 1)


def slug_title(url: str | None) -> str | None:
    """The words of the last segment of `url`'s path that has at least three of them, as a title:
    "…/iom-and-au-sign-new-3-year-agreement-to-736205" -> "IOM and AU sign new 3 year agreement to".
    Numbers that start or end the slug (a date, a page id), a language tag that ends it, and long tokens
    of letters and digits mixed (a hash) are dropped."""
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    for segment in reversed([s for s in unquote(path).split("/") if s]):
        words = [w for w in _SLUG_SPLIT.split(_EXTENSION.sub("", segment)) if w and not _hash_like(w)]
        while words and (words[-1].isdigit() or words[-1].lower() in _LANGUAGES):
            words.pop()
        while words and words[0].isdigit():  # a date or a page id before the words: "20160302-eu-…"
            words.pop(0)
        if sum(1 for w in words if w.isalpha()) >= _MIN_SLUG_WORDS:
            return _capitalised([_acronym(w) for w in words])
    return None


def fallback_label(url: str | None, issued: str | None) -> str:
    """A release's label when it has no title: its site and date, as far as they are known."""
    host = ""
    if url:
        try:
            host = (urlsplit(url).hostname or "").removeprefix("www.")
        except ValueError:
            host = ""
    where = f"a release of {host}" if host else "an untitled release"
    return f"{where}, {issued}" if issued else where


def _hash_like(word: str) -> bool:
    return len(word) >= 7 and any(c.isdigit() for c in word) and any(c.isalpha() for c in word)


def _acronym(word: str) -> str:
    upper = word.upper()
    return upper if upper in _acronyms() else word


def _capitalised(words: list[str]) -> str:
    first = words[0]
    return " ".join([first[:1].upper() + first[1:], *words[1:]])


@cache
def _acronyms() -> frozenset[str]:
    """The gazetteer's names written all in capitals (IOM, UNHCR, EU, AU ...)."""
    entries = read_gazetteer("organisations.yaml")
    found: set[str] = set()
    for entry in entries or []:
        for alias in entry.get("aliases") or []:
            if isinstance(alias, str) and alias.isalpha() and alias.isupper() and len(alias) >= 2:
                found.add(alias)
    return frozenset(found)
