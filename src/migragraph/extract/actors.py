"""Countries that act become their government ("Japan donated", "from Japan", "the UK's leadership",
"between the United Nations and Türkiye"); countries that are only places ("operations in Syria") stay
places and are not organisations."""

from __future__ import annotations

import re

from migragraph.extract.doc import Doc, Mention
from migragraph.extract.places import VENUE_NOUN
from migragraph.extract.text import title_case

_ACTS_AFTER = re.compile(
    r"^(?:’s|'s)?\s*(?:(?:has|have|had|will|would|is|was|also|today|yesterday|officially|formally|jointly)\s+)*"
    r"(?:signed|signs|sign|donated|donates|contributed|contributes|provided|provides|pledged|pledges|funded|"
    r"funds|financed|finances|granted|grants|committed|commits|announced|announces|agreed|agrees|approved|"
    r"approves|allocated|allocates|supported|supports|welcomed|welcomes|thanked|thanks|joined|joins|met|meets|"
    r"hosted|hosts|co-chaired|chaired|gave|gives|offered|offers|launched|launches|handed|delivered|"
    r"ratified|endorsed|renewed|reaffirmed|expressed|discussed|contributed|makes|made|will make|is to make|"
    r"is making|decided|decides|announced|extends|extended|doubles|doubled|increases|increased|allocate|"
    r"donate|contribute|provide|pledge|commit|"
    # what a country is doing or is to get: "Norway is providing NOK 250 million", "Benin will receive a grant"
    r"providing|contributing|donating|funding|supporting|signing|pledging|allocating|granting|extending|"
    r"(receive|receives|received|receiving))\b")
_ACTS_AFTER_HEADLINE = re.compile(_ACTS_AFTER.pattern, re.IGNORECASE)
# Who hosts or chairs a meeting: "Nepal is hosting the Fifth Senior Officials’ Meeting" (not "France hosting the
# upcoming Paris 2024 Summer Olympics").
_HOSTS_MEETING = re.compile(r"^\s+(?:(?:is|was|will be|has been|also)\s+)*(?:hosting|chairing|co-chairing)\s+(?:the\s+)?"
                            r"(?:[\w’'-]+\s+){0,6}?(?:[Mm]eetings?|[Cc]onferences?|[Ss]ummit|[Cc]onsultations?|"
                            r"[Ss]ession|[Ff]orum|[Dd]ialogue|[Tt]alks)\b")
_POSSESSED = re.compile(
    r"^(?:’s|'s)\s+(?:continued\s+|strong\s+|generous\s+|long-standing\s+)?(?:support|contribution|"
    r"contributions|funding|donation|leadership|commitment|efforts|government|delegation|embassy|ambassador|"
    r"minister|president|prime minister|cooperation|partnership|pledge|grant|assistance|role)\b", re.IGNORECASE)
_ADJECTIVAL = re.compile(r"^\s+(?:commitment|support|contribution|funding|government|delegation|embassy|"
                         r"leadership|pledge|grant|assistance|authorities)\b")
_ACTS_BEFORE = re.compile(
    r"(?:\bfrom|\bby|\bwith|\bbetween|\bbetween\s+(?:the\s+)?[\w .’'-]{2,60}?\s+and|\band|\bof the people of|"
    r"\bthe people and government of|\bfunded by|\bsupport of|\bsupported by|\bdonors?,?\s+(?:including\s+)?"
    r"|\bgovernments? of)\s+(?:the\s+)?$")
# Who founds a body, and governments told by their countries or by their ministers ("the finance ministers of
# Gambia, Ghana, Liberia, Sierra Leone, and Sudan"): a list of countries after either acts, each
_FOUNDERS_OR_GOVERNMENTS = re.compile(r"(?:\b(?:established|founded|created|set up|formed)\s+(?:jointly\s+)?by|"
                                      r"\b[Gg]overnments\s+(?:of|in)|\b(?:[Mm]inisters|[Hh]eads\s+of\s+[Ss]tate"
                                      r"(?:\s+and\s+[Gg]overnment)?)\s+of)\s+(?:the\s+)?$")
