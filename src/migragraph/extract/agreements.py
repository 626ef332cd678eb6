"""Agreements named by what they are rather than by a proper name: "a memorandum of cooperation",
"a letter of Agreement between the Ministry of Finance and UNDP", "a 3-year agreement", "two financing
agreements", whatever their capitals. The words are data (gazetteer/relations.yaml).

An agreement counts where its sentence says it was made: a verb of signing, concluding, launching,
renewing, opening… stands in the sentence ("signed a memorandum", "was signed on", "the signing
ceremony of"), or a "between" phrase names its parties. Its parties are read, in order of preference,
from that "between" phrase, from the "by" phrase of a passive ("were signed by …"), else from the
actors of the sentence: its organisations, and the organisations of the persons in it whose posts are
known ("signed for UNDP with Ms X, Acting CEO for Finance"). Its name is the head as written followed by
its parties ("Memorandum of cooperation between UNCTAD and Eurasian Economic Commission"); the phrase as
the text writes it ("grant agreement on technical assistance to develop …") is kept as another name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from migragraph.extract.actors import names_a_building
from migragraph.extract.doc import Doc, Mention
from migragraph.extract.model import Span
from migragraph.resources import read_gazetteer

_STOP = re.compile(r"\s+(?:to|on|in|at|for|which|that|was|were|is|are|will|has|have|had|signed|aimed|during|"
                   r"under|through|within|after|before|since|with)\b|[,.;:(]|$")
_CLAUSE_END = re.compile(r"[,;:.]|\s+(?:which|that|was|were|is|are|will|has|have|had|and\s+(?:a|an|the)\s)\b")
_MAX_NAME_WORDS = 16


@dataclass(frozen=True)
class Found:
    """One agreement read from a sentence, before frameworks.py names and merges it."""

    head: str  # as written: "memorandum of cooperation"
    phrase: str  # the head with what the text says of it up to the end of its clause
    span: Span
    start: int
    end: int
    parties: list[str]


@cache
def lexicon() -> dict[str, Any]:
    data: dict[str, Any] = read_gazetteer("relations.yaml")
    return data


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = lexicon()
    heads = "|".join(_word(h) for h in sorted(lex["agreement_heads"] + lex["agreement_heads_signed"], key=len,
                                               reverse=True))
    mods = "|".join(m if m.startswith("[") else _word(m) for m in lex["agreement_modifiers"])
    agreement = re.compile(rf"(?<![\w-])(?:(?:{mods})[ \t]+){{0,3}}(?:{heads})(?![\w-])", re.IGNORECASE)
    verbs = "|".join(re.escape(v) for v in lex["signing_verbs"])
    signing = re.compile(rf"\b(?:{verbs})(?:s|es|ed|d|ing)?\b", re.IGNORECASE)
    return agreement, signing


def agreement_at(text: str, pos: int) -> bool:
    """Whether an agreement's name (relations.yaml's heads, with their modifiers) begins at `pos`."""
    return _patterns()[0].match(text, pos) is not None


def _word(phrase: str) -> str:
    return r"[ \t]+".join(re.escape(w) for w in phrase.split())


# An agreement proposed or under negotiation is not one made: the word that says so governs its head.
# ("negotiated and signed an agreement" was made: no verb of signing may stand between)
_PROPOSED = re.compile(r"\b(?:suggest\w*|propos\w*|negotiat\w*)\s+(?:(?:of|on|for)\s+)?(?:signing\s+)?"
                       r"(?:the\s+|a\s+|an\s+)?(?:(?!sign|conclud|ink|seal|and\b)[\w-]+\s+){0,3}$", re.IGNORECASE)
# An agreement whose clause goes on with a modal verb is one that could be, not one made.
_HYPOTHETICAL = re.compile(r"[^,.;:]*?\b(?:could|would|might|may|should)\b")


def find_agreements(doc: Doc) -> list[Found]:
    """Every agreement the release says was made, with its parties (at least two)."""
    agreement, signing = _patterns()
    found: list[Found] = []
    for span in doc.spans:
        for m in agreement.finditer(span.text):
            start, end = span.start + m.start(), span.start + m.end()
            if doc.mention_at(start, end):
                continue  # part of an organisation's name
            if m.group().lower().endswith(tuple(lexicon()["agreement_heads_signed"])) and not _made(
                    signing, doc.text[span.start:start]):
                continue  # "to revitalise partnership", "the partnership between IOM and the EU has been …"
            if _PROPOSED.search(doc.text, max(span.start, start - 60), start):
                continue  # "suggested signing a framework agreement", "the negotiations of the free trade agreement"
            between = _between(doc, end, span)
            if not signing.search(span.text) and (not between or _HYPOTHETICAL.match(doc.text, end, span.end)):
                continue  # "A bilateral labour agreement between Niger and Libya could be a step towards …"
            # (a "between" past the agreement's subject names its parties, but does not make it one made:
            # "implementing the fourth Action Plan of the Country Program for Cooperation between …")
            between = between or _between(doc, end, span, past_subject=True)
            parties = next((kept for read in _readings(doc, span, start, between)
                            if len(kept := without_offices(doc, read)) >= 2), [])
            if len(parties) < 2:
                continue
            found.append(Found(m.group(), _phrase(doc.text, start, span.end), span, start, end, parties))
    return found


def _made(signing: re.Pattern[str], before: str) -> bool:
    """Whether a verb of signing governs the head that follows `before`, three words away at most
    ("have renewed their partnership", "launched a new strategic partnership")."""
    verbs = list(signing.finditer(before))
    return bool(verbs) and re.fullmatch(r"\s+(?:[\w-]+\s+){0,3}", before[verbs[-1].end():]) is not None


def _readings(doc: Doc, span: Span, start: int, between: list[str]) -> Iterator[list[str]]:
    """The parties as each reading gives them, in order of preference, each read only when needed."""
    yield between
    yield _passive_by(doc, span)
    yield _the_two(doc, span)
    yield _actors(doc, span, start, acting_only=True)


def without_offices(doc: Doc, parties: list[str]) -> list[str]:
    """The parties as bodies: a headquarters is where its organisation signs ("signed a Memorandum of
    Understanding at WHO Headquarters": WHO), and an office beside its own organisation is that
    organisation's (a country office signing alone stays the party)."""
    out: list[str] = []
    for key in parties:
        org = doc.orgs.get(key)
        entry = doc.gaz.orgs.get(org.parent) if org and org.unit and org.parent else None
        if org is not None and entry is not None and entry.offices and (
                org.name.endswith("Headquarters") or entry.key in parties):
            key = doc.add_gazetteer_org(entry)
        if key not in out:
            out.append(key)
    return out


def _between(doc: Doc, end: int, span: Span, past_subject: bool = False) -> list[str]:
    """The parties of "… between A, B and C" right after the agreement's head, or (`past_subject`) after what
    its name says it is on or for ("Agreement on a Framework for Negotiations and Confidence Building Measures
    between Belize and Guatemala")."""
    subject = r"(?:\s+(?:on|for|of)\s+[^,.;:()“”\"]{1,120}?)?" if past_subject else ""
    m = re.match(rf"{subject}\s+(?:signed\s+)?between\s+(?:the\s+)?", doc.text[end:span.end])
    if not m:
        return []
    lo = end + m.end()
    parties: list[str] = []
    pos = lo
    while pos < span.end:
        hit = next((x for x in doc.mentions if x.start == pos and x.kind in ("org", "country", "person")), None)
        if hit is None:
            ministry = _ministry_named(doc, pos, span.end)
            if ministry is None:
                break
            hit = ministry
        parties.extend(k for k in _orgs_of(doc, hit) if k not in parties)
        pos = hit.end
        skip = re.match(r"\s*\([^)]{1,40}\)", doc.text[pos:span.end])
        pos += skip.end() if skip else 0
        joint = re.match(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?", doc.text[pos:span.end])
        if not joint:
            break
        pos += joint.end()
    return parties


def _ministry_named(doc: Doc, pos: int, limit: int) -> Mention | None:
    """'between Finance and MEIDECC': a ministry named by its portfolio alone."""
    for word in re.finditer(r"[A-Z][\w’'-]+(?=[\s,.;]|$)", doc.text[pos:limit]):
        words = doc.text[pos:pos + word.end()]
        for org in doc.orgs.values():
            if org.name.endswith(words) and re.fullmatch(
                    rf"(?:Federal\s+)?Ministry\s+(?:of|for)\s+(?:the\s+)?{re.escape(words)}", org.name):
                return Mention(pos, pos + word.end(), org.key, "org", words)
        if word.end() > 60:
            break
    return None


_THE_TWO = re.compile(r"\b(?:the two|both)\s+(?:organi[sz]ations|institutions|sides|parties|bodies|agencies|partners)\b",
                      re.IGNORECASE)


def _the_two(doc: Doc, span: Span) -> list[str]:
    """'The two organisations signed a memorandum of understanding in 1998': the two organisations the
    release is about, those it names most (a body above another named one, such as the UN above its
    Office, gives way to it)."""
    if not _THE_TWO.search(span.text):
        return []
    counts: dict[str, int] = {}
    for m in doc.mentions:
        if m.kind == "org":
            counts[m.key] = counts.get(m.key, 0) + 1
    parents = {o.parent for k in counts if (o := doc.orgs.get(k)) is not None and o.parent}
    ranked = sorted((k for k in counts if k not in parents), key=lambda k: (-counts[k], k))
    return ranked[:2] if len(ranked) >= 2 else []


def _passive_by(doc: Doc, span: Span) -> list[str]:
    """'The agreements were signed by Secretary-General, CARICOM …, and Commissioner … Neven Mimica'."""
    m = re.search(r"\b(?:was|were|been|being)\s+(?:\w+\s+)?signed\s+by\b", span.text)
    if not m:
        return []
    lo = span.start + m.end()
    return _keys(doc, [x for x in doc.mentions if lo <= x.start < span.end])


def _actors(doc: Doc, span: Span, head: int, acting_only: bool = False) -> list[str]:
    """The organisations of the sentence, and those of its persons; those after "to support", "for" or
    "on" after the agreement are what it is about, not who made it."""
    about = re.search(r"\s(?:to\s+(?:support|strengthen|fund|finance|help|develop|improve|promote)|for|on)\s",
                      doc.text[head:span.end])
    hi = head + about.start() if about else span.end
    # A country that is only named (a place) is no party; one that acts is already its government.
    kinds = ("org", "person") if acting_only else ("org", "person", "country")
    return _keys(doc, [x for x in doc.mentions if span.start <= x.start < hi and x.kind in kinds])


def _keys(doc: Doc, mentions: list[Mention]) -> list[str]:
    """The organisations of `mentions`, in order, each once; a mention inside a longer one (the Pacific
    Islands Forum in "Pacific Islands Forum Secretariat") is part of that name."""
    out: list[str] = []
    for m in mentions:
        if any(o is not m and o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
               for o in mentions):
            continue
        out.extend(k for k in _orgs_of(doc, m) if k not in out)
    return out


def _orgs_of(doc: Doc, m: Mention) -> list[str]:
    if m.kind == "org":
        return [m.key]
    if m.kind == "country":
        return [] if names_a_building(doc, m) else [doc.government(m.key)]
    if m.kind == "person":
        return [p.organisation for p in doc.posts if p.person == m.key][:1]
    return []


def _phrase(text: str, start: int, limit: int) -> str:
    """The agreement's head and what follows it in its clause, at most _MAX_NAME_WORDS words."""
    rest = text[start:limit]
    end = _CLAUSE_END.search(rest)
    words = rest[:end.start() if end else len(rest)].split()
    return " ".join(words[:_MAX_NAME_WORDS])
