"""Who published a release, where its address and the site's marks do not tell (release_info.publisher):
read from the page itself. A credit ("© CEB/…", "By EBRD Press Office"), a body alone on a line of the page's head,
the body a headline opens with, or, once the posts are read, the body of the official a headline names by a
bare title ("Secretary-General meets …")."""

from __future__ import annotations

import re

from migragraph.extract.doc import Doc
from migragraph.extract.persons import role_re_at_end
from migragraph.extract.titles import held_title


def told_publisher(doc: Doc, headline: str | None) -> str | None:
    """Whose release it is, told by the page: a credit, a byline or the headline's subject."""
    orgs = [(m.start, m.end, m.key) for m in doc.mentions if m.kind == "org"]
    governments = frozenset(k for k in doc.orgs if doc.government_above(k))
    return (credited_body(doc.text, orgs) or byline_body(doc.text, orgs)
            or headline_subject(doc.text, orgs, headline, governments))


def titled_headline_body(doc: Doc, headline: str | None) -> str | None:
    """A headline opening with a bare title ("Secretary-General meets new UN High Commissioner …", "Director
    General on mission to Czech Republic") tells of the publisher's own official: the body of the one post the
    release gives under that title."""
    start = _headline_start(doc.text, headline)
    if start is None or headline is None:
        return None
    end = role_re_at_end(doc, start)
    if end is None or doc.mention_at(start, end) or _HOLDER_TOLD.match(doc.text, end):
        return None
    named = re.match(r"\s+", doc.text[end:])
    if any(m.kind == "person" and m.start == end + (named.end() if named else 0) for m in doc.mentions):
        return None  # "Minister Rashad Nabiyev met …": a named official's title, whoever publishes
    title = _title_key(doc.text[start:end])
    held = [p for p in doc.posts if _title_key(held_title(p.role)) == title]
    if len({p.organisation for p in held}) != 1:
        return None
    # the holder is named in the lead, where the headline's official is told ("Commonwealth Secretary-General
    # Kamalesh Sharma met …"); a holder named further down may be another's (a title read for the wrong body)
    lead_end = _lead_end(doc.text, doc.text.find(headline) + len(headline))
    return held[0].organisation if held[0].evidence.start < lead_end else None


def _headline_start(text: str, headline: str | None) -> int | None:
    """Where a headline's first word stands in the text, past quotes, a bullet and "The"."""
    at = text.find(headline) if headline else -1
    if at < 0:
        return None
    lead = re.match(r"[\s“\"•]*(?:the\s+)?", text[at:], re.IGNORECASE)
    return at + (lead.end() if lead else 0)


def _lead_end(text: str, after: int) -> int:
    """Where the release's first paragraph of text (past the headline and short lines of furniture) ends."""
    for m in re.finditer(r"[^\n]+", text[after:]):
        if len(m.group().split()) > _LEAD_WORDS:
            return after + m.end()
    return len(text)


_LEAD_WORDS = 12  # of a line that is a paragraph of text, not a date, a section's name or a caption


# "Director General of International Organization for Migration (IOM) Amy Pope …": the title's body is told
_HOLDER_TOLD = re.compile(r"\s+(?:of|for|to|at|in)\b|\s*,|(?:’s|'s)")


def _title_key(title: str) -> str:
    """A title as spelt in any case, with a hyphen or a space: "Director-General", "Director General"."""
    return re.sub(r"[\s-]+", " ", title).strip().lower()


def byline_body(doc_text: str, mentions: list[tuple[int, int, str]]) -> str | None:
    """An organisation named alone on a line of the page's head, above its first sentence ("Ministry for
    Foreign Affairs" under the headline, above "Publication date …"): the site's byline, who publishes
    it. A name alone on a line further down is a section's heading or a footer."""
    alone = {(s, e): key for s, e, key in mentions}
    at = 0
    for line in doc_text.split("\n")[:_BYLINE_LINES]:
        text = line.strip()
        if text.endswith((".", "!", "?", "”", '"')) and len(text.split()) > _SENTENCE_WORDS:
            return None
        lead = len(line) - len(line.lstrip())
        hit = alone.get((at + lead, at + lead + len(text)))
        if hit:
            return hit
        at += len(line) + 1
    return None


# The lines of a page's head a byline stands in, and the words of a line that is a sentence of the body.
_BYLINE_LINES = 8
_SENTENCE_WORDS = 8


def credited_body(doc_text: str, mentions: list[tuple[int, int, str]]) -> str | None:
    """The body a page credits for its photographs or its text, where the release also names it apart from the
    credit: "(© CEB/Fotis Plegas G.)", "© UNESCO/L. Rukingamubiri", "Photo: IOM/…", "By EBRD Press Office".
    A site credits its own staff; an agency's credit ("© AFP/…") names a body the release does not speak of."""
    credits = [m for pattern in (_PHOTO_CREDIT, _PRESS_OFFICE) for m in pattern.finditer(doc_text)]
    for credit in sorted(credits, key=lambda m: m.start()):
        key = next((k for s, e, k in mentions if s == credit.start(1) and e == credit.end(1)), None)
        if key is not None and any(k == key and not credit.start() <= s < credit.end() for s, _e, k in mentions):
            return key
    return None


# "© CEB/Fotis Plegas G.", "Photo: IOM/Muse Mohammed", "Photo credit: UNICEF/…": a body, then its photographer
_PHOTO_CREDIT = re.compile(r"(?:©|\([Cc]\)|\b[Pp]hoto(?:\s+[Cc]redit)?\s*:)[ \t]*([A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){0,4})"
                           r"[ \t]*/[ \t]*[A-Z]")
# "By EBRD Press Office" on a line of its own: the body whose press office wrote the release
_PRESS_OFFICE = re.compile(r"(?m)^[ \t]*By[ \t]+(?:the[ \t]+)?([A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){0,4}?)[ \t]+"
                           r"(?:Press|Media|Communications?)[ \t]+(?:Office|Team|Service|Unit|Department)[ \t]*$")


def headline_subject(doc_text: str, mentions: list[tuple[int, int, str]], headline: str | None,
                     governments: frozenset[str] = frozenset()) -> str | None:
    """The organisation a headline opens with, as the subject of its verb ("WMO welcomes …", "UNCTAD
    and Eurasian Economic Commission sign …"): the one announcing, when nothing else names a publisher.
    Where a state comes first and the headline names a body that is no state's after it ("Norway and UNESCO
    sign …", "The Republic of Moldova and the ICRC sign …", "Japan Provides USD 36.3 Million to Support IOM’s
    Humanitarian Operations"), the body: a state's own release names its minister or ministry.
    `governments`: the governments and their bodies."""
    start = _headline_start(doc_text, headline)
    if start is None or headline is None:
        return None
    end = doc_text.find(headline) + len(headline)
    key = next((k for s, _e, k in mentions if s == start), None)
    if key in governments:
        return next((k for s, _e, k in mentions if start < s < end and k not in governments), key)
    return key
