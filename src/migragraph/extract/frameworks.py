"""Cooperation frameworks and agreements: named ones ("EU-IOM Strategic Cooperation Framework",
"AU-IOM Cooperation Agreement"), described ones ("signed a Memorandum of Understanding" between named
parties), quoted project titles, and World Bank project lines ("Sri Lanka - Local Development Support
Project"), with their parties and the date they were signed or launched."""

from __future__ import annotations

import re

from migragraph.extract.agreements import find_agreements, without_offices
from migragraph.extract.dates import COPIED_DATE, past_dateline
from migragraph.extract.doc import Doc
from migragraph.extract.model import Framework, Span
from migragraph.extract.programmes import find_programmes
from migragraph.map.iris import slug

_HEAD = (r"(?:Strategic\s+)?(?:Cooperation\s+)?(?:Framework(?:\s+Partnership)?(?:\s+Agreement)?|Agreement|Memorandum of Understanding|"
         r"MoU|MOU|Partnership|Pact|Compact|Initiative|Declaration|Joint Declaration|Action Plan|Plan of Action|"
         r"Letter of Agreement|Financing Agreement|Grant Agreement|Loan Agreement|Host Country Agreement|Accord|"
         r"Exchange of Notes|Programme of Cooperation|Country Programme Framework|Country Programme Action Plan|"
         # an agency's programme with a country ("Country Programme Document (CPD) 2024-2028", "Decent Work Country
         # Programme for Montenegro 2015-2017")
         r"Country Programme(?:\s+Document)?|Country Program(?:\s+Document)?)")
_NAMED = re.compile(rf"(?=[A-Z])((?:[A-Z][\w’'-]*(?:-[A-Z][\w’'-]*)*\s+)*?){_HEAD}(?![\w-])"
                    rf"(?:[ \t]+(?:on|for)[ \t]+(?:[A-Z][\w’'-]*[ \t]*)+)?")
_SIGN = re.compile(r"\b(sign(?:ed|s|ing)?|establish(?:ed|es|ing)?|launch(?:ed|es|ing)?|conclud(?:ed|es)|renew(?:ed|s|ing)?|"
                   r"enter(?:ed)? into|inaugurat(?:ed|es)|agree(?:d|s)? (?:on|to))\b", re.IGNORECASE)
_GENERIC = re.compile(rf"\b(?:a|an|the|their|its|new|renewed|first)\s+(?:new\s+|renewed\s+)?({_HEAD})\b")
_BETWEEN_AFTER = re.compile(r"(?:[ \t]*\([A-Z]{2,10}\))?(?:[ \t]+(?:19|20)\d\d(?:[-–](?:19|20)?\d\d)?)?[ \t]+between[ \t]+")
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")
_COOPERATIVE = re.compile(r"Agreement|Memorandum|MoU|MOU|Partnership|Framework|Pact|Compact|Accord|Declaration")
_ESTABLISH_NEAR = re.compile(r"\b(sign|establish|launch|conclud|renew|enter|inaugurat|since the signing)", re.IGNORECASE)


def _a_sentence(text: str) -> bool:
    """Whether a line is a sentence, not a caption: eight words or more, ended by its stop."""
    return len(text.split()) >= 8 and text.rstrip().rstrip("”\"’'").endswith((".", "!", "?"))


def _prefix_parties(doc: Doc, start: int, prefix: str) -> list[str]:
    parties = []
    for m in doc.mentions:
        if m.kind == "org" and start <= m.start and m.end <= start + len(prefix):
            parties.append(m.key)
    return parties


def _named_beyond(doc: Doc, start: int, prefix: str) -> bool:
    """Whether a prefix names the thing besides its owner: "AU Migration Policy Framework" (an AU
    framework named "Migration Policy"), not "AU Framework"."""
    owners = [m for m in doc.mentions if m.kind == "org" and start <= m.start and m.end <= start + len(prefix)]
    rest = prefix
    for m in sorted(owners, key=lambda m: -m.start):
        rest = rest[:m.start - start] + rest[m.end - start:]
    return len(re.findall(r"\b[A-Z][a-z]+", rest)) >= 2


