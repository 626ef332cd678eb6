"""HTML to article text (trafilatura), and the clean-up every release text gets.

Pages copied as text carry their site around the article: "Skip to main content", share buttons,
and lists of country offices hundreds of lines long. `clean_text` drops such runs of short,
sentence-less lines, which are navigation wherever they stand, and keeps everything else verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura

_BOILERPLATE = re.compile(
    r"^(skip to (main )?content|share (this|on)\b.*|print|email|subscribe.*|follow us.*|cookie.*|"
    r"accept( all)?( cookies)?|read more|back to top|menu|search|language english|tweet|"
    r"share on (facebook|twitter|linkedin).*|(facebook|twitter|linkedin|whatsapp)( \w+)?)\s*:?$",
    re.IGNORECASE,
)
# A line of a navigation list: short and without the punctuation of a sentence.
_LIST_LINE_MAX_WORDS = 9
_LIST_MIN_RUN = 8


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    date: str | None


def html_to_text(html: str) -> Page | None:
    """The article of an HTML page, with its headline first; None when the page has no article."""
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_precision=True)
    if doc is None or not (doc.text or "").strip():
        return None
    title = (doc.title or "").strip() or None
    text = doc.text.strip()
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Page(text=text, title=title, date=doc.date)


_SDG_LINE = re.compile(r"^SDG\s*\d{1,2}\b")


def _is_list_line(line: str) -> bool:
    if _SDG_LINE.match(line):  # a page's SDG tags are metadata worth keeping, not navigation
        return False
    words = line.split()
    return 0 < len(words) <= _LIST_LINE_MAX_WORDS and not re.search(r"[.!?:;\"”’]\s*$", line)


def clean_text(text: str) -> str:
    """Normalise line ends and spaces, drop boilerplate lines and navigation lists."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u200b", "").replace("\ufeff", "")
    # Pages space with no-break, narrow and thin spaces: to a reader (and to every pattern) a space.
    text = re.sub(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]", " ", text)
    lines = [re.sub(r"[ \t]+", " ", ln).strip() for ln in text.split("\n")]
    keep = [not _BOILERPLATE.match(ln) for ln in lines]
    # Drop runs of list-like lines (blank lines inside a run do not break it).
    i = 0
    while i < len(lines):
        if not _is_list_line(lines[i]):
            i += 1
            continue
        j, count, last = i, 0, i
        while j < len(lines) and (not lines[j] or _is_list_line(lines[j])):
            if lines[j]:
                count, last = count + 1, j
            j += 1
        if count >= _LIST_MIN_RUN:
            for k in range(i, last + 1):
                keep[k] = False
        i = last + 1
    out: list[str] = []
    for line, kept in zip(lines, keep, strict=True):
        if kept and (line or (out and out[-1])):
            out.append(line)
    return "\n".join(out).strip()
