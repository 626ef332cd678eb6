"""Organisations in a release: gazetteer names, names the text defines ("the Economic Cooperation
Organization (ECO)"), names built on an institutional head noun ("Hellenic Coast Guard", "Ministry of
Interior of Mauritania"), country offices ("IOM Ghana"), and governments of countries that act."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from rapidfuzz import fuzz

from migragraph.extract.agreements import agreement_at
from migragraph.extract.doc import Doc, Mention, country_of_city, is_ministry, main_country, sends_envoys_only
from migragraph.extract.gazetteer import OrgEntry
from migragraph.extract.model import Span
from migragraph.extract.names import NAME, valid_name
from migragraph.extract.persons import honorifics, role_re_at
from migragraph.extract.places import VENUE_NOUN, city_at, is_city
from migragraph.extract.release_info import furniture
from migragraph.extract.text import occurrences, title_case
from migragraph.extract.titles import ORGAN, past_abbreviation

HEADS = (
    "Ministry|Department|Directorate|Directorate-General|Agency|Office|Commission|Council|Bank|"
    "Secretariat|Union|Centre|Center|Institute|Institution|University|Bureau|Services?|Police|Gendarmerie|"
    # not "Fund": an unknown "X Fund" is far more often a trust fund (money) than an institution
    "Coast Guard|Guard|Committee|Association|Network|Foundation|Court|Parliament|Assembly|Embassy|"
    "Delegation|Corporation|Company|Federation|Confederation|Alliance|League|Organi[sz]ation|Authority|Board|Diet|Senate|"
    "Congress|Cabinet|Presidency|Army|Forces|Society|Red Cross|Red Crescent|Forum|Chamber|Academy|"
    "Observatory|Tribunal|Administration|Inspectorate|Unit|Bureau|Consulate|High Commission|Division|Section|"
    "Branch|Group|Facility for|Mission to|Mission"
)
_HEAD_RE = re.compile(rf"\b(?:{HEADS})\b")
# A body's name: its head noun after at most three words ("Ministry of Health", "National Immigration
# Service"), not a phrase that only holds one ("Investigation of the Gendarmerie").
_LED_BY_HEAD = re.compile(rf"(?:[A-Z][\w’'-]*\s+){{0,3}}(?:{HEADS})\b")
# Bodies of a state: "the Hellenic Coast Guard" is part of the Greek government, "British Telecom" is not.
_PUBLIC = re.compile(r"\b(?:Ministry|Department|Directorate|Police|Gendarmerie|Coast Guard|Guard|Army|Navy|Forces|"
                     r"Embassy|Parliament|Government|Cabinet|Presidency|Senate|Diet|Agency|Authority|Office|"
                     r"Service|Services|Council of Ministers|Court|Mission|Consulate)\b")
# Words that make a capitalised phrase a document, programme or event, not an organisation.
_NOT_ORG = re.compile(
    r"\b(?:Framework|Agreement|Memorandum|Plan|Strategy|Goals?|Policy|Project|Programme|Program|Initiative|"
    r"Pact|Compact|Declaration|Conference|Summit|Meeting|Day|Week|Report|Fund for|Act|Law(?! Enforcement)|Protocol|"
    r"Convention|"
    r"Resolution|Charter|Dialogue|Process|Forum on|Session|Award|Prize|Trust Fund|"
    r"Statement|Remarks|Speech|Message|Communiqu[eé]|Readout|Press Release|Announcement)\b")
# After an organisation's acronym, words that make it an adjective for other bodies.
_GENERIC_AFTER = re.compile(r"\s+(?:agencies|member states|Member States|countries|nationals|citizens|"
                            r"institutions|bodies|law|rules|standards|territory|level)\b")
_CONNECTORS = {"of", "for", "on", "and", "the", "de", "des", "du", "in", "&"}
_CAP = r"[A-Z][\w’'.&-]*"
_CONNECT = r"(?:of|for|on|and|the|de|des|du|&)"
# "the" only after another connector ("Ministry of the Interior"): "Monday the Commission" is no name
# (a ministry's portfolio follows "of" or "for"; "on" after it tells where it is: "the Foreign Ministry on Capitol Hill")
_PHRASE = re.compile(rf"(?:{_CAP})(?:\s+(?:{_CAP}|(?:of|for|(?<!Ministry )on|and|de|des|du|&)(?:\s+the)?(?=\s+[A-Z])))*")
# (a name may hold "in": "the Association of Accountancy Bodies in West Africa (ABWA)"; the acronym decides
# how much of the run is the name)
_DEFINED = re.compile(rf"((?:{_CAP})(?:,?[ \t]+(?:{_CAP}|{_CONNECT}|in))*)[ \t]+\(([A-Z][A-Za-z&.-]{{1,11}})\)")
_LOWER_UNITS = re.compile(
    r"\b(gendarmerie|police|coast guard|armed forces|army|navy|border police|authorities|government|"
    r"immigration service|customs)\b")
# The kinds of office a body has ("Regional Office", "Country Office", "Liaison Office", "Regional Bureau").
_OFFICE_KIND = (r"(?:Regional|Country|Multi-[Cc]ountry|Sub-?regional|Sub-Regional|Liaison|Special Liaison|Coordination|"
                r"Pacific|Area|Field)\s+(?:[Oo]ffice|Bureau)")
_OFFICE = re.compile(
    rf"\b(headquarters|{_OFFICE_KIND}"
    r"(?:\s+(?:in|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?)")


def _acronym_inside(doc: Doc, start: int, end: int, form: str) -> tuple[int, int, str]:
    """'the African Union (AU) Commission': the Commission, its parent's acronym written inside its name."""
    m = re.compile(r"\s*\([A-Z][\w.&-]{0,11}\)\s+([A-Z][\w-]+)").match(doc.text, end)
    if m and doc.gaz.by_surface(longer := f"{form} {m.group(1)}"):
        return start, m.end(), longer
    return start, end, form


def _in_context(entries: list[OrgEntry], named: set[str]) -> OrgEntry | None:
    """Which organisation a short form ("the Commission", "General Assembly") stands for: the one of
    those it may be that the release names plainly, else the one whose parent it names ("the EU", "the
    UN"); none where two are as likely (an AU release naming the EU)."""
    for found in ([e for e in entries if e.key in named], [e for e in entries if e.parent in named]):
        if found:
            return found[0] if len(found) == 1 else None
    return None


_AFTER_WORD_HYPHEN = re.compile(r"[a-z]-$")


def find_organisations(doc: Doc) -> None:
    """Fill doc.orgs and doc.mentions with every organisation named in the release."""
    text, gaz = doc.text, doc.gaz
    matches = list(gaz.pattern.finditer(text))
    ends = {m.end() for m in matches}
    # After a hyphen, a name is a pair's second only where the first is an acronym or a name too: "EU-IOM",
    # "European Union-CARICOM"; not "non-EU", nor a surname's second half ("Ms. Charmaine Atkinson-Jordan").
    raw = [_acronym_inside(doc, m.start(), m.end(), m.group()) for m in matches
           if not _AFTER_WORD_HYPHEN.search(text, max(0, m.start() - 2), m.start()) or m.start() - 1 in ends]
    plain_keys = {gaz.surface[f] for _, _, f in raw if f in gaz.surface or _strip(f) in gaz.surface
                  for f in [f if f in gaz.surface else _strip(f)]}
    for start, end, form in raw:
        if _GENERIC_AFTER.match(text, end):
            continue  # "EU agencies", "UN member states": a class of bodies, not the organisation
        if form in gaz.surface or _strip(form) in gaz.surface:
            entry = gaz.by_surface(form)
            assert entry is not None
            _office_or_org(doc, start, end, form, entry.key)
        elif form in gaz.context_surface:
            meant = _in_context([gaz.orgs[k] for k in gaz.context_surface[form]], plain_keys)
            if meant is not None:
                key = doc.add_gazetteer_org(meant, form)
                doc.mentions.append(Mention(start, end, key, "org", form))
        elif form in gaz.country_surface:
            # "PAPUA New Guinea’s new high commissioner": a lead-in's first word in capitals begins the name
            lead = re.search(r"\b([A-Z]{2,})((?:[ \t]+[A-Z][a-z]+)?)[ \t]+$", text[max(0, start - 30):start])
            whole = f"{lead.group(1).title()}{lead.group(2)} {form}" if lead else ""
            if lead and whole in gaz.country_surface:
                start, form = start - len(lead.group()), whole
            doc.mentions.append(Mention(start, end, gaz.country_surface[form], "country", form))
        elif form in gaz.demonym_surface and not _REGION_AFTER.match(text, end):
            # (not a region's name: "the border of Somali and Oromia regional states" is in Ethiopia)
            doc.mentions.append(Mention(start, end, gaz.demonym_surface[form], "demonym", form))
    _adjectives_of_named_countries(doc)
    _redefined_acronyms(doc)
    _defined(doc)
    _governments(doc)
    _plural_ministries(doc)
    _headed_phrases(doc)
    _native_acronyms(doc)
    _lower_units(doc)
    _initialisms(doc)
    doc.mentions.sort(key=lambda m: (m.start, -m.end))
    _drop_nested(doc)
    _drop_sessions(doc)


_REGION_AFTER = re.compile(r"(?:[ \t]+and[ \t]+[A-Z][\w-]+)?[ \t]+[Rr]egion(?:al[ \t]+[Ss]tates?|s)?\b")


def _adjectives_of_named_countries(doc: Doc) -> None:
    """'… has been in Guinea-Bissau since Sunday … a meeting with the Guinean Minister of Economy and Finance': a
    country's adjective in a release that never names that country but names one whose name holds the other's
    (Guinea-Bissau, Equatorial Guinea, Papua New Guinea) is the named country's."""
    named = {m.key for m in doc.mentions if m.kind == "country"}
    for i, m in enumerate(doc.mentions):
        if m.kind != "demonym" or m.key in named:
            continue
        own = doc.gaz.countries[m.key].name
        holders = {c for c in named if re.search(rf"\b{re.escape(own)}\b", doc.gaz.countries[c].name)}
        if len(holders) == 1:
            doc.mentions[i] = Mention(m.start, m.end, holders.pop(), m.kind, m.text)


_GIVEN_ACRONYM = re.compile(r"[ \t]*\(([A-Z][A-Za-z&.-]{1,11})\)")


def _redefined_acronyms(doc: Doc) -> None:
    """'The Islamic Development Bank (IDB) and …': an acronym the release gives in brackets for a body it names
    means that body throughout the release, not the body the gazetteer gives the acronym to (the
    Inter-American Development Bank)."""
    for named in [m for m in doc.mentions if m.kind == "org"]:
        given = _GIVEN_ACRONYM.match(doc.text, named.end)
        other = next((m for m in doc.mentions if given and m.kind == "org" and m.start == given.start(1)
                      and m.text == given.group(1) and m.key != named.key), None) if given else None
        if other is None or named.key not in doc.orgs:
            continue
        _acronym_means(doc, other.text, other.key, named.key)


def _acronym_means(doc: Doc, acronym: str, wrong: str, right: str) -> None:
    """Every mention of the body `wrong` written as `acronym` is one of `right`; `wrong` goes where it is left
    with none."""
    doc.mentions = [Mention(m.start, m.end, right, m.kind, m.text) if m.key == wrong and m.text == acronym
                    else m for m in doc.mentions]
    doc.orgs[right].aliases.add(acronym)
    if not any(m.key == wrong for m in doc.mentions):
        doc.orgs.pop(wrong, None)


# Between the items of a list ("A, B and the C"); a name in the possessive ("Sierra Leone’s …").
_LIST_LINK = re.compile(r"(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+)(?:the[ \t]+)?")
_POSSESSIVE = re.compile(r"([A-Z][\w-]+(?: [A-Z][\w-]+)?)(?:’s|'s)\s+$")
# "the Ministries of Labour of Niger and Libya": one ministry of each country named after it.
_MINISTRIES = re.compile(r"\b[Mm]inistries\s+(?:of|for)\s+((?:[A-Z][\w’'-]*|and)(?:\s+(?:[A-Z][\w’'-]*|and))*?)"
                         r"\s+of\s+(?:the\s+)?")