# A country's name that begins a building's: "The Jamaica Pegasus hotel", "Jamaica Conference Centre".
_VENUE_AFTER = re.compile(rf"(?:\s+[A-Z][\w’'-]+){{1,3}}\s+{VENUE_NOUN}\b")
# ("donor governments that offered pledges prior to the conference such as Australia, Denmark, …": in its clause)
# (and partners: "Other development partners of the fund are Denmark, Norway, UK Aid and UNDP")
_NAMED_AS = re.compile(r"\b(?:beneficiary|recipient|borrowing|donor) (?:countr(?:y|ies)|governments?|states?)"
                       r"(?:,?\s+|[^.;:,]{0,80}?\s(?:such as|including|like)\s+)(?:the\s+)?$"
                       r"|\b(?:development|funding|financing) partners\b[^.;:,]{0,40}?\s(?:are|were|include|included|"
                       r"including|such as)\s+(?:the\s+)?$")
# The states a lender's loans go to, listed: "The Board … approved nine loans to implement development projects in
# Argentina, Bolivia, …", "… has signed 14 new development loan agreements worth $580 million with 12 African
# ministers to finance projects in Angola, Burkina Faso, …".
_BORROWERS = re.compile(r"\b(?:approved|signed)\s+(?:\w+\s+){0,3}?(?:loans|credits|loan agreements)\b[^.;:,]{0,90}?"
                        r"\s(?:in|to)\s+(?:the\s+)?$")
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z][a-z]")
_PLACE_BEFORE = re.compile(r"(?:\bin|\bto|\bacross|\bthroughout|\bwithin|\binside|\bnear|\bfrom\s+\w+\s+to|"
                           r"\bneighbouring|\bneighboring|\bborder with|\bsuch as|\bincluding|\bvisit|"
                           # where people come from: "returnees from Iran", "IOM experts from Albania"
                           r"\b(?:returnees|migrants|refugees|nationals|citizens|people|experts|members|students|"
                           r"workers|officials|journalists|delegates|participants|populations|communities|families|"
                           r"children|persons|individuals)\s+from|"
                           # where people flee or return from: "individuals returning home after fleeing from Iraq"
                           r"\b(?:flee|fleeing|fled|escaping|escaped|returning|returned|displaced|deported|evacuated|"
                           r"arriving|arrived)\s+(?:home\s+)?from)\s+(?:the\s+)?$")


