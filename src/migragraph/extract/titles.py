"""Posts: titles read as phrases and bound to the person who holds them.

A title is `[organisation or adjective] [modifier ...] head [complement ...]`, its words from
gazetteer/roles.yaml: "IOM Director General", "Australian High Commissioner to Fiji", "Minister for
Foreign Affairs of the Republic of Türkiye", "Ambassador of the Republic of Cuba to the Kingdom of Saudi
Arabia", "Commissioner in charge of International Cooperation and Development in the European
Commission". Titles joined by commas, "and" or "/" form a run that one person holds:

    NAME, the TITLE, TITLE and TITLE         the name before the run
    TITLE and TITLE NAME / TITLE, hon. NAME  the name after it
    NAME took office as the sixth TITLE      the name before a verb of taking the post
    NAME, who was previously TITLE

A title of the run without an organisation shares the nearest one of the run (a head of government's
title takes the government, not the ministry a later title names); a minister's post is in the ministry
the release names for the portfolio ("Minister of Economy" in the "Ministry of Economy").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from migragraph.extract.doc import Doc, Mention, country_of_city, dateline_country, home_country, is_ministry
from migragraph.extract.model import Post, Span
from migragraph.extract.names import NAME, NOT_NAME, PARTICLE, ranks, trim_name, valid_name, valid_surname
from migragraph.extract.nlp import is_verb
from migragraph.extract.places import city_at, is_city
from migragraph.extract.text import occurrences

# Between a title and a name: spaces, or one line break of hard-wrapped text; never a blank line.
_GAP = r"(?:[ \t]*\n[ \t]*(?=\S)|[ \t]+)"
# (in title case too: "Minister For Foreign Affairs of the Federal Democratic Republic of Ethiopia")
_COMPLEMENT = re.compile(r"[ \t]+(for|of|on|to|at|in charge of|responsible for|in|with|For|Of|[Aa]ttached[ \t]+to)"
                         r"[ \t]+(?:the[ \t]+)?")
# A capitalised word of a portfolio; not the initial of a name glued to it ("Education P.Naranbayar").
_CAP = r"[A-Z][\w’'-]*(?!\.\w)"
_PORTFOLIO = re.compile(rf"(?:{_CAP}|and|of|the|&)(?:[ \t]+(?:{_CAP}|and|of|the|&|for))*")
_LISTED_PORTFOLIO = re.compile(rf"(?:{_CAP}[ \t]+)*{_CAP}(?:,[ \t]+(?:{_CAP}[ \t]+)*{_CAP})+"
                               rf",?[ \t]+(?:and|&)[ \t]+(?:{_CAP}[ \t]+)*{_CAP}")
# Between the countries of one portfolio: "Director for Timor-Leste and Indonesia".
_MORE_COUNTRIES = re.compile(r",[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+")
# A dash between a title and its holder's name, as lists of officials write it.
_DASH = re.compile(r"[ \t]*[–—][ \t]*|[ \t]*-[ \t]+")
_ADDRESS_GAP = re.compile(r"[ \t]+")  # "Minister of Foreign Affairs Senator Eamon Courtenay" (roles.yaml address_titles)
_JOIN = re.compile(r"(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+|[ \t]*/[ \t]*|[ \t]*&[ \t]*)(?:the[ \t]+)?")
# Words that may stand between a name and the title it holds: "Name, the newly appointed Title", and a
# caption's dash: "Mai Al Kaila - Minister of Health"; an aside in brackets before them: "Name (pictured), Title".
_BEFORE_GAP = re.compile(r"(?:[ \t]*\([^()\n\d]{1,24}\))?(?:,|[ \t]+[-–—])[ \t]*"
                         r"(?:who[ \t]+(?:is|was)[ \t]+(?:also[ \t]+)?)?"
                         r"(?:(?:the|a|an|newly|appointed|new|former|outgoing|incoming|then|current|"
                         r"recently|elected|acting|Honou?rable)[ \t]+)*$")
_TAKES = re.compile(r",?[ \t]+(?:[\w’'-]+[ \t]+){0,5}?(?:as|was|is|became|becomes|previously|formerly|elected|re-elected|appointed|named)[ \t]+(?:the[ \t]+|its[ \t]+|a[ \t]+|an[ \t]+)?(?:new[ \t]+|next[ \t]+|"
                    r"(?:\w+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
                    r"[ \t]+)?$")
# The organs of an organisation that a title may name before the organisation itself.
ORGAN = r"((?:Executive |Governing |Supervisory |Management |Permanent )?(?:Board|Council|Committee|Commission)(?: of (?:Directors|Governors|Trustees|Ministers))?)"
_ORGAN = re.compile(ORGAN + r"[ \t]+of[ \t]+(?:the[ \t]+)?")
# An organisation's abbreviation in brackets after its name: "(IOM)", "(UN DESA)".
ABBR = r"\s*\([A-Z][\w.&-]{1,11}(?:[ \t][A-Z][\w.&-]{1,11})?\)"
_ABBR = re.compile(ABBR)
NEAR_TITLE = 40  # characters before a government's title where its country may stand
# What may stand between them: punctuation and small words, no verb nor noun of another clause.
_NEAR_GAP = re.compile(r"(?:[\s(),:;–—-]|’s|'s|\b(?:and|the|with|of|its|by|signed|for|from|to|a|an)\b)*")
# A country these end with is a topic or a place, not whose the title after it is.
_TOPIC_BEFORE = re.compile(r"\b(?:[Ii]n|[Oo]n|[Aa]t|to|[Aa]bout|[Rr]egarding|[Cc]oncerning|towards|into|across|within)"
                           r"\s+(?:the\s+)?$")
_GOVERNS = re.compile(r"\b(?:Prime Minister|Premier|Governor|Mayor|Chief Minister|President)$")
_GOVERNMENTAL = re.compile(r"\b(?:Government|Ministry|Cabinet|Presidency)\b")
_HEAD_OF_GOVERNMENT = re.compile(r"\b(?:Prime Minister|President|Chancellor|Premier|Vice[ -]Chancellor)\b")


@dataclass(frozen=True)
class RoleMatch:
    start: int
    end: int
    text: str


@dataclass
class Title:
    start: int  # an organisation or adjective before the title's words included
    end: int  # after its last complement
    text: str  # the role as written, without its organisation
    org: str | None
    name_inside: str | None = None  # a name the portfolio ran into ("… Crisis Management Christos Stylianides")
    sent_to: bool = False


@dataclass
class Holder:
    start: int
    name: str
    vetted: bool = False  # read by the statistical model, or a surname an honorific gives, and checked there
    end: int | None = None  # where the mention ends, when the text tells the name short ("Mr Taalas")


@dataclass
class Run:
    titles: list[Title] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.titles[0].start

    @property
    def end(self) -> int:
        return self.titles[-1].end


def find_posts(doc: Doc, roles: list[RoleMatch], hon: str) -> list[Post]:
    """Every post the titles of the release give, with its holder."""
    read = [t for r in roles if (t := read_title(doc, r)) is not None]
    # (a title read as part of the one before it is none of its own: the "President" of "Secretary to the President")
    titles = _owned_titles(doc, [t for i, t in enumerate(read) if not any(o.start < t.start < o.end for o in read[:i])])
    posts: list[Post] = []
    held: set[int] = set()  # where the holders named so far start
    for run in _runs(doc, titles):
        holder = _holder(doc, run, hon, held)
        if holder is None:
            continue
        name = holder.name if holder.vetted else trim_name(holder.name, doc)
        if not holder.vetted and not valid_name(name, doc):
            continue
        if holder.start < doc.headline_end and any(
                next(occurrences(doc.text, word.lower()), None) for word in name.split()
                if not re.fullmatch(PARTICLE, word)):
            # a title-case headline capitalises verbs and nouns too: "The Director General Holds Introductory
            # Meeting …", where the text writes "held an introductory meeting" (a name's particles, "bin", "Al",
            # are in lower case anywhere)
            continue
        person = doc.add_person(name)
        told = doc.text[holder.start:holder.end] if holder.end else name
        doc.mentions.append(Mention(holder.start, holder.start + len(told), person, "person", told))
        span = doc.sentence_of(run.start)
        named_after = _body_after_name(doc, holder, told) if holder.start >= run.end else None
        for title, (org, by_default) in zip(run.titles, _orgs_of_run(doc, run, named_after), strict=True):
            if title is not run.titles[0] and title.text in doc.gaz.roles["honorifics"]:
                continue  # "Secretary-General, CARICOM, Ambassador Irwin LaRocque": a form of address
            if org is None and len(run.titles) == 1:
                org = _listed_after(doc, posts, title)
            elif by_default and len(run.titles) == 1 and (listed := _listed_after(doc, posts, title)) and \
                    doc.government_above(listed) is None:
                # "… by its President, Dr. Rudolf Seiters, who gave an opening speech; Vice-President Dr. Volkmar
                # Schön": a body's officials listed, the title no government's though it could be
                org, by_default = listed, False
            if org is not None and org in doc.orgs:
                posts.append(Post(person, _held_as(doc, title) + _clean(title.text.removesuffix(" " + name)), org, span))
                if by_default:
                    doc.guessed_posts.add((person, posts[-1].role, org, span.start))
                doc.last_post_org = org
                # a title that gave no post ("Ambassador Munir Akram, Permanent Representative of
                # Pakistan …": a form of address) leaves its holder to the title after the name
                held.add(holder.start)
    doc.mentions.sort(key=lambda m: (m.start, -m.end))
    _drop_title_organs(doc, posts)
    return posts


def without_guessed_twins(doc: Doc, posts: list[Post]) -> list[Post]:
    """'The President of the ECOWAS Commission, H.E. Dr. Omar Alieu Touray received …' and later 'President
    Touray assured …': a title whose body was only guessed (the release's government) is the one its holder
    is given elsewhere in the release with a body, where that body is no part of the guessed government.
    (After the forms of a name are merged: "Touray" is "Omar Alieu Touray".)"""
    def guessed(post: Post) -> bool:
        return (post.person, post.role, post.organisation, post.evidence.start) in doc.guessed_posts

    def twin(post: Post) -> bool:
        head = _head_word(post.role)
        return any(other.person == post.person and not guessed(other) and _head_word(other.role) == head
                   and doc.government_above(other.organisation) != post.organisation for other in posts)

    return [p for p in posts if not (guessed(p) and twin(p))]


def _head_word(title: str) -> str:
    """A title's last word before its complements: "Ambassador" of "Ambassador to Austria"."""
    return re.sub(r"\s+(?:of|for|to|with|in|at)\b.*$", "", title).split()[-1]


