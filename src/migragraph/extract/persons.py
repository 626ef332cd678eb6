"""Persons and their posts: names after a title ("IOM Director General Amy Pope"), before one ("Hakan
Fidan, Minister for Foreign Affairs of the Republic of Türkiye"), after an honorific ("H.E. Mr."), in
quotes ("said Amy Pope") and contact lines; short forms ("DG Pope", "Mr. Fidan") kept as aliases."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from migragraph.extract.doc import Doc, Mention, main_country
from migragraph.extract.model import Post

_PARTICLE = r"(?:de|da|van|von|der|den|del|di|du|bin|ibn|al|el|le|la|dos|das|De|Van|Von|Al|El|Abdel|Abdul)"
_WORD = r"[A-Z][a-zà-ÿ’']+(?:-[A-Z]?[a-zà-ÿ’']+)*"  # "Ki-moon", "Al-Thani", "Twum-Amoah"
# Two to four words; an initial ("Amina J Mohammed") only between words, never last ("Scotland QC").
_SP = r"(?:[ \t]+|[ \t]*\n[ \t]*(?!\n))"  # a space, or one line break; never a blank line
NAME = rf"(?:{_WORD})(?:{_SP}(?:{_PARTICLE}{_SP})?(?:[A-Z]\.?{_SP})?{_WORD}){{1,4}}"
_NAME_RE = re.compile(NAME)
# Between a title and a name: spaces, or one line break of hard-wrapped text; never a blank line.
_GAP = r"(?:[ \t]*\n[ \t]*(?=\S)|[ \t]+)"
_NOT_NAME = {
    "The", "This", "That", "These", "In", "On", "At", "For", "With", "And", "But", "By", "From", "Of", "To",
    "As", "Both", "Senior", "Officials", "Government", "Ministry", "Minister", "President", "Director",
    "General", "Secretary", "Union", "European", "United", "Nations", "States", "Kingdom", "Republic",
    "Organization", "Organisation", "International", "National", "Migration", "Commission", "Council",
    "Office", "Agency", "Department", "Bank", "Fund", "Programme", "Meeting", "Conference", "Summit",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Photo", "News", "Press", "Release", "Readout", "Statement", "Today",
    "Yesterday", "Tel", "Email", "E-mail", "Fax", "Mobile", "Contact", "Regional", "Global", "Migrants",
    "Refugees", "Humanitarian", "Assistance", "Development", "Cooperation", "Framework", "Agreement",
    "Partnership", "Strategic", "Project", "Support", "Mission", "Chief", "Head", "Deputy", "Acting",
    "Executive", "Ambassador", "Excellency", "His", "Her", "Their", "Our", "We", "They", "He", "She", "It",
    "Share", "Related", "Read", "More", "Follow", "Center", "Centre", "Initiative", "Affairs", "Foreign",
    "Prime", "High", "Commissioner", "Special", "Representative", "Envoy", "Coordinator", "Minister’s",
    "Memorandum", "Understanding", "Black", "Sea", "Western", "Eastern", "Northern", "Southern", "Central",
    "Africa", "Asia", "Europe", "America", "Middle", "East", "Gulf", "Horn", "Pacific", "Caribbean",
}
_ROLE_WORDS = {"Director", "General", "Secretary", "Minister", "President", "Commissioner", "Chief",
               "Head", "Deputy", "Representative", "Coordinator", "Manager", "Ambassador"}


@dataclass(frozen=True)
class RoleMatch:
    start: int
    end: int
    text: str


def _alts(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _patterns(doc: Doc) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return _compiled(id(doc.gaz), doc)


_CACHE: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _compiled(key: int, doc: Doc) -> tuple[re.Pattern[str], re.Pattern[str]]:
    if key in _CACHE:
        return _CACHE[key]
    roles = doc.gaz.roles
    mods = _alts(roles["modifiers"])
    heads = _alts(roles["heads"])
    role = re.compile(rf"(?<![\w-])(?:(?:{mods})[\s-]+)*(?:{heads})(?![\w-])")
    lower_role = re.compile(rf"(?<![\w-])(?:(?:{mods.lower()})[\s-]+)*(?:{heads.lower()})(?![\w-])")
    _CACHE[key] = (role, lower_role)
    return role, lower_role


def _honorifics(doc: Doc) -> str:
    return _alts(doc.gaz.roles["honorifics"])


def valid_name(name: str, doc: Doc) -> bool:
    tokens = name.split()
    if len(tokens) < 2 or any(t.strip("’'.,") in _NOT_NAME for t in tokens) or not tokens[0][0].isupper():
        return False
    if any(t in doc.gaz.roles.get("portfolio_words", ()) for t in tokens):
        return False
    if any(re.search(r"(?:’s|'s)$", t) for t in tokens[:-1]):
        return False
    if any(t in doc.gaz.country_surface or t in doc.gaz.demonym_surface or t.replace("-", " ") in
           doc.gaz.demonym_surface for t in tokens):
        return False
    if name in doc.gaz.surface or name in doc.gaz.country_surface:
        return False
    return not all(len(t.rstrip(".")) == 1 for t in tokens[1:])


def find_persons(doc: Doc) -> list[Post]:
    posts: list[Post] = []
    role_re, lower_re = _patterns(doc)
    hon = _honorifics(doc)
    matches = [RoleMatch(m.start(), m.end(), m.group()) for m in role_re.finditer(doc.text)]
    matches += [RoleMatch(m.start(), m.end(), m.group()) for m in lower_re.finditer(doc.text)
                if not any(r.start <= m.start() < r.end for r in matches)]
    ordered = sorted(matches, key=lambda r: r.start)
    for i, role in enumerate(ordered):
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if nxt and re.fullmatch(r"\s+and\s+|,\s+", doc.text[role.end:nxt.start]):
            # "Assistant to the President and Principal Deputy National Security Advisor Jon Finer"
            doc.pending_roles.append((role.text, None))
            continue
        if not _post_from_role(doc, role, hon, posts):
            doc.pending_roles.clear()
    _titled_orgs(doc, hon, posts)
    _the_role(doc, posts)
    _plain_names(doc, hon)
    posts = _merge_variants(doc, posts)
    _mark_person_mentions(doc)
    _short_forms(doc, hon)
    return posts


def _mention_ending(doc: Doc, pos: int) -> Mention | None:
    """The organisation, country or adjective ending right before `pos` ("IOM Director General")."""
    before = doc.text[max(0, pos - 4):pos]
    gap = re.search(r"(?:’s|'s)?\s$", before)
    if not gap:
        return None
    end = pos - len(gap.group())
    for m in doc.mentions:
        if m.end == end and m.kind in ("org", "country", "demonym"):
            return m
    return None


def _org_of(doc: Doc, m: Mention) -> str:
    return doc.government(m.key) if m.kind in ("country", "demonym") else m.key


def _post_from_role(doc: Doc, role: RoleMatch, hon: str, posts: list[Post]) -> bool:
    """Read the post a title gives; True when the title waits for the next one to name its holder."""
    text = doc.text
    if doc.mention_at(role.start, role.end):
        return False  # "United Nations High Commissioner for Refugees" is an organisation, handled apart
    org: str | None = None
    left = _mention_ending(doc, role.start)
    if left:
        org = _org_of(doc, left)
    title = role.text
    pos = role.end
    # "... for Foreign Affairs of the Republic of Türkiye", "... of the IOM", "... for East and Horn of Africa"
    comp = re.match(r"\s+(for|of|on|to)\s+(?:the\s+)?", text[pos:])
    name_in_portfolio: str | None = None
    if comp:
        after = pos + comp.end()
        hit = next((m for m in doc.mentions if m.start == after), None)
        if hit and hit.kind in ("org", "country", "demonym"):
            org, pos = _org_of(doc, hit), hit.end
            poss = next((m for m in doc.mentions if m.kind == "org" and 0 < m.start - pos <= 4
                         and re.match(r"(?:’s|'s)\s", text[pos:m.start])), None)
            if poss:
                org, pos = poss.key, poss.end
        else:
            port = re.match(r"(?:[A-Z][\w’'-]*|and|of|the|&)(?:[ \t]+(?:[A-Z][\w’'-]*|and|of|the|&|for))*", text[after:])
            if port:
                words = port.group().split()
                stop = len(words)
                for i in range(len(words)):
                    lo = after + len(" ".join(words[:i])) + (1 if i else 0)
                    if doc.mention_at(lo, lo + len(words[i])) or role_re_at(doc, lo):
                        stop = i
                        break
                while stop and words[stop - 1] in ("and", "of", "the", "&", "for"):
                    stop -= 1
                portfolio = " ".join(words[:stop])
                if stop == len(words) and stop >= 3 and re.match(r"\s*[,.;:)]|\s+[a-z]", text[after + port.end():]):
                    # "Commissioner for Humanitarian Aid and Crisis Management Christos Stylianides"
                    cut = 3 if re.fullmatch(r"[A-Z]\.?|" + _PARTICLE, words[stop - 2]) else 2
                    tail = " ".join(words[stop - cut:stop])
                    if valid_name(tail, doc):
                        name_in_portfolio = tail
                        portfolio = " ".join(words[:stop - cut])
                if portfolio:
                    dg = doc.gaz.by_surface(f"Directorate-General for {portfolio}")
                    if dg and re.search(r"Director[- ]General$", title):
                        org = doc.add_gazetteer_org(dg)
                    else:
                        title = f"{title} {comp.group(1)} {portfolio}"
                    pos = after + len(portfolio)
                    of = re.match(r"\s+(?:of|at)\s+(?:the\s+)?", text[pos:])
                    hit = next((m for m in doc.mentions if of and m.start == pos + of.end()), None)
                    if hit and of:
                        org, pos = _org_of(doc, hit), hit.end
    # "European Commissioner for …" is a post in the European Commission, titled "Commissioner for …"
    prefixed = _role_org_prefix(doc, title)
    if prefixed:
        title = re.sub(r"^(?:European|EU|UN|U\.N\.)\s+", "", title)
        org = org or prefixed
    # "(IOM)" after an organisation, then ", European Commission," or "," before the name
    rest = text[pos:]
    skip = re.match(r"\s*\([A-Z][\w.&-]{1,11}\)", rest)
    if skip:
        pos += skip.end()
        rest = text[pos:]
    comma_org = re.match(r",\s+(?:the\s+)?", rest)
    if comma_org:
        hit = next((m for m in doc.mentions if m.start == pos + comma_org.end() and m.kind == "org"), None)
        if hit and org is None:
            org, pos = hit.key, hit.end
            skip = re.match(r"\s*\([A-Z][\w.&-]{1,11}\)", text[pos:])
            pos += skip.end() if skip else 0
        elif hit and re.match(r",?\s+(?:" + hon + r")?\s*[A-Z]", text[hit.end:hit.end + 10]):
            pos = hit.end
    name = name_in_portfolio
    name_start = pos
    if name is None:
        m = re.match(rf",?{_GAP}(?:(?:{hon})\s+)*({NAME})", text[pos:])
        if m:
            name, name_start = m.group(1), pos + m.start(1)
    if name is None or not valid_name(name, doc):
        # "Hakan Fidan, Minister for Foreign Affairs": the name stands before the title.
        before = re.search(rf"({NAME})(?:[ \t]+(?:QC|KC|MP|OBE|CBE|PhD))?,{_GAP}$",
                           text[max(0, role.start - 80):role.start])
        if before and valid_name(_trim_name(before.group(1)), doc):
            name = before.group(1)
        elif re.match(r"[ \t]+and[ \t]+", text[pos:]):
            # "Director of UNHCR’s Regional Bureau for Europe and Regional Refugee Coordinator, Vincent
            # Cochetel": the next title names the person for both.
            doc.pending_roles.append((title, org))
            return True
        else:
            return False
    name = _trim_name(name, doc)
    if not valid_name(name, doc):
        return False
    if org is None and doc.pending_roles:
        org = next((o for _, o in reversed(doc.pending_roles) if o), None)
    if org is None:
        org = _default_org(doc, title)
    person = doc.add_person(name)
    doc.mentions.append(Mention(name_start, name_start + len(name), person, "person", name))
    title = title.removesuffix(" " + name).strip()
    if org is not None and org in doc.orgs:
        span = doc.sentence_of(role.start)
        posts.append(Post(person, _clean_role(title), org, span))
        for earlier, earlier_org in doc.pending_roles:
            posts.append(Post(person, _clean_role(earlier), earlier_org or org, span))
        # "IOM Director General William Lacy Swing and Deputy Director General Laura Thompson"
        doc.last_post_org = org
    return False


_HONORIFIC_WORDS = {"Rt", "Hon", "Honourable", "Right", "Sir", "Dame", "Lord", "Lady", "Excellency", "His", "Her",
                    "The", "Mr", "Mrs", "Ms", "Dr", "Prof", "Professor", "Ambassador", "Sheikh", "Madam"}


def role_re_at(doc: Doc, pos: int) -> bool:
    """Whether a title starts at `pos` ("… and Chief of Mission"): a portfolio ends there."""
    role, _ = _patterns(doc)
    return role.match(doc.text, pos) is not None


def _trim_name(name: str, doc: Doc | None = None) -> str:
    tokens = name.split()
    while tokens and tokens[0].rstrip(".") in _HONORIFIC_WORDS:
        tokens.pop(0)
    while tokens and (tokens[-1] in _NOT_NAME or tokens[-1] in _ROLE_WORDS):
        tokens.pop()
    # "Prime Minister Kishida Shaking Hands": a word the release also writes in lower case is an
    # ordinary word, not the end of a name.
    while doc is not None and len(tokens) > 2 and re.search(rf"(?<![\w-]){re.escape(tokens[-1].lower())}(?![\w-])", doc.text):
        tokens.pop()
    return " ".join(tokens)


def _clean_role(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip(" ,")


def _role_org_prefix(doc: Doc, title: str) -> str | None:
    """'European Commissioner for ...' is a post in the European Commission."""
    prefixes = doc.gaz.roles.get("organisation_prefixes", {})
    for prefix, key in prefixes.items():
        if (title == prefix or title.startswith(prefix + " ")) and key in doc.gaz.orgs:
            return doc.add_gazetteer_org(doc.gaz.orgs[key])
    return None


def _default_org(doc: Doc, title: str) -> str | None:
    defaults: dict[str, str] = doc.gaz.roles.get("default_organisation", {})
    key = defaults.get(title)
    if key and doc.publisher == key:
        return doc.add_gazetteer_org(doc.gaz.orgs[key])
    governmental = doc.gaz.roles.get("government_heads", [])
    if any(re.search(rf"\b{re.escape(h)}\b", title) for h in governmental):
        # A minister or adviser with no country named serves the one government the release names.
        country = main_country(doc, strict=True)
        if country:
            return doc.government(country)
    if doc.last_post_org and re.match(r"(?:Deputy|Assistant|Acting|Vice|Regional)\b", title):
        return doc.last_post_org
    return None


def _the_role(doc: Doc, posts: list[Post]) -> None:
    """'The Secretary-General met with …': a title alone stands for the one person holding it here."""
    holders: dict[str, set[str]] = {}
    for p in posts:
        holders.setdefault(p.role, set()).add(p.person)
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
        for m in re.finditer(rf"\b[Tt]he\s+(?:[A-Z]+\s+)?{re.escape(role)}\b(?!\s+(?:of|for)\b)(?!\s+[A-Z][a-z])",
                             doc.text):
            if not doc.mention_at(m.start(), m.end()):
                doc.mentions.append(Mention(m.start(), m.end(), person, "person", m.group()))
    doc.mentions.sort(key=lambda x: (x.start, -x.end))


def _titled_orgs(doc: Doc, hon: str, posts: list[Post]) -> None:
    """'UN High Commissioner for Refugees Filippo Grandi': an organisation named after its head's title."""
    heads = [h for h in doc.gaz.roles["heads"] if " " in h or h in ("Commissioner", "Secretary-General")]
    for m in list(doc.mentions):
        if m.kind != "org":
            continue
        head = next((h for h in sorted(heads, key=len, reverse=True) if h in m.text), None)
        if not head:
            continue
        after = re.match(rf",?\s+(?:(?:{hon})\s+)*({NAME})", doc.text[m.end:])
        if after and valid_name(_trim_name(after.group(1)), doc):
            name = _trim_name(after.group(1))
            person = doc.add_person(name)
            posts.append(Post(person, head, m.key, doc.sentence_of(m.start)))


