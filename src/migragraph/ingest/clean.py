"""HTML to article text (trafilatura), and the clean-up every release text gets.

Pages copied as text carry their site around the article: "Skip to main content", share buttons,
and lists of country offices hundreds of lines long. `clean_text` drops such runs of short,
sentence-less lines, which are navigation wherever they stand, and keeps everything else verbatim.

libxml2, under lxml and trafilatura, stops reading a page at 256 nested elements or at a text node
of 10 MB, and silently drops the rest (an article after a deep widget vanishes). `html_to_text`
refuses such pages with that reason (HtmlLimitError) instead of building what is left of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.etree
import lxml.html

_BOILERPLATE = re.compile(
    r"^(skip to (main )?content|share (this|on)\b.*|print|email|subscribe.*|follow us.*|cookie.*|"
    r"accept( all)?( cookies)?|read more|back to top|menu|search|language english|tweet|"
    r"share on (facebook|twitter|linkedin).*|(facebook|twitter|linkedin|whatsapp)( \w+)?)\s*:?$",
    re.IGNORECASE,
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# A line of a navigation list: short and without the punctuation of a sentence.
_LIST_LINE_MAX_WORDS = 9
_LIST_MIN_RUN = 8


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    date: str | None  # the publication date of the page's metadata, YYYY-MM-DD


# The page's date from where a site states it (meta tags, JSON-LD, <time>, the URL), never from
# htmldate's search of the body text, which takes the first date it meets there ("on 3 March 2023
# they signed...") for the page's own.
_DATE_SOURCES = {"original_date": True, "extensive_search": False}


class HtmlLimitError(ValueError):
    """A page that cannot be read whole; the message says why."""


def html_to_text(html: str) -> Page | None:
    """The article of an HTML page, with its headline first; None when the page has no article.
    Raises HtmlLimitError for a page the HTML parser would only read in part."""
    limit = parser_limit(html)
    if limit:
        raise HtmlLimitError(f"the HTML is beyond what the parser reads whole ({limit}): the text after that "
                          "point would be lost; give the article's text or a simpler page")
    if not _DOCUMENT.search(html):
        # trafilatura takes a lone element ("<p>...</p>", a JSON field's HTML) for a non-page.
        html = f"<html><body>{html}</body></html>"
    # Imported here: trafilatura and what it brings (courlan, numpy) take 0.14 s, a quarter of the start
    # of a command that reads no HTML (a build of text or JSON Lines, a query).
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_precision=True,
                                      date_extraction_params=_DATE_SOURCES)
    if doc is None or not (doc.text or "").strip():
        return None
    title = (doc.title or "").strip() or None
    text = doc.text.strip()
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Page(text=text, title=title, date=doc.date)


_DOCUMENT = re.compile(r"<(?:html|head|body)\b|<!doctype", re.IGNORECASE)


def parser_limit(html: str) -> str | None:
    """libxml2's message when `html` exceeds one of its limits (depth 256, a 10 MB text node), else None.

    Parsed as bytes, as trafilatura's fallback does: a string may not carry an encoding declaration."""
    parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, no_network=True,
                                  remove_comments=True, remove_pis=True)
    try:
        lxml.etree.fromstring(html.encode("utf-8", errors="replace"), parser)
    except lxml.etree.LxmlError:
        pass  # unparseable is trafilatura's to judge; only a limit is this check's business
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT" or "XML_PARSE_HUGE" in entry.message:
            return entry.message.strip().rstrip(".")
    return None


_SDG_LINE = re.compile(r"^SDG\s*\d{1,2}\b")


def _is_list_line(line: str) -> bool:
    if _SDG_LINE.match(line):  # a page's SDG tags are metadata worth keeping, not navigation
        return False
    words = line.split()
    return 0 < len(words) <= _LIST_LINE_MAX_WORDS and not re.search(r"[.!?:;\"”’]\s*$", line)


def clean_field(text: str) -> str:
    """A record's field (title, date, URL) as one line: no control characters, no unpaired surrogates,
    spaces collapsed."""
    return " ".join(_SURROGATE.sub("\ufffd", _CONTROLS.sub(" ", text)).split())


def clean_text(text: str) -> str:
    """Normalise line ends and spaces, drop boilerplate lines and navigation lists."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u200b", "").replace("\ufeff", "")
    # Unicode's other line ends (NEL, LINE and PARAGRAPH SEPARATOR) end lines too, before the
    # controls (NEL is one) are dropped.
    text = text.replace("\x85", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    # Control characters carry nothing a reader sees, and RDF serialisations must escape them; an
    # unpaired surrogate (a JSON "\\ud800") is not Unicode at all and cannot be written as UTF-8.
    text = _CONTROLS.sub("", text)
    text = _SURROGATE.sub("\ufffd", text)
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