# Between two officials of a list: a comma or semicolon, "and"; a clause on the first ("…, who gave an opening
# speech;").
_LIST_GAP = re.compile(r"(?:,\s+who\s[^;.]{0,80}?)?\s*(?:[,;]\s*(?:and\s+)?|\s+and\s+)")


def _listed_after(doc: Doc, posts: list[Post], title: Title) -> str | None:
    """The body of the post listed right before a title of the same head that names none ("Serbian Ambassador
    to Portugal Oliver Antic, Ambassador to Austria Nebojsa Rodic, …": each is Serbia's)."""
    if not posts:
        return None
    last = posts[-1]
    told = next((m for m in reversed(doc.mentions) if m.kind == "person" and m.key == last.person
                 and m.end <= title.start), None)
    head = re.sub(r"^(?:Vice|Deputy)[- ]", "", _head_word(title.text))  # (a Vice-President after the President)
    if told is None or not _LIST_GAP.fullmatch(doc.text, told.end, title.start):
        return None
    return last.organisation if re.search(rf"\b{re.escape(head)}\b", last.role) else None


def _owned_titles(doc: Doc, titles: list[Title]) -> list[Title]:
    """'Mark Carney, the UN Secretary-General’s Special Envoy for Climate Action and Finance': a title in
    the possessive is held by nobody named here; the title it owns is in its body ("the Secretary-General’s
    Special Representative for Libya" is the United Nations', not Libya's)."""
    out: list[Title] = []
    for title in titles:
        owner = out[-1] if out else None
        if owner is not None and _POSSESSIVE_GAP.fullmatch(doc.text, owner.end, title.start):
            title.org = owner.org or _default_org(doc, owner.text, owner.start)
            title.start = owner.start
            out[-1] = title
            continue
        out.append(title)
    return out


_POSSESSIVE_GAP = re.compile(r"(?:’s|'s)\s+")
# A government's unit by its name's head noun (what a title may name right after it, with no "of")
_UNIT_NAMED = re.compile(r"\b(?:Division|Ministry|Department|Directorate|Bureau|Secretariat)\b")
# A body told back by a common noun after "of the": "Secretary-General of the body", "head of the organization"
_BODY_TOLD_BACK = re.compile(r"(?:body|organi[sz]ation|institution|bloc|grouping)\b")
# A title the sentence's subject has: "welcomes its new Secretary-General", "has a new Country Director"
_SUBJECTS_OWN = re.compile(r"\b(?:(?:its|their)\s+(?:new\s+|next\s+|former\s+|outgoing\s+)?|"
                           r"(?P<has>ha(?:s|ve))\s+(?:a\s+)?new\s+)$")


def _drop_title_organs(doc: Doc, posts: list[Post]) -> None:
    """A cabinet named only inside its members' titles is no body of its own in the release; one that
    acts ("approved at today's meeting of the Cabinet of Ministers") is the government's of the country
    in context, as a ministry is."""
    organs = doc.gaz.roles.get("government_organs", [])
    named = {m.key for m in doc.mentions} | {p.organisation for p in posts}
    for key in [k for k, org in doc.orgs.items() if org.name in organs and org.parent is None]:
        if key not in named:
            del doc.orgs[key]
        elif (country := home_country(doc)) is not None:
            doc.orgs[key].parent = doc.government(country)


def read_title(doc: Doc, role: RoleMatch) -> Title | None:
    """The title that `role` (its modifiers and head) begins, with what precedes and completes it."""
    if doc.mention_at(role.start, role.end):
        return None  # "United Nations High Commissioner for Refugees" is an organisation, read apart
    overlap = next((m for m in doc.mentions if m.kind == "org" and m.start < role.start < m.end < role.end), None)
    if overlap is not None and not set(doc.text[role.start:overlap.end].split()) & doc.gaz.portfolio:
        # "World Bank Group President Ajay Banga": the body's name ends inside the title roles.yaml knows
        # ("Group President"); the title is what follows the name (not where the words both share are a
        # portfolio a body's name took in: "Somalia’s Foreign Affairs Minister")
        cut = overlap.end + len(doc.text[overlap.end:role.end]) - len(doc.text[overlap.end:role.end].lstrip())
        role = RoleMatch(cut, role.end, doc.text[cut:role.end])
    org, start = None, role.start
    left = _mention_ending(doc, role.start)
    if left:
        org, start = _org_of(doc, left), left.start
    elif own := _SUBJECTS_OWN.search(doc.text, max(0, role.start - 20), role.start):
        # "The World Meteorological Organization welcomes its new Secretary-General", "The United Nations (UN)
        # World Food Programme (WFP) Malawi has a new Country Director, Benoit Thiry": the subject's
        span = doc.sentence_of(role.start)
        subjects = [m for m in doc.mentions if span.start <= m.start < role.start and m.kind == "org"]
        # (before "has", the body that ends last, the widest of those: WFP Malawi, not the UN nor "(WFP)"; so
        # in a list, where "its" follows a comma: "Chairman of Sri Lanka Red Cross Society Jagath Abeysinghe, its
        # Director-General Dr. Mahesh Gunasekara")
        last = max(subjects, key=lambda m: (m.end, m.end - m.start)) if subjects else None
        listed = doc.text[max(0, own.start() - 2):own.start()].rstrip().endswith(",")
        subject = (last if own.group("has") or listed else subjects[0]) if subjects else None
        org = subject.key if subject else None
    interim = re.match(r"\s*(?:\(?a\.\s?i\.?\)?|ad interim|\(ai\))(?=[\s,])", doc.text[role.end:role.end + 14])
    after = role.end + (interim.end() if interim else 0)
    text, org, pos, name_inside = _complements(doc, role.text + (interim.group().rstrip() if interim else ""), org,
                                               after + _own_abbreviation(role.text, doc.text, after))
    prefixed = _role_org_prefix(doc, text)
    if prefixed:  # "European Commissioner for …" is a post in the European Commission
        text = re.sub(r"^(?:European|EU|UN|U\.N\.)\s+", "", text)
        org = org or prefixed
    # "(IOM)" after an organisation; then ", European Commission," before the name
    pos = past_abbreviation(doc.text, pos)
    unit = next((m for m in doc.mentions if org is None and m.kind == "org" and m.start == pos + 1
                 and doc.text[pos] == " " and m.key in doc.orgs and _UNIT_NAMED.search(doc.orgs[m.key].name)), None)
    if unit is not None:
        # "Dr Kazim Niaz, Secretary Economic Affairs Division (EAD)": a unit named right after the title, with no "of"
        org, pos = unit.key, past_abbreviation(doc.text, unit.end)
    comma_org = re.match(r",\s+(?:the\s+)?", doc.text[pos:])
    hit = next((m for m in doc.mentions if comma_org and m.start == pos + comma_org.end() and m.kind == "org"), None)
    joined = _joined_org(doc, hit.end) if hit is not None else None
    if hit is not None and joined is not None and re.match(rf"(?:{ABBR})?,\s",
                                                           doc.text[joined.end:joined.end + 32]):
        # "Secretary-General, CARICOM and CARIFORUM, Ambassador Irwin LaRocque": the first body is the title's
        org, pos = org or hit.key, joined.end
        pos = past_abbreviation(doc.text, pos)
    elif hit and _ends_apposition(doc, hit):
        # "…, European Commission, Beate Gminder"; "Chief of Mission, IOM Bangladesh Giorgi Gigauri";
        # "Director General, International Organization for Migration (IOM) Amy Pope"; "Name, Project
        # Coordinator, UNDP and Mr …"
        org, pos = org or hit.key, hit.end
        pos = past_abbreviation(doc.text, pos)
    return Title(start, pos, text, org, name_inside)


def _own_abbreviation(title: str, text: str, pos: int) -> int:
    """The length of the title's own abbreviation in brackets at `pos`, its capitals the initials of the title's
    words ("Resident Representative (RR) of the United Nations Development Programme"), else 0."""
    m = re.match(r"\s*\(([A-Z][A-Za-z]{1,7})\)(?=[\s,])", text[pos:pos + 14])
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w’'-]*", title))
    return m.end() if m and "".join(c for c in m.group(1) if c.isupper()) == initials else 0


_APPOSITION_END = re.compile(r",\s|\s+and\s|[.;)]|\s*$")


def _ends_apposition(doc: Doc, hit: Mention) -> bool:
    """Whether the organisation `hit`, after a title and a comma, ends the title's apposition: a comma,
    "and", the sentence's end, or the holder's name (after a unit's name or an abbreviation)."""
    after = past_abbreviation(doc.text, hit.end)
    if _APPOSITION_END.match(doc.text, after):
        return True
    unit = doc.orgs.get(hit.key) is not None and doc.orgs[hit.key].unit
    return (unit or after > hit.end) and doc.text[after:after + 1] == " " and _name_at(doc, after + 1) is not None


def past_abbreviation(text: str, pos: int) -> int:
    """Where an organisation's abbreviation in brackets at `pos` ends ("IOM (IOM)"), else `pos`."""
    m = _ABBR.match(text, pos)
    return m.end() if m else pos


# The end of a body's mention that no name follows: its acronym in brackets, then a clause's end.
_ABBR_OR_END = re.compile(rf"(?:{ABBR})?\s*(?:[,.;:]|\band\b|$)")


def _past_expansion(doc: Doc, hit: Mention) -> int:
    """Where 'IOM (International Organization for Migration)' ends: an acronym's name spelt out in
    brackets after it is the same body; else where `hit` ends."""
    m = _OPENING.match(doc.text, hit.end)
    inside = next((x for x in doc.mentions if m and x.start == m.end() and x.key == hit.key), None)
    close = _CLOSING.match(doc.text, inside.end) if inside else None
    return close.end() if close else hit.end


_OPENING, _CLOSING = re.compile(r"[ \t]*\("), re.compile(r"[ \t]*\)")