def _plain_names(doc: Doc, hon: str) -> None:
    """Names with no title: after an honorific, in a quote's attribution, in a contact line."""
    text = doc.text
    found: list[str] = []
    for m in re.finditer(rf"(?<![\w.])(?:{hon})\s+(?:(?:{hon})\s+)*({NAME})", text):
        found.append(m.group(1))
    for m in re.finditer(rf"\b(?:said|says|added|noted|stressed|explained|according to)\s+({NAME})", text):
        found.append(m.group(1))
    for m in re.finditer(rf"({NAME})\s+(?:said|says|added|noted|stressed|explained)\b", text):
        found.append(m.group(1))
    for m in re.finditer(r"(?i:contact)[^\n]{0,40}?[:\s]\s*(?:In [A-Z][a-z]+:\s*)?([^\n,]{3,60})", text):
        cand = re.match(NAME, m.group(1).strip())
        if cand:
            found.append(cand.group())
    for m in re.finditer(rf"(?:^|\n)\s*({NAME})\s*(?:,\s*[\w.+-]+@[\w.-]+|\n+\s*(?:IOM|UNHCR|UNDP)\b)", text):
        found.append(m.group(1))
    for m in re.finditer(rf"({NAME}),?\s*(?:\(|)?[\w.+-]+@[\w.-]+\.\w+", text):
        found.append(m.group(1))
    for name in found:
        name = _trim_name(name, doc)
        if valid_name(name, doc) and not _is_org_text(doc, name):
            key = doc.add_person(name)
            email = re.search(rf"{re.escape(name)},?\s*\(?([\w.+-]+@[\w.-]+\.\w+)", text)
            if email:
                doc.persons[key].email = email.group(1)