def _sentence_parties(doc: Doc, span: Span, exclude: tuple[int, int]) -> list[str]:
    """Organisations that sign or are said to be 'between' in the sentence; persons' organisations too."""
    parties: list[str] = []
    between = re.search(r"\bbetween\s+(.+?)(?:\s+(?:on|to|in|for|which|that)\b|[,.;]|$)", span.text)
    window = (span.start + between.start(1), span.start + between.end(1)) if between else (span.start, span.end)
    orgs = [m for m in doc.mentions if m.kind == "org"]
    for m in orgs:
        if not (window[0] <= m.start and m.end <= window[1]) or exclude[0] <= m.start < exclude[1]:
            continue
        if any(o is not m and o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
               for o in orgs):
            continue  # "UNESCO" in "the UNESCO International Institute for Capacity Building": part of its name
        if any(o.end < m.start and re.fullmatch(r"\s*\(", doc.text[o.end:m.start]) and m.key in doc.lineage(o.key)[1:]
               for o in orgs):
            continue  # "the Secretariat of the Shanghai Cooperation Organisation (SCO)": the bracket glosses its name
        if _WHERE_OR_WHO_SAW.search(doc.text, max(span.start, m.start - 40), m.start) or any(
                o.key == m.key and o.end < m.start and re.fullmatch(r"\s*\(", doc.text[o.end:m.start])
                and _WHERE_OR_WHO_SAW.search(doc.text, max(span.start, o.start - 40), o.start) for o in orgs):
            # "at the headquarters of the African Union (AU)", "in the presence of the Ambassador of France"
            continue
        if m.key not in parties:
            parties.append(m.key)
    if len(parties) < 2:
        # "Minister of Agriculture Zulfikar Mustapha and Assistant Director General of the UN Food and Agriculture
        # Organisation Julio Berdegue have signed the Country Programme Framework (CPF)": who sign, for their bodies
        for m in doc.mentions:
            body = doc.body_of(m.key) if m.kind == "person" and window[0] <= m.start and m.end <= window[1] else None
            if body is not None and not any(body in doc.lineage(p) or p in doc.lineage(body) for p in parties):
                parties.append(body)
    return parties


# Where a signing took place, and who saw it: no party.
_WHERE_OR_WHO_SAW = re.compile(r"\b(?:(?:at|in)\s+the\s+(?:headquarters|premises|seat|offices?)\s+of|in\s+the\s+presence\s+of"
                               r"|witnessed\s+by)\s+(?:the\s+)?$")


def _signed_near(text: str, start: int, end: int, span: Span) -> bool:
    """A verb of signing or launching governs the framework, in its own sentence: close before it
    ("signed a Cooperation Agreement"), or right after ("…, which the two organisations signed")."""
    before = text[max(span.start, start - 80):start]
    after = text[end:min(span.end, end + 250)]
    return bool(_SIGN.search(before) or _SIGN.search(after))


# Words that refer to the two sides told before: "their", "both parties", "the two sides".
_THEIR = re.compile(r"\b(?:[Tt]heir|[Bb]oth (?:parties|sides)|[Tt]he two (?:sides|parties|organi[sz]ations))\b")


def _before(doc: Doc, span: Span) -> Span:
    """The sentence before `span` (itself, for the first)."""
    at = next((i for i, s in enumerate(doc.spans) if s.start == span.start), 0)
    return doc.spans[at - 1] if at else span


def _actor_parties(doc: Doc, span: Span) -> list[str]:
    """The organisations of a sentence, and those of the persons in it whose posts are known."""
    out: list[str] = []
    for m in doc.mentions:
        if span.start <= m.start < span.end:
            keys = [m.key] if m.kind == "org" else [p.organisation for p in doc.posts if p.person == m.key]
            for key in keys:
                if key not in out:
                    out.append(key)
    return out


def _established(doc: Doc, span: Span, near: int) -> str | None:
    if not _ESTABLISH_NEAR.search(span.text):
        return None
    # ("PARIS, 20 December 2013 – The signing ceremony of the Framework Agreement … was held on 17 December")
    found = past_dateline(span.text, doc.dates_in(span.text))
    if not found:
        year = re.search(r"\b(?:in|since)\s+(?:early\s+|late\s+|mid-)?((?:19|20)\d\d)\b", span.text)
        return year.group(1) if year else None
    best = min(found, key=lambda d: abs(span.start + d.start - near))
    return best.value