def _joined_org(doc: Doc, end: int) -> Mention | None:
    """The organisation joined by "and" to the one ending at `end`."""
    link = re.compile(rf"(?:{ABBR})?\s+(?:and|&)\s+(?:the\s+)?").match(doc.text, end)
    if link is None:
        return None
    return next((m for m in doc.mentions if m.start == link.end() and m.kind == "org"), None)


def _runs(doc: Doc, titles: list[Title]) -> list[Run]:
    runs: list[Run] = []
    for title in titles:
        last = runs[-1] if runs else None
        if last and last.titles[-1].name_inside is None and title.start >= last.end and (_JOIN.fullmatch(
                doc.text, last.end, title.start) and not _two_holders(doc, last, title)
                or _ADDRESS_GAP.fullmatch(doc.text, last.end, title.start)
                and title.text in doc.gaz.roles.get("address_titles", ())):
            last.titles.append(title)
        else:
            runs.append(Run([title]))
    return runs


def _two_holders(doc: Doc, run: Run, title: Title) -> bool:
    """'Hussain Al Hammadi, Minister of Education, and UNESCO Assistant Director-General Stefania Giannini':
    a name before the first title and another right after the second (or after its comma: "…, and UN Resident
    Coordinator to Vanuatu, …, Sanaka Samarasinha"), joined by "and": two people."""
    return (" and " in doc.text[run.end:title.start] and name_before(doc, run.start) is not None
            and (title.name_inside is not None or re.match(rf",?{_GAP}{NAME}", doc.text[title.end:title.end + 80])
                 is not None))


def _holder(doc: Doc, run: Run, hon: str, held: set[int]) -> Holder | None:
    last = run.titles[-1]
    if last.name_inside:
        return Holder(last.end - len(last.name_inside), last.name_inside)
    dashed = _DASH.match(doc.text, _past_bodies(doc, run.end))
    if dashed:  # "Director of the Patrol Police Department – Vazha Siradze": the name the dash gives
        named = _name_at(doc, dashed.end())
        if named:
            return named
    before = name_before(doc, run.start)
    if before and before.start in held:
        before = None  # "Title, Name, the World Bank's Title, Name": that name holds the title before it
    after = _name_after(doc, run.end, hon)
    if after and not re.match(r",", doc.text[run.end:after.start]):
        return after  # "Title Name": nothing between
    return before or _name_taking(doc, run.start, hon) or after or _subject_of(doc, run.titles[0])


def name_before(doc: Doc, pos: int) -> Holder | None:
    """'Hakan Fidan, Minister for …', 'Name, the newly appointed UNDP Resident Representative'."""
    gap = _BEFORE_GAP.search(doc.text, max(0, pos - 60), pos)
    if not gap or _describes(doc, gap.group(), pos):
        return None
    end = gap.start()
    for start, cand_end, name in doc.name_candidates:
        if cand_end == end:
            return Holder(start, name, True)
    m = re.search(rf"({NAME})(?:[ \t]+(?:QC|KC|MP|OBE|CBE|PhD))?$", doc.text[max(0, end - 80):end])
    if m and valid_name(trim_name(m.group(1)), doc):
        return Holder(end - len(m.group()), m.group(1))
    # "Safadi, who is also the Deputy Prime Minister": the surname of the one person named so far by it (the
    # hybrid extractor's model names them before the titles are read)
    surname = re.search(r"(?<![\w’'-])[A-Z][\w’'-]+$", doc.text[max(0, end - 40):end])
    if surname is None or surname.group() in NOT_NAME or "who" not in gap.group():  # "Name, who is also the …" only
        return None
    at = end - len(surname.group())
    told = []  # the fullest name ending with it told before: "Jordanian Foreign Minister Ayman Safadi"
    for m in re.compile(rf"\b([A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){{0,2}})[ \t]+{re.escape(surname.group())}\b"
                        ).finditer(doc.text, 0, at):
        words = m.group(1).split()
        told += [n for k in range(len(words), 0, -1) if valid_name(n := " ".join([*words[-k:], surname.group()]), doc)][:1]
    known = [p.name for p in doc.persons.values()] + [name for _, _, name in doc.name_candidates] + told
    owners = {n for n in known if n.split()[-1] == surname.group() and len(n.split()) > 1}
    return Holder(at, next(iter(owners)), True) if len(owners) == 1 else None


def _name_after(doc: Doc, pos: int, hon: str) -> Holder | None:
    """'… Director General Amy Pope', '… of UNCTAD, Mr. Supachai Panitchpakdi'."""
    # ("The SADC Executive Secretary Her Excellency, Dr Stergomena Lawrence Tax": a comma after a form of address)
    gap = re.match(rf",?{_GAP}(?:(?:{hon}),?\s+)*", doc.text[pos:pos + 80])
    at = pos + (gap.end() if gap else 0)
    # "the Chairperson of the African Union Commission, Chadian Moussa Faki": the holder's nationality first
    national = next((m for m in doc.mentions if m.start == at and m.kind == "demonym"), None)
    if national is not None and re.match(r"[ \t]+[A-Z]", doc.text[national.end:national.end + 2]):
        pos, at = national.end, national.end + 1
    for start, _end, name in doc.name_candidates:
        if start == at:
            return Holder(start, name, True)
    # "Moldavia's President Mr Voronin, Prime Minister Mr Tarlev": an honorific and a surname alone
    m = re.match(rf",?{_GAP}(?:(?:{hon}),?\s+)*{_BEFORE_SURNAME}\s+({_SURNAME})"
                 rf"(?![\w’'-]|[ \t]+(?:[A-Z]|(?:{PARTICLE})[ \t]))", doc.text[pos:])
    if m and valid_surname(m.group(1), doc):
        return Holder(pos + m.start(1), m.group(1), True)
    m = re.match(rf",?{_GAP}(?:(?:{hon}),?\s+)*({NAME})", doc.text[pos:])
    if m:
        return Holder(pos + m.start(1), m.group(1))
    return None


# The forms of address that a surname alone follows ("Sheikh Hasina" is a name of its own).
_BEFORE_SURNAME = r"(?:Mr|Mrs|Ms|Miss|Mme|Dr|Prof|Professor)\.?"
_SURNAME = r"[A-Z][^\W\d_]+(?:[’'-][A-Z]?[^\W\d_]+)*"


_OF = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?")
_OF_OR_FROM = re.compile(r"[ \t]+(?:of|from)[ \t]+(?:the[ \t]+)?")


def _past_bodies(doc: Doc, pos: int) -> int:
    """The end of the bodies that follow a title's own: "… Department of the Ministry of Internal Affairs"."""
    while m := _OF.match(doc.text, pos):
        hit = next((x for x in doc.mentions if x.start == m.end() and x.kind in ("org", "country")), None)
        if hit is None:
            break
        pos = hit.end
    return pos


def _name_at(doc: Doc, pos: int) -> Holder | None:
    """The name that begins at `pos`, as the model or the name pattern reads it."""
    for start, _end, name in doc.name_candidates:
        if start == pos:
            return Holder(start, name, True)
    m = re.compile(NAME).match(doc.text, pos)
    return Holder(pos, m.group()) if m else None


def _name_taking(doc: Doc, pos: int, hon: str) -> Holder | None:
    """'Mathias Cormann took office today as the sixth Secretary-General', 'Name, who was previously …',
    'welcomes Petteri Taalas as new Secretary-General': the nearest person named before, in the sentence,
    with only a verb of taking the post between."""
    span = doc.sentence_of(pos)
    # Each with where its mention ends: a person told by a short form ("Mr Taalas") keeps their full name.
    people = [(m.end, Holder(m.start, doc.persons[m.key].name, end=m.end)) for m in doc.mentions
              if m.kind == "person" and m.key in doc.persons and span.start <= m.start and m.end <= pos]
    people += [(e, Holder(s, n, True)) for s, e, n in doc.name_candidates if span.start <= s and e <= pos]
    # "Mr Taalas, who was previously …": an honorific and the surname of the one person named so far by it
    by_surname: dict[str, set[str]] = {}
    for person in doc.persons.values():
        by_surname.setdefault(person.name.split()[-1], set()).add(person.name)
    for m in re.compile(rf"\b(?:{hon})\s+([A-Z][\w’'-]+)\b").finditer(doc.text, span.start, pos):
        names = by_surname.get(m.group(1), set())
        if len(names) == 1:
            people.append((m.end(), Holder(m.start(1), next(iter(names)), True, m.end())))
    for end, holder in sorted(people, key=lambda p: -p[1].start):
        # (not "…, Johannes van der Klaauw and the newly appointed Representative …, Ms. Anna-Carin Öst": after
        # "and", another holder's title)
        # (nor after "as well as": "… Finance, Zainab Ahmed as well as the Chief of Staff to the President, Prof.
        # Ibrahim Gambari")
        if _TAKES.fullmatch(doc.text, end, pos) and not _AND_ANOTHER.search(doc.text, end, pos) and not _describes(
                doc, doc.text[end:pos], pos) and not _AS_WELL_AS.search(doc.text, end, pos):
            return holder
    return None


def _describes(doc: Doc, gap: str, pos: int) -> bool:
    """Whether what stands at `pos` after a name and `gap` describes the person rather than names a post: in
    lower case after "who" ("Syed Akbaruddin, who was the chief coordinator of the … Summit")."""
    return "who" in gap and not doc.text[pos:pos + 1].isupper()


_AND_ANOTHER = re.compile(r"\band\b")
_AS_WELL_AS = re.compile(r"\bas well as\b")


# The verbs whose subject a title standing as their complement names: "Mr Cormann … was Australia’s Finance
# Minister", "He also served as Minister for the Public Service"
COPULAS = frozenset({"was", "is", "served", "serves", "became", "becomes", "remains"})