def _is_org_text(doc: Doc, name: str) -> bool:
    return any(name == o.name or name in o.aliases for o in doc.orgs.values())


def _short_forms(doc: Doc, hon: str) -> None:
    """'DG Pope', 'Ambassador Swing', 'Mr. Fidan', 'B. Gminder', 'Dr Workneh': kept as aliases of the
    one person of the release whose name holds that word; never a person of their own."""
    abbrs = _alts(list(doc.gaz.roles.get("abbreviations", {})))
    heads = _alts(doc.gaz.roles["heads"])
    pattern = re.compile(rf"((?:(?:Acting|Deputy)\s+)?(?:{abbrs}|{heads}|{hon}|[A-Z]\.)\s+)([A-Z][\w’'-]+)\b")
    for m in pattern.finditer(doc.text):
        word = m.group(2)
        if re.match(r"\s+[A-Z][a-z]", doc.text[m.end():m.end() + 3]):
            continue  # a full name follows the title, not a short form
        owners = [p for p in doc.persons.values() if word in p.name.split()]
        if len(owners) != 1:
            continue
        owner = owners[0]
        alias = (m.group(1) + word).strip()
        if alias != owner.name and not owner.name.startswith(alias):
            owner.aliases.add(alias)
            doc.mentions.append(Mention(m.start(), m.end(), owner.key, "person", alias))