def find_frameworks(doc: Doc) -> list[Framework]:
    found: dict[str, Framework] = {}
    for span in doc.spans:
        for m in _NAMED.finditer(span.text):
            name = m.group().strip()
            prefix = m.group(1).strip()
            start = span.start + m.start() + len(m.group()) - len(m.group().lstrip())
            lead = re.match(r"(?:The|A|An|This|Its|Their)\b\s*", prefix)
            if lead:
                name, prefix = name[lead.end():], prefix[lead.end():]
                start += lead.end()  # the parties are looked for where the name now starts
            verb = re.search(r"(?:^|\s)(?:To\s+)?(?:Sign|Signs|Signed|Signing|Renew|Renews|Launch|Launches|Ink|Inks|"
                             r"Agree|Agrees|Conclude|Concludes)\s+(?:New\s+|Renewed\s+)?$", prefix + " ")
            if verb:
                # a headline's verb ("WHO, African Union Sign MoU"): the parties stand before it
                cut = name[verb.end() - 1:]
                start += len(name) - len(cut.lstrip())
                name, prefix = cut.strip(), ""
            if not prefix and not re.match(r"[A-Z]", name):
                continue
            head = name[len(prefix):].strip()
            if doc.mention_at(start, start + len(name)):
                continue  # "Directorate-General for International Partnerships" is an organisation
            parties = _prefix_parties(doc, start, prefix)
            described = False
            if prefix and not parties and re.fullmatch(r"Initiative|Partnership|Compact", head) and span.start > 0:
                # "… and advancing the Safe Mobility Office Initiative": a named initiative, carried by the
                # actors of its sentence
                parties = _actor_parties(doc, span)
                if parties:
                    _merge(found, doc, Framework(_key(name, parties), name, span, parties, None))
                continue
            if not prefix or len(parties) < 1:
                # (or named with its parties in a sentence: "He hoped that the new Country Programme Document (CPD)
                # 2024-2028 between the Royal Government of Cambodia and UNDP assist …"; not a caption's "MoU between
                # UNCTAD and EEC", nor a name that completes another's: "the fourth Action Plan of the Country Program
                # for Cooperation between …")
                if not _signed_near(doc.text, start, start + len(name), span) and not (
                        _BETWEEN_AFTER.match(doc.text, start + len(name)) and _a_sentence(span.text)
                        and not _OF_BEFORE.search(doc.text, max(0, start - 8), start)):
                    continue
                parties = without_offices(doc, _sentence_parties(doc, span, (start, start + len(name))))
                if len(parties) < 2 and _THEIR.search(doc.text, span.start, start):
                    # "They explored renewing their Memorandum of Understanding …", "… both parties agreeing to review
                    # the current Memorandum of Understanding": the sides the sentence before names
                    parties = without_offices(doc, _actor_parties(doc, _before(doc, span))) or parties
                described = True
            owned = len(parties) == 1 and not described and _named_beyond(doc, start, prefix)
            if len(parties) < 2 and not owned and (
                    described or not (parties and _COOPERATIVE.search(head) and _SIGN.search(span.text))):
                continue
            if span.start == 0 and not _prefix_parties(doc, start, prefix) and prefix:
                continue  # a headline capitalises every word: "IOM and ECO to Sign … Pact" names no pact
            if described and not prefix:
                name = f"{head} between {_names(doc, parties)}"
            _merge(found, doc, Framework(_key(head, parties), name, span, parties,
                                         _year_before(doc, start) or _established(doc, span, start)))
    _pair_named(doc, found)
    for a in find_agreements(doc):
        head = a.head[:1].upper() + a.head[1:]
        fw = Framework(_key(head, a.parties), f"{head} between {_names(doc, a.parties)}", a.span, a.parties,
                       _established(doc, a.span, a.start))
        fw.aliases.add(f"{head} between {_names(doc, a.parties, full=True)}")
        if len(a.phrase.split()) > len(a.head.split()):
            fw.aliases.add(a.phrase)
        _merge(found, doc, fw)
    _quoted_projects(doc, found)
    _project_lines(doc, found)
    for programme in find_programmes(doc):
        if not any(programme.name in (f.name, *f.aliases) for f in found.values()):
            programme.key = _key(programme.name, programme.parties)
            _merge(found, doc, programme)
    for fw in found.values():
        if fw.established is None and doc.anchor and told_as_news(fw.evidence.text):
            # signed or launched in the release's own news, with no other date: on the day it is dated
            fw.established = doc.anchor.isoformat()
    return sorted(found.values(), key=lambda f: f.evidence.start)


