"""Persons and their posts: names after a title ("IOM Director General Amy Pope"), before one ("Hakan
Fidan, Minister for Foreign Affairs of the Republic of Türkiye"), after an honorific ("H.E. Mr."), in
quotes ("said Amy Pope") and contact lines; short forms ("DG Pope", "Mr. Fidan") kept as aliases."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from rapidfuzz import fuzz

from migragraph.extract.doc import Doc, Mention, is_ministry
from migragraph.extract.gazetteer import Gazetteer, trie_alternation
from migragraph.extract.model import Post, Span
from migragraph.extract.names import NAME, trim_name, valid_name
from migragraph.extract.text import occurrences
from migragraph.extract.titles import (
    RoleMatch,
    find_posts,
    held_title,
    name_before,
    past_abbreviation,
    without_guessed_twins,
)


def _alts(words: list[str]) -> str:
    """The words as one alternation that matches the longest where several start at the same place."""
    return trie_alternation(words)


def _patterns(doc: Doc) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return _compiled(doc.gaz)


@cache
def _compiled(gaz: Gazetteer) -> tuple[re.Pattern[str], re.Pattern[str]]:
    roles = gaz.roles
    mods = _alts(roles["modifiers"])
    heads = _alts(roles["heads"])
    role = re.compile(rf"(?<![\w-])(?:(?:{mods})[\s-]+)*(?:{heads})(?![\w-])")
    lower_mods = _alts([m.lower() for m in roles["modifiers"]])
    # (a title of several words in sentence case too: "IOM Chief of mission Jan William Wegdam")
    lower_heads = _alts([h.lower() for h in roles["heads"]] +
                        [h[:1] + h[1:].lower() for h in roles["heads"] if " " in h and h[:1].isupper()])
    # lower case ("the director general"), or in sentence case ("Finance minister Nirmala Sitharaman")
    lower_role = re.compile(rf"(?<![\w-])(?:(?:{mods})[\s-]+)?(?:(?:{lower_mods})[\s-]+)*(?:{lower_heads})(?![\w-])")
    return role, lower_role


def honorifics(doc: Doc) -> str:
    """The honorifics of roles.yaml as one alternation, longest first ("H.E.", "Mr.", "Mr", …)."""
    return _honorific_alts(tuple(doc.gaz.roles["honorifics"]))


@cache
def _honorific_alts(words: tuple[str, ...]) -> str:
    return _alts(list(words))


def find_persons(doc: Doc) -> list[Post]:
    role_re, lower_re = _patterns(doc)
    hon = honorifics(doc)
    matches = [_with_portfolio_before(doc, RoleMatch(m.start(), m.end(), m.group())) for m in role_re.finditer(doc.text)]
    for m in lower_re.finditer(doc.text):
        over = [i for i, r in enumerate(matches) if r.start <= m.start() < r.end]
        if not over:
            matches.append(_with_portfolio_before(doc, RoleMatch(m.start(), m.end(), m.group())))
        elif len(over) == 1 and matches[over[0]].end == m.start() + len(m.group().split()[0]) and \
                m.end() > matches[over[0]].end:
            # "Chief of mission": the title in sentence case, longer than its first word's
            r = matches[over[0]]
            matches[over[0]] = RoleMatch(r.start, m.end(), doc.text[r.start:m.end()])
    _appointed(doc)
    posts = find_posts(doc, sorted(matches, key=lambda r: r.start), hon)
    _titled_orgs(doc, hon, posts)
    _the_role(doc, posts)
    _plain_names(doc, hon)
    _model_names(doc)
    posts = without_guessed_twins(doc, _merge_variants(doc, posts))
    _mark_person_mentions(doc)
    _short_forms(doc, hon)
    _bare_names(doc)
    posts = posts + _predecessors(doc, posts) + _chosen_to_lead(doc, posts)
    return _without_bodies_named(doc, posts + _counterparts(doc, posts))


# "met his Austrian counterpart, Gerhard Karner": the same post in the government the adjective names.
_COUNTERPART = re.compile(r"\b(?:his|her|their)\s+([A-Z][\w’'-]+)\s+counterparts?,?\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?")


def _counterparts(doc: Doc, posts: list[Post]) -> list[Post]:
    """'Italy's Interior Minister Matteo Piantedosi met his Austrian counterpart, Gerhard Karner': the named
    counterpart holds the title of the sentence's first holder of a government post (or of a government title
    left unplaced there, titles._default_org), in the government of the country the adjective names."""
    found: list[Post] = []
    for m in _COUNTERPART.finditer(doc.text):
        country = doc.gaz.demonym_surface.get(m.group(1))
        name = re.match(NAME, doc.text[m.end():])
        span = doc.sentence_of(m.start())
        subject = next((p.role for p in posts if p.evidence == span and _in_government(doc, p.organisation)),
                       None) or next((t for at, t in doc.unplaced_titles if at == span.start), None) or \
            _post_told_before(doc, posts, span, m.start())
        if country is None or name is None or subject is None or not valid_name(trim_name(name.group(), doc), doc):
            continue
        told = trim_name(name.group(), doc)
        person = doc.add_person(told)
        doc.mentions.append(Mention(m.end(), m.end() + len(told), person, "person", told))
        found.append(Post(person, subject, doc.government(country), span))
    return found


def _post_told_before(doc: Doc, posts: list[Post], span: Span, at: int) -> str | None:
    """'Minister Armando Manuel held separate meetings with his Japanese counterpart, Taro Aso': the government
    title the release gives elsewhere to the person the sentence names before the counterpart."""
    first = next((m.key for m in doc.mentions if m.kind == "person" and span.start <= m.start < at), None)
    return next((p.role for p in posts if p.person == first and _in_government(doc, p.organisation)), None)


def _in_government(doc: Doc, key: str) -> bool:
    """Whether a post's body is a government, or a ministry of one (titles._ministry_of puts ministers there)."""
    above = doc.government_above(key)
    return above is not None and (above == key or is_ministry(doc.orgs[key].name))