def _plural_ministries(doc: Doc) -> None:
    """'The Ministries of Labour of Niger and Libya': each country's ministry of that portfolio, a body
    of its government, named where its country is."""
    for m in _MINISTRIES.finditer(doc.text):
        countries, pos = [], m.end()
        while hit := next((x for x in doc.mentions if x.start == pos and x.kind == "country"), None):
            countries.append(hit)
            link = _LIST_LINK.match(doc.text, hit.end)
            if link is None:
                break
            pos = link.end()
        if len(countries) < 2:
            continue
        for country in countries:
            name = f"Ministry of {m.group(1)} of {doc.gaz.countries[country.key].name}"
            key = doc.add_org(name, parent=doc.government(country.key), unit=True)
            doc.mentions.remove(country)
            doc.mentions.append(Mention(country.start, country.end, key, "org", country.text))


def _strip(form: str) -> str:
    return form[4:] if form.startswith(("the ", "The ")) else form


def _office_or_org(doc: Doc, start: int, end: int, form: str, key: str) -> None:
    """An organisation from the gazetteer, or one of its offices ("IOM Ghana", "IOM headquarters")."""
    entry = doc.gaz.orgs[key]
    rest = doc.text[end:end + 80]
    if entry.per_country:
        to = re.match(r"\s+(?:to|in)\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)", rest)
        named = to.group(1) if to else ""
        country = to and next((c for c in (named, named.split()[0].rstrip("-")) if c in doc.gaz.country_surface),
                              None)
        if to and country:
            # "EU delegation to Georgia": the delegation in that country, one organisation in every release
            name = f"{entry.name} to {doc.gaz.countries[doc.gaz.country_surface[country]].name}"
            stop = end + rest.index(country) + len(country)
            parent = doc.add_gazetteer_org(doc.gaz.orgs[entry.parent]) if entry.parent else None
            unit = doc.add_org(name, parent=parent, unit=True, alias=doc.text[start:stop])
            doc.mentions.append(Mention(start, stop, unit, "org", doc.text[start:stop]))
            return
    if entry.offices and _CHAPTERED.search(entry.name):
        before = doc.text[max(0, start - 40):start]
        national = re.search(r"([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?) $", before)
        country = national and next((c for c in (national.group(1), national.group(1).split()[-1])
                                     if c in doc.gaz.country_surface), None)
        placed = national and re.search(r"\b(?:in|at|to|of|by|for|from|with)\s*$", before[:national.start()],
                                        re.IGNORECASE)
        if national and country and not placed:
            # "Bangladesh UN Network on Migration": the national body, not the global one
            lo = start - len(country) - 1
            unit = doc.add_org(doc.text[lo:end], parent=doc.add_gazetteer_org(entry), unit=True)
            doc.mentions.append(Mention(lo, end, unit, "org", doc.text[lo:end]))
            return
    if entry.offices:
        hq = _HEADQUARTERS.match(doc.text, end)
        city = hq and (hq.group(1) or hq.group(2))
        seat = re.match(rf" {re.escape(entry.seat)}\b(?!\s+[A-Z])", rest) if entry.seat else None
        if (hq and (not city or city == entry.seat)) or seat:
            # "IOM’s Geneva Headquarters", "IOM headquarters in Geneva", "IOM Geneva": one unit, its seat
            stop = hq.end() if hq else end + seat.end()  # type: ignore[union-attr]
            unit = doc.add_org(f"{_short_name(entry)} Headquarters", parent=doc.add_gazetteer_org(entry), unit=True,
                               alias=doc.text[start:stop])
            doc.orgs[unit].aliases.discard(f"{_short_name(entry)} Headquarters")
            doc.mentions.append(Mention(start, stop, unit, "org", doc.text[start:stop]))
            return
        # ("The United Nations (UN) World Food Programme (WFP) Malawi": past the body's own acronym)
        own = re.match(r" \(([A-Z][\w&.-]{1,11})\)(?= [A-Z])", rest)
        shift = own.end() if own and doc.gaz.by_surface(own.group(1)) is entry else 0
        m = re.match(r" ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)", rest[shift:])
        if m:
            place = m.group(1)
            # a country's name as the gazetteer matches it, whatever its words' case ("Côte d’Ivoire")
            known = _country_at(doc, end + shift + 1)
            for cand in (re.sub(r"(?:’s|'s)$", "", c) for c in (*([known] if known else []), place, place.split(" ")[0])):
                after = end + shift + 1 + len(cand)
                # "IOM Georgia Mission", "UNHCR Jordan Country Office": the office, named in full
                named = re.match(r" (?:[Cc]ountry )?(?:Mission|[Oo]ffice)\b", doc.text[after:after + 16])
                holder = cand in doc.gaz.country_surface and _name_follows(doc, after)
                if not named and not holder and re.match(r" [A-Z]", doc.text[after:after + 2]) and \
                        not role_re_at(doc, after + 1):
                    continue  # "UNHCR Mosul Situation Response Plan": a longer name goes on, not an office
                if not named and not shift and len(form.split()) > 3:
                    break  # ("… organized by the Office of the UN High Commissioner for Refugees Poland declared …": a
                    # name in full before a country is no office's, the country begins the next clause)
                if cand in doc.gaz.country_surface or is_city(cand):
                    office = f"{own.group(1) if shift and own else form} {cand}"  # (with its acronym: "WFP Malawi")
                    stop = after + (named.end() if named else 0)
                    child = doc.add_org(office, parent=doc.add_gazetteer_org(entry), unit=True,
                                        alias=doc.text[start:stop])
                    doc.mentions.append(Mention(start, stop, child, "org", doc.text[start:stop]))
                    return
    acronym = re.match(r" \(([A-Z][\w&.-]{1,11})\)", rest)
    skip = acronym.end() if acronym and doc.gaz.by_surface(acronym.group(1)) is entry else 0
    # "the UNICEF office in Belgrade", "the United Nations Development Programme (UNDP) Office in Azerbaijan": the
    # body's office in a country or a city (past the body's acronym)
    there = _OFFICE_IN.match(rest, skip)
    place = there and (_country_at(doc, end + there.end()) or city_at(doc.text, end + there.end()))
    if there and place:
        stop = end + there.end() + len(place)
        named = f"{acronym.group(1) if skip and acronym else form}{doc.text[end + skip:stop]}"
        child = doc.add_org(named, parent=doc.add_gazetteer_org(entry), unit=True, alias=doc.text[start:stop])
        doc.mentions.append(Mention(start, stop, child, "org", doc.text[start:stop]))
        return
    # Any body's office named as offices are ("ILO Country Office for Eastern Europe"), past the body's acronym
    # ("The United Nations Development Programme (UNDP) Country Office in Azerbaijan")
    m = _OFFICE.match(rest[skip + 1:]) if rest[skip:].startswith(" ") else None
    if m and (entry.offices or m.group(1) != "headquarters"):
        told = m.group(1)
        where = re.search(r"\b(?:in|for)\s+(?:the\s+)?(.+)$", told)
        more = re.match(r" and ([A-Z][\w-]*(?: [A-Z][\w-]*)?)", rest[skip + 1 + m.end():])
        if where and more and where.group(1) in doc.gaz.regions and more.group(1) in doc.gaz.regions:
            told += more.group()  # "… Country Office for Eastern Europe and Central Asia": two regions
        office = f"{form} {told}"
        name = re.sub(r"\s+in\s+.*$", "", office) if told == "headquarters" else office
        child = doc.add_org(name, parent=doc.add_gazetteer_org(entry), unit=True, alias=office)
        doc.mentions.append(Mention(start, end + skip + 1 + len(told), child, "org", office))
        return
    doc.add_gazetteer_org(entry, form)
    doc.mentions.append(Mention(start, end, key, "org", form))


_OFFICE_IN = re.compile(r"\s+(?:(?:liaison|regional|country|field|project|area)\s+)?[Oo]ffice\s+in\s+(?:the\s+)?")


def _country_at(doc: Doc, pos: int) -> str | None:
    """The country's name as the text writes it at `pos`, if one begins there."""
    known = doc.gaz.pattern.match(doc.text, pos)
    return known.group() if known and known.group() in doc.gaz.country_surface else None


def _name_follows(doc: Doc, pos: int) -> bool:
    """'… IOM Bangladesh Giorgi Gigauri, signed': a person's name, then a comma, after an office."""
    m = re.compile(rf" ({NAME})(?=[,;])").match(doc.text, pos)
    return bool(m and valid_name(m.group(1), doc))


# Bodies with national chapters named "<country> <body>" (an agency's offices are "<agency> <country>").
_CHAPTERED = re.compile(r"\b(?:Network|Committee|Society|Council|Alliance)\b")
_HEADQUARTERS = re.compile(r"(?:’s|'s)?\s+(?:([A-Z][\w’'-]+)\s+)?[Hh]eadquarters\b(?:\s+in\s+([A-Z][\w’'-]+))?")


def _short_name(entry: OrgEntry) -> str:
    """An organisation's acronym, where it has one ("IOM"), else its name."""
    return next((a for a in entry.aliases if re.fullmatch(r"[A-Z]{2,8}", a)), entry.name)


def _acronym_fits(name: str, acronym: str) -> bool:
    letters = [w[0].upper() for w in re.findall(r"[A-Za-z][\w’'-]*", name)
               if w.lower() not in {"of", "for", "on", "and", "the", "de", "des", "du", "in"}]
    acro = re.sub(r"[^A-Za-z]", "", acronym).upper()
    if not letters or not acro:
        return False
    if acro[0] != letters[0] and sorted(acro) != sorted(letters):
        return False  # an acronym from another language keeps the letters, not their order ("DGSN")
    hits = sum(1 for ch in letters if ch in acro)
    return hits >= max(2, round(0.6 * len(letters))) or (len(letters) == 1 and len(acro) <= 3)


_LIST_END = re.compile(r"(?:,|\band|\band the|, the)$")


def _exact_initials(name: str, acronym: str) -> bool:
    """Whether an acronym is a name's initials, letter for letter."""
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", name) if w.lower() not in _CONNECTORS]
    return len(words) > 1 and "".join(w[0] for w in words).upper() == re.sub(r"[^A-Za-z]", "", acronym).upper()


def _initialisms(doc: Doc) -> None:
    """'the MIA' where the release names the Ministry of Internal Affairs and defines no MIA: an acronym
    no organisation of the gazetteer has, made of the initials of exactly one body the release names."""
    taken = [(m.start, m.end) for m in doc.mentions]
    for m in re.finditer(r"(?<![\w-])[A-Z]{3,6}(?![\w-])", doc.text):
        acronym = m.group()
        if doc.gaz.by_surface(acronym) or acronym in doc.gaz.country_surface:
            continue
        bodies = {key for key, org in doc.orgs.items() if acronym in _initials(doc, org.name)}
        if len(bodies) > 1:
            # "the Ministry of Internal Affairs" and "the Ministry of Internal Affairs of Georgia" are one
            # body told twice: the one of them with the shorter name answers for both
            bare = {_without_country(doc, doc.orgs[k].name) for k in bodies}
            parents = {doc.orgs[k].parent for k in bodies}
            if len(bare) == 1 and len(parents) == 1:
                bodies = {min(bodies, key=lambda k: (len(doc.orgs[k].name), k))}
        if len(bodies) != 1:
            continue
        key = bodies.pop()
        doc.orgs[key].aliases.add(acronym)
        within = [x for x in doc.mentions if x.kind == "org" and x.start < m.start() < x.end]
        if not within and not any(s <= m.start() < e for s, e in taken):
            doc.mentions.append(Mention(m.start(), m.end(), key, "org", acronym))
        for unit in within:  # "International Relations Department of the MIA": a unit of the ministry
            if unit.key in doc.orgs and unit.key != key and re.search(
                    rf"\bof\s+(?:the\s+)?{acronym}$", doc.text[unit.start:unit.end]):
                doc.orgs[unit.key].parent = key


