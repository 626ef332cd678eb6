"""Names of persons as releases write them: two to five capitalised words, particles ("van", "bin",
"Le"; two of them: "von der Leyen", "de la Fuente") and initials between them, any alphabet's letters,
apostrophes and the ‘okina ("Pisila ‘Otunuku", "Sione Pulotu ‘Akau’ola"), hyphens ("Ki-moon",
"Mikl-Leitner"), inner capitals ("LaRocque")."""

from __future__ import annotations

import re
from functools import cache

from migragraph.extract.doc import Doc
from migragraph.extract.gazetteer import Gazetteer
from migragraph.extract.places import is_city
from migragraph.extract.text import occurrences

PARTICLE = r"(?:de|da|van|von|der|den|del|di|du|bin|ibn|al|el|le|la|los|las|dos|das|De|Van|Von|Al|El|Le|La|Abdel|Abdul|Ould|ould)"
# A capital, then lower-case letters of any alphabet; apostrophes and the ‘okina may open or join parts.
_UPPER = r"(?:[A-Z]|(?![a-z])[^\W\d_](?<=[À-ÖØ-ÞĀ-ſ]))"
_LOWER = r"[a-zà-öø-ÿā-ſ’'ʻ‘]"
_WORD = rf"[‘ʻ']?{_UPPER}{_LOWER}+(?:{_UPPER}{_LOWER}+)?(?:-{_UPPER}?{_LOWER}+)*"
# Between a name's words spaces, never a line break: a line is a headline, a dateline or a list item of its own
# (text.py), and a hard-wrapped text has its breaks inside paragraphs made spaces first (text.unwrapped).
_SP = r"[ \t]+"
# Two to five words; initials ("Amina J Mohammed", "Bandar M. H. Hajjar") only between words, never last
# ("Scotland QC").
# A patronymic initial glued to the given name, as Mongolian releases write names ("P.Naranbayar",
# "L.Bayan-Altai"): one token, a name of its own.
GLUED = rf"(?<![\w.])[A-Z]\.{_WORD}(?![\w.])"
# A surname in capitals after the given name, as EU institutions write names ("Petra PEREYRA", "Jorge TOLEDO
# ALBIÑANA"): four letters at least, which most bodies' acronyms in names' places are not.
_CAPS = rf"{_UPPER}(?:{_UPPER}|[’'-]){{3,}}(?![\w’'-])"
# An Arabic surname with its article joined in lower case ("Bashar al-Assad", "Badr al-Busaidi"); a given
# name abbreviated as South Asian releases write it ("Md. Shameem Ahsan", "Mohd. Najib").
_JOINED_ARTICLE = rf"(?:al|el|ad|ar|as|ash|at|az|an)-{_WORD}"
_GIVEN_ABBREVIATED = rf"(?=M[ou]?h?d\b)(?:Md|Mohd|Muhd)\.?{_SP}"  # (the lookahead: tried at every position)
NAME = (rf"(?:{GLUED}|(?:{_GIVEN_ABBREVIATED})?(?:{_WORD})(?:{_SP}(?:{PARTICLE}{_SP}){{0,2}}(?:[A-Z]\.?{_SP}){{0,2}}"
        rf"(?:{_WORD}|{_CAPS}|{_JOINED_ARTICLE})){{1,4}})")

NOT_NAME = {
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
    # nouns of a page's labels and of what releases speak of: "Media Note", "Final Communique", "Non-Food
    # Items", "School Feeding", "Youyi Building", "Premium Partner"
    "Note", "Communique", "Communiqué", "Items", "Feeding", "Building", "Control", "Community", "Islands",
    "Partner", "Partners",
    # a street's: "the signing ceremony at the Foreign Affairs Ministry, South Road, Minister …"
    "Road", "Avenue", "Boulevard",
    # members of parliament named in a list: "… also met with MPs Wael Abou Faour, Bilal Abdallah, and …"
    "MPs",
    # the head nouns of bodies: "… Japan-African Union Parliamentary Friendship League, Yasutoshi Nishimura"
    "League", "Association", "Federation", "Committee", "Institute", "Foundation", "Society", "Alliance",
    "Corporation", "Authority", "Secretariat", "Parliament", "Parliamentary", "Assembly",
    # a title-case headline's verbs: "Kishida Shaking Hands", "Meets Unicef"
    "Meets", "Shaking", "Holds", "Signs", "Visits", "Receives", "Welcomes",
}
ROLE_WORDS = {"Director", "General", "Secretary", "Minister", "President", "Commissioner", "Chief",
               "Head", "Deputy", "Representative", "Coordinator", "Manager", "Ambassador"}


def _title_words(doc: Doc) -> frozenset[str]:
    """Single words of the titles of gazetteer/roles.yaml ("Administrator", "Assistant", "Secretary-General"): no
    name holds them ("Mr. Secretary-General" is a form of address, no person)."""
    return _single_title_words(doc.gaz)