# A body's noun in lower case right after a name makes the name a body's ("UNICEF, Bauchi Zonal office").
_BODY_NOUN_AFTER = re.compile(r"[ \t]+(?:zonal[ \t]+|field[ \t]+|regional[ \t]+|country[ \t]+|sub-office)?"
                              r"(?:office|offices|ministry|department|agency|unit|branch|division|secretariat|"
                              r"bureau|directorate|headquarters)\b")


def _without_bodies_named(doc: Doc, posts: list[Post]) -> list[Post]:
    """The posts but those of a "person" every mention of whom runs on into a body's noun in lower case
    ("the representative of UNICEF, Bauchi Zonal office, Maryam Dikwa": Bauchi Zonal is no person)."""
    told: dict[str, list[Mention]] = {}
    for m in doc.mentions:
        if m.kind == "person":
            told.setdefault(m.key, []).append(m)
    bodies = {key for key, ms in told.items() if all(_BODY_NOUN_AFTER.match(doc.text, m.end) for m in ms)}
    if not bodies:
        return posts
    for key in bodies:
        doc.persons.pop(key, None)
    doc.mentions = [m for m in doc.mentions if not (m.kind == "person" and m.key in bodies)]
    return [p for p in posts if p.person not in bodies]


def _with_portfolio_before(doc: Doc, role: RoleMatch) -> RoleMatch:
    """A portfolio told before a minister or secretary is the title's: "Immigration Minister", "Foreign
    Affairs Minister", "Development and Investment Minister", "Agriculture, Food, Fisheries and Livestock
    Minister"; in lower case before a title in lower case ("Egyptian investment and international cooperation
    minister Sahar Nasr")."""
    if role.text.startswith(("Minister", "Secretary")):
        words = tuple(doc.gaz.roles["portfolio_words"])
    elif role.text.startswith(("minister", "secretary")):
        words = tuple(word.lower() for word in doc.gaz.roles["portfolio_words"])
    else:
        return role
    before = _portfolio_before(words).search(doc.text, max(0, role.start - 60), role.start)
    if before is None:
        return role
    return RoleMatch(before.start(), role.end, doc.text[before.start():role.end])