def _without_country(doc: Doc, name: str) -> str:
    """A body's name without the country it ends with: "Ministry of Internal Affairs of Georgia"."""
    country = re.match(r"(.+)\s+of\s+(?:the\s+)?(.+)$", name)
    return country.group(1) if country and country.group(2) in doc.gaz.country_surface else name


def _initials(doc: Doc, name: str) -> set[str]:
    """The acronyms a name may go by: its initials, with or without its country ("Ministry of Internal
    Affairs of Georgia": MIAG, MIA)."""
    country = re.match(r"(.+)\s+of\s+(?:the\s+)?(.+)$", name)
    forms = [name] + ([country.group(1)] if country and country.group(2) in doc.gaz.country_surface else [])
    out = set()
    for form in forms:
        words = re.findall(r"[A-Za-z][\w’'-]*", form)
        if all(w[0].isupper() or w.lower() in _CONNECTORS for w in words):
            out.add("".join(w[0] for w in words if w.lower() not in _CONNECTORS))
    return out


def _defined(doc: Doc) -> None:
    """'the Economic Cooperation Organization (ECO)': a name the text defines, and its acronym after."""
    for m in _DEFINED.finditer(doc.text):
        words = re.sub(r"(?:’s|'s)$", "", m.group(1)).split()  # "the African Union's (AU)"
        acronym = m.group(2)
        # Take the longest tail of the capitalised run that the acronym fits ("General Directorate of
        # National Security (DGSN)", not "Directorate of National Security").
        for i in range(len(words)):
            name = " ".join(words[i:]).strip()
            if name.split()[0].lower() in {"of", "for", "on", "and", "the", "de", "in", "&"}:
                continue
            if i and _title_spans(doc, m.start(1) + len(" ".join(words[:i - 1])) + (1 if i > 1 else 0), words[i - 1:i + 1]):
                continue  # "Secretary General of the Gulf Cooperation Council (GCC)": a title, then the name
            if not _acronym_fits(name, acronym):
                continue
            meant = doc.gaz.by_surface(acronym)
            if meant is not None and not doc.gaz.by_surface(name) and any(
                    doc.gaz.by_surface(" ".join(words[j:])) is meant for j in range(i + 1, len(words))):
                continue  # "ALGIERS- President of the African Development Bank (AfDB)": the acronym's known name
            if not _exact_initials(name, acronym) and any(
                    _exact_initials(" ".join(words[j:]), acronym) and _LIST_END.search(" ".join(words[i:j]))
                    for j in range(i + 1, len(words))):
                continue  # "CARICOM, the Canadian International Development Agency (CIDA)": a list's last body
            listed = re.match(r"(.+?),?\s+(?:and|&)\s+", name)
            if listed and doc.gaz.by_surface(listed.group(1)):
                continue  # "CARICOM and Caribbean Forum of … States (CARIFORUM)": a list, the acronym its last
            known = doc.gaz.by_surface(name) or _the_acronyms_body(doc, name, acronym)
            start = m.start(1) + len(" ".join(words[:i])) + (1 if i else 0)
            if " in " in name and i and doc.gaz.by_surface(words[i - 1]):
                break  # ("the UNESCO International Institute for Capacity Building in Africa (IICBA)": a known body's
                # own, named from before the acronym's letters begin, which "in" would cut in two)
            minister = re.match(r"Minister (?:of|for) (?:the )?(.+)$", name)
            if minister and not known:
                # "the Minister for Employment and Labour Relations (MELR)": the acronym names the ministry
                ministry = f"Ministry of {minister.group(1)}"
                key = doc.add_org(ministry, parent=_parent_of(doc, ministry, start), alias=acronym)
                _acronym_told_again(doc, acronym, key, m.end(1) + 1)
                break
            country = re.match(r",\s*([A-Z][\w’' -]{2,40}?),", doc.text[m.end():])
            if known and known.offices and country and country.group(1) in doc.gaz.country_surface:
                # "the International Organization for Migration (IOM), Ghana, Ms …": its office in Ghana
                body = doc.add_gazetteer_org(known, name)
                doc.orgs[body].aliases.add(acronym) if acronym != doc.orgs[body].name else None
                key = doc.add_org(f"{acronym} {country.group(1)}", parent=body, unit=True)
                doc.mentions.append(Mention(start, m.end() + country.end(1), key, "org", f"{acronym} {country.group(1)}"))
                break
            if known:
                key = doc.add_gazetteer_org(known, name)
                doc.orgs[key].aliases.add(acronym) if acronym != doc.orgs[key].name else None
            elif (_HEAD_RE.search(name) and not _NOT_ORG.search(name)) or re.search(r"\b(?:Trust|Development) Fund\b",
                                                                                     name):
                # a fund the text names with an acronym ("the EU Trust Fund for Africa (EUTF)", "the CARICOM
                # Development Fund (CDF)") acts as a donor
                # "the Ministry of Interior (MOI) of Mauritania": the country may follow the acronym
                # (as the gazetteer writes it, "of" inside: "The Ministry of Foreign Affairs (MOFA) of the Republic of
                # Korea")
                country = _OF_AFTER_ACRONYM.match(doc.text, m.end())
                named = _country_at(doc, country.end()) if country else None
                owner = doc.gaz.country_surface.get(named) if named else None
                # "the United States Bureau of Population, Refugees, and Migration (BPRM)": a state's body
                state = next((x for x in doc.mentions if x.kind in ("country", "demonym") and x.end == start - 1
                              and doc.text[x.end] == " "), None)
                if state is not None and owner is None:
                    owner, name, start = state.key, doc.text[state.start:m.end(1)], state.start
                parent = doc.government(owner) if owner is not None else _parent_of(doc, name, start)
                key = doc.add_org(name, parent=parent, alias=acronym)
            else:
                break
            doc.mentions.append(Mention(start, m.end(1), key, "org", name))
            other = doc.gaz.by_surface(acronym)
            if other is not None and other.key != key and other.key in doc.orgs:
                _acronym_means(doc, acronym, other.key, key)  # (read as the body the gazetteer gives it to)
            _acronym_told_again(doc, acronym, key, m.end(1) + 1)
            break


def _the_acronyms_body(doc: Doc, name: str, acronym: str) -> OrgEntry | None:
    """The known body an acronym names, unless the release defines it for another name whose initials it is
    too: "the Asian Development Fund (ADF)" is not the African Development Fund."""
    entry = doc.gaz.by_surface(acronym)
    if entry is not None and _exact_initials(name, acronym) and _exact_initials(entry.name, acronym) and \
            not _spelled_alike(name, entry.name):
        return None
    return entry


def _spelled_alike(a: str, b: str) -> bool:
    """Whether two names are one written two ways: word for word alike but for spelling and slips ("Organisation",
    "Pacific Island Forum", "Agricultural Developent"), not where a word differs ("Asian"/"African")."""
    words_a, words_b = ([w for w in re.findall(r"[\w-]+", n.lower().replace("isation", "ization")) if w != "the"]
                        for n in (a, b))
    return len(words_a) == len(words_b) and all(fuzz.ratio(x, y) >= 85 for x, y in zip(words_a, words_b, strict=True))


def _acronym_told_again(doc: Doc, acronym: str, key: str, since: int, free: bool = False) -> None:
    """Every place from `since` on where the text writes a body's acronym, as a mention of the body (where `free`,
    only outside the mentions read so far)."""
    for at, end in occurrences(doc.text, acronym):
        if at >= since and not (free and any(x.start <= at < x.end for x in doc.mentions)):
            doc.mentions.append(Mention(at, end, key, "org", acronym))


_OF_AFTER_ACRONYM = re.compile(r"\s+of\s+(?:the\s+)?")
_BRACKETED_ACRONYM = re.compile(r"[ \t]+\(([A-Z][A-Za-z]{1,7})\)")


def _native_acronyms(doc: Doc) -> None:
    """'The German Academic Exchange Service (DAAD)': an acronym in brackets right after a body's name that is not
    its initials is its own acronym in another language (_defined reads those that are); where no known body,
    country or currency has it, it names that body throughout the release."""
    for m in [x for x in doc.mentions if x.kind == "org" and x.key in doc.orgs and x.key not in doc.gaz.orgs]:
        told = _BRACKETED_ACRONYM.match(doc.text, m.end)
        acronym = told.group(1) if told else ""
        if not told or sum(c.isupper() for c in acronym) < 2 or doc.gaz.by_surface(acronym) or \
                acronym in doc.gaz.country_surface or acronym in doc.orgs[m.key].aliases or \
                any(x.start == told.start(1) for x in doc.mentions):
            continue
        doc.orgs[m.key].aliases.add(acronym)
        _acronym_told_again(doc, acronym, m.key, told.start(1), free=True)


def _title_spans(doc: Doc, at: int, words: list[str]) -> bool:
    """Whether a title ("Secretary General", "Director-General") starting at `at` takes in both words."""
    from migragraph.extract.persons import role_re_at_end

    end = role_re_at_end(doc, at)
    return end is not None and end >= at + len(" ".join(words))


def _governments(doc: Doc) -> None:
    """'Government of Japan', 'the Japanese Government', 'Sri Lankan Government', 'Japan's government'."""
    text = doc.text
    listed_until = -1  # "the governments of Germany and Italy": where the list of governments has got to
    for m in sorted((x for x in doc.mentions if x.kind in ("country", "demonym")), key=lambda x: x.start):
        before = text[max(0, m.start - 40):m.start]
        after = text[m.end:m.end + 25]
        if m.kind == "country" and (re.search(r"\b[Gg]overnments of (?:the )?$", before) or (
                listed_until >= 0 and re.fullmatch(r",\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?",
                                                   text[listed_until:m.start]))):
            key = doc.government(m.key, m.text)
            doc.mentions.append(Mention(m.start, m.end, key, "org", m.text))
            listed_until = m.end
            continue
        listed_until = -1
        gov = re.search(r"(?:[Gg]overnment|Republic) of (?:the )?(?:Republic of )?$", before)
        if gov:
            start = m.start - (len(before) - gov.start())
            key = doc.government(m.key, text[start:m.end])
            doc.mentions.append(Mention(start, m.end, key, "org", text[start:m.end]))
        elif owned := re.match(r"(?:’s|'s)?\s+[Gg]overnment\b", after):
            end = m.end + owned.end()
            key = doc.government(m.key, text[m.start:end])
            doc.mentions.append(Mention(m.start, end, key, "org", text[m.start:end]))