@cache
def _single_title_words(gaz: Gazetteer) -> frozenset[str]:
    return frozenset(w for w in (*gaz.roles["heads"], *gaz.roles["modifiers"]) if " " not in w and w[:1].isupper())


def valid_name(name: str, doc: Doc) -> bool:
    tokens = name.split()
    if re.fullmatch(GLUED, name):
        tokens = [name[:2], name[2:]]
    return len(tokens) >= 2 and _valid_tokens(name, tokens, doc) and not all(len(t.rstrip(".")) == 1 for t in tokens[1:])


def valid_surname(word: str, doc: Doc) -> bool:
    """A surname an honorific gives alone ("Mr Voronin"): no word a title, a place or a body is, nor an
    acronym or a currency's code ("Mr. USD")."""
    return " " not in word and not (word.isupper() and len(word) <= 4) and _valid_tokens(word, [word], doc)


def _valid_tokens(name: str, tokens: list[str], doc: Doc) -> bool:
    if any(t.strip("’'.,") in NOT_NAME for t in tokens) or not tokens[0][0].isupper():
        return False
    if any(t in doc.gaz.portfolio or t in _title_words(doc) or t.removesuffix("s") in
           _title_words(doc) for t in tokens):
        return False
    if any(re.search(r"(?:’s|'s)$", t) for t in tokens[:-1]):
        return False
    if any(t in doc.gaz.country_surface or t in doc.gaz.demonym_surface or t.replace("-", " ") in
           doc.gaz.demonym_surface for t in tokens):
        return False
    if tokens[0] in doc.gaz.regions:
        return False  # "… for Eastern Europe and the Caucasus Matteo Patrone": a region ends the portfolio
    # "… to the UN New York": a place, not the holder
    return not (name in doc.gaz.surface or name in doc.gaz.country_surface or is_city(name))


_HONORIFIC_WORDS = {"Rt", "Hon", "Honourable", "Right", "Sir", "Dame", "Lord", "Lady", "Excellency", "His", "Her",
                    "The", "Mr", "Mrs", "Ms", "Dr", "Prof", "Professor", "Ambassador", "Sheikh", "Madam"}


def trim_name(name: str, doc: Doc | None = None) -> str:
    tokens = name.split()
    while tokens and (tokens[0].rstrip(".") in _HONORIFIC_WORDS or (
            doc is not None and len(tokens) > 2 and (tokens[0] in _address_words(tuple(doc.gaz.roles["honorifics"]))
                                                     or tokens[0] in doc.gaz.roles.get("name_prefixes", [])))):
        tokens.pop(0)  # (roles.yaml's forms of address too, before a name of two words at least: "Sayyid")
    # a rank of several words before the name ("Major General (Rtd) Udaya Herath"): roles.yaml's honorifics
    while doc is not None and (rank := next((h for h in ranks(doc) if tokens[:len(h)] == list(h)
                                              and len(tokens) > len(h) + 1), None)):
        tokens = tokens[len(rank):]
    while tokens and (tokens[-1] in NOT_NAME or tokens[-1] in ROLE_WORDS or (
            doc is not None and len(tokens) > 2 and tokens[-1].isupper() and tokens[-1] in doc.gaz.surface)):
        tokens.pop()  # (nor a body's acronym before its title: "Dr. Carla Barnett CARICOM Secretary General")
    # "… US Embassy to Sri Lanka Doug Sonnek": a country's name before two or more words ends a title, not
    # begins a name
    lead = doc and next((k for k in (3, 2, 1) if len(tokens) >= k + 2
                         and " ".join(tokens[:k]) in doc.gaz.country_surface), None)
    if lead:
        tokens = tokens[lead:]
    # "Prime Minister Kishida Shaking Hands": a word the release also writes in lower case is an
    # ordinary word, not the end of a name.
    while doc is not None and len(tokens) > 2 and next(occurrences(doc.text, tokens[-1].lower()), None):
        tokens.pop()
    return " ".join(tokens)


def ranks(doc: Doc) -> list[tuple[str, ...]]:
    """The honorifics of roles.yaml of more than one word, or in brackets, longest first, as words."""
    return _ranks_of(tuple(doc.gaz.roles["honorifics"]))


@cache
def _ranks_of(honorifics: tuple[str, ...]) -> list[tuple[str, ...]]:
    ranks = {tuple(h.split()) for h in honorifics if " " in h or h.startswith("(")}
    return sorted(ranks, key=len, reverse=True)


@cache
def _address_words(honorifics: tuple[str, ...]) -> frozenset[str]:
    return frozenset(h for h in honorifics if " " not in h and h[:1].isupper() and not h.endswith("."))