def _subject_of(doc: Doc, title: Title) -> Holder | None:
    """From the parse (hybrid extractor): the subject of the clause a title is the complement of — "Mr
    Cormann, who has been appointed …, was Australia’s Finance Minister", "He also served as Minister for
    the Public Service"; a pronoun stands for the person named last before it."""
    sentence = next((p for p in doc.parsed if p.span.start <= title.start < p.span.end), None)
    if sentence is None:
        return None
    # the title's head word, not the end of its complements ("… Representative with UN Women in South Sudan")
    head = _head_word(title.text)
    found = doc.text.find(head, title.start, title.end)
    offset = (found + len(head) if found >= 0 else title.end) - 1 - sentence.span.start
    token = next((t for t in sentence.doc if t.idx <= offset < t.idx + len(t.text)), None)
    for _ in range(4):  # up from the title's head: "Minister" -> "as" -> "served"; "Minister" -> "was"
        if token is None or token.dep_ in ("ROOT", "relcl", "advcl", "ccomp") and is_verb(token):
            break
        token = token.head
    if token is None or token.lower_ not in COPULAS:
        return None
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    at = sentence.span.start + subject.idx
    if subject.lower_ in ("he", "she"):
        # the person named last before it, by position (the mentions are not in order yet), the model's names
        # too ("Ms. Paulina Chiwangu holds a Doctorate … She has previously served as …")
        # (in its sentence or the two before: past them, the one meant may be a name not read, "Francesca DI
        # MAURO has been nominated … She also served as …")
        here = next((i for i, sp in enumerate(doc.spans) if sp.start <= at < sp.end), 0)
        lo = doc.spans[max(0, here - 2)].start if doc.spans else 0
        earlier = [(m.start, doc.persons[m.key].name, False) for m in doc.mentions
                   if m.kind == "person" and lo <= m.start and m.end <= at and m.key in doc.persons]
        earlier += [(start, name, True) for start, end, name in doc.name_candidates if lo <= start and end <= at]
        if not earlier:
            return None
        start, name, vetted = max(earlier)
        return Holder(start, name, vetted)
    for m in doc.mentions:
        if m.kind == "person" and m.start <= at < m.end and m.key in doc.persons:
            return Holder(m.start, doc.persons[m.key].name)
    for start, end, name in doc.name_candidates:
        if start <= at < end:
            return Holder(start, name, True)
    return None


def _body_after_name(doc: Doc, holder: Holder, told: str) -> str | None:
    """The body a "Title Name of Body" names after the name: "Foreign Minister Jeyhun Bayramov of
    Azerbaijan", "President Jacob Zuma of South Africa" (a country so named is its government); "from" it too
    ("Ambassador Maria Velasco from Sweden")."""
    of = _OF_OR_FROM.match(doc.text, holder.start + len(told))
    if of is None:
        return None
    hit = next((m for m in doc.mentions if m.start == of.end() and m.kind in ("org", "country")), None)
    return _org_of(doc, hit) if hit is not None else None


def _orgs_of_run(doc: Doc, run: Run, named_after: str | None = None) -> list[tuple[str | None, bool]]:
    """Each title's organisation: its own, else the nearest of the run (the next one first when it is
    a government's, for "Deputy Prime Minister and Minister of Foreign Affairs of Turkmenistan"), else
    the body named after the holder's name, else the defaults of _default_org (True beside it)."""
    own = [_specific(doc, t) for t in run.titles]
    out: list[tuple[str | None, bool]] = []
    for i, title in enumerate(run.titles):
        org = own[i]
        if org is None and re.match(r"Member of\b", title.text):
            out.append((None, False))  # "Member of Parliament and Minister of Education": a member's title names its body
            continue
        if org is None:
            later = next((o for o in own[i + 1:] if o), None)
            earlier = next((o for o in reversed(own[:i]) if o), None)
            org = earlier or later
            if _HEAD_OF_GOVERNMENT.search(title.text) and later:
                org = doc.government_above(later) or org
            if org and _A_MINISTER.search(title.text) and doc.government_above(org) is None and \
                    not _GOVERNMENTAL.search(doc.orgs[org].name):
                org = None  # "Minister Attached to the Prime Minister, Vice Chairman of the Supreme National Economic
                # Council": no minister of a body that is no government's (_default_org gives the government); but
                # "Minister, Chairman of the Government Office"
        org = org or named_after
        out.append((_ministry_of(doc, title.text, org), False) if org else (
            _ministry_of(doc, title.text, _default_org(doc, title.text, title.start)), True))
    return out


# A minister's portfolio, before the head ("Foreign Minister", "Foreign Affairs Minister") or after it ("Minister
# of State for Foreign Affairs")
_MINISTERS_PORTFOLIO = re.compile(r"(?:Acting\s+|Deputy\s+)?(?P<pre>(?:[A-Z][a-z]+\s+){1,2})[Mm]inister"
                                  r"|(?:Acting\s+|Deputy\s+)?Minister\s+(?:of\s+State\s+)?(?:of|for)\s+(?:the\s+)?"
                                  r"(?P<post>[A-Z].+)")


def _ministry_of(doc: Doc, title: str, org: str | None) -> str | None:
    """The one ministry of a minister's government the release names with the minister's portfolio in its name
    (the most specific body the text gives): "Foreign Minister" in the "Foreign Ministry" or the "Federal
    Ministry for Europe, Integration and Foreign Affairs"; else `org`."""
    government = doc.orgs.get(org) if org else None
    m = _MINISTERS_PORTFOLIO.fullmatch(title) if government is not None and government.government_of else None
    if m is None:
        return org
    portfolio = (m.group("pre") or m.group("post")).strip().lower()
    if portfolio.split()[0] in ("prime", "chief", "state", "cabinet"):
        return org  # the head of a government, a state minister: no ministry's
    found = [o for o in doc.orgs.values() if o.parent in (org, None) and is_ministry(o.name)
             and re.search(rf"\b{re.escape(portfolio)}\b", o.name.lower())]
    if len(found) != 1:
        return org
    found[0].parent = found[0].parent or org
    return found[0].key


def _specific(doc: Doc, title: Title) -> str | None:
    """The ministry a minister's (or a chief executive's) portfolio names, where the release names
    it under the same government: "Minister of Economy" in the "Ministry of Economy"; the office a
    title names, where the release names it: the "High Commissioner for Human Rights" in the "Office of
    the High Commissioner for Human Rights"."""
    # (not a head of government's office: the Prime Minister heads the government, not their office)
    heads_government = _HEAD_OF_GOVERNMENT.search(title.text) is not None
    for org in doc.orgs.values():
        if heads_government and doc.government_above(org.key) is not None:
            continue
        for form in (org.name, *org.aliases):
            office = re.fullmatch(r"Office of the (?:United Nations |UN )?(.+)", form)
            if office and title.text.endswith(office.group(1)):
                return org.key
    m = re.search(r"\b(?:Minister|CEO|Secretary|Chief Executive Officer)\s+(?:of|for)\s+(?:the\s+)?(.+)$", title.text)
    if not m or (title.org is not None and doc.government_above(title.org) != title.org):
        return title.org
    portfolio = m.group(1).lower()
    for org in doc.orgs.values():
        ministry = re.match(r"(?:Federal\s+)?Ministry\s+(?:of|for)\s+(?:the\s+)?(.+?)(?:\s+of\s+(?:the\s+)?[A-Z].*)?$",
                            org.name)
        if ministry and ministry.group(1).lower() == portfolio and (title.org is None or org.parent in (None, title.org)):
            org.parent = org.parent or title.org
            return org.key
    return title.org