def _parent_of(doc: Doc, name: str, start: int) -> str | None:
    """The organisation a named unit belongs to, when the name or the words around it say so."""
    ending = _ENDS_WITH_COUNTRY.search(name)
    if ending and ending.group(1) in doc.gaz.country_surface and not name.startswith("Government"):
        # "State Committee for Urban Planning and Architecture of Azerbaijan": the country's
        return doc.government(doc.gaz.country_surface[ending.group(1)])
    tail = re.search(r"\b(?:of|for)\s+(?:the\s+)?(.+)$", name)
    for later in list(_OF_THE.finditer(name))[1:]:
        # "Council of Ministers of the Economic Community of West African States": a known body named after
        # a later "of"
        entry = doc.gaz.by_surface(name[later.end():])
        if entry:
            return doc.add_gazetteer_org(entry, name[later.end():])
    if tail:
        inner = tail.group(1)
        entry = doc.gaz.by_surface(inner)
        if entry:
            return doc.add_gazetteer_org(entry, inner)
        if inner in doc.gaz.country_surface:
            return doc.government(doc.gaz.country_surface[inner])
        for org in doc.orgs.values():
            # (a name's end of one word is a portfolio: the "Education" of "Ministry of Education" is not the
            # Global Partnership for Education)
            if inner in org.aliases or inner == org.name or (
                    " " in inner and org.name.lower().endswith(" " + inner.lower())):
                return org.key
    head = name.split()[0]
    if head in doc.gaz.demonym_surface and _PUBLIC.search(name):
        return doc.government(doc.gaz.demonym_surface[head])
    # "UNRWA Division of Donor Relations", "US State Department": named after the body it is part of
    lead = next((m for m in doc.mentions if m.start == start and m.end < start + len(name)
                 and m.kind in ("org", "country", "demonym")), None)
    if lead is not None and lead.kind == "country" and _FIELD_OFFICE.fullmatch(name, lead.end - start) and (
            agency := _agency_before(doc, start)):
        return agency  # "ADB’s India Resident Mission", "JICA, India Office": the agency's office in the country
    if lead is not None and (lead.kind == "org" or _PUBLIC.search(name)):
        return lead.key if lead.kind == "org" else doc.government(lead.key)
    # "Australia, through its Department of Foreign Affairs and Trade": the body of the sentence's actor
    its = re.search(r"\b(?:its|their)\s+$", doc.text[max(0, start - 8):start])
    if its:
        span = doc.sentence_of(start)
        actors = [m for m in doc.mentions if span.start <= m.start < start and m.kind in ("org", "country")]
        if actors:
            return actors[0].key if actors[0].kind == "org" else doc.government(actors[0].key)
    owned = _OWNED_BY.search(doc.text, max(0, start - 20), start)
    # (a name defined with its acronym may hold the possessive: "… Development’s (USAID)")
    owner_m = next((m for m in doc.mentions if owned and m.kind == "org" and m.end in (owned.start(), owned.start() + 2)),
                   None)
    if owner_m is not None:
        # "the United States Agency for International Development’s (USAID) Bureau for Humanitarian Assistance"
        return owner_m.key
    at_body = _AT_BODY.match(doc.text, start + len(name)) if _UNIT_END.search(name) else None
    body_m = next((m for m in doc.mentions if at_body and m.start == at_body.end() and m.kind == "org"), None)
    if body_m is not None:
        return body_m.key  # "Infrastructure Engineering Department at JICA"
    poss = _POSSESSIVE.search(doc.text, max(0, start - 30), start)
    if poss:
        owner = poss.group(1)
        entry = doc.gaz.by_surface(owner)
        if entry:
            return doc.add_gazetteer_org(entry, owner)
        if owner in doc.gaz.country_surface:
            return doc.government(doc.gaz.country_surface[owner])
    if re.search(r"\bMinistry\b|^Minister|^(?:Foreign|Home|Cabinet) Office$", name) or _head_of_governments_office(
            doc, name):
        named = {m.key for m in doc.mentions if m.kind in ("country", "demonym")}
        country = next(iter(named)) if len(named) == 1 else main_country(doc)
        if country and sends_envoys_only(doc, country):
            # "signed at the Finance Ministry" by the Indian Ambassador in Kathmandu: the host's, where the
            # dateline names it
            host = country_of_city(doc, doc.dateline_place)
            return doc.government(host) if host and host != country else None
        if country and not _a_guest(doc, country):
            return doc.government(country)
    for word in ("Secretariat", "Board", "Commission", "Council", "Office", "Bureau", "Directorate"):
        m = re.match(rf"(.+?)\s+{word}\b", name)
        if m:
            entry = doc.gaz.by_surface(m.group(1))
            if entry:
                return doc.add_gazetteer_org(entry, m.group(1))
    return None


_MISSION = r"(?:Embassy|Consulate|High Commission|Representative Office|Representation|Mission)"
# "French Embassy", "Japan Embassy" (not "IOM Georgia Mission", an agency's office)
_MISSION_AFTER = re.compile(r"\s+(?:Embassy|Consulate|High Commission)\b")
_MISSION_BEFORE = re.compile(rf"\b{_MISSION}\s+of\s+(?:the\s+)?$")  # "the Representative Office of Hungary"
_MISSION_NAMED = re.compile(rf"\b{_MISSION}\b")


def _a_guest(doc: Doc, country: str) -> bool:
    """Whether the release names the country's diplomatic mission ("French Embassy in Kabul", "the Representative
    Office of Hungary"): a ministry it names without a country is then more often the host's than the guest's
    ("… to the Ministry of Health today", said the Head of Mission of Hungary's office in Ramallah)."""
    government = doc.gaz.countries[country].government.key
    return any(o.parent == government and _MISSION_NAMED.search(o.name) for o in doc.orgs.values()) or any(
        m.key == country and (_MISSION_AFTER.match(doc.text, m.end) or
                              _MISSION_BEFORE.search(doc.text, max(0, m.start - 40), m.start))
        for m in doc.mentions if m.kind in ("country", "demonym"))


_OF_THE = re.compile(r"\b(?:of|for)\s+(?:the\s+)?")
_DEPARTMENT = re.compile(r"Department\s+(?:of|for)\s+(?:the\s+)?(.+)")


def departments_of_the_one_country(doc: Doc) -> None:
    """'the Department of Foreign Affairs (DFA)' in a release that names the Philippines and no other country: a
    department named by a portfolio alone is a ministry, as several governments name theirs, of the one country
    named (not "Department of Chemical and Life Science Engineering", nor "the department of Antioquia"; not
    where a word before it may name its owner: "the FSM Department of Foreign Affairs")."""
    named = {m.key for m in doc.mentions if m.kind in ("country", "demonym")}
    if len(named) != 1:
        return  # (a department is as often the donor's, or a body's of no state)
    departments = {o.key for o in doc.orgs.values() if not o.parent and (told := _DEPARTMENT.fullmatch(o.name))
                   and all(w in doc.gaz.portfolio or w in ("and", "of", "the")
                           for w in re.findall(r"[\w’'-]+", told.group(1)))}
    mentioned = [m for m in doc.mentions if m.kind == "org" and m.key in departments]
    owned = {m.key for m in mentioned if _OWNER_BEFORE.search(doc.text, max(0, m.start - 30), m.start)}
    mentioned = [m for m in mentioned if m.key not in owned]
    countries = [m.start for m in doc.mentions if m.kind in ("country", "demonym")]
    for m in mentioned:
        # (the country named near it: in its sentence or the one before)
        own = doc.sentence_of(m.start)
        near = doc.sentence_of(max(0, own.start - 2))
        if any(near.start <= c < own.end for c in countries):
            doc.orgs[m.key].parent = doc.government(next(iter(named)))


_OWNER_BEFORE = re.compile(r"\b(?!The\b)[A-Z][\w’'-]*\s+$")
# A body's office in a country, after the country's name: "India Resident Mission", "India Office".
_FIELD_OFFICE = re.compile(r"\s+(?:Country\s+|Resident\s+|Liaison\s+|Field\s+)?(?:Office|Mission|Representation)")
_AGENCY_BEFORE = re.compile(r"(?:’s|'s|,)\s+$")


def _agency_before(doc: Doc, start: int) -> str | None:
    """The international or development body named right before `start`, in the possessive or before a comma
    ("ADB’s India Resident Mission", "Resident Representative of JICA, India Office")."""
    owner = _AGENCY_BEFORE.search(doc.text, max(0, start - 4), start)
    if owner is None:
        return None
    at = start - len(owner.group())
    body = next((m.key for m in doc.mentions if m.end == at and m.kind == "org" and m.key in doc.gaz.orgs), None)
    return body if body is not None and not doc.orgs[body].government_of else None


# A body's name in the possessive, its acronym in brackets after it or not, right before a unit's name.
_OWNED_BY = re.compile(r"(?:’s|'s)\s+(?:\([A-Z][\w.&-]{0,11}\)\s+)?$")
# A unit named, then the body it works in: "… Department at JICA".
_UNIT_END = re.compile(r"\b(?:Department|Division|Directorate|Bureau|Unit|Section|Branch)$")
_AT_BODY = re.compile(r"\s+at\s+(?:the\s+)?")
_ENDS_WITH_COUNTRY = re.compile(r"\bof\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})$")


def _head_of_governments_office(doc: Doc, name: str) -> bool:
    """'Office of the Prime Minister and Council of Ministers', "the President's Office": a government's, as
    a ministry is."""
    return _head_office(tuple(doc.gaz.roles.get("government_heads", []))).match(name) is not None


@cache
def _head_office(heads: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(h) for h in heads if h != "Minister")
    return re.compile(rf"(?:(?:Office|Cabinet|Secretariat) of the (?:{alternation})\b|(?:{alternation})(?:’s|'s)? "
                      rf"Office\b)")


# Words that start sentences in capitals without being part of a name ("Lastly the Council").
_SENTENCE_WORDS = {"Lastly", "Finally", "Meanwhile", "Also", "However", "Moreover", "Today", "Yesterday", "Main",
                   "Results", "Furthermore", "Additionally", "Earlier", "Later", "Recently", "Currently", "Since",
                   "During", "After", "Before", "Following", "Through", "Together", "Among", "Under", "Within",
                   "While", "When", "Where", "Although", "Thanks", "Speaking", "According", "Besides", "Such"}
role_words = re.compile(r"(?:[A-Z][\w-]+\s+){0,3}?(?:Director|Minister|Secretary|Head|Chief|President|Commissioner|"
                        r"Representative|Coordinator|Chair\w*|Officer|Adviser|Advisor|Ambassador)\b")


def _headed_phrases(doc: Doc) -> None:
    """Capitalised phrases built on an institutional head noun that no gazetteer entry names."""
    for span, m in ((s, m) for s in doc.spans for m in _PHRASE.finditer(s.text)):
        run = m.group() + _listed_portfolio(doc, span.start + m.start(), m.group())
        for start, phrase in _between_titles(doc, span.start + m.start(), run):
            _headed_phrase(doc, start, phrase, run)


# A ministry's portfolio listed with commas: "Ministry of Interior, Federal Affairs, and Reconciliation", "Bureau of
# Population, Refugees, and Migration".
_PORTFOLIO_HEAD = re.compile(rf"\b(?:Ministry|Department|Bureau)\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP})*$")
_PORTFOLIO_LIST = re.compile(rf"(?:,[ \t]+{_CAP}(?:[ \t]+{_CAP})*)*,?[ \t]+and[ \t]+{_CAP}(?:[ \t]+{_CAP})*")


def _listed_portfolio(doc: Doc, start: int, phrase: str) -> str:
    """The rest of a ministry's portfolio that commas cut off its name, where no organisation or country
    stands in it ("Ministry of Health, UNICEF and WHO" lists three bodies)."""
    end = start + len(phrase)
    listed = _PORTFOLIO_LIST.match(doc.text, end) if doc.text.startswith(",", end) else None
    if not listed or not _PORTFOLIO_HEAD.search(phrase) or any(
            end <= x.start < listed.end() for x in doc.mentions if x.kind in ("org", "country")):
        return ""
    return listed.group()


# A title in the possessive before the office it heads ("the Prime Minister’s Office").
_POSSESSIVE_OFFICE = re.compile(r"(?:’s|'s)\s+(?:Office|Cabinet|Secretariat|Bureau)\b")
# "Spokesperson for the Ministry of Foreign Affairs": a body after "for", where the title is a body's officer's.
_FOR_A_BODY = re.compile(r"\s*for\s+(?:the\s+)?(?:Ministry|Department|Office|Embassy|Agency|Secretariat|Directorate)\b")