def promote_acting_countries(doc: Doc) -> None:
    """Replace each mention of a country that acts with a mention of its government."""
    text = doc.text
    out: list[Mention] = []
    listed: set[int] = set()  # where countries of a list named as beneficiaries (or donors) start
    for m in doc.mentions:
        if m.kind != "country":
            out.append(m)
            continue
        after = text[m.end:m.end + 80]
        before = text[max(0, m.start - 80):m.start]
        sentence = doc.sentence_of(m.start)
        # (a title-case headline capitalises its verb: "Japan Contributes Additional $41 Million to UNHCR")
        verb = _ACTS_AFTER.match(after) or (_ACTS_AFTER_HEADLINE.match(after) if title_case(sentence.text) else None)
        if verb and verb.group(1) and (_PLACE_BEFORE.search(before) or (
                out and out[-1].kind == "country" and _listed_after(doc, out[-1], m))):
            # "Flood survivors in Sierra Leone receive solar lanterns": a place, where people receive (and so is
            # the next of a list of places: "programmes to assist people in Yemen and Chad received $7 million")
            verb = None
        acts = bool(verb or _POSSESSED.match(after) or _ADJECTIVAL.match(after) or _acts_with(doc, m)
                    or _HOSTS_MEETING.match(after))
        route = re.search(r"\bfrom\s+(?:the\s+)?$", before) and re.match(r"\s+to\s+(?:the\s+)?[A-Z]", after)
        # "with beneficiary countries Benin, Liberia, Senegal and Sierra Leone", "established by Brazil, Russia,
        # India, China and South Africa", "governments in Ethiopia, Kenya, and Somalia": each of such a list acts
        # (the next of a list, even after a comma that reads like a city's country's: "in Ethiopia, Kenya,")
        in_list = bool(out and out[-1].start in listed and _listed_after(doc, out[-1], m))
        listed_as_actors = in_list or bool(_NAMED_AS.search(before) or _FOUNDERS_OR_GOVERNMENTS.search(before)
                                           or _BORROWERS.search(text, sentence.start, m.start))
        # (not a country that begins a body's name in the list: "… are Denmark, Norway, UK Aid and UNDP")
        listed_as_actors = listed_as_actors and not _NAME_GOES_ON.match(after)
        if not listed_as_actors and re.search(
                r"\b(?:in|at|based in|from|to)\s+[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?,\s*$", before):
            out.append(m)  # "based in Suva, Fiji signed …": the country of a city, a place
            continue
        if names_a_building(doc, m):
            out.append(m)
            continue
        if not acts and not route and _ACTS_BEFORE.search(before) and not _PLACE_BEFORE.search(before):
            # "from Japan" acts only where money or an agreement is spoken of; "and" only beside an actor
            acts = bool(re.search(r"\b(?:fund|funding|million|billion|grant|contribution|donat|support|sign|"
                                  r"agreement|memorandum|cooperation|partnership|met|meeting|talks|chair|consultation)",
                                  sentence.text, re.IGNORECASE))
            if acts and re.search(r"\band\s+(?:the\s+)?$", before):
                acts = _beside_actor(doc, [*doc.mentions, *out[-1:]], m, before)
            elif acts:
                listed.add(m.start)  # "signed with Argentina, Cambodia, India …": the rest of the list acts too
        if listed_as_actors:
            acts = True
            listed.add(m.start)
        if acts:
            key = doc.government(m.key, m.text)
            out.append(Mention(m.start, m.end, key, "org", m.text))
        else:
            out.append(m)
    doc.mentions = out


def _listed_after(doc: Doc, previous: Mention, m: Mention) -> bool:
    """Whether `m` follows `previous` in the same list ("Benin, Liberia and Senegal"; an item's aside between:
    "Senegal (two agreements), Ukraine")."""
    return _LIST_GAP.fullmatch(doc.text, previous.end, m.start) is not None


_LIST_GAP = re.compile(r"(?:[ \t]*\([^()]{1,30}\))?(?:,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?)")


def _acts_with(doc: Doc, m: Mention) -> bool:
    """'Australia and the Pacific Islands Forum Secretariat (PIFS) have signed …', 'Russia and Belarus have
    signed …': a country joined by "and" to an organisation or a country that acts with it."""
    joint = re.match(r"\s+and\s+(?:the\s+)?", doc.text[m.end:m.end + 12])
    if not joint:
        return False
    at = m.end + joint.end()
    partner = next((x for x in doc.mentions if x.start == at and x.kind in ("org", "country")), None)
    if partner is None or (partner.kind == "country" and _PLACE_BEFORE.search(doc.text[max(0, m.start - 80):m.start])):
        return False  # ("Russia and Belarus have signed": two countries act together, unless they are places)
    rest = re.sub(r"^\s*\([^)]{1,15}\)", "", doc.text[partner.end:partner.end + 100])
    return bool(_ACTS_AFTER.match(rest))


def _beside_actor(doc: Doc, mentions: list[Mention], m: Mention, before: str) -> bool:
    """'the United Nations and Türkiye', 'with Korea and Luxembourg as Vice-Chairs': the word before
    'and' ends an organisation's name (a country's, once it acts)."""
    gap = re.search(r"\s+and\s+(?:the\s+)?$", before)
    assert gap is not None
    end = m.start - len(gap.group())
    return any(x.end == end and x.kind == "org" for x in mentions)


def names_a_building(doc: Doc, m: Mention) -> bool:
    """Whether a country's name begins a building's ("at The Jamaica Pegasus hotel"): a place, never an actor."""
    return _VENUE_AFTER.match(doc.text, m.end) is not None