@cache
def _portfolio_before(words: tuple[str, ...]) -> re.Pattern[str]:
    # (a word in the possessive too: "Social Welfare, Gender and Children’s Affairs Minister")
    portfolio = rf"(?:{_alts(list(words))})(?:’s|'s)?"
    return re.compile(rf"(?<![\w-]){portfolio}(?:,?[ \t]+(?:(?:and|&)[ \t]+)?{portfolio}){{0,4}}[ \t]+$")


def role_re_at_end(doc: Doc, pos: int) -> int | None:
    """Where a title starting at `pos` ends, if one starts there."""
    role, _ = _patterns(doc)
    m = role.match(doc.text, pos)
    return m.end() if m else None


def role_re_at(doc: Doc, pos: int) -> bool:
    """Whether a title starts at `pos` ("… and Chief of Mission"): a portfolio ends there."""
    role, _ = _patterns(doc)
    return role.match(doc.text, pos) is not None


def _the_role(doc: Doc, posts: list[Post]) -> None:
    """'The Secretary-General met with …': a title alone stands for the one person holding it here."""
    holders: dict[str, set[str]] = {}
    for p in posts:
        # a page labelling its holder "Former Secretary-General" calls him "the Secretary-General" in the text
        holders.setdefault(held_title(p.role), set()).add(p.person)
    defaults: dict[str, str] = doc.gaz.roles.get("default_organisation", {})
    for role, key in defaults.items():
        # "The Secretary-General met with …" in a UN readout that never names him: the UN took part.
        if doc.publisher == key and role not in holders:
            for m in re.finditer(rf"\b[Tt]he\s+{re.escape(role)}\b(?!\s+(?:of|for)\b)", doc.text):
                if not doc.mention_at(m.start(), m.end()):
                    doc.add_gazetteer_org(doc.gaz.orgs[key])
                    doc.mentions.append(Mention(m.start(), m.end(), key, "org", m.group()))
    for role, people in holders.items():
        if len(people) != 1 or len(role.split()) > 4:
            continue
        person = next(iter(people))
        for m in _the_title(role).finditer(doc.text):
            if not doc.mention_at(m.start(), m.end()):
                doc.mentions.append(Mention(m.start(), m.end(), person, "person", m.group()))
    doc.mentions.sort(key=lambda x: (x.start, -x.end))


@lru_cache(maxsize=1024)
def _the_title(role: str) -> re.Pattern[str]:
    """'the Secretary-General', 'the IOM Director General', not 'the Director General of …'. (Compiled
    once for each title: re's own cache, 512 patterns, lost them among the names' patterns.)"""
    return re.compile(rf"\b[Tt]he\s+(?:[A-Z]+\s+)?{re.escape(role)}\b(?!\s+(?:of|for)\b)(?!\s+[A-Z][a-z])")


def _titled_orgs(doc: Doc, hon: str, posts: list[Post]) -> None:
    """'UN High Commissioner for Refugees Filippo Grandi': an organisation named after its head's title."""
    heads = [h for h in doc.gaz.roles["heads"] if " " in h or h in ("Commissioner", "Secretary-General")]
    for m in list(doc.mentions):
        if m.kind != "org":
            continue
        head = next((h for h in sorted(heads, key=len, reverse=True) if h in m.text), None)
        if not head:
            continue
        # "United Nations High Commissioner for Refugees (UNHCR) Filippo Grandi": its abbreviation between
        after = re.compile(rf",?\s+(?:(?:{hon})\s+)*({NAME})").match(doc.text, past_abbreviation(doc.text, m.end))
        name = trim_name(after.group(1)) if after else ""
        if not (after and valid_name(name, doc)) and not m.text.startswith("Office"):
            # "António Guterres, UN High Commissioner for Refugees": the name before, as a title's
            before = name_before(doc, m.start)
            name = before.name if before and (before.vetted or valid_name(before.name, doc)) else ""
        if name:
            person = doc.add_person(name)
            posts.append(Post(person, head, m.key, doc.sentence_of(m.start)))