# "the 2011 SCO-UNODC memorandum of understanding", "the AU-IOM partnership agreement": two bodies joined by a
# hyphen name an agreement between them, whatever its head's case (a capitalised head is _NAMED's).
_PAIR_NAMED = re.compile(r"(?<![\w-])(?P<a>[A-Z][\w.&’']*)-(?P<b>[A-Z][\w.&’']*)\s+(?P<head>(?:(?:cooperation|partnership|"
                         r"framework|financing|grant|loan)\s+)?(?:memorandum of understanding|agreement|accord))\b")
# (after an article: not a date's year, "On 5 March 1998 UNDCP …")
_YEAR_BEFORE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)[ \t]+((?:19|20)\d\d)[ \t]+$")


def _pair_named(doc: Doc, found: dict[str, Framework]) -> None:
    for span in doc.spans:
        for m in _PAIR_NAMED.finditer(span.text):
            a, b = (doc.mention_at(span.start + m.start(g), span.start + m.end(g)) for g in ("a", "b"))
            if a is None or b is None or a.kind != "org" or b.kind != "org" or a.key == b.key:
                continue
            name = m.group()
            start = span.start + m.start()
            _merge(found, doc, Framework(_key(m.group("head").capitalize(), [a.key, b.key]), name, span,
                                         [a.key, b.key], _year_before(doc, start) or _established(doc, span, start)))


def _year_before(doc: Doc, start: int) -> str | None:
    """The year written right before a framework's name: "the 2011 SCO-UNODC memorandum of understanding"."""
    year = _YEAR_BEFORE.search(doc.text, max(0, start - 12), start)
    return year.group(1) if year else None


# A signing or launch the release reports as its news ("signed", "today signed", "the signing ceremony"),
# and what dates it otherwise: a year, a weekday or relative day, a past perfect ("had signed"), "since".
_REPORTED = re.compile(r"\b(?:sign(?:s|ed|ing)?|ink(?:s|ed)|conclude[sd]|renew(?:s|ed)|launch(?:es|ed)?)\b",
                       re.IGNORECASE)
_DATED = re.compile(r"\b(?:1[89]|20)\d\d\b|\b(?:had|since|last|ago|previously|earlier)\b|\b(?:Monday|Tuesday|Wednesday|"
                    r"Thursday|Friday|Saturday|Sunday|yesterday)\b", re.IGNORECASE)


def told_as_news(sentence: str) -> bool:
    """Whether a sentence tells a signing or launch as the release's news, with no other date for it."""
    sentence = COPIED_DATE.sub("", sentence)
    return bool(_REPORTED.search(sentence)) and not _DATED.search(sentence)


def _names(doc: Doc, keys: list[str], full: bool = False) -> str:
    labels = [doc.orgs[k].name if full else _short(doc, k) for k in keys]
    return " and ".join([", ".join(labels[:-1]), labels[-1]]) if len(labels) > 1 else labels[0]


def _short(doc: Doc, key: str) -> str:
    org = doc.orgs[key]
    acronyms = sorted(a for a in org.aliases if a.isupper() and 2 <= len(a) <= 6)
    return acronyms[0] if acronyms else org.name


def _core(head: str) -> str:
    head = re.sub(r"\b(MoU|MOU)\b", "Memorandum of Understanding", head)
    return slug(re.sub(r"\b(?:Strategic|Cooperation|Framework Agreement)\b", lambda m: m.group(), head))


def _key(head: str, parties: list[str]) -> str:
    return "--".join([_core(head), *sorted(parties)])


def _bodies(doc: Doc, parties: list[str]) -> set[str]:
    """The parties up to the bodies they are part of: the African Union Commission signs for the AU."""
    return {doc.lineage(key)[-1] for key in parties}