def _same_person(short: str, long: str) -> bool:
    """'Marques Pereira' is 'Manuel Marques Pereira'; 'Georgi Gigauri' is 'Giorgi Gigauri' misspelt;
    'Amy Pope' is not 'Amy Pope-Smith', and two people who share a surname stay two."""
    a, b = short.replace("-", " ").split(), long.replace("-", " ").split()
    if a == b:
        return False
    if len(a) < len(b) and (b[-len(a):] == a or b[:len(a)] == a) and len(a) >= 2:
        return True
    if len(a) == len(b) and a[-1] == b[-1] and a[0][0] == b[0][0]:
        return fuzz.ratio(a[0].lower(), b[0].lower()) >= 80
    return False


def _merge_variants(doc: Doc, posts: list[Post]) -> list[Post]:
    """Fold the other forms of a name a release uses into the fullest one, keeping them as aliases."""
    people = sorted(doc.persons.values(), key=lambda p: (-len(p.name.split()), p.key))
    into: dict[str, str] = {}
    for short in reversed(people):
        for long in people:
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
    return [Post(into.get(p.person, p.person), p.role, p.organisation, p.evidence) for p in posts]


def _mark_person_mentions(doc: Doc) -> None:
    """Every place a known person is named, by full name or a short form found for them."""
    taken = [(m.start, m.end) for m in doc.mentions]
    for person in doc.persons.values():
        for form in sorted({person.name, *person.aliases}, key=len, reverse=True):
            for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", doc.text):
                if not any(s < m.end() and m.start() < e for s, e in taken):
                    doc.mentions.append(Mention(m.start(), m.end(), person.key, "person", form))
                    taken.append((m.start(), m.end()))
    doc.mentions.sort(key=lambda x: (x.start, -x.end))