def _plain_names(doc: Doc, hon: str) -> None:
    """Names with no title: after an honorific, in a quote's attribution, in a contact line."""
    text = doc.text
    found: list[str] = []
    # (honorifics and names begin with a capital or a bracket: the lookaheads spare the alternations elsewhere)
    for m in re.finditer(rf"(?<![\w.])(?=[A-Z(])(?:{hon})\s+(?:(?:{hon})\s+)*({NAME})", text):
        found.append(m.group(1))
    for m in re.finditer(rf"\b(?:said|says|added|noted|stressed|explained|according to)\s+({NAME})", text):
        found.append(m.group(1))
    # whose words a page gives: "Statement by Jean-Yves Le Drian – …", "Remarks by …"
    for m in re.finditer(rf"\b(?:Statement|Remarks|Speech|Address|Message|Op-ed)\s+(?:by|of|from)\s+"
                         rf"(?:(?:{hon})\s+)*({NAME})", text):
        found.append(m.group(1))
    for m in re.finditer(rf"(?=[A-Z])({NAME})\s+(?:said|says|added|noted|stressed|explained)\b", text):
        if not any(x.kind == "org" and x.start < m.start(1) < x.end for x in doc.mentions):
            found.append(m.group(1))  # (not the end of a body's name: "The Department of Migrant Workers said")
    for m in re.finditer(r"(?i:contact)[^\n]{0,40}?[:\s]\s*(?:In [A-Z][a-z]+:\s*)?([^\n,]{3,60})", text):
        cand = re.match(NAME, m.group(1).strip())
        if cand:
            found.append(cand.group())
    for m in re.finditer(rf"(?:^|\n)\s*({NAME})\s*(?:,\s*[\w.+-]+@[\w.-]+|\n+\s*(?:IOM|UNHCR|UNDP)\b)", text):
        found.append(m.group(1))
    # (tried at every capital, the longest of these patterns: only where an address is written)
    for m in re.finditer(rf"({NAME}),?\s*(?:\(|)?[\w.+-]+@[\w.-]+\.\w+", text) if "@" in text else ():
        found.append(m.group(1))
    for name in found:
        name = trim_name(name, doc)
        if valid_name(name, doc) and not _is_org_text(doc, name):
            key = doc.add_person(name)
            email = _email_after(text, name)
            if email:
                doc.persons[key].email = email


_APPOINTED = re.compile(rf"\b(?:(?:appointment|election|nomination|re-?election|reappointment)\s+of|(?:re-?)?(?:appoint|elect|"
                        rf"nominate|designate)(?:ed|s)?|named)\s+({NAME})(?=,?\s+(?:of\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?"
                        rf",?\s+|on\s+[A-Z][a-z]+day\s+)?as\b)")


def _appointed(doc: Doc) -> None:
    """Whom a body appoints or elects to a post, before the title: "the appointment of Dereje Wordofa of Ethiopia
    as …", "to appoint Inger Andersen of Denmark as …", "elected Amy E. Pope on Monday as its next …". A
    candidate name, as the model's are, for the title after "as" to bind (titles._name_taking)."""
    for m in _APPOINTED.finditer(doc.text):
        start, name = m.start(1), trim_name(m.group(1), doc)
        end = start + len(name)
        if valid_name(name, doc) and not doc.mention_at(start, end) and \
                not any(s < end and start < e for s, e, _ in doc.name_candidates):
            doc.name_candidates.append((start, end, name))
    doc.name_candidates.sort()