def _between_titles(doc: Doc, start: int, phrase: str) -> list[tuple[int, str]]:
    """The pieces of a capitalised run that titles and the names after them leave: "Premier of Québec
    Philippe Couillard and Secretary General of the Nordic Council of Ministers Dagfinn Høybråten" holds
    one, "Nordic Council of Ministers"."""
    from migragraph.extract.persons import role_re_at_end

    pieces, cut, i = [], 0, 0
    while i < len(phrase):
        end = role_re_at_end(doc, start + i) if (i == 0 or not phrase[i - 1].isalnum()) else None
        if end is not None and re.search(r"\bOffice\s+of\s+(?:the\s+)?$", phrase[:i]):
            i = end - start  # "Office of the High Commissioner for Human Rights": the title names the office
            continue
        if end is None or end - start - i < 4 or phrase[i:end - start].split()[0] in ("Secretariat",):
            i += 1
            continue
        if _POSSESSIVE_OFFICE.match(phrase, end - start):
            i = end - start  # "the President’s Office": the title in the possessive names the office
            continue
        if i > cut:
            pieces.append((start + cut, phrase[cut:i]))
        cut = i = end - start
    if cut == 0:
        return [(start, phrase)]
    pieces.append((start + cut, phrase[cut:]))
    out = []
    for at, piece in pieces:
        if at > start and re.match(r"\s*(?:for|in charge of)\s", piece) and not _FOR_A_BODY.match(piece):
            continue  # "Minister for the Public Service": a portfolio, not an organisation
        if at > start and re.match(r"\s*of\s", piece) and _MINISTER_BEFORE.search(doc.text, max(0, at - 30), at):
            # "Minister of Planning and International Cooperation Wissam Rabadi and USAID Jordan Mission": a
            # minister's portfolio and name, then the body named apart after "and"
            body = next((j.end() for j in _AND.finditer(piece) if any(
                m.start == at + j.end() and m.kind == "org" for m in doc.mentions)), None)
            organs = doc.gaz.roles.get("government_organs", [])
            if body is None and not any(organ in piece for organ in organs):
                # "the Deputy Minister of Territorial Administration and Development of …": a portfolio (not "Minister
                # of the Presidency of the Council of Ministers", an organ of the government)
                continue
            if body is not None:
                at, piece = at + body, piece[body:]
        lead = re.match(r"\s*(?:(?:of|for|and|the|at|in)\s+)*", piece)
        assert lead is not None
        at, piece = at + lead.end(), piece[lead.end():]
        piece = re.sub(r"\s+and\s*$", "", piece)
        words = piece.split()
        for k in (2, 3):  # the holder's name after the organisation
            tail = " ".join(words[-k:])
            # (not where the name would leave the body's open: "Department of Migrant Workers Secretary Susan Ople")
            if len(words) > k and re.fullmatch(NAME, tail) and valid_name(tail, doc) and _HEAD_RE.search(
                    " ".join(words[:-k])) and words[-k - 1].lower() not in _CONNECTORS:
                piece = piece[:piece.rindex(tail)].rstrip()
                break
        organ = re.match(ORGAN + r"\s+of\s+(?:the\s+)?", piece) if at > start else None
        if organ and any(m.start == at + organ.end() and m.kind == "org" for m in doc.mentions):
            continue  # "President of the Board of the Eurasian Economic Commission": the title's organ
        if piece.strip():
            out.append((at, piece))
    return out


_MINISTER_BEFORE = re.compile(r"\bMinister\s*$")

# The patterns _headed_phrase tries on each capitalised phrase, compiled once.
_LEAD = re.compile(r"(?:(?:The|the|A|An|In|On|At|By|From|With|And|Both|For|To|Of|Under|As|Overall|"
                   r"Leading|Senior|Officials|Representatives)\s+)+")
_TITLE_OF = re.compile(r"(?:[A-Z][\w-]+\s+){0,3}?(?:Director|Minister|Secretary|Head|Chief|President|"
                       r"Commissioner|Representative|Coordinator|Chair\w*|CEO|Founder|Professor|Dean|Governor|"
                       r"Mayor|Manager|Spokes(?:person|man|woman))(?:-General)?\s+(?:of|for)\s+(?:the\s+)?")
_AND = re.compile(r"\s+and\s+(?:the\s+)?")
_FOR_WHAT = re.compile(r"\s+(?:for|on|under)\s+(?:the\s+)?")
_ACRONYM_AFTER_PORTFOLIO = re.compile(r"^((?:Ministry|Department)\s+(?:of|for)\s+.*?[a-z])(?<!\band)(?<!\bthe)\s+([A-Z]{2,})\s*$")
_WHEN = re.compile(r"\s+(?:on|in|of|for)\s+(?:the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                   r"January|February|March|April|May|June|July|August|September|October|November|December)\b")
_NAMED_AND = re.compile(r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})\s+and\s+the\s+(?=[A-Z])")
_OWNER = re.compile(r"[\w.-]+(?:\s[\w.-]+)?(?:’s|'s)\s+")
_JOINT = re.compile(r"\s+and\s+(?:the\s+)?(?=[A-Z])")
_CUT = re.compile(r"\s+and\s+(?:the\s+)?[A-Z]")
_NAME_OF = re.compile(r"((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]*)\s+of\s+(?:the\s+)?")


def _headed_phrase(doc: Doc, start: int, phrase: str, whole: str) -> None:
    """One capitalised phrase: an organisation if an institutional head noun makes it one; in a line
    that capitalises every word (a headline, a list of related stories), only if the rest of the text
    names it too ("Mathias Cormann Takes Office As …")."""
    if not _HEAD_RE.search(phrase):
        return  # (what follows cuts the phrase between words, and ends where no head noun is left)
    line = doc.sentence_of(start)
    if _FOOTER.search(line.text):
        return  # "All rights reserved for … Top of the page": page furniture
    if _headline_like(line.text) and phrase.strip() not in doc.text[:line.start] and \
            phrase.strip() not in doc.text[line.end:] and not _alone_on_its_line(doc, line, phrase):
        return
    lead = _LEAD.match(phrase)
    if lead:
        phrase, start = phrase[lead.end():], start + lead.end()
    when = _WHEN.search(phrase)
    if when:
        phrase = phrase[:when.start()]  # "the Foreign Office on Monday announced": a day is no part of a name
    # "a press release of the Ministry of Foreign Affairs and International Cooperation AKP received": a ministry's
    # name ends with its portfolio; an acronym after it is another's (its own is written in brackets)
    other = _ACRONYM_AFTER_PORTFOLIO.match(phrase)
    if other and doc.gaz.by_surface(other.group(2)) is None:
        phrase = other.group(1)
    # "at the FSM Department of Foreign Affairs for the Exchange of Notes for …": what the body did is no part of it
    signed = next((m for m in _FOR_WHAT.finditer(phrase) if agreement_at(phrase, m.end())), None)
    if signed:
        phrase = phrase[:signed.start()]
    # "Director of UNHCR’s Regional Bureau for Europe": the title is not part of the name, and
    # "UNHCR’s" names the parent.
    role = _TITLE_OF.match(phrase)
    if role:
        phrase, start = phrase[role.end():], start + role.end()
    held = _held_title(doc).match(phrase)
    if held:  # "Governor Mr Monticelli of Council of Europe Development Bank": a person's post, then the body
        phrase, start = phrase[held.end():], start + held.end()
    person = _person_of(doc, start, phrase)
    if person:  # "Penelope Muse Abernathy of the University of North Carolina": the person, then the body
        phrase, start = phrase[person:], start + person
    # ("Zimbabwe and the Lutheran World Federation": a country, then the body)
    first = next((x for x in doc.mentions if x.start == start and x.kind in ("org", "country")), None)
    gap = _AND.match(doc.text, first.end) if first else None
    if first and gap:
        phrase, start = doc.text[gap.end():start + len(phrase)], gap.end()
    owner = _OWNER.match(phrase)
    if owner and not _head_of_governments_office(doc, phrase):  # "the President’s Office" is the office's name
        owner_name = re.sub(r"(?:’s|'s)\s+$", "", owner.group())
        if _HEAD_RE.search(owner_name) and len(owner_name.split()) > 1 and \
                doc.mention_at(start, start + len(owner_name)) is None:
            # "the State Department’s Bureau of Population, …": the owner is a body too, the unit's parent
            _headed_phrase(doc, start, owner_name, whole)
        phrase, start = phrase[owner.end():], start + owner.end()
    named = _NAMED_AND.match(phrase)
    if named and not _HEAD_RE.search(named.group(1)) and not doc.mention_at(start, start + len(named.group(1))) and \
            not set(named.group(1).split()) <= doc.gaz.portfolio:
        # "UN Special Envoy Jan Kubis and the UN Support Mission in Libya": a person's name, then the body
        phrase, start = phrase[named.end():], start + named.end()
    for joint in reversed(list(_JOINT.finditer(phrase))):
        if any(m.start == start + joint.end() and m.kind == "org" and m.end >= start + len(phrase.rstrip())
               for m in doc.mentions):
            # "the Ministry of Foreign Affairs and International Cooperation and IOM": a known body joined last
            phrase = phrase[:joint.start()]
            break
    cut = next((c for c in _CUT.finditer(phrase) if _joins_two(doc, start, phrase, c)), None)
    if cut and _ACRONYM.fullmatch(phrase[:cut.start()]):
        # "AFD and the Ministry of International Cooperation": an acronym, then a body joined to it
        doc.mentions.append(Mention(start, start + cut.start(), doc.add_org(phrase[:cut.start()]), "org",
                                    phrase[:cut.start()]))
        phrase, start = phrase[cut.end() - 1:], start + cut.end() - 1
        cut = None
    if cut:
        acronym = phrase[cut.end() - 1:].strip()
        if _ACRONYM.fullmatch(acronym) and not doc.gaz.by_surface(acronym) and \
                acronym not in doc.gaz.country_surface:
            # "the Ministry of Finance and MEIDECC": an acronym joined to an organisation is one
            at = start + cut.end() - 1
            doc.mentions.append(Mention(at, at + len(acronym), doc.add_org(acronym), "org", acronym))
        elif (second := _HEAD_RE.match(phrase, cut.end() - 1)) and phrase.startswith(second.group()):
            # "the Ministry of Health and Sanitation and Ministry of Mines and Mineral Resources": two bodies of one
            # kind, the second a name of its own (not "Office of the Prime Minister and Council of Ministers", one)
            _headed_phrase(doc, start + cut.end() - 1, phrase[cut.end() - 1:], whole)
        phrase = phrase[:cut.start()]  # two names, or a name and a title: "… for Europe and Regional Refugee Coordinator"
    titled = _titled_name(doc).search(phrase)
    if titled:
        phrase = phrase[:titled.start()]  # "Ministry of Interior Mr. Abdulkadir Elmi Ali": its head's name follows
    phrase = _without_holder_named(doc, phrase)
    heads = list(_HEAD_RE.finditer(phrase))
    if heads:
        tail = phrase[heads[-1].end():]
        if tail and not re.match(r"\s+(?:of|for|on|de|du|des)\b", tail):
            phrase = phrase[:heads[-1].end()]  # "… Civic Service Sidi Tiémoko Touré": a name follows
    country = next((m for m in doc.mentions if m.kind == "country" and start < m.start and m.end < start + len(phrase)
                    and re.search(r"\bof\s+(?:the\s+)?$", doc.text[start:m.start])
                    and re.match(r"\s+[A-Z]", doc.text[m.end:start + len(phrase)])), None) if " of " in phrase else None
    if country is not None:
        # "the State Committee for Urban Planning and Architecture of Azerbaijan Anar Guliyev and …": a body's
        # name ends with the country it is of; a name follows
        phrase = doc.text[start:country.end]
    # not a connector it was cut after ("… Organisations and")
    # nor the possessive it is told in ("… the Ministry of Health’s important battle")
    phrase = re.sub(r"(?:[\s.,’']|\s(?:and|of|for|on|de|des|du|&)(?=\s*$)|(?<=\w)[’']s$)+$", "", phrase)
    end = start + len(phrase)
    if not _HEAD_RE.search(phrase) or len(phrase.split()) < 2 or (
            _not_org(doc, start, phrase) and not _UNIT_LED.match(phrase)):
        return  # (a unit led by its head noun is a body whatever it deals with: "Directorate of International Law")
    if re.search(r"\d", phrase) or phrase.split()[0] in _SENTENCE_WORDS:
        return
    if re.search(r"\b(?:Chief|Head) of (?:Mission|Office|Delegation)\b", phrase):
        return  # a title ("Chief of Mission"), not an organisation
    if any(x.start <= start and end <= x.end for x in doc.mentions):
        return  # part of a name already known ("Directorate-General for Middle East, North Africa …")
    inside = [x for x in doc.mentions if start <= x.start and x.end <= end]
    head_at = [start + h.start() for h in _HEAD_RE.finditer(phrase)]
    if inside and not any(not any(x.start <= h < x.end for x in inside) for h in head_at):
        return  # every head noun belongs to a known name: "Overall European Commission"
    premises = _PREMISES_OF.match(phrase)
    if premises and _LED_BY_HEAD.match(premises.group(1)):
        # "… anchored at the Georgetown, Guyana Headquarters of the CARICOM Secretariat": the headquarters are where,
        # the body whose they are is the one named
        owner_start = start + premises.start(1)
        whose = doc.add_org(premises.group(1), parent=_parent_of(doc, premises.group(1), owner_start))
        doc.mentions.append(Mention(owner_start, end, whose, "org", premises.group(1)))
        return
    unit = _UNIT_OF.match(phrase)
    if unit and _LED_BY_HEAD.match(unit.group(2)):
        # "Port Health Division of the Ministry of Health": a unit, and the body it is part of
        body_start = start + unit.start(2)
        body = doc.add_org(unit.group(2), parent=_parent_of(doc, unit.group(2), body_start))
        doc.mentions.append(Mention(body_start, end, body, "org", unit.group(2)))
        key = doc.add_org(unit.group(1), parent=body)
        doc.mentions.append(Mention(start, start + len(unit.group(1)), key, "org", unit.group(1)))
        return
    parent = _parent_of(doc, phrase, start)
    sent = _SENT_TO.match(doc.text, end) if _ENVOY.search(phrase) else None
    dest = next((m.end for m in doc.mentions if sent and m.start == sent.end() and m.kind in ("country", "org")
                 and (sent.group(1) == "to" or m.kind == "country")), None)
    if sent is not None and dest is None and sent.group(1) == "in":
        told = city_at(doc.text, sent.end())
        dest = sent.end() + len(told) if told else None
    if dest is not None:
        # "the OSCE Mission to Serbia", "Permanent Mission of Eritrea to IAEA", "the United Nations Mission in South
        # Sudan", "the OSCE Office in Baku": where it is sent is part of its name
        phrase, end = doc.text[start:dest], dest
    key = doc.add_org(phrase, parent=parent)
    doc.mentions.append(Mention(start, end, key, "org", phrase))