def _complements(doc: Doc, title: str, org: str | None, pos: int) -> tuple[str, str | None, int, str | None]:
    """The phrases that complete a title, left to right. An organisation or country after "of", "at",
    "in" or "for" is where the post is; after "to", where its holder is sent (part of the title); other
    capitalised words are a portfolio (part of the title). Returns the title, the organisation, where
    the title ends, and a name the portfolio ran into, if any."""
    text = doc.text
    if org is None and text.startswith(" ", pos):
        # "Yasutimsu Kinoshita, Chief Representative Japan International Cooperation Agency (JICA).": a body named
        # right after the title, where no name follows it, is where the post is
        body = next((m for m in doc.mentions if m.kind == "org" and m.start == pos + 1 and m.key in doc.orgs), None)
        end = _past_expansion(doc, body) if body else pos
        if body and _ABBR_OR_END.match(text, end):
            return title, body.key, end, None
    placed = False  # an organisation was read from a complement
    for _ in range(4):
        comp = _COMPLEMENT.match(text, pos)
        if not comp:
            break
        prep, after = comp.group(1).lower(), comp.end()
        organ = _ORGAN.match(text, after) if prep == "of" else None
        if organ and any(m.start == organ.end() and m.kind == "org" for m in doc.mentions):
            # "President of the Board of the Eurasian Economic Commission": the organ is part of the title
            title, after = f"{title} of the {organ.group(1)}", organ.end()
        hit = next((m for m in doc.mentions if m.start == after), None)
        if prep == "with" and (placed or hit is None or hit.kind != "org"):
            break  # "… Deputy Country Representative with UN Women": "with" a body only, where the post is
        if hit and hit.kind == "org" and prep == "of" and not placed and _government_organ(doc, hit):
            # "President of the Council of Ministers": the cabinet is the government's, part of the title;
            # the post is in the government (_default_org)
            title, pos = f"{title} of the {hit.text}", hit.end
            doc.mentions.remove(hit)
            continue
        if hit and hit.kind in ("org", "country", "demonym"):
            if prep == "to" and hit.kind == "org" and re.match(r"(?:Ministry|Department)\b", doc.orgs[hit.key].name
                                                               if hit.key in doc.orgs else ""):
                # "Secretary to the Ministry of Foreign Employment of Sri Lanka": the ministry the secretary serves
                org, pos, placed = hit.key, _past_expansion(doc, hit), True
                continue
            if prep == "to":  # "Ambassador … to the Kingdom of Saudi Arabia": where the holder is sent
                end = hit.end
                while (more := _MORE_COUNTRIES.match(text, end)) and (nxt := next(
                        (m for m in doc.mentions if m.start == more.end() and m.kind == "country"), None)) and \
                        not _POSSESSIVE_GAP.match(text, nxt.end):  # ("…, and Australia’s Permanent representative")
                    end = nxt.end  # "UN Resident Coordinator to Vanuatu, Solomon Islands, Fiji, Tonga and Tuvalu"
                title, pos = f"{title} to {text[after:end]}", end
                continue
            if prep == "for" and org and not placed and hit.kind in ("country", "org"):
                # "the World Bank's Director for Timor-Leste and Indonesia", "IOM Regional Director for EU,
                # Norway and Switzerland": with the title's body before it, what it is for is its portfolio
                end = hit.end
                while (more := _MORE_COUNTRIES.match(text, end)) and any(
                        m.start == more.end() and m.kind in ("country", "org") for m in doc.mentions):
                    end = next(m.end for m in doc.mentions if m.start == more.end() and m.kind in ("country", "org"))
                title, pos = f"{title} for {text[after:end]}", end
                break
            body = _body_at(doc, hit.end) if prep == "for" and not placed and hit.kind == "country" else None
            if body is not None:
                # "Director General for Nigeria at the AfDB": the country is what the title is for; the post is in
                # the body after it
                title, org, pos, placed = f"{title} for {text[after:hit.end]}", body.key, _past_expansion(doc, body), True
                continue
            if not placed and org is None and hit.kind == "country" and prep in ("for", "in") and \
                    _serves_a_body(doc, title):
                # "Country Director for Bhutan": where an international body's officer serves, part of the title
                title, pos = f"{title} {prep} {text[after:hit.end]}", hit.end
                break
            if (placed or org) and prep in ("in", "at"):
                # "Head of Delegation for ICRC in Moldova", "the World Bank's representative in Timor-Leste":
                # where the organisation works (a representative's title holds it); "UNOPS Director in the Jerusalem
                # Office": in the body's office
                if not placed and org and hit.kind == "org" and _office_of(doc, hit.key, org):
                    org = hit.key
                if prep == "in" and hit.kind == "country" and _POSTED.search(title):
                    title = f"{title} in {hit.text}"
                pos = hit.end
                break
            if placed and prep in ("for", "on", "of"):
                break
            if hit.kind == "demonym" and (word := re.match(r"\s+([A-Z][\w’'-]+)", text[hit.end:hit.end + 30])) \
                    and not _STATE_WORD.fullmatch(word.group(1)):
                break  # "Executive Secretary of the Bolivian Alliance for …": the adjective begins another body's name
            if org and prep == "of" and hit.kind == "org":
                _office_of(doc, hit.key, org)
            org, pos, placed = _org_of(doc, hit), _past_expansion(doc, hit), True
            poss = next((m for m in doc.mentions if m.kind == "org" and 0 < m.start - pos <= 4
                         and re.match(r"(?:’s|'s)\s", text[pos:m.start])), None)
            if poss:
                org, pos = poss.key, poss.end
            continue
        told_back = _BODY_TOLD_BACK.match(text, after) if prep == "of" and not placed and org is None else None
        if told_back:
            # "… met with Secretary-General of the body, Ambassador Irwin LaRocque": the one body its sentence names
            # before it (of two, which it tells back is not told)
            span = doc.sentence_of(comp.start())
            before = {m.key for m in doc.mentions if m.kind == "org" and span.start <= m.start and m.end <= comp.start()}
            if len(before) == 1:
                org, pos, placed = before.pop(), told_back.end(), True
                continue
        # ("Minister Attached to the Prime Minister": whoever is attached to a head serves that head)
        attached = prep.startswith("attached")
        served = _SERVES_A_HEAD.match(text, after) if (prep == "to" and _AIDE.search(title)) or attached else None
        if served:
            # "Additional Secretary to the President, Roshan Gamage", "Special Adviser to the President on Media
            # and Publicity, …": the head served is part of the aide's title, no title of its own
            title, pos = title + text[comp.start():served.end()], served.end()
            continue
        region = _region_at(doc, after) if prep == "to" else None
        if region:
            # "UNICEF Regional Director to South Asia, George Laryea-Adjei": the region is the title's
            title, pos = f"{title} {prep} {region}", after + len(region)
            continue
        city = city_at(text, after) if (placed or (org and _ENVOY_TITLE.search(title))) and prep in ("in", "at") \
            else None
        if city:
            # "Head of the OSCE Programme Office in Bishkek, Alexey Rogov", "US Ambassador in Dhaka Brent T
            # Christensen": where it is, or where the envoy serves
            if prep == "in" and not placed and _POSTED.search(title):
                title = f"{title} in {city}"  # "KOICA Resident Representative in Erbil"
            pos = after + len(city)
            break
        if prep in ("in", "at", "to") or (placed and prep != "for"):
            break  # "High Representative of the European Union for Foreign Affairs …": a portfolio may follow
        found = _portfolio(doc, after)
        if found is None:
            break
        portfolio, name_inside = found
        dg = doc.gaz.by_surface(f"Directorate-General for {portfolio}")
        if dg and re.search(r"Director[- ]General$", title):
            org, placed = doc.add_gazetteer_org(dg), True
        elif re.fullmatch(r"[A-Z][A-Z&-]{2,9}", portfolio) and portfolio not in doc.gaz.country_surface:
            # "CEO for MEIDECC": an acronym after a title names the body, as an organisation's name would
            org, placed = doc.add_org(portfolio), True
            doc.mentions.append(Mention(after, after + len(portfolio), org, "org", portfolio))
        elif prep == "of" and _GOVERNS.search(title) and _place_name(doc, portfolio, after, title):
            # "Premier of Québec", "Governor of Lagos State": the government of a place no gazetteer lists
            org, placed = doc.add_org(f"Government of {portfolio}", alias=portfolio), True
        else:
            title = f"{title} {prep} {portfolio}"
        pos = after + len(portfolio)
        if name_inside:
            return title, org, pos + len(text[pos:].split(name_inside, 1)[0]) + len(name_inside), name_inside
    return title, org, pos, None


_AT_BODY = re.compile(r"[ \t]+(?:at|of|with)[ \t]+(?:the[ \t]+)?")


def _body_at(doc: Doc, pos: int) -> Mention | None:
    """The body, no government's, named at/of/with after `pos` ("… for Nigeria at the AfDB")."""
    link = _AT_BODY.match(doc.text, pos)
    return next((m for m in doc.mentions if link and m.start == link.end() and m.kind == "org" and m.key in doc.orgs
                 and doc.government_above(m.key) is None), None)


# An office named by its place or its kind, not by its body: "the Jerusalem Office", "Regional Office".
_BODYLESS_OFFICE = re.compile(r"(?:[A-Z][\w’'-]+\s+){1,3}(?:Country\s+|Regional\s+|Liaison\s+|Field\s+|Sub-?)?Office")


def _office_of(doc: Doc, unit: str, body: str) -> bool:
    """'UNOPS Director of the Jerusalem Office': an office the text names without its body is the office
    of the body that the title names first (no government's: a ministry has offices of its own)."""
    office, owner = doc.orgs.get(unit), doc.orgs.get(body)
    if office is None or owner is None or office.parent or office.government_of or \
            doc.government_above(body) is not None or unit in doc.lineage(body) or \
            not _BODYLESS_OFFICE.fullmatch(office.name):
        return False
    office.parent, office.unit = body, True
    return True


def _region_at(doc: Doc, at: int) -> str | None:
    """The region of the world named at `at` ("South Asia", "Eastern Europe and Central Asia"), if any."""
    words = re.match(r"[A-Z][\w’'-]+(?:[ \t](?:and[ \t](?:the[ \t])?)?[A-Z][\w’'-]+){0,4}", doc.text[at:at + 80])
    if not words:
        return None
    parts = words.group().split()
    return next((" ".join(parts[:k]) for k in range(len(parts), 0, -1) if " ".join(parts[:k]) in doc.gaz.regions),
                None)


def _government_organ(doc: Doc, hit: Mention) -> bool:
    """Whether a body is a government's cabinet, named without its government (roles.yaml)."""
    org = doc.orgs.get(hit.key)
    return org is not None and org.parent is None and hit.text in doc.gaz.roles.get("government_organs", [])


_LIST_ITEM = re.compile(r",[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+")


def _lists_a_name(doc: Doc, listed: str) -> bool:
    """Whether a list read as a portfolio holds a person's name between its first and last items ("Minister of
    Finance, Jochi Vicente, and CABEI Director …"; not "…, Landlocked Developing Countries, and Small Island
    Developing States", nor "…, Disaster Management and Urban Renewal, Joseph Isaac")."""
    words = portfolio_words(doc)
    return any(re.fullmatch(NAME, item) and valid_name(item, doc) and not words.intersection(item.split())
               and not any(_NOUN_ENDING.search(word) for word in item.split())
               for item in _LIST_ITEM.split(listed)[1:-1])


_COMMA_NAME = re.compile(rf",[ \t]+({NAME})(?=[,;.]|[ \t]+[a-z])")


def _named_after_comma(doc: Doc, end: int) -> bool:
    """Whether a name follows a portfolio after a comma ("Minister for Environment, Climate Resilience and
    Urban Renewal, Joseph Isaac says"): the holder is there, not in the portfolio's last words."""
    told = _COMMA_NAME.match(doc.text, end)
    return told is not None and valid_name(told.group(1), doc)