_EMAIL_AFTER = re.compile(r",?\s*\(?([\w.+-]+@[\w.-]+\.\w+)")


def _email_after(text: str, name: str) -> str | None:
    """The address written right after the name's first occurrence that has one ("Jack Straw,
    jack@…"). (The name is found as plain text: a pattern for each name would be compiled for each.)"""
    at = text.find(name)
    while at >= 0:
        m = _EMAIL_AFTER.match(text, at + len(name))
        if m:
            return m.group(1)
        at = text.find(name, at + 1)
    return None


def _model_names(doc: Doc) -> None:
    """Every name the model found is a person of the release, titled or not; a single word only where
    no fuller name of the release holds it (then it is a short form, read by _short_forms)."""
    for start, end, name in doc.name_candidates:
        if doc.mention_at(start, end) is not None or _is_org_text(doc, name):
            continue
        if " " not in name and any(name in p.name.split() for p in doc.persons.values()):
            continue
        key = doc.add_person(name)
        doc.mentions.append(Mention(start, end, key, "person", name))


def _is_org_text(doc: Doc, name: str) -> bool:
    return any(name == o.name or name in o.aliases for o in doc.orgs.values())


def _short_forms(doc: Doc, hon: str) -> None:
    """'DG Pope', 'Ambassador Swing', 'Mr. Fidan', 'B. Gminder', 'Dr Workneh': kept as aliases of the
    one person of the release whose name holds that word; never a person of their own."""
    pattern = _short_form_pattern(tuple(doc.gaz.roles.get("abbreviations", {})), tuple(doc.gaz.roles["heads"]), hon)
    for m in pattern.finditer(doc.text):
        word = m.group(2)
        if re.match(r"\s+[A-Z][^\W\d_]", doc.text[m.end():m.end() + 3]):
            continue  # a full name follows the title, not a short form
        owners = [p for p in doc.persons.values() if word in p.name.split()]
        if len(owners) != 1:
            continue
        owner = owners[0]
        alias = (m.group(1) + word).strip()
        if alias != owner.name and not owner.name.startswith(alias):
            owner.aliases.add(alias)
            doc.mentions.append(Mention(m.start(), m.end(), owner.key, "person", alias))


@cache
def _short_form_pattern(abbreviations: tuple[str, ...], heads: tuple[str, ...], hon: str) -> re.Pattern[str]:
    # (every title and honorific begins with a capital or a bracket: the lookahead spares the alternation
    # at every other position of the text)
    return re.compile(rf"(?=[A-Z(])((?:(?:Acting|Deputy)\s+)?(?:{_alts(list(abbreviations))}|{_alts(list(heads))}|{hon}|"
                      rf"[A-Z]\.)\s+)([A-Z][\w’'-]+)\b")


# Beside another capitalised word (part of another name) or after "the" ("the Pope").
_AFTER_NAME_WORD = re.compile(r"(?:\b[Tt]he|[A-Z][\w’'-]*|[A-Z]\.)\s+$")
_NAME_WORD_NEXT = re.compile(r"\s+[A-Z]")


def _bare_names(doc: Doc) -> None:
    """'Pope was the first of these officials to arrive', 'Tedros wrote': one word of a person's name
    standing alone, where it is the first or last word of the name of exactly one person of the release,
    kept as an alias of that person (never a person of its own). Not after 'the' ("the Pope"), not
    beside another capitalised word (part of another name), not a word the text also writes in lower case."""
    owners: dict[str, set[str]] = {}
    for person in doc.persons.values():
        words = person.name.split()
        if len(words) >= 2:
            for word in {words[0], words[-1]}:
                owners.setdefault(word, set()).add(person.key)
    lowered = set(re.findall(r"(?<![\w-])[a-z][\w’'-]*", doc.text))
    taken = [(m.start, m.end) for m in doc.mentions]
    for word, keys in sorted(owners.items()):
        if len(keys) != 1 or len(word) < 3 or word.lower() in lowered or not word[:1].isupper() or \
                doc.gaz.by_surface(word) or word in doc.gaz.country_surface or word in doc.gaz.demonym_surface:
            continue
        key = next(iter(keys))
        for start, end in occurrences(doc.text, word, not_before="’'-"):
            if any(s <= start < e for s, e in taken):
                continue
            before = doc.text[max(0, start - 40):start]
            if _AFTER_NAME_WORD.search(before) or _NAME_WORD_NEXT.match(doc.text, end):
                continue
            doc.persons[key].aliases.add(word)
            doc.mentions.append(Mention(start, end, key, "person", word))
    doc.mentions.sort(key=lambda x: (x.start, -x.end))