_ACRONYM = re.compile(r"[A-Z][A-Z&-]{1,9}")


def _joins_two(doc: Doc, start: int, phrase: str, cut: re.Match[str]) -> bool:
    """Whether "and" joins two names at this cut: a body's name (or an acronym no country or known body
    has) before it; after it, another body's name, a title, an acronym or a body the release names
    ("Turkish Coordination and Cooperation Agency and the South Korea International Cooperation Agency":
    the second "and", not the first)."""
    before, after = phrase[:cut.start()], phrase[cut.end() - 1:]
    # (what stands before the next "and": "Ministry of Health and Sanitation and Ministry of Mines" joins two at its
    # second "and", "Sanitation" being no body's name)
    conjunct = re.split(r"\s+and\s+", after, maxsplit=1)[0]
    bare = bool(_ACRONYM.fullmatch(before)) and not doc.gaz.by_surface(before) and \
        before not in doc.gaz.country_surface
    if bare:
        return bool(_HEAD_RE.search(conjunct))
    return bool(_HEAD_RE.search(before)) and bool(
        _HEAD_RE.search(conjunct) or role_words.match(after) or _ACRONYM.fullmatch(after.strip())
        or any(m.start == start + cut.end() - 1 and m.kind == "org" for m in doc.mentions))


def _without_holder_named(doc: Doc, phrase: str) -> str:
    """A body's name without the form of address of its holder, whose name was cut after it ("KRCS’s Board of
    Directors Dr Hilal Al-Sayer")."""
    address = re.search(r"\s+(\S+)$", phrase)
    if address and address.group(1).rstrip(".") in _short_address(tuple(doc.gaz.roles["honorifics"])):
        phrase = phrase[:address.start()]
    return phrase


@cache
def _short_address(honorifics: tuple[str, ...]) -> frozenset[str]:
    """The abbreviated forms of address ("Dr", "Mr", "H.E"), which end no body's name."""
    return frozenset(h.rstrip(".") for h in honorifics if h.endswith(".") or len(h) <= 3)


# A body a state or an organisation sends to another, named with where it is sent or where it sits.
_ENVOY = re.compile(r"\b(?:Mission|Delegation|Embassy|Representation|Office)$")
_SENT_TO = re.compile(r"\s+(to|in)\s+(?:the\s+)?")


def _not_org(doc: Doc, start: int, phrase: str) -> bool:
    """A document, programme or event: by its own words, or the words its name runs on into ("… Office
    Initiative"); a neighbour joined by "and" ("… and the United Nations Development Programme") does
    not count."""
    follows = re.match(r"(?:\s+[A-Z][\w’'-]*){1,3}", doc.text[start + len(phrase):])
    own = _NOT_ORG.search(phrase) and not _SERVES_WORK.search(phrase) and not _HEADED_BY_OFFICE.match(phrase)
    return bool(own or (follows and _NOT_ORG.search(follows.group())))


# An office named for the work it serves is a body: "the OSCE Programme Office", "Project Management Unit", and
# so is one that names its remit after it: "the White House Office of Science and Technology Policy".
_SERVES_WORK = re.compile(r"\b(?:Office|Secretariat|Unit|Bureau)$")
_HEADED_BY_OFFICE = re.compile(r"(?:[A-Z][\w’'-]*\s+){0,3}(?:Office|Bureau|Department|Directorate|Secretariat|Unit|"
                               r"Division)\s+(?:of|for|on)\s+")


def _person_of(doc: Doc, start: int, phrase: str) -> int:
    """Where the body begins in a phrase that opens with a person's name and "of" ("Penelope Muse
    Abernathy of the University of North Carolina"): after "of (the)"; 0 when the phrase opens
    otherwise. Persons are found after organisations, so the name is told by its form: a name of two
    to four words, none of them a head noun of bodies."""
    of = _NAME_OF.match(phrase)
    if not of or _HEAD_RE.search(of.group(1)) or not re.fullmatch(NAME, of.group(1)):
        return 0
    return of.end() if valid_name(of.group(1), doc) else 0


_FOOTER = re.compile(r"\b(?:All rights reserved|Copyright)\b|©")


def _held_title(doc: Doc) -> re.Pattern[str]:
    """A title, an honorific (roles.yaml, its full stops optional) and a name before "of": "Governor
    Mr Monticelli of …"."""
    return _held_title_pattern(honorifics(doc))


@cache
def _held_title_pattern(honorific_alternation: str) -> re.Pattern[str]:
    alternatives = honorific_alternation.replace(r"\.", r"\.?")
    return re.compile(rf"(?:[A-Z][\w-]+\s+){{0,3}}?(?:{alternatives})\s+(?:[A-Z][\w’'-]+\s+){{1,3}}of\s+(?:the\s+)?")


def _titled_name(doc: Doc) -> re.Pattern[str]:
    """An abbreviated honorific and the name it opens, inside a capitalised phrase: no body's name holds "Mr."
    or "Dr" past its first word (a full "Prince" or "Lady" may: "Princess Nourah University")."""
    return _titled_name_pattern(tuple(doc.gaz.roles["honorifics"]))


@cache
def _titled_name_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(h).replace(r"\.", r"\.?") for h in sorted(_short_address(words), key=len,
                                                                                reverse=True))
    return re.compile(rf"\s+(?:{alternatives})\.?\s+[A-Z]")


def _alone_on_its_line(doc: Doc, line: Span, phrase: str) -> bool:
    """Whether a phrase is its line, a byline ("Ministry for Foreign Affairs"), and the line names no other body
    ("Strengthening Cooperation Between Yemen's Interior Ministry and UNHCR" is a headline's)."""
    return line.text.strip() == phrase.strip() and not any(
        m.kind == "org" and line.start <= m.start < line.end for m in doc.mentions)


@lru_cache(maxsize=256)  # asked once per capitalised phrase, of the few lines that hold them
def _headline_like(text: str) -> bool:
    """A line in title case that no sentence ends: a headline, not a sentence full of names."""
    return title_case(text) and not re.search(r"[.!?;:”\"]\s*$", text) and len(text.split()) <= 25


def _lower_units(doc: Doc) -> None:
    """'the Mauritanian gendarmerie and police': a country's services named by adjective."""
    for m in list(doc.mentions):
        if m.kind != "demonym":
            continue
        after = doc.text[m.end:m.end + 60]
        first = re.match(r"\s+" + _LOWER_UNITS.pattern, after)
        if not first or first.group(1) in ("government", "authorities"):
            continue
        gov = doc.government(m.key)
        units = [first]
        more = re.match(r"\s+and\s+" + _LOWER_UNITS.pattern, after[first.end():])
        if more:
            units.append(more)
        offsets = [(m.start, m.end + first.end())]
        if more:
            second = m.end + first.end() + more.end()
            offsets.append((second - len(more.group(1)), second))
        for unit, (lo, hi) in zip(units, offsets, strict=True):
            name = f"{m.text} {unit.group(1)}"
            key = doc.add_org(name, parent=gov)
            doc.mentions.append(Mention(lo, hi, key, "org", name))


# A unit named with the body it belongs to: "Port Health Division of the Ministry of Health".
_UNIT_OF = re.compile(r"(.+?\b(?:Division|Department|Unit|Section|Branch|Directorate|Bureau|Office|Service))\s+of\s+"
                      r"(?:the\s+)?(.+)$")
_PREMISES_OF = re.compile(r"(?:.+\s)?Headquarters\s+of\s+(?:the\s+)?(.+)$")
_UNIT_LED = re.compile(r"(?:Division|Department|Directorate|Bureau|Unit|Section|Branch)\s+(?:of|for)\s+[A-Z]")
# "the 67th United Nations General Assembly", "on the margins of the General Assembly": the body's name
# used for one of its sessions ("the 100th session of the Council of IOM" names the body itself).
_SESSION = re.compile(r"(?:\b\d{1,3}(?:st|nd|rd|th)|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
                      r"ninth|tenth|[a-z]+(?:tieth|teenth))|\bmargins? of|\bsidelines of)\s+(?:the\s+)?$",
                      re.IGNORECASE)


# Bodies that sit in sessions: "the 67th United Nations General Assembly" is one of its sessions.
_SITTING = re.compile(r"\b(?:Assembly|Council|Summit|Forum|Conference|Congress|Parliament|Commission on [\w ]+)$")


def _drop_sessions(doc: Doc) -> None:
    """'the 67th United Nations General Assembly', 'on the margins of the General Assembly': a session,
    an event, not the body as an actor. The organisation stays only if the release names it elsewhere."""
    events = [m for m in doc.mentions if m.kind == "org" and _SESSION.search(doc.text[max(0, m.start - 30):m.start])
              and _SITTING.search(doc.orgs[m.key].name if m.key in doc.orgs else m.text)]
    for event in events:
        doc.mentions.remove(event)
    for key in {e.key for e in events}:
        if not any(m.key == key for m in doc.mentions) and key != doc.publisher:
            doc.orgs.pop(key, None)