def _portfolio(doc: Doc, at: int) -> tuple[str, str | None] | None:
    """Capitalised words of a portfolio from `at`, up to an organisation, a title or the end; a name
    they run into, when they end the clause ("… Crisis Management Christos Stylianides,")."""
    text = doc.text
    port = _PORTFOLIO.match(text, at)
    if not port:
        return None
    listed = _LISTED_PORTFOLIO.match(text, at)
    if listed and listed.end() > port.end() and not _lists_a_name(doc, listed.group()):
        port = listed  # "Minister for Civil Defence, Emergency Situations and Disaster Relief"
    words = port.group().split()
    stop = len(words)
    offset = at
    for i, word in enumerate(words):
        lo = text.index(word, offset)
        offset = lo + len(word)
        bare = re.sub(r"(?:’s|'s)$", "", word)  # "… and Albania's Minister": a country in the possessive ends it
        if doc.mention_at(lo, lo + len(bare)) or _role_at(doc, lo) or word.rstrip(".") in _honorific_words(doc) or (
                word in ("of", "for", "at", "in") and i and _org_follows(doc, lo + len(word))) or (
                i and _rank_at(doc, lo)):  # "… of the DMC Major General (Rtd) Udaya Herath": a rank, then the name
            stop = i
            break
    while stop and words[stop - 1] in ("and", "of", "the", "&", "for"):
        stop -= 1
    if not stop:
        return None
    name_inside = None
    end = at + len(" ".join(words[:stop]))
    # (a list of portfolios ends with one, not a name, where the holder's name follows after a comma: "…, Disaster
    # Management and Urban Renewal, Joseph Isaac says"; not "Secretary of MoWIU Catalino Kijiner, Reverend …")
    if stop >= 3 and re.match(r"\s*[,.;:)]|\s+[a-z]|\s+and\s+[A-Z]", text[end:]) and not (
            port is listed and _named_after_comma(doc, end)):
        # "Commissioner for Humanitarian Aid and Crisis Management Christos Stylianides, …", "Premier of
        # Québec Philippe Couillard and …": the portfolio runs into the holder's name
        whole = stop
        for cut in (3, 2):
            tail = " ".join(words[stop - cut:stop])
            if stop - cut >= 1 and re.fullmatch(NAME, tail) and valid_name(tail, doc) and (
                    cut == 2 or re.fullmatch(r"[A-Z]\.?|" + PARTICLE, words[stop - 2]) or _candidate(doc, tail)):
                name_inside = tail
                stop -= cut
                break
        word = words[stop - 1] if name_inside and stop >= 2 else ""
        if word and word not in portfolio_words(doc) and not _NOUN_ENDING.search(word) and \
                next(occurrences(doc.text, word.lower()), None) is None:
            # "Chief of Protocol Nayem Uddin Ahmed": a word no portfolio has, no noun's ending and never
            # written in lower case (as a word: "Ana" is in "management") begins the name ("… and Social
            # Protection of the Population" does not)
            longer = f"{word} {name_inside}"
            if re.fullmatch(NAME, longer) and valid_name(longer, doc):
                name_inside, stop = longer, stop - 1
        if name_inside and words[stop - 1] == "and" and port is listed and _CLAUSE_GOES_ON.match(text, end):
            # "… Acting Vice President for Regional Development, Integration and Business Delivery, on Monday signed":
            # the last item of a list of portfolios its clause goes on after, no name
            name_inside, stop = None, whole
        if name_inside and words[stop - 1] == "and":
            # "Mohammed Abdul Razzaq Mahmoud, Minister of Foreign Affairs and International Cooperation and
            # Hassan Muallem Khalif, Minister of State": the name after "and" begins the list's next holder
            name_inside = None
            while stop and words[stop - 1] in ("and", "of", "the", "&", "for"):
                stop -= 1
    portfolio = " ".join(words[:stop])
    return (portfolio, name_inside) if portfolio else None


_CLAUSE_GOES_ON = re.compile(r"\s*(?:[.;)]|,\s+[a-z])")
_NOUN_ENDING = re.compile(r"(?:tion|sion|ment|ance|ence|ship|ism|ing|ness|ure|ic|er)s?$|(?:ity|ies)$")


def portfolio_words(doc: Doc) -> frozenset[str]:
    """The words of portfolios and offices (roles.yaml), and of titles."""
    return doc.gaz.portfolio | _title_words(tuple(doc.gaz.roles["heads"]), tuple(doc.gaz.roles["modifiers"]))


@cache
def _title_words(heads: tuple[str, ...], modifiers: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for phrase in (*heads, *modifiers) for w in phrase.split())


def _place_name(doc: Doc, words: str, at: int, title: str) -> bool:
    """One or two capitalised words at `at` that name a place, not a portfolio ("Québec", not "Finance").
    Companies have presidents too ("Senior Vice President of Sales"): after "President" the words must
    be a city, a place the model found there, or a city's state or province."""
    parts = words.split()
    if not (1 <= len(parts) <= 2 and all(p[:1].isupper() and p not in doc.gaz.portfolio for p in parts)):
        return False
    if not title.endswith("President") or is_city(words) or any(
            s <= at and at + len(words) <= e for s, e in doc.places):
        return True
    return len(parts) == 2 and is_city(parts[0]) and parts[1] in ("State", "Province", "Region", "County")


def _candidate(doc: Doc, name: str) -> bool:
    return any(n == name for _s, _e, n in doc.name_candidates)


def _honorific_words(doc: Doc) -> frozenset[str]:
    return frozenset(h.rstrip(".") for h in doc.gaz.roles["honorifics"] if " " not in h)


def _rank_at(doc: Doc, pos: int) -> bool:
    """Whether an honorific of more than one word (a military rank) begins at `pos`."""
    return doc.text.startswith(_rank_prefixes(tuple(ranks(doc))), pos)


