"""Programmes and projects named with who funds or implements them: "the Africa Regional Migration
Programme implemented by IOM … with funding from the United States Bureau of Population, Refugees, and
Migration", "the project Enabling Equity to Advance Learning, implemented from 2022 to 2025 with funding
from the Global Partnership for Education". A programme a body runs with another's money is a
cooperation between them (shared/eval/ANNOTATION.md: frameworks "signed or launched by named parties");
one named with no funder or implementer is not read, since nothing says whose it is."""

from __future__ import annotations

import re

from migragraph.extract.doc import Doc, Mention
from migragraph.extract.model import Framework, Span
from migragraph.extract.text import title_case

# A name in title case, small words allowed inside it, ending in what it is: "Enabling Equity to Advance
# Learning" after "the project", or "Africa Regional Migration Programme" before nothing.
_SMALL = r"(?:of|for|and|to|in|on|the|de|la)"
_WORD = r"[A-Z][\w’'-]*"
_TITLE = rf"{_WORD}(?:[ \t]+(?:{_SMALL}[ \t]+)?{_WORD}){{0,9}}"
# ("UNDP’s Country Programme Action Plan": the UN's plan of a country programme is named so)
_HEADED = re.compile(rf"\b({_TITLE}[ \t]+(?:Programme|Program|Project|Facility)(?:[ \t]+Action[ \t]+Plan)?)\b(?:[ \t]+\(([A-Z]{{2,10}})\))?")
_AFTER_NOUN = re.compile(rf"\b(?:the|a|its|their)[ \t]+(?:project|programme|program)[ \t]+[“\"]?({_TITLE})[”\"]?(?=[,.;(]| is| was| will)")
_QUOTED = re.compile(r"[“\"]([A-Z][^”\"\n]{3,120}?)[”\"][ \t]+(?:project|programme|program)\b")
# Who runs it and who pays: the first organisation after each cue.
_CUE = re.compile(r"\b(?:implemented|funded|financed|supported|led|run|managed|executed)[ \t]+by[ \t]+(?:the[ \t]+)?|"
                  r"\bwith[ \t]+(?:the[ \t]+)?(?:funding|financing|financial support|support)[ \t]+(?:from|of)[ \t]+(?:the[ \t]+)?")
_UNREAD_NAME = re.compile(rf"{_TITLE}[ \t]+\(")
# ("the UNDP-managed Electoral Support Project (ESP)")
_FUNDED = re.compile(r"-(?:funded|financed|supported|managed|implemented|led|run)\b")
_FROM_YEAR = re.compile(r"\b(?:from|since|launched in|started in|began in)[ \t]+((?:19|20)\d\d)\b")


def find_programmes(doc: Doc) -> list[Framework]:
    out: list[Framework] = []
    for span in doc.spans:
        for start, name in _names(span):
            if doc.mention_at(span.start + start, span.start + start + len(name)):
                continue  # a body named "… Programme" (the United Nations Development Programme)
            # (a title-case headline capitalises every word: "NDB and Government of China Sign Loan Agreement for …
            # Project")
            parties = [] if title_case(span.text) else _owners(doc, span.start + start, name)
            parties += [k for k in _parties(doc, span) if k not in parties]
            if not parties:
                continue
            year = _FROM_YEAR.search(span.text)
            out.append(Framework("", name, span, parties, year.group(1) if year else None))
    return out


def _names(span: Span) -> list[tuple[int, str]]:
    found: dict[int, str] = {}
    for pattern in (_HEADED, _AFTER_NOUN, _QUOTED):
        for m in pattern.finditer(span.text):
            name = re.sub(r"^(?:The|A|An|This|Its|Their|Under|With|For)[ \t]+", "", m.group(1)).strip()
            name = re.sub(rf"^\S+{_FUNDED.pattern}[ \t]+", "", name)  # (who runs it is no part of its name)
            if len(re.findall(r"\b[A-Z]", name)) < 2:
                continue  # "Project", "The Programme": what it is, not its name
            at = m.start(1) + m.group(1).index(name)
            if not any(at <= s < at + len(name) or s <= at < s + len(n) for s, n in found.items()):
                found[at] = name
    return sorted(found.items())


def _owners(doc: Doc, start: int, name: str) -> list[str]:
    """The bodies a programme's name begins with, where the rest still names it: "UNWTO Regional Programme
    for Africa", "OECD Southeast Asia Regional Programme" (not "EU Programme")."""
    out: list[str] = []
    pos = start
    while (hit := next((m for m in doc.mentions if m.start == pos and m.kind in ("org", "country")), None)) is not None:
        _add(doc, out, hit)
        joint = re.match(r"[ \t]*(?:-|and[ \t]|,)?[ \t]*", doc.text[hit.end:start + len(name)])
        pos = hit.end + (joint.end() if joint else 0)
    rest = doc.text[pos:start + len(name)]
    # the name goes on right after its owner ("UNHCR’s Annual … Program"; not "European Union on Support
    # Programme"), with two words of its own
    named = re.match(r"(?:[’']s[ \t]+)?[A-Z]", rest) is not None and len(re.findall(r"\b[A-Z][a-z]+", rest)) >= 2
    return out if out and named else []


def _parties(doc: Doc, span: Span) -> list[str]:
    """The organisations named as the programme's implementers or funders in its sentence: after "implemented
    by", "with funding from", or before "-funded" or "-managed"."""
    orgs = [m for m in doc.mentions if m.kind in ("org", "country") and span.start <= m.start < span.end]
    out: list[str] = []
    for cue in _CUE.finditer(span.text):
        # the body right after the cue, or an acronym the release gives for a name it did not read
        # ("with funding from the Global Partnership for Education (GPE)")
        hit = next((m for m in orgs if m.start == span.start + cue.end()), None) or next(
            (m for m in orgs if _UNREAD_NAME.fullmatch(span.text, cue.end(), m.start - span.start)), None)
        _add(doc, out, hit)
    for cue in _FUNDED.finditer(span.text):
        hit = next((m for m in orgs if m.end == span.start + cue.start()), None)
        _add(doc, out, hit)
    return out


def _add(doc: Doc, out: list[str], hit: Mention | None) -> None:
    if hit is None:
        return
    key = doc.government(hit.key) if hit.kind == "country" else hit.key
    if key not in out:
        out.append(key)