def _drop_nested(doc: Doc) -> None:
    """Keep the longest organisation mention where two overlap; country mentions inside an organisation
    name ("Government of Japan", "IOM Mauritania") are part of it. A unit's name keeps the mention of
    the organisation it belongs to ("World Bank Board of Executive Directors" keeps the World Bank)."""

    def part_of(inner: Mention, outer: Mention) -> bool:
        org = doc.orgs.get(outer.key)
        return org is not None and org.parent == inner.key

    ranked = sorted(doc.mentions, key=lambda x: (-(x.end - x.start), x.kind != "org", x.start))
    kept: list[Mention] = []
    for m in ranked:
        clash = [k for k in kept if k.start < m.end and m.start < k.end]
        if all(part_of(m, k) for k in clash):
            kept.append(m)
    doc.mentions = sorted(kept, key=lambda x: (x.start, -x.end))


def mark_org_mentions(doc: Doc) -> None:
    """Every other place the release names an organisation found once ("MEIDECC" where the model saw a
    place, the second time): the relations read mentions, not names."""
    taken = sorted((m.start, m.end) for m in doc.mentions)
    for org in list(doc.orgs.values()):
        for form in sorted({org.name, *org.aliases}, key=len, reverse=True):
            if len(form) < 3 or form.lower() == form:
                continue
            for start, end in occurrences(doc.text, form):
                if not any(s < end and start < e for s, e in taken):
                    doc.mentions.append(Mention(start, end, org.key, "org", form))
                    taken.append((start, end))
    doc.mentions.sort(key=lambda m: (m.start, -m.end))


_WITHIN = re.compile(r"[ \t]+(?:at|of|within)[ \t]+(?:the[ \t]+)?")
_UNDER = re.compile(r"(?:[ \t]*\([A-Z][A-Za-z&.-]{1,11}\))?[ \t]+under[ \t]+(?:the[ \t]+)?")
_FROM_BODY = re.compile(r"[ \t]+(?:at|of|from|within)[ \t]+(?:the[ \t]+)?")
# An office or a bureau named by its kind: "Regional Office for …", "Liaison Office", "Regional Bureau for …".
_OFFICE_LED = re.compile(rf"{_OFFICE_KIND}\b")
_UNIT_HEADS = (r"(?:Division|Department|Directorate|Directorate-General|Bureau|Office|Unit|Section|Branch|"
               r"Service|Secretariat|Ministry)\b")
_UNIT_HEAD_FIRST = re.compile(_UNIT_HEADS)
_UNIT_HEAD = re.compile(rf"\b{_UNIT_HEADS}")


def parents_named_after(doc: Doc) -> None:
    """'The Directorate of International Law at the Federal Department of Foreign Affairs', 'the Ministry of
    Health of the Palestinian Authority': a unit, named by its head noun, then the body it is part of."""
    by_start = {m.start: m for m in doc.mentions if m.kind == "org"}
    for m in doc.mentions:
        org = doc.orgs.get(m.key)
        if m.kind != "org" or org is None or org.parent or org.government_of or not _UNIT_HEAD.search(org.name):
            continue
        # "The Economic Relations Division (ERD) under the Ministry of Finance": "under" says it, whatever the
        # unit's name begins with
        link = _UNDER.match(doc.text, m.end) or (_WITHIN.match(doc.text, m.end)
                                                  if _UNIT_HEAD_FIRST.match(org.name) else None) or (
            # "the Regional Office for West and Central Africa from the United Nations Population Fund"
            _FROM_BODY.match(doc.text, m.end) if _OFFICE_LED.match(org.name) else None)
        body = by_start.get(link.end()) if link else None
        if body is not None and body.key in doc.orgs and m.key not in doc.lineage(body.key):
            org.parent = body.key


# The comma between two bodies of a title's chain: "Deputy Secretary, Americas and Asia Group, Ministry of …".
_CHAIN_COMMA = re.compile(r",[ \t]+(?:the[ \t]+)?")


def units_of_a_title_chain(doc: Doc) -> None:
    """'Mark Sinclair, Deputy Secretary, Americas and Asia Group, Ministry of Foreign Affairs and Trade': the body a
    post is held in, between commas after its title, is part of the ministry (or the known body) that follows it.
    (After a title only: a list of bodies, "the Department of Health, Ministry of Education", is of peers.)"""
    by_start = {m.start: m for m in doc.mentions if m.kind == "org"}
    for post in doc.posts:
        unit = doc.orgs.get(post.organisation)
        if unit is None or unit.parent or unit.government_of:
            continue
        for m in doc.mentions:
            if m.key != unit.key or not post.evidence.start <= m.start < post.evidence.end:
                continue
            before = doc.text[post.evidence.start:m.start]
            if not re.search(r",[ \t]*$", before) or not before.rstrip(", \t").endswith(post.role):
                continue  # (the title, then a comma, then the body)
            link = _CHAIN_COMMA.match(doc.text, m.end)
            body = by_start.get(link.end()) if link else None
            if body is not None and body.key in doc.orgs and body.key != unit.key and unit.key not in \
                    doc.lineage(body.key) and (is_ministry(doc.orgs[body.key].name) or body.key in doc.gaz.orgs):
                unit.parent = body.key
                break


_PORTFOLIO_MINISTRY = re.compile(r"([A-Z][a-z]+) Ministry")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


def same_body_told_short(doc: Doc) -> None:
    """'the Ministry of Internal Affairs' beside 'the Ministry of Internal Affairs of Georgia', 'the Patrol
    Police Department' beside 'the Patrol Police Department of the MIA': a body named without what it
    belongs to, where the release names that too, is the one body. The fuller name stays."""
    into: dict[str, str] = {}
    for short in list(doc.orgs.values()):
        for full in doc.orgs.values():
            if full.key == short.key or full.key in into or not full.name.startswith(short.name + " of "):
                continue
            owner = full.name[len(short.name) + 4:].removeprefix("the ")
            country = doc.gaz.country_surface.get(owner)
            owner_key = doc.gaz.countries[country].government.key if country else next(
                (o.key for o in doc.orgs.values() if owner == o.name or owner in o.aliases), None)
            if owner_key is not None and owner_key in (short.parent, full.parent) and short.parent in (None, owner_key):
                into[short.key] = full.key
                break
        # "the Foreign Ministry" beside the "Federal Ministry for Europe, Integration and Foreign Affairs" of the same
        # government: a ministry told by its portfolio's word, the one ministry of the release whose name holds it
        word = _PORTFOLIO_MINISTRY.fullmatch(short.name)
        if word and short.key not in into:
            fuller = [o.key for o in doc.orgs.values() if o.key != short.key and o.key not in into
                      and o.parent in (None, short.parent) and is_ministry(o.name)
                      and re.search(rf"\b{word.group(1)}\b", o.name.split("Ministry", 1)[-1])]
            if len(fuller) == 1:
                into[short.key] = fuller[0]
        # "the Bank Group’s concessional window" beside the "African Development Bank Group": a body the model read
        # in a name's last words, written after "the", is the one body of the release whose name ends so
        if short.key not in into and short.key not in doc.gaz.orgs and short.parent is None and any(
                m.key == short.key and _THE_BEFORE.search(doc.text, max(0, m.start - 4), m.start)
                for m in doc.mentions if m.kind == "org"):
            ending = [o.key for o in doc.orgs.values() if o.key not in (short.key, *into)
                      and o.name.endswith(" " + short.name)]
            if len(ending) == 1:
                into[short.key] = ending[0]
    if not into:
        return
    for short_key, full_key in into.items():
        short, full = doc.orgs.pop(short_key), doc.orgs[full_key]
        full.aliases |= {short.name, *short.aliases}
        full.parent = full.parent or short.parent
    for org in doc.orgs.values():
        org.parent = into.get(org.parent, org.parent) if org.parent else None
    doc.mentions = [Mention(m.start, m.end, into.get(m.key, m.key), m.kind, m.text) if m.kind == "org" else m
                    for m in doc.mentions]


# A body's board named by itself: "the Board of Directors", "the Executive Board".
_BARE_BOARD = re.compile(r"(?:(?:Executive|Governing|Supervisory) )?Board(?: of (?:Executive )?(?:Directors|Governors|"
                         r"Trustees))?")


def boards_of_their_body(doc: Doc) -> None:
    """'It was approved by the Board of Directors': a board named by itself is that of the body the release names
    last before it that is no state's (a board decides for the bank or fund the release is about)."""
    orgs = [m for m in doc.mentions if m.kind == "org"]
    for board in doc.orgs.values():
        if board.parent is not None or board.key in doc.gaz.orgs or not _BARE_BOARD.fullmatch(board.name):
            continue
        first = next((m.start for m in orgs if m.key == board.key), None)
        owners = [m.key for m in orgs if first is not None and m.end <= first and m.key != board.key
                  and doc.government_above(m.key) is None]
        if owners:
            board.parent = owners[-1]
            board.unit = True


def parents_of_a_list(doc: Doc) -> None:
    """'Sierra Leone’s Immigration Department, Port Health Division of the Ministry of Health, and the
    Office of National Security (ONS)': a country's possessive before a list of bodies of a state makes
    each of them its government's (the first one's parent says the possessive was read so)."""
    orgs = sorted((m for m in doc.mentions if m.kind == "org"), key=lambda m: m.start)
    by_start = {m.start: m for m in orgs}
    for m in orgs:
        poss = _POSSESSIVE.search(doc.text, max(0, m.start - 30), m.start)
        alpha3 = doc.gaz.country_surface.get(poss.group(1)) if poss else None
        first = doc.orgs.get(m.key)
        if alpha3 is None or first is None or first.parent != doc.gaz.countries[alpha3].government.key:
            continue
        current = m
        while True:
            end = past_abbreviation(doc.text, current.end)
            part = _WITHIN.match(doc.text, end)
            if part and part.end() in by_start:  # "… Division of the Ministry of Health": the same item
                current = by_start[part.end()]
                continue
            link = _LIST_LINK.match(doc.text, end)
            following = by_start.get(link.end()) if link else None
            if following is None:
                break
            org = doc.orgs.get(following.key)
            if org is not None and org.parent is None and not org.government_of and _PUBLIC.search(org.name):
                org.parent = first.parent
            current = following


# "the Council", "the Organization", "the Ministry": a body named by its head noun alone.
_DEFINITE = re.compile(r"\b[Tt]he[ \t]+(Organi[sz]ation|Union|Council|Ministry)\b(?![ \t]+(?:of|for|on|in)\b)"
                       r"(?![ \t]+[A-Z])")


def _drop(doc: Doc, keys: set[str]) -> None:
    """Organisations read that are none: gone with their mentions and any post in them."""
    if keys:
        doc.mentions = [m for m in doc.mentions if m.key not in keys]
        doc.posts = [p for p in doc.posts if p.organisation not in keys]
        for key in keys:
            del doc.orgs[key]


# "on the margins of the sixth Astana Economic Forum": a gathering, named like a body.
# The event a meeting took place around: "on the margins of", "on Sidelines of" (a title-case headline), "in
# connection with the forty-fourth regular session of the General Assembly".
AROUND = r"(?:\b(?:[Mm]argins?|[Ss]idelines?)\s+[Oo]f|\bin\s+connection\s+with)\s+(?:the\s+)?"
AROUND_EVENT = re.compile(AROUND + r"(?:[\w-]+\s+)?$")
_GATHERING_NOUN = re.compile(r"\b(?:Forum|Summit|Conference|Congress|Symposium|Meetings?)$")


def drop_gatherings(doc: Doc) -> None:
    """A name in a body's form that a release says a meeting took place on the margins of, ending in
    what gatherings are called ("Forum", "Summit"), is the gathering, not a body: issue #13 keeps events
    out of the organisations. (The Pacific Islands Forum, a body, is in the gazetteer and stays.)"""
    events = {m.key for m in doc.mentions if m.kind == "org" and m.key in doc.orgs and m.key not in doc.gaz.orgs
              and _GATHERING_NOUN.search(doc.orgs[m.key].name)
              and AROUND_EVENT.search(doc.text, max(0, m.start - 60), m.start)}
    _drop(doc, events)