@cache
def _rank_prefixes(ranks: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    return tuple(" ".join(rank) + " " for rank in ranks)


def _org_follows(doc: Doc, pos: int) -> bool:
    gap = re.match(r"[ \t]+(?:the[ \t]+)?", doc.text[pos:pos + 6])
    at = pos + (gap.end() if gap else 0)
    return any(m.start == at and m.kind in ("org", "country", "demonym") for m in doc.mentions)


def _role_at(doc: Doc, pos: int) -> bool:
    from migragraph.extract.persons import role_re_at

    return role_re_at(doc, pos)


def _mention_ending(doc: Doc, pos: int) -> Mention | None:
    """The organisation, country or adjective ending right before `pos` ("IOM Director General"), its
    abbreviation in brackets between them or not ("Commonwealth of Independent States (CIS) Executive
    Secretary")."""
    # (a word of the holder's tenure may stand between: "Latvia's new foreign minister Baiba Braže")
    gap = re.search(r"(?:’s|'s|(?<=s)[’'])?\s(?:(?:new|newly[- ]appointed|newly[- ]elected|outgoing|incoming)\s)?$",
                    doc.text[max(0, pos - 24):pos])
    if not gap:
        return None
    end = pos - len(gap.group())
    for m in doc.mentions:
        if m.kind in ("org", "country", "demonym") and end - 40 <= m.end <= end and past_abbreviation(
                doc.text, m.end) == end:
            return m
    return None


# Words after a country's adjective that make it name the state or one of its bodies ("of the Japanese
# Government", "of the Turkish Ministry of Interior").
_STATE_WORD = re.compile(r"Ministry|Department|Directorate|Police|Gendarmerie|Coast|Army|Navy|Armed|Embassy|"
                         r"Parliament|Government|Cabinet|Presidency|Senate|Agency|Authority|Authorities|Office|"
                         r"Service|Council|Court|Mission|Consulate|Federal|National|State|Republic|People|Red")


def _org_of(doc: Doc, m: Mention) -> str:
    return doc.government(m.key) if m.kind in ("country", "demonym") else m.key


def _role_org_prefix(doc: Doc, title: str) -> str | None:
    """'European Commissioner for ...' is a post in the European Commission."""
    prefixes = doc.gaz.roles.get("organisation_prefixes", {})
    for prefix, key in prefixes.items():
        if (title == prefix or title.startswith(prefix + " ")) and key in doc.gaz.orgs:
            return doc.add_gazetteer_org(doc.gaz.orgs[key])
    return None


def held_title(title: str) -> str:
    """The title an acting, interim or former holder holds or held: "Former Secretary-General" (a page's
    label for "Ban Ki-moon") is the Secretary-General's post, in the same body."""
    return _HOLDING.sub("", title)


_HOLDING = re.compile(r"^(?:Former|Acting|Interim)\s+")


_A_MINISTER = re.compile(r"\bMinister\b")


def _default_org(doc: Doc, title: str, at: int | None = None) -> str | None:
    """The organisation of a title that names none: the body such a title heads, where the release is
    its own or names it in the same sentence ("High Commissioner António Guterres" beside UNHCR); a
    government's, for a minister, the government named last before it in the sentence ("Benin (signed
    with the Minister of Economy and Finance, …)"), else the one government the release is about."""
    one_body: dict[str, str] = doc.gaz.roles.get("titles_of_one_body", {})
    if (key := one_body.get(held_title(title))) and key in doc.gaz.orgs:
        return doc.add_gazetteer_org(doc.gaz.orgs[key])
    if _COMMISSIONER.match(held_title(title)):
        # "Janez Lenarčič, Commissioner for Crisis Management": a commissioner sits in the one
        # commission the release names (the European Commission, the African Union Commission)
        commissions = [o.key for o in doc.orgs.values() if _COMMISSION.search(o.name)]
        if len(commissions) == 1:
            return commissions[0]
    defaults: dict[str, str] = doc.gaz.roles.get("default_organisation", {})
    key = defaults.get(held_title(title))
    span = doc.sentence_of(at) if at is not None else None
    named_here = span is not None and any(m.key == key and span.start <= m.start < span.end for m in doc.mentions)
    if key and (doc.publisher == key or named_here):
        return doc.add_gazetteer_org(doc.gaz.orgs[key])
    governmental = doc.gaz.roles.get("government_heads", [])
    # in sentence case too ("Finance minister"); a title all in lower case ("the president") is a
    # description more often than a post
    flags = re.IGNORECASE if title[:1].isupper() else 0
    if any(p.search(title) for p in _whole_words(tuple(governmental), flags)) or _cabinet_secretary(doc, title):
        if span is not None and at is not None:
            # near: within a few words, "Benin (signed with the Minister of …)", not "After talks with
            # Ukraine on Monday, President …" nor "With regard to Ukraine, President Meloni …", whose
            # president is another country's
            near = [m for m in doc.mentions if max(span.start, at - NEAR_TITLE) <= m.start < at and (
                m.kind == "country" or (m.kind == "org" and m.key in doc.orgs and doc.orgs[m.key].government_of))
                and _NEAR_GAP.fullmatch(doc.text, m.end, at)
                and not _TOPIC_BEFORE.search(doc.text, max(0, m.start - 30), m.start)
                # (nor a city's country: "… Annual General Meeting in Nairobi, Kenya, Finance Minister Dr. …")
                and not (m.kind == "country" and _a_place(doc, m.start))]
            if near:
                return doc.government(near[-1].key) if near[-1].kind == "country" else near[-1].key
        if span is not None and at is not None and (host := _host_met(doc, span, at) or _called_on_at_home(
                doc, span, at) or _met_where_told(doc, span, at)) and not _held_there_by_another(doc, title, at, span,
                                                                                                host):
            return doc.government(host)
        # A minister or adviser with no country named serves the one government the release names.
        # Where none acts, the country the release is plainly about ("… a courtesy call on President
        # Emmerson Mnangagwa" in a release about Zimbabwe).
        country = home_country(doc)
        if country is None and at is not None and _A_MINISTER.search(title) and \
                not _OWNER_BEFORE.search(doc.text, max(0, at - 40), at):
            country = dateline_country(doc)  # (a minister only: "InfoNation President" is a company's)
        sides = _other_side(doc, at, at + len(title), span) if country and span is not None and at is not None \
            else set()  # (only read where a country would be given: the other side must not have it)
        other = country is not None and country in sides
        told = {c for m in doc.mentions_in(span, ("country", "demonym", "org"))
                if (c := doc.country_of(m)) and not _a_place(doc, m.start)} - sides \
            if other and span is not None else set()
        if len(told) == 1 and at is not None and span is not None and \
                not _held_there_by_another(doc, title, at, span, next(iter(told))):
            # "US Ambassador in Dhaka … paid a courtesy call on Agriculture, Food, Fisheries and Livestock Minister …
            # at his Bangladesh secretariat office": the other side's title is of the one other country its
            # sentence names
            return doc.government(told.pop())
        portfolio = _MINISTER_OF.fullmatch(title)
        if country is None and portfolio and span is not None and at is not None and not any(
                is_ministry(o.name) for o in doc.orgs.values()) and all(
                _a_place(doc, m.start) for m in doc.mentions_in(span, ("country", "demonym"))) and (
                not any(m.kind in ("country", "demonym") for m in doc.mentions)
                or _HOLDER_NEXT.match(doc.text, at + len(title)) and doc.text.startswith(title, at)):
            # "Minister of Labour and Small Enterprise Development, Senator the Honourable Jennifer Baptiste-Primus"
            # in a release that names no ministry and no country whose government the title would be: the post is
            # in the ministry of that portfolio. So too a minister named beside the title ("The Minister of
            # Health, Dr. Eteni Longondo and …") whose sentence names a country only as a place ("… in the Libyan
            # capital, Tripoli"); not "He also served as Minister for the Public Service", whose government the
            # holder's other posts may give
            return doc.add_org(f"Ministry of {portfolio.group(1)}")
        if country and not other and at is not None and _head_told_of(doc, title, country, at):
            # "President, Dr Lazarus Chakwera … arrived in Gaborone, Botswana", "… a courtesy call to Botswana’s
            # President, Dr Mokgweetsi Masisi": the one head of a state the release gives to another is the other
            # government's it names
            rest = {o.government_of for o in doc.orgs.values() if o.government_of} - {country}
            country = rest.pop() if len(rest) == 1 else None
        if (country is None or other) and span is not None:
            doc.unplaced_titles.append((span.start, title))  # a counterpart may still hold it (persons.py)
        if country and not other and not (span is not None and at is not None
                                          and _held_there_by_another(doc, title, at, span, country)):
            return doc.government(country)
    # the body of the sentence a secretariat's deputy heads, before the body of the post told last
    sole = _sole_body(doc, title, at, span) if span is not None and at is not None else None
    if doc.last_post_org and sole is None and re.match(r"(?:Deputy|Assistant|Acting|Vice|Regional)\b", title):
        return doc.last_post_org
    if span is None or at is None:
        return None
    return _on_behalf_of(doc, at, span, at + len(title)) or sole


def _called_on_at_home(doc: Doc, span: Span, at: int) -> str | None:
    """'Liberian Minister of Gender …, paid a courtesy call on President Dr Ernest Bai Koroma at State House in
    Freetown': whom a visitor of one country calls on or meets in a city of another is of that other country."""
    verb = next((v for v in _MEETS.finditer(doc.text, span.start, at) if _NEAR_VERB.fullmatch(doc.text, v.end(), at)),
                None)
    city = next((c for p in _IN_CITY.finditer(doc.text, at, span.end) if (c := city_at(doc.text, p.start(1)))),
                None) if verb else None
    home = country_of_city(doc, city) if city else None
    visitors = {c for m in doc.mentions if span.start <= m.start and m.end <= verb.start() and (c := doc.country_of(m))} \
        if verb else set()
    return home if home and visitors and home not in visitors else None


_IN_CITY = re.compile(r"\b(?:in|at)[ \t]+([A-Z][\w’'-]+)")


def _head_told_of(doc: Doc, title: str, country: str, at: int) -> bool:
    """Whether the release gives a state's one head title, the title at `at`, as that country's elsewhere to someone
    it names: "Botswana’s President, Dr Mokgweetsi Masisi"."""
    if not _HEAD_OF_GOVERNMENT.fullmatch(title):
        return False
    holder = _HOLDER_AFTER.match(doc.text, at + len(title))
    for m in doc.mentions:
        if doc.country_of(m) != country:
            continue
        after = re.match(rf"(?:’s|'s)?,?[ \t]+{re.escape(title)}\b", doc.text[m.end:m.end + 40])
        # (a name after the title's mention: "Botswana’s President, Dr Mokgweetsi Masisi", not "The Liberian President,
        # according to …", who may be the holder himself)
        if after is None or m.end + after.end() == at + len(title):
            continue
        named = _HOLDER_AFTER.match(doc.text, m.end + after.end())
        if named and (
                holder is None or named.group(1).split()[-1] != holder.group(1).split()[-1]):
            return True
    return False


_HOLDER_AFTER = re.compile(r",?[ \t]+(?:(?:Dr|Mr|Mrs|Ms|H\.\s?E)\.?[ \t]+)?((?:[A-Z][\w’'-]+[ \t]+){0,3}[A-Z][\w’'-]+)")


def _cabinet_secretary(doc: Doc, title: str) -> bool:
    """Whether a title is a cabinet secretary's, a portfolio before "Secretary" ("Labor Secretary Bienvenido
    Laguesma", "Health Secretary"): a government's post, as a minister's is."""
    words = title.split()
    return len(words) > 1 and words[-1] == "Secretary" and all(w in doc.gaz.portfolio for w in words[:-1])


def _a_place(doc: Doc, pos: int) -> bool:
    """Whether a country's name at `pos` only says where something is ("Suva, Fiji, 15 September 2023 - …",
    "meets with Samoa Prime Minister in Fiji")."""
    before = doc.text[max(0, pos - 40):pos]
    city = re.search(r"([A-Z][\w’'-]+(?:[ \t][A-Z][\w’'-]+)?),[ \t]*$", before)
    return re.search(r"\b(?:in|at|to|from)[ \t]+(?:the[ \t]+)?$", before) is not None or (
        city is not None and (is_city(city.group(1)) or is_city(city.group(1).split()[-1])))


_PLACED_IN = re.compile(r"\s*(?:In|At|(?:During|On)\s+(?:his|her|their|a|an|the)\s+(?:[\w-]+\s+){0,2}visit\s+to)\s+(?:the\s+)?")
_MEET = re.compile(r"\b(?:meet|meets|met)\s+(?:with\s+)?")


def _host_met(doc: Doc, span: Span, at: int) -> str | None:
    """'In Peru, Banga will meet with President Dina Boluarte and Minister of Economy and Finance Alex Contreras',
    "During his visit to Uzbekistan, Rau will meet with President Shavkat Mirziyoyev": whom a sentence that opens
    with the country it is in says is met there is of that country."""
    lead = _PLACED_IN.match(doc.text, span.start)
    place = next((m for m in doc.mentions if lead and m.start == lead.end() and m.kind == "country"), None)
    if place is None or not doc.text.startswith(",", place.end):
        return None
    verbs = [v for finder in (_MEETS, _MEET) if (v := next(finder.finditer(doc.text, place.end, at), None))]
    verb = min(verbs, key=lambda v: v.start(), default=None)
    if verb is None or _OBJECT_END.search(doc.text, verb.end(), at) or re.search(r"[.;:]", doc.text[verb.end():at]):
        return None  # (the title is the verb's object, not in a clause after it)
    return place.key


# Where a visitor's meetings are, told before them: "… in Tashkent, Uzbekistan, where he will meet with top state
# officials", "… will travel to Kazakhstan, where he will also meet top government officials"; "In Tashkent, …".
_WHERE_MEETINGS = re.compile(r"\b(?:to|in)\s+(?:(?P<city>[A-Z][\w’'-]+),\s+)?(?P<country>[A-Z][\w’' -]+?),?\s+where\b"
                             r"|^\W*In\s+(?P<lead>[A-Z][\w’'-]+),")


def _met_where_told(doc: Doc, span: Span, at: int) -> str | None:
    """'… travel to Kazakhstan, where he will also meet top government officials …', then 'Osmani will meet with
    President Kassym-Jomart Kemeluly Tokayev': whom a sentence that names no country says is met is of the country
    the last three sentences before it say the meetings are in."""
    verb = next((v for finder in (_MEETS, _MEET) for v in finder.finditer(doc.text, span.start, at)
                 if _NEAR_VERB.fullmatch(doc.text, v.end(), at) and not _OBJECT_END.search(doc.text, v.end(), at)),
                None)
    if verb is None or any(doc.country_of(m) for m in doc.mentions_in(span, ("country", "demonym", "org"))):
        return None
    before = [s for s in doc.spans if s.end <= span.start][-3:]
    for sentence in reversed(before):
        for told in reversed(list(_WHERE_MEETINGS.finditer(sentence.text))):
            country = doc.gaz.country_surface.get(told.group("country") or "") or country_of_city(
                doc, told.group("city") or told.group("lead"))
            if country:
                return country
    return None


_AIDE = re.compile(r"\b(?:Secretary|Adviser|Advisor|Assistant|Aide|Counsel(?:l)?or|Spokes(?:person|man|woman)|Chief of Staff)$")
_SERVES_A_HEAD = re.compile(r"(President|Vice[- ]President|Prime Minister|Deputy Prime Minister|Premier|Chancellor)\b")
_HOLDER_NEXT = re.compile(r",?[ \t]+[A-Z]")  # a name (or an honorific) right after a title
_MINISTER_OF = re.compile(r"(?:(?:First\s+)?(?:Deputy|Vice|Acting)\s+)?Minister\s+(?:of|for)\s+(?:the\s+)?(?!State\b)(.+)")


@cache
def _whole_words(words: tuple[str, ...], flags: int) -> list[re.Pattern[str]]:
    return [re.compile(rf"\b{re.escape(w)}\b", flags) for w in words]


def _held_there_by_another(doc: Doc, title: str, at: int, span: Span, country: str) -> bool:
    """Whether the sentence gives the same title in that country's government to someone else ("The President of
    the Government, Pedro Sánchez, and the President of Mauritania, …": Sánchez is not Mauritania's), or names a
    counterpart of that country ("a working session with his Lao counterpart …": the title is not Laos's)."""
    head = _head_word(title)
    for m in doc.mentions:
        if not (span.start <= m.start < span.end) or m.start == at:
            continue
        if m.kind == "demonym" and m.key == country and _COUNTERPART_AFTER.match(doc.text, m.end):
            return True
        mine = m.key == country if m.kind == "country" else (
            m.kind == "org" and m.key in doc.orgs and doc.orgs[m.key].government_of == country)
        if mine and re.search(rf"\b{re.escape(head)}\s+of\s+(?:the\s+)?$", doc.text[max(span.start, m.start - 40):m.start]):
            return True
    return False


_COUNTERPART_AFTER = re.compile(r"\s+counterparts?\b")


# "… Foreign Minister on Monday received Mohammed Abdul Razzaq Mahmoud, Minister of Foreign Affairs …": the
# two sides of a meeting are of two countries, where one side receives, meets, talks with or calls on the other.
_FILLER = r"(?:(?:in audience|in (?:his|her|their) office|today|yesterday|on \w+day)\s+)*"
_MEETS = re.compile(r"\b(?:(?:met|meets|spoke|speaks|talked|talks|(?:held|holds|had|has)\s+(?:a\s+)?(?:\w+\s+)?"
                    rf"(?:meeting|talks|call|conversation))\s+{_FILLER}with|(?:received|receives)\s+(?:a|an)\s+(?:\w+\s+)?"
                    r"(?:call|visit)\s+from|received|receives|welcomed|welcomes|"
                    r"hosted|hosts|granted an audience to|met|meets|(?:paid|pays|paying)\s+(?:a|an)\s+(?:\w+\s+){0,2}"
                    rf"(?:call|visit)\s+(?:on|to)|called on|calls on|thanked|thanks|"
                    rf"(?:on|during)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}visit\s+to)\s+{_FILLER}")
# who is met or received is someone: a person, an envoy, a delegation (not money, a prize, a report)
_SOMEONE = re.compile(r"(?:(?:[A-Z][\w’-]+\s+){1,3}[A-Z][\w’-]+,\s+)?"  # "Mohammed Abdul Razzaq Mahmoud, Minister …"
                      r"(?:the\s+|a\s+|his\s+|her\s+|their\s+|H\.\s?E\.?\s+)?(?:visiting\s+|new\s+|outgoing\s+)?(?:[A-Z][\w’.-]*\s+){0,3}"
                      r"(?:[Aa]mbassadors?|[Dd]elegations?|[Ee]nvoys?|[Mm]inisters?|[Ss]ecretary|[Pp]resident|"
                      r"[Cc]ounterparts?|[Cc]hargé|[Hh]igh [Cc]ommissioner|[Pp]rime [Mm]inister|[Dd]eputy)\b")
# a side that is a country's envoy ("Papua New Guinea's High Commissioner to Solomon Islands Moses Kaul met …")
_ENVOY_TITLE = re.compile(r"\b(?:[Aa]mbassador|[Hh]igh [Cc]ommissioner|[Ee]nvoy|[Cc]hargé|[Cc]onsul|[Dd]elegation)")
# where who is met or received ends: a clause of the meeting's own ("…, during his visit", "… and exchanged
# views", "… to discuss")
_OBJECT_END = re.compile(r",\s+(?:during|where|which|who|when|while|as|after|before|with|in|at|on|to|for)\b"
                         r"|\s+(?:and|to|in|at|on|during|for|after|before|with|where|who)\s+(?=[a-z])")
_SENT_TO = re.compile(r"\b(?:to|in)\s+(?:the\s+)?$")
# between a title and the verb its holder is the subject of, or the verb and the title: a name, a form of
# address, a day
_NEAR_VERB = re.compile(r"[^.;:()]{0,90}")


def _other_side(doc: Doc, start: int, end: int, span: Span) -> set[str]:
    """The countries of the other side of a meeting one side of which holds the title at start..end: of
    whom its holder receives, meets, thanks, visits or calls on (told right after the verb: a person, an
    envoy, a delegation, a country), or of the envoy who meets or calls on its holder; not a country an envoy is sent "to" or
    serves "in" ("the Ambassador of Mali to Sudan", "UNICEF Representative in Ghana"): that is the host's."""
    text = doc.text
    sides: list[tuple[int, int]] = []
    after = next(_MEETS.finditer(text, end, span.end), None)
    if after is not None and _NEAR_VERB.fullmatch(text, end, after.start()) and (
            _SOMEONE.match(text, after.end()) or any(m.start == after.end() and (m.kind == "person" or doc.country_of(m))
                                                     for m in doc.mentions)):
        ends = _OBJECT_END.search(text, after.end(), span.end)
        sides.append((after.end(), ends.start() if ends else span.end))
    before = next((m for m in _MEETS.finditer(text, span.start, start) if _NEAR_VERB.fullmatch(text, m.end(), start)), None)
    if before is not None and _ENVOY_TITLE.search(text, span.start, before.start()):
        sides.append((span.start, before.start()))
    countries: set[str] = set()
    for first, last in sides:
        for m in doc.mentions:
            if first <= m.start and m.end <= last and not _SENT_TO.search(text, max(0, m.start - 8), m.start):
                if alpha3 := doc.country_of(m):
                    countries.add(alpha3)
    return countries


_COMMISSIONER = re.compile(r"(?:Deputy |Vice-|Vice )?Commissioner(?: for| in charge of)\b")
_COMMISSION = re.compile(r"(?<!High )\bCommission$")
_OF_AFTER = re.compile(r"\s+of\s")
_NAME_BEFORE = re.compile(r"\b(?!The\b)[A-Z][\w’'-]*\s+$")
# A name or a possessive right before a title, which says whose it is ("InfoNation President", "the bank’s President")
_OWNER_BEFORE = re.compile(rf"{_NAME_BEFORE.pattern}|(?:’s|'s)\s+$")


def _sole_body(doc: Doc, title: str, at: int, span: Span) -> str | None:
    """The one body of the sentence that is no government's, for a title that heads such bodies ("talks
    between the Ministry … and the IOM, presided over by Vice Minister Marina Sereni and Director General
    Antonio Vitorino")."""
    if title not in doc.gaz.roles.get("body_heads", []) and not _serves_a_body(doc, title):
        return None
    if _OF_AFTER.match(doc.text, at + len(title)) or (_NAME_BEFORE.search(doc.text, span.start, at)
                                                      and not _mention_ending(doc, at)):
        return None  # "Director-General of the OPEC Fund", "OPEC Fund Director-General": a body not read
    bodies = {m.key for m in doc.mentions_in(span) if m.key in doc.orgs and _no_governments(doc, m.key)}
    if not bodies:
        # "Mr. Angel Gurria, who has been successfully serving as Secretary-General": the one such body of
        # the release, where the sentence names none
        bodies = {key for key in doc.orgs if _no_governments(doc, key)}
    if len(bodies) > 1 and _serves_a_body(doc, title):
        # (an officer in a country serves an agency with offices in the countries it works in: UNFPA, not "the
        # Royal Government" nor UNFPA's regional office)
        bodies = {k for k in bodies if (entry := doc.gaz.orgs.get(k)) is not None and entry.offices}
    return next(iter(bodies)) if len(bodies) == 1 else None


def _serves_a_body(doc: Doc, title: str) -> bool:
    """Whether a title is one an international body's officer holds in a country (roles.yaml field_heads), with
    where told or not: "Country Director", "Resident Coordinator for Fiji"."""
    return _field_heads(tuple(doc.gaz.roles.get("field_heads", []))).fullmatch(title) is not None


@cache
def _field_heads(heads: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"(?:(?:Deputy|Acting|Interim|Senior|new)\s+)?(?:{alternatives})(?:\s+(?:for|to|in)\s+.+)?")


def _no_governments(doc: Doc, key: str) -> bool:
    # a ministry is a government's even when the release names no country for it
    return doc.government_above(key) is None and not doc.orgs[key].name.startswith("Ministry")


def _on_behalf_of(doc: Doc, at: int, span: Span, end: int) -> str | None:
    """'Director General, Mr. Michael Spindelegger, signed on behalf of ICMPD': the body an official
    signs or speaks for, later in the sentence (past another's title: "on behalf of the Chairperson of
    the AU Commission"); or that a sentence opens with for its list of officials ("On behalf of the Foreign
    Ministry, the ceremony was attended by the Secretary of Foreign Affairs, Pablo Tettamanti; …")."""
    m = re.compile(r"\bon behalf of\s+").search(doc.text, at, span.end)
    if not m and not any(x.kind == "org" and end <= x.start < end + 30 and ";" not in doc.text[end:x.start]
                         for x in doc.mentions):
        # (not where the title's own body follows it: "…, Head of Unit "Visa Policy", European Commission")
        m = _LEAD_BEHALF.match(doc.text, span.start)
    if not m:
        return None
    hit = next((x for x in doc.mentions if x.kind == "org" and m.end() <= x.start < m.end() + 60
                and x.key in doc.orgs), None)
    return hit.key if hit else None


_LEAD_BEHALF = re.compile(r"\s*On behalf of\s+(?:the\s+)?")


# A representative's or a coordinator's title holds where they serve: "UNICEF's newly appointed Representative in
# Argentina, Roberto Benes", "World Bank representative in Timor-Leste", "KOICA Resident Representative in Erbil".
_POSTED = re.compile(r"\b(?:[Rr]epresentative|[Cc]oordinator)$")


# A past or passing holding written in lower case before a title: "Nigeria’s former President Olusegun Obasanjo",
# "Lebanon’s caretaker Prime Minister Najib Mikati".
_HELD_AS = re.compile(r"\b(former|caretaker)[ \t]+$")


def _held_as(doc: Doc, title: Title) -> str:
    """'former ' where the text writes it right before the title (part of the role as written)."""
    told = _HELD_AS.search(doc.text, max(0, title.start - 12), title.start)
    return f"{told.group(1)} " if told else ""


def _clean(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip(" ,")