_SUCCEEDS = re.compile(r"\s*,?\s+(?:who\s+)?(?:succeeds|succeeded|will succeed|replaces|replaced|will replace|"
                       r"takes over from|took over from|will take over from)\s+(?:(?:Mr|Mrs|Ms|Dr|Prof|H\.E\.)\.?\s+)*$")


def _predecessors(doc: Doc, posts: list[Post]) -> list[Post]:
    """'Mr Taalas, who was previously Director-General of the Finnish Meteorological Institute, succeeds
    Michel Jarraud': the one predecessor named held the post its successor takes, the one post the
    successor's sentences give other than those this sentence gives (what they were before)."""
    found: list[Post] = []
    persons = [m for m in doc.mentions if m.kind == "person" and m.key in doc.persons]
    for later in persons:
        span = doc.sentence_of(later.start)
        earlier = [m for m in persons if span.start <= m.start < later.start and m.key != later.key]
        if not earlier:
            continue
        if not _SUCCEEDS.search(doc.text[span.start:later.start]):
            continue
        successor = earlier[0]  # the sentence's subject
        held = {(p.role, p.organisation) for p in posts if p.person == successor.key}
        taken = held - {(p.role, p.organisation) for p in posts if p.person == successor.key and p.evidence == span}
        if len(taken) != 1:
            continue
        role, organisation = next(iter(taken))
        if not any(p.person == later.key and p.role == role and p.organisation == organisation for p in posts):
            found.append(Post(later.key, role, organisation, span))
    return found


# "António Vitorino, who was elected to lead the International Organization for Migration"
_TO_LEAD = re.compile(r",?\s+(?:who\s+)?(?:(?:was|has been|had been|is|will be)\s+)?(?:elected|appointed|chosen|named|"
                      r"selected)\s+(?:to\s+(?:lead|head)|as\s+(?:the\s+)?head\s+of)\s+(?:the\s+)?")


def _chosen_to_lead(doc: Doc, posts: list[Post]) -> list[Post]:
    """A person elected or appointed to lead a body heads it: the post "Head" there, unless the release
    gives them a post in that body already."""
    found: list[Post] = []
    for m in doc.mentions:
        lead = _TO_LEAD.match(doc.text, m.end) if m.kind == "person" and m.key in doc.persons else None
        body = next((x for x in doc.mentions if lead and x.start == lead.end() and x.kind == "org"), None)
        if body is None or any(p.person == m.key and p.organisation == body.key for p in posts + found):
            continue
        found.append(Post(m.key, "Head", body.key, doc.sentence_of(m.start)))
    return found