def drop_venues(doc: Doc) -> None:
    """'The MOU, which will be signed at IOM's Headquarters', 'launched yesterday at the British Telecom
    Centre in London': a seat or a building a release names only as where something takes place is a
    venue, not a body (issue #13); "officials from the IOM headquarters" is a body."""
    seats: dict[str, bool] = {}  # each seat: whether every mention of it is a place
    for m in doc.mentions:
        org = doc.orgs.get(m.key) if m.kind == "org" else None
        if org is None or m.key in doc.gaz.orgs or not _VENUE_NOUN.search(org.name):
            continue
        venue = _AT.search(doc.text, max(0, m.start - 24), m.start) is not None
        seats[m.key] = seats.get(m.key, True) and venue
    venues = {key for key, venue in seats.items() if venue}
    # a seat's mentions name its body still ("at WHO Headquarters": WHO hosts)
    owner = {key: parent for key in venues if (parent := doc.orgs[key].parent)}
    doc.mentions = [Mention(m.start, m.end, owner[m.key], m.kind, m.text) if m.key in owner else m
                    for m in doc.mentions]
    _drop(doc, venues)


_VENUE_NOUN = re.compile(rf"\b{VENUE_NOUN}$")
# "at IOM's", "at the", "in WHO": what stands before a place named by its body
_AT = re.compile(r"\b(?:at|in)\s+(?:the\s+)?(?:[\w.-]+(?:’s|'s)\s+)?$")


# A news agency's byline: its acronym in brackets after the dateline ("KABUL (PAN):", "New Delhi, Nov 16 (IANS)",
# "VIENNA, Aug 24 2018 (WAM) -"). (One closing a paragraph, "… Ghada Waly. (SPA)", may be the publisher's own:
# "… for the ASCC. (DFA)".)
# (the dateline: a city in capitals, or a city and its day: "KABUL", "Geneva, May 6")
_DATELINE_AGENCY = re.compile(r"(?m)^[ \t]*(?:date[ \t]+\S+[ \t]+)?(?:[A-Z][A-Z’'.-]+(?:[ \t]+[A-Z][A-Z’'.-]+)*"
                              r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,?[ \t]+\d{4})?)?|"
                              r"[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*)?,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}"
                              r"(?:,?[ \t]+\d{4})?)[ \t]*\(([A-Z][A-Za-z]{1,9})\)[ \t]*(?:[-–—:]|(?=[A-Z]))")


# An agency named after the dateline's date, in capitals or between slashes: "YEREVAN, SEPTEMBER 15, ARMENPRESS.",
# "Ulaanbaatar /MONTSAME/.", "MOSCOW, March 5. /TASS/."
_AGENCY_AFTER_DATE = re.compile(r"(?m)^[ \t]*(?:date[ \t]+\S+[ \t]+)?[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*)?"
                                r"(?:,[ \t]*[A-Za-z]{3,9}\.?[ \t]+\d{1,2}(?:,?[ \t]+\d{4})?)?"
                                r"(?:,[ \t]*([A-Z]{3,14})|\.?[ \t]*/([A-Z][A-Za-z-]{2,14})/)\.[ \t]")


def drop_news_agencies(doc: Doc) -> None:
    """The agency whose byline a release carries reports it: it is no party to what it reports ("KABUL (PAN):
    The government of Afghanistan and the UNDP signed …", "a copy of which was accessed by IANS")."""
    agencies = {m.group(1) for m in _DATELINE_AGENCY.finditer(doc.text)}
    agencies |= {m.group(1) or m.group(2) for m in _AGENCY_AFTER_DATE.finditer(doc.text[:_HEAD_CHARS])}
    _drop(doc, {m.key for m in doc.mentions if m.kind == "org" and m.text in agencies and m.key in doc.orgs
                and m.key not in doc.gaz.orgs})


def drop_furniture(doc: Doc) -> None:
    """A name told only on lines of the page's furniture ("- Media Center" in a breadcrumb) is no body."""
    told: dict[str, bool] = {}  # organisation -> every mention on a furniture line
    for m in doc.mentions:
        if m.kind == "org" and m.key in doc.orgs and m.key not in doc.gaz.orgs:
            told[m.key] = told.get(m.key, True) and m.end <= _HEAD_CHARS and furniture(_line_of(doc.text, m))
    _drop(doc, {key for key, only in told.items() if only})


def _line_of(text: str, m: Mention) -> str:
    end = text.find("\n", m.end)
    return text[text.rfind("\n", 0, m.start) + 1:end if end >= 0 else len(text)]


_HEAD_CHARS = 600  # of the text: where a page's furniture stands, above the release


def drop_postnominals(doc: Doc) -> None:
    """'Senator Abubakar Atiku Bagudu (CON)': letters in brackets right after a person's name are an
    honour or a degree, not a body's acronym."""
    ends = {m.end for m in doc.mentions if m.kind == "person"}
    by_key: dict[str, list[Mention]] = {}
    for m in doc.mentions:
        if m.kind == "org" and m.key in doc.orgs and m.key not in doc.gaz.orgs:
            by_key.setdefault(m.key, []).append(m)
    dropped = {key for key, found in by_key.items() if all(
        (bracket := _POSTNOMINAL.search(doc.text, max(0, m.start - 4), m.start)) and bracket.start() in ends
        and doc.text.startswith(")", m.end) for m in found)}
    _drop(doc, dropped)


_POSTNOMINAL = re.compile(r"\s*\($")
_MINISTER = re.compile(r"(?:(?:First[ \t]+)?(?:Deputy|Vice)[ \t]+)?Minister[ \t]+(of|for)[ \t]+(.+)")


def ministry_of_the_minister(doc: Doc) -> None:
    """'The Honourable Minister of Budget and Economic Planning, …' and later 'The Ministry stands ready
    …': a release that speaks of "the Ministry" alone, names no ministry, and has one minister's
    portfolio means that minister's ministry, the Ministry of Budget and Economic Planning, part of the
    government the minister serves; the minister's post is in it."""
    said = [m for m in _DEFINITE.finditer(doc.text) if m.group(1) == "Ministry"]
    if not said or any(org.name.startswith("Ministry") for org in doc.orgs.values()):
        return
    ministers = [(p, _MINISTER.fullmatch(p.role)) for p in doc.posts]
    portfolios = {(m.group(1), m.group(2)) for _p, m in ministers if m}
    if len(portfolios) != 1:
        return
    (word, portfolio), = portfolios
    for post, m in ministers:
        held = doc.orgs.get(post.organisation)
        if m is None or (held is not None and is_ministry(held.name)):
            continue  # (a post already in the ministry the release names: "Libya’s Education Ministry")
        parent = post.organisation if held is not None and held.government_of else None
        post.organisation = doc.add_org(f"Ministry {word} {portfolio}", parent=parent, unit=True)


# The words of a minister's title or a ministry's name that are not its portfolio's.
_NOT_PORTFOLIO = {"Minister", "Ministry", "Deputy", "Vice", "First", "State", "of", "for", "the", "and", "&", "Federal"}


def ministers_in_their_ministry(doc: Doc) -> None:
    """'Minister of Foreign Affairs, Carolyn Rodrigues-Birkett', then '… the signing ceremony at the Foreign Affairs
    Ministry': a minister's post read in a government is in the one ministry of that government the release names
    whose name holds the title's portfolio (the most specific body the text gives); so is the same holder's title
    told shorter ("Minister Rodrigues")."""
    ministries = {o.key: o for o in doc.orgs.values() if o.parent and "Ministry" in o.name.split()}
    if not ministries:
        return
    for post in doc.posts:
        held = doc.orgs.get(post.organisation)
        if held is None or not held.government_of or "Minister" not in post.role.split():
            continue
        portfolio = set(re.findall(r"[\w’'-]+", post.role)) - _NOT_PORTFOLIO
        holding = {o.key for o in ministries.values() if portfolio and o.parent == held.key
                   and portfolio <= set(re.findall(r"[\w’'-]+", o.name)) - _NOT_PORTFOLIO}
        holding |= {q.organisation for q in doc.posts if not portfolio and q.person == post.person and
                    q.organisation in ministries and ministries[q.organisation].parent == held.key
                    and set(post.role.split()) <= set(q.role.split())}
        if len(holding) == 1:
            post.organisation = holding.pop()


# A foreign ministry told without its country: "… the foreign ministry said in a news release", "Uzbekistan MFA
# reports".
_FOREIGN_MINISTRY = re.compile(r"\bthe[ \t]+(?P<form>foreign ministry)\b|(?<![\w-])(?P<acronym>MFA)(?![\w-])")
_FOREIGN_MINISTER = re.compile(r"(?:Deputy\s+|Acting\s+)?(?:Foreign\s+(?:Affairs\s+)?Minister|"
                               r"Minister\s+(?:of|for)\s+(?:the\s+)?Foreign\s+Affairs\b.*)")


def foreign_ministry_told(doc: Doc) -> None:
    """'The Armenian Foreign Minister Zohrab Mnatsakanyan …', then '… the foreign ministry said': the ministry of
    foreign affairs of the one government whose foreign minister the release names, where it names no ministry;
    part of that government, its written form an alias."""
    if "MFA" not in doc.text and "foreign ministry" not in doc.text:
        return  # (most releases: no search at every position)
    told = list(_FOREIGN_MINISTRY.finditer(doc.text))
    if not told or any(is_ministry(org.name) for org in doc.orgs.values()):
        return
    governments = {g for p in doc.posts
                   if _FOREIGN_MINISTER.fullmatch(p.role) and (g := doc.government_above(p.organisation))}
    if len(governments) != 1:
        return
    (government,) = governments
    key = doc.add_org("Ministry of Foreign Affairs", parent=government, unit=True)
    # (the acronym read as a body of its own before: "Uzbekistan MFA reports" is this ministry)
    forms = {m.group(m.lastgroup or 0) for m in told}  # (the form as written: "foreign ministry", "MFA")
    alone = {k for k, org in doc.orgs.items() if org.name in forms and k not in doc.gaz.orgs}
    doc.mentions = [x for x in doc.mentions if x.key not in alone]
    for k in alone:
        del doc.orgs[k]
    for m in told:
        group = m.lastgroup or 0
        doc.orgs[key].aliases.add(m.group(group))
        doc.mentions.append(Mention(m.start(group), m.end(group), key, "org", m.group(group)))
    doc.mentions.sort(key=lambda m: (m.start, -m.end))


def name_definite_references(doc: Doc) -> None:
    """'The Council adopted …', 'the Organization partnered with …': the body a release names by its head
    noun alone, kept as its alias ("the Council"). It is the body the gazetteer gives that form to
    (gazetteer/organisations.yaml, context_aliases) where the release names it or its parent; else the
    one body of the release whose name has that noun, or of several the nearest named before it."""
    named = {m.key for m in doc.mentions if m.kind == "org"}
    for m in _DEFINITE.finditer(doc.text):
        if doc.mention_at(m.start(), m.end()) is not None:
            continue
        noun = m.group(1)
        form = f"the {noun}"
        entries = [doc.gaz.orgs[k] for k in doc.gaz.context_surface.get(form, ())]
        meant = _in_context(entries, named) if entries else None
        if meant is not None:
            key: str | None = doc.add_gazetteer_org(meant)
        else:
            words = {noun, noun.replace("isation", "ization"), noun.replace("ization", "isation")}
            bodies = [k for k, org in doc.orgs.items() if words & set(org.name.split())]
            before = [x.key for x in doc.mentions if x.kind == "org" and x.end <= m.start() and x.key in bodies]
            # the one such body of the release, else the nearest named before (a description refers back)
            key = bodies[0] if len(bodies) == 1 else before[-1] if before else None
        if key is not None:
            doc.orgs[key].aliases.add(form)