def _merge(found: dict[str, Framework], doc: Doc, fw: Framework) -> None:
    """One framework however often it is named: same core name and same parties."""
    for key, old in found.items():
        if _conjoined(old, fw):
            continue  # "signed a Host Country Agreement and a memorandum of understanding": two of them
        if old.evidence == fw.evidence and set(old.parties) == set(fw.parties):
            if len(fw.name) > len(old.name):  # "Framework Partnership Agreement" over "Agreement"
                old.aliases.add(old.name)
                old.name = fw.name
            return
        same_core = _core(old.name.split(" between ")[0]).endswith(_core(fw.name.split(" between ")[0]).split("--")[0]) \
            or key.split("--")[0] == fw.key.split("--")[0]
        # The same parties' agreement named two ways in one release ("the pact", "the MoU"), unless
        # the text dates them apart.
        known, told = _bodies(doc, old.parties), _bodies(doc, fw.parties)
        same_parties = known == told and _compatible(old.established, fw.established)
        if (same_core and known & told) or same_parties:
            # the parties of a body already party are its signatories, not more parties
            old.parties = without_offices(doc, old.parties + [p for p in fw.parties if p not in old.parties
                                                              and not _bodies(doc, [p]) & known])
            if fw.established and (not old.established or len(fw.established) > len(old.established)
                                   and fw.established.startswith(old.established)):
                old.established = fw.established
            if _core(fw.name) == _core(old.name) and len(fw.name) > len(old.name):
                old.aliases.add(old.name)  # "Memorandum of Understanding between …" over "MoU between …"
                old.name = fw.name
            elif fw.name != old.name:
                old.aliases.add(fw.name)
            if fw.evidence != old.evidence and fw.evidence not in old.further:
                old.further.append(fw.evidence)
            return
    found[fw.key] = fw


def _conjoined(a: Framework, b: Framework) -> bool:
    """Whether two frameworks of different kinds are told side by side, joined by "and", in one sentence."""
    heads = [f.name.split(" between ")[0] for f in (a, b)]
    if a.evidence != b.evidence or _core(heads[0]) == _core(heads[1]):
        return False
    return any(re.search(rf"{re.escape(x)}\s+and\s+(?:an?|the|its)\s+{re.escape(y)}", a.evidence.text, re.IGNORECASE)
               for x, y in (heads, heads[::-1]))


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _quoted_projects(doc: Doc, found: dict[str, Framework]) -> None:
    """'a European Union-funded IOM project: “Strengthening migration management in Mauritania …”'."""
    # the quote closed, or left open after the project's acronym: "“Sustaining … in Georgia (SBMMG), aim of"
    for m in re.finditer(r"\bproject(?:\s+(?:entitled|titled|called|named))?[:,]?\s+[“\"]"
                         r"([^”\"\n]{12,200}?(?:(?=[”\"])|\([A-Z][A-Za-z]{1,11}\)(?=[,.;])))", doc.text):
        span = doc.sentence_of(m.start())
        parties = [x.key for x in doc.mentions if x.kind == "org" and span.start <= x.start < m.start()]
        parties = list(dict.fromkeys(parties))
        if not parties:
            continue
        established = None
        for other in doc.spans:
            if re.search(r"\b(?:beginning|start|launch)\s+of\s+the\s+project\b", other.text):
                ds = [d for d in doc.dates_in(other.text) if len(d.value) >= 4]
                if ds:
                    established = ds[0].value
        name = m.group(1).strip()
        found.setdefault(slug(name), Framework(slug(name), name, span, parties, established))


# A project's line: "[Country - ]Name", its name ending as a project's does, or in the number of a series
# ("… Program II", "… Development Policy Loan 1").
_PROJECT_LINE = re.compile(r"(?m)^(?:([A-Z][\w ’'.-]+?)\s+[-–]\s+)?([A-Z][^\n]{5,120}?(?:Project|Program|Programme|"
                           r"Operation|Financing|Loan|Credit|Facility)(?:\s+(?:[IVX]{1,4}|\d{1,2}))?)[ \t]*$")


def _project_lines(doc: Doc, found: dict[str, Framework]) -> None:
    """World Bank approvals: the line under 'the following project', 'Sri Lanka - Local Development Support
    Project', or the project's name alone ('Sustainable Enterprise Project'), whose country the release
    then names elsewhere or not at all."""
    intro = re.search(r"following projects?\s*:", doc.text)
    if not intro:
        return
    for m in _PROJECT_LINE.finditer(doc.text, intro.end()):
        country = doc.gaz.country_surface.get(m.group(1).strip()) if m.group(1) else None
        if (m.group(1) and not country) or (not m.group(1) and doc.text[intro.end():m.start()].strip()):
            continue  # "Name – …" of something else; a name alone only right under the introduction
        parties: list[str] = []
        if country:
            parties.append(doc.government(country, m.group(1).strip()))
        for x in doc.mentions:
            if x.kind == "org" and x.key not in parties:
                parties.append(x.key)
        name = m.group().strip()
        span = doc.sentence_of(m.start())
        found.setdefault(slug(name), Framework(slug(name), name, span, parties, doc.anchor.isoformat() if doc.anchor else None))
        doc.project_country = country