def _same_person(short: str, long: str) -> bool:
    """'Marques Pereira' is 'Manuel Marques Pereira'; 'Georgi Gigauri' is 'Giorgi Gigauri' misspelt;
    'Amy Pope' is not 'Amy Pope-Smith', and two people who share a surname stay two."""
    # "P.Naranbayar" is an initial and a name, as "P. Naranbayar" would be
    a, b = (re.sub(r"^([A-Z])\.(?=\w)", r"\1. ", n).replace("-", " ").split() for n in (short, long))
    if a == b:
        return False
    if len(a) < len(b) and (b[-len(a):] == a or b[:len(a)] == a) and len(a) >= 2:
        return True
    squeezed = "".join(a).lower()
    if len(a) >= 2 and any("".join(b[i:]).lower() == squeezed for i in range(1, len(b))):
        return True  # "El Fadil" is "Amira ElFadil": a surname's particle written apart
    if len(a) == 1 and len(b) >= 2 and b[-1] == a[0]:
        return True  # "Puchkov" is "Vladimir Puchkov" (_merge_variants merges only into the one such name)
    if len(a) == 1 and " " in long and long.split()[-1].split("-")[0] == a[0]:
        return True  # "Minister Rodrigues" is "Carolyn Rodrigues-Birkett": a double surname's first half alone
    if len(a) == 1 and len(b) >= 2 and len(b[0]) > 1 and b[0].upper() == a[0].upper():
        # "Hayashi" is "HAYASHI Yoshimasa", "Minister Kang" is "Kang Kyung-wha": a surname written first;
        # "Dr Tedros" is "Tedros Adhanom Ghebreyesus", called by his own name
        return True
    if len(a) == len(b) >= 2 and a[:-1] == b[:-1] and len(a[-1]) >= 6 and fuzz.ratio(a[-1].lower(), b[-1].lower()) >= 90:
        return True  # "Pierre Krähebühl" is "Pierre Krähenbühl" misspelt (a caption's)
    if len(a) == len(b) and a[-1] == b[-1] and a[0][0] == b[0][0]:
        # "B. Gminder" is "Beate Gminder"; "Georgi Gigauri" is "Giorgi Gigauri" misspelt
        return bool(re.fullmatch(r"\w\.?", a[0])) or fuzz.ratio(a[0].lower(), b[0].lower()) >= 80
    return False


def _merge_variants(doc: Doc, posts: list[Post]) -> list[Post]:
    """Fold the other forms of a name a release uses into the fullest one, keeping them as aliases."""
    # the fullest form first; of two as full, the one the release writes more often (a misspelling once)
    people = sorted(doc.persons.values(), key=lambda p: (-len(p.name.split()), -doc.text.count(p.name), p.key))
    into: dict[str, str] = {}
    for short in reversed(people):
        owners = [p for p in people if p.key != short.key and p.key not in into and _same_person(short.name, p.name)]
        if len(short.name.split()) == 1 and len(owners) > 1:
            # of "KISHIDA Fumio" and "Kishida Shaking Hands" (a caption the model read), the name that writes
            # the surname as one: last, or first in capitals
            owners = [p for p in owners if p.name.split()[-1] == short.name or p.name.split()[0].isupper()]
        if len(short.name.split()) == 1 and len(owners) != 1:
            continue  # a surname two people of the release share stays apart
        for long in owners:
            if long.key != short.key and long.key not in into and _same_person(short.name, long.name):
                into[short.key] = long.key
                long.aliases.add(short.name)
                long.aliases.update(short.aliases)
                long.email = long.email or short.email
                break
    for old in into:
        del doc.persons[old]
    doc.mentions = [Mention(m.start, m.end, into.get(m.key, m.key), m.kind, m.text) if m.kind == "person" else m
                    for m in doc.mentions]
    doc.guessed_posts = {(into.get(person, person), role, body, at) for person, role, body, at in doc.guessed_posts}
    return [Post(into.get(p.person, p.person), p.role, p.organisation, p.evidence) for p in posts]


def _mark_person_mentions(doc: Doc) -> None:
    """Every place a known person is named, by full name or a short form found for them."""
    taken = [(m.start, m.end) for m in doc.mentions]
    for person in doc.persons.values():
        for form in sorted({person.name, *person.aliases}, key=len, reverse=True):
            for start, end in occurrences(doc.text, form):
                if not any(s < end and start < e for s, e in taken):
                    doc.mentions.append(Mention(start, end, person.key, "person", form))
                    taken.append((start, end))
    doc.mentions.sort(key=lambda x: (x.start, -x.end))
