"""Sentences with their offsets in the release text.

A line break ends a sentence too: releases copied from pages put headlines, datelines and list items
on lines of their own, without a full stop.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from migragraph.extract.model import Span

# Words whose full stop does not end a sentence (initialisms, "U.S.", "A.U.", by rule in _ends_sentence).
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec",
    "gen", "col", "lt", "sgt", "rev", "hon", "amb", "jr", "sr", "inc", "ltd", "co", "corp", "dept", "approx",
    "mln", "bn", "govt", "rt", "engr", "eng",
}
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9À-Ý])")


def _ends_sentence(text: str, dot: int) -> bool:
    """Whether the stop at `dot` ends a sentence (and is not 'Mr.' or an initial like 'J.')."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower().rstrip(".")
    if text[dot] != ".":
        return True
    if word in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        return False  # "Mr.", and initialisms: "the African Union (A.U.) Commission"
    return not (len(word) == 1 and word.isalpha())


def _hard_wrapped(text: str) -> bool:
    """Text wrapped at a fixed width (mail, old pages): most lines are long and end mid-sentence."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    wrapped = [ln for ln in lines if 45 <= len(ln) <= 80 and not re.search(r"[.!?:\"”]\s*$", ln)]
    return len(lines) >= 6 and len(wrapped) >= 0.5 * len(lines)


def unwrapped(text: str) -> str:
    """A hard-wrapped text with the breaks inside its paragraphs as spaces, offsets kept, so that a name
    wrapped over two lines ("Commonwealth of\nIndependent States") is read whole. Paragraph breaks stay,
    and so does the break after the first line (a headline over its text)."""
    if not _hard_wrapped(text):
        return text
    first = re.search(r"\S[^\n]*", text)
    head_end = first.end() if first else 0
    return text[:head_end] + re.sub(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)", lambda m: " " * len(m.group()), text[head_end:])


def sentences(text: str) -> list[Span]:
    """Split `text` into sentence spans, stripped of surrounding spaces."""
    spans: list[Span] = []
    unit = r"(?:[^\n]|\n(?!\s*\n))+" if _hard_wrapped(text) else r"[^\n]+"
    for line in re.finditer(unit, text):
        base = line.start()
        chunk = line.group()
        cut = 0
        for m in _END.finditer(chunk):
            if _ends_sentence(chunk, m.start()):
                _add(spans, text, base + cut, base + m.end())
                cut = m.end()
        _add(spans, text, base + cut, base + len(chunk))
    return spans


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end, text[start:end]))


def title_case(text: str) -> bool:
    """Whether most of a line's longer words are capitalised, as in a headline."""
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def occurrences(text: str, form: str, not_before: str = "-", not_after: str = "-") -> Iterator[tuple[int, int]]:
    """Where `form` stands in `text` as a whole word: not inside a longer word, nor joined to one by a
    character of `not_before` / `not_after`. A plain search: the forms are many and each is looked for
    once, so compiling a pattern for each would cost more than the search (a sixth of the rules
    extractor's time)."""
    at = text.find(form)
    while at >= 0:
        end = at + len(form)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not _wordy(before, not_before) and not _wordy(after, not_after):
            yield at, end
        at = text.find(form, at + 1)


def _wordy(ch: str, joiners: str) -> bool:
    return ch.isalnum() or ch == "_" or ch in joiners
