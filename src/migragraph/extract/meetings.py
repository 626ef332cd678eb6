"""Meetings: visits, talks, calls, signing and handover ceremonies, conference sessions at which named
organisations or persons met, with date, place, ordinal, chairs, host and framework. Sentences about
the release's own event make one meeting; a sentence dating an earlier meeting makes another."""

from __future__ import annotations

import re

from migragraph.extract.dates import past_dateline
from migragraph.extract.doc import Doc, Mention, country_of_city
from migragraph.extract.frameworks import told_as_news
from migragraph.extract.model import Framework, Meeting, Span
from migragraph.extract.orgs import AROUND, AROUND_EVENT
from migragraph.extract.places import is_city, with_district

TRIGGER = re.compile(
    r"\b(met|meet|meets|meetings?|talks|visit(?:ed|s|ing)?|called on|calls on|held (?:a |an )?(?:discussions?|"
    r"consultations?|talks|bilateral)|discussed|dialogue|conference|ceremony|signed|sign|signing|summit|"
    r"consultations?|roundtable|co-chaired|chaired|hosted|received|discussions|handover|launched|presented to|"
    r"pledging conference|welcomed|"
    # a call is a meeting (eval/ANNOTATION.md): "spoke today with", "a telephone conversation", "a courtesy call on"
    r"spoke (?:\w+ )?(?:with|to)|(?:tele)?phone (?:call|conversation)|video ?conference|"
    r"(?:courtesy|farewell|introductory) call|welcomed .{0,40} to|"
    # the forms of diplomacy: "presented his credentials to", "presented his letters of Credence to", "conducted a
    # productive discussion with", "Hosting a reception for"
    r"presented (?:his|her|their) (?:letters? of )?(?:credentials?|credence)|discussions? with|conferred with|"
    # "held an interactive session with management of the Ministry of Finance"
    r"held (?:a |an )?(?:[\w-]+ ){0,2}(?:session|exchange)s? with|"
    r"(?:hosting|hosted|hosts|held|gave) a (?:\w+ )?(?:reception|dinner|luncheon) (?:for|in honou?r of))\b",
    re.IGNORECASE)
# A sentence that speaks of the meeting already told: "The high-level dialogue – the fourth of its kind –".
_SAME_EVENT = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]oday[’']s|[Tt]heir)\s+(?:[\w-]+\s+){0,3}(?:meeting|dialogue|visit|talks|"
                         r"exchange|session|conference|ceremony|event|discussions?|launch|signing)\b"
                         r"|\bsigned (?:the|this) (?:agreement|memorandum|MoU)\b")
# A sentence that goes on about the same meeting: "They discussed …", "Both sides …".
_FOLLOW_UP = re.compile(r"^(?:They|Both sides|Both|The two(?: sides| leaders| organi[sz]ations)?|The leaders|"
                        r"The officials|The parties)\b")
_JOIN = re.compile(r"\b(joined|attended|took part|participated|in the presence of|together with|alongside|"
                   r"accompanied by|accompanying|"
                   r"representatives? (?:of|from)|officials from|delegation|speakers (?:included|were))\b",
                   re.IGNORECASE)
_ORDINALS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth".split(), start=1)}
_TENS = {w: 10 * i for i, w in enumerate("twent thirt fort fift sixt sevent eight ninet".split(), start=2)}
# "forty-ninth", "Twenty First", "fiftieth": the words of an ordinal up to 99 (series of meetings rarely go
# further), read here: the number libraries read cardinals ("forty-nine"), not ordinals.
_ORDINAL_WORDS = (rf"(?:(?:{'|'.join(_TENS)})(?:ieth|y[ -](?:{'|'.join(list(_ORDINALS)[:9])}))|"
                  rf"{'|'.join(_ORDINALS)})")
_ORDINAL = re.compile(r"\b(?:the\s+)?(\d{1,3})(?:st|nd|rd|th)\b|\b(" + _ORDINAL_WORDS + r"|inaugural)\b",
                      re.IGNORECASE)
_EVENT_NOUN = re.compile(r"\b(meeting|visit|session|dialogue|conference|summit|talks|consultations?|of its kind|"
                         r"forum|round)\b", re.IGNORECASE)


def _actors(doc: Doc, span: Span) -> list[Mention]:
    return [m for m in doc.mentions if m.kind in ("org", "person") and span.start <= m.start < span.end
            and not _around(doc, span, m) and not _a_source(doc, m)]


# "AKP reports that the visit …", "…, the Ukrainian News Agency reports.", "according to Xinhua"
_REPORTS = re.compile(r"[ \t]+(?:reports|reported)\b")
_ACCORDING_TO = re.compile(r"\baccording to(?:[ \t]+the)?[ \t]+$", re.IGNORECASE)


def _a_source(doc: Doc, m: Mention) -> bool:
    """Whether an organisation is named as the source of the news ("AKP reports that the visit …"): it tells of
    the meeting and takes no part in it."""
    return m.kind == "org" and (_REPORTS.match(doc.text, m.end) is not None
                                or _ACCORDING_TO.search(doc.text, max(0, m.start - 20), m.start) is not None)


def _around(doc: Doc, span: Span, m: Mention) -> bool:
    """'on the margins of the NATO Summit': the event around the meeting is neither a party to it nor
    its series."""
    return m.kind == "org" and AROUND_EVENT.search(doc.text, span.start, m.start) is not None


_AROUND_NAME = re.compile(AROUND + r"(?:[\w-]+\s+)??([A-Z][\w’'-]+)(?:\s+([A-Z][\w’'-]+))?")


def _event_place(span: Span) -> str | None:
    """The city an event around the meeting is named after ("the sixth Astana Economic Forum")."""
    for m in _AROUND_NAME.finditer(span.text):
        for city in ([f"{m.group(1)} {m.group(2)}"] if m.group(2) else []) + [m.group(1)]:
            if is_city(city):
                return city
    return None


def ordinal_value(word: str) -> int:
    """The number an ordinal in words stands for: "fifth" 5, "forty-ninth" 49, "Thirtieth" 30."""
    word = word.lower()
    if word in _ORDINALS:
        return _ORDINALS[word]
    tens = next(t for t in _TENS if word.startswith(t))
    unit = re.split(r"[ -]", word, maxsplit=1)[1] if word.endswith(tuple(_ORDINALS)) else ""
    return _TENS[tens] + (_ORDINALS[unit] if unit else 0)


def _ordinal(span: Span) -> int | None:
    for m in _ORDINAL.finditer(span.text):
        if AROUND_EVENT.search(span.text, 0, m.start()):
            continue  # the ordinal of the event around the meeting
        tail = span.text[m.end():m.end() + 60]
        if not _EVENT_NOUN.search(tail[:45]) and not re.match(r"\s+of its kind", tail):
            continue
        if m.group(1):
            return int(m.group(1))
        word = m.group(2).lower()
        return 1 if word == "inaugural" else ordinal_value(word)
    return None


def _place(doc: Doc, span: Span, cities_only: bool = False) -> str | None:
    # (a city after "the capital": "… signed … in the Libyan capital, Tripoli", "in the capital Mogadishu")
    for m in re.finditer(r"\b(?:in|at|visit to|trip to|visiting|arrived in)(?:\s+the\s+(?:[A-Z][\w’'-]+\s+)?capital,?)?"
                         r"\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)", span.text):
        for cand in (m.group(1), m.group(1).split()[0]):
            at = span.start + m.start(1)
            if re.match(r"\s+of\s", span.text[m.start(1) + len(cand):]) or cand in doc.gaz.regions:
                continue  # "the Horn of Africa", "challenges in Africa": a region, not a meeting's place
            if (is_city(cand) or (not cities_only and (at, at + len(cand)) in doc.places)) and \
                    not doc.mention_at(at, at + len(cand)):
                return with_district(cand, doc.text, at + len(cand))
    return None


def _chairs(doc: Doc, span: Span) -> list[str]:
    m = re.search(r"\b(?:(?:co-)?chaired by|(?:co-)?presided (?:over )?by|under the (?:co-)?chair(?:man)?ship of)\b"
                  r"(.+?)(?:\s[–—-]\s|[.;]|$)", span.text)
    if not m:
        return []
    lo, hi = span.start + m.start(1), span.start + m.end(1)
    return list(dict.fromkeys(x.key for x in doc.mentions if x.kind == "person" and lo <= x.start < hi))


def _host(doc: Doc, span: Span) -> str | None:
    m = re.search(r"\bhosted by\s+(?:the\s+)?", span.text)
    if m:
        at = span.start + m.end()
        hit = next((x for x in doc.mentions if x.kind in ("org", "person") and at <= x.start < at + 120), None)
        if hit:
            return hit.key
    receiver = _receiver(doc, span)
    if receiver:
        return receiver
    m = re.search(r"\b(?:at|visited|visit to|visiting)\s+(?:the\s+)?([\w ]+?)(?:’s|'s)\s+(?:[A-Z]\w+\s+)?"
                  r"(?:Headquarters|headquarters|premises|offices|office)", span.text)
    if m:
        hit = next((x for x in doc.mentions if x.kind == "org" and x.start == span.start + m.start(1)), None)
        if hit:
            return hit.key
    # "at the IOM Office in Freetown": the organisation whose office it is
    m = re.search(r"\bat\s+(?:the\s+)?([\w ]+?)\s+(?:Country\s+|Regional\s+|Sub-Regional\s+)?(?:Office|Headquarters)\b",
                  span.text)
    if m:
        hit = next((x for x in doc.mentions if x.kind == "org" and x.start == span.start + m.start(1)), None)
        if hit:  # the body whose office it is: the office's parent, or the body the mention names
            return (None if hit.key in doc.gaz.orgs else doc.orgs[hit.key].parent) or hit.key
    # "at the signing ceremony at the Foreign Affairs Ministry": the ministry whose premises they are
    for m in _AT.finditer(span.text):
        hit = next((x for x in doc.mentions if x.kind == "org" and x.start == span.start + m.end()
                    and x.key in doc.orgs and "Ministry" in doc.orgs[x.key].name.split()), None)
        if hit:
            return hit.key
    # "at the headquarters of the General Secretariat in Riyadh"
    m = re.search(r"\b(?:at|visited)\s+the\s+(?:headquarters|premises|offices?|seat)\s+of\s+(?:the\s+)?", span.text)
    if m:
        hit = next((x for x in doc.mentions if x.kind == "org" and x.start == span.start + m.end()), None)
        if hit:
            return hit.key
    # "undertook a working visit to the UNWTO offices", "visited UNICEF headquarters": whose premises they are
    m = _VISITED_PREMISES.search(span.text)
    if m:
        hit = next((x for x in doc.mentions if x.kind == "org" and x.start == span.start + m.start(1)
                    and x.end == span.start + m.end(1)), None)
        if hit:
            return hit.key
    # "presented his credentials to UNWTO’s Secretary-General": the one an envoy is accredited to receives him;
    # "paid a courtesy call on President Bidya Devi Bhandari": the one called on receives the caller
    m = _CREDENTIALS_TO.search(span.text) or _CALLED_ON.search(span.text)
    if m:
        at = span.start + m.end()
        hit = next((x for x in doc.mentions if x.kind in ("org", "person") and at <= x.start < at + 60), None)
        if hit:
            return hit.key if hit.kind == "org" else doc.body_of(hit.key)
    return None


_AT = re.compile(r"\bat\s+(?:the\s+)?")
_VISITED_PREMISES = re.compile(r"\b(?:visited|visit to|visiting)\s+(?:the\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,5})"
                               r"\s+(?:[Hh]eadquarters|premises|offices)\b")
_CALLED_ON = re.compile(r"\b(?:(?:paid|pays|paying)\s+(?:a|an)\s+(?:\w+\s+){0,2}call|called|calls)\s+on\s+(?:the\s+)?")
_CREDENTIALS_TO = re.compile(r"\bpresent(?:ed|s|ing)?\s+(?:his|her|their|the)\s+(?:(?:letters?\s+of\s+)?credentials|"
                             r"letters?\s+of\s+credence)\s+to\s+(?:the\s+)?")


# "Minister X received Y", "was received by the Director General", "received a courtesy call from": who
# receives hosts, for the body of their post.
# ("welcomed" is not among them: "the Secretary-General welcomed the UK's leadership")
_RECEIVES = re.compile(r"(?:,[^,]{1,40},)?\s+(?:(?:today|yesterday|also|on \w+day)\s+)?(?:received|receives|hosted|"
                       r"hosts)\b(?!\s+(?:the\s+|a\s+|an\s+)?(?:support|funding|contribution|grant|decision|news|"
                       r"report|announcement|letter|message|donation|award|prize)\b)")
_RECEIVED_BY = re.compile(r"\b(?:was|were)\s+received\s+(?:\w+\s+){0,3}?by\s+(?:the\s+)?")


def _receiver(doc: Doc, span: Span) -> str | None:
    """The body of who receives in the sentence: the one "received by", else the actor a verb of receiving
    follows."""
    def body(m: Mention) -> str | None:
        return m.key if m.kind == "org" else doc.body_of(m.key)

    by = _RECEIVED_BY.search(span.text)
    if by:
        at = span.start + by.end()
        hit = next((x for x in doc.mentions if x.kind in ("org", "person") and at <= x.start < at + 80), None)
        return body(hit) if hit else None
    for m in doc.mentions:
        if m.kind in ("org", "person") and span.start <= m.start < span.end and _RECEIVES.match(doc.text, m.end):
            return body(m)
    return None


def _framework(frameworks: list[Framework], span: Span) -> str | None:
    for fw in frameworks:
        if fw.evidence.start == span.start:
            return fw.key
        names = {fw.name, *fw.aliases}
        core = re.sub(r"^(?:[A-Z]+-)+[A-Z]+\s+", "", fw.name.split(" between ")[0])
        if any(n in span.text for n in names) or (len(core.split()) >= 2 and core in span.text):
            return fw.key
    return None


# A meeting told as done before another day's: "The first meeting was held in Brussels on 3 May 2013", "The WHO high
# official has already held meetings with … on Thursday".
_TOLD_DONE = re.compile(r"\b(?:was|were) held\b|\b(?:had|has|have)\s+(?:already\s+|also\s+|earlier\s+)?(?:held\s+(?:\w+\s+)?"
                        r"(?:meetings?|talks)|met)\b")


def find_meetings(doc: Doc, frameworks: list[Framework]) -> list[Meeting]:
    main: Meeting | None = None
    others: list[Meeting] = []
    for span in doc.spans:
        if not TRIGGER.search(span.text):
            continue
        actors = _actors(doc, span)
        if main and (_FOLLOW_UP.match(span.text) or (_SAME_EVENT.search(span.text) and not _new_date(doc, span, main))):
            _fill(doc, main, span, actors, frameworks)
            continue
        if len({a.key for a in actors}) < 2 and not (actors and re.search(r"\bmet\b|\bvisit", span.text)):
            if main and main.date is None and _SIGNING.search(span.text):
                # "Six Financing Agreements of European Union-CARICOM cooperation … were signed today (April 15)":
                # the day the release's signing was, told with no year (its own news), where nothing dated it
                told = [d for d in past_dateline(span.text, doc.dates_in(span.text)) if len(d.value) == 10 and d.relative]
                if told:
                    main.date = told[0].value
            continue
        ds = past_dateline(span.text, [d for d in doc.dates_in(span.text) if len(d.value) == 10])
        date = ds[0].value if ds else None
        past = date and main and main.date and date != main.date and _TOLD_DONE.search(span.text)
        if main is None or past:
            meeting = Meeting(label="", evidence=span, date=date)
            if main is None:
                main = meeting
            else:
                others.append(meeting)
        else:
            meeting = main
            meeting.date = meeting.date or date
        _fill(doc, meeting, span, actors, frameworks)
    if main:
        for span in doc.spans:
            if _JOIN.search(span.text):
                for a in _actors(doc, span):
                    if a.key not in main.participants:
                        main.participants.append(a.key)
    if main:
        _advisory(doc, main)
        # The meeting a release reports happened where and when its dateline says, unless told otherwise.
        main.place = main.place or (None if _visit_elsewhere(doc, main) else doc.dateline_place)
        if main.date is None and doc.anchor and not re.search(r"\b(?:had|was|were) (?:held|met)\b|\blast (?:year|month)\b",
                                                                main.evidence.text):
            main.date = doc.anchor.isoformat()
    meetings = [m for m in [main, *others] if m and m.participants]
    for m in meetings:
        _finish(doc, m)
        _dates_its_signing(m, frameworks)
    return meetings


_SIGNING = re.compile(r"\bsign(?:ed|ing|s)?\b|\bsignature\b", re.IGNORECASE)


def _dates_its_signing(meeting: Meeting, frameworks: list[Framework]) -> None:
    """'The signing ceremony of the Memorandum … took place in the MFA premises': an agreement its
    sentence tells signed at a meeting, and undated itself, was signed the day the meeting was held."""
    told = [meeting.evidence, *meeting.further]
    if meeting.framework is None or meeting.date is None or not any(
            _SIGNING.search(s.text) and told_as_news(s.text) for s in told):
        return
    for f in frameworks:
        if f.key == meeting.framework and f.established is None:
            f.established = meeting.date


# The fields of a media advisory, on lines of their own: "WHEN Monday 18 November 09:00 CET (Geneva)",
# "WHERE: WHO headquarters, Geneva".
_WHEN = re.compile(r"^[ \t]*(?:WHEN|When|DATE|Date)\b[ \t]*:?[ \t]+(.+)$", re.MULTILINE)
_WHERE = re.compile(r"^[ \t]*(?:WHERE|Where|VENUE|Venue)\b[ \t]*:?[ \t]+(.+)$", re.MULTILINE)


def _advisory(doc: Doc, meeting: Meeting) -> None:
    """A media advisory's WHEN and WHERE lines date and place the event it announces."""
    when = _WHEN.search(doc.text)
    if when and meeting.date is None:
        days = [d.value for d in doc.dates_in(when.group(1)) if len(d.value) == 10]
        meeting.date = days[0] if days else None
    where = _WHERE.search(doc.text)
    if where and meeting.place is None:
        cities = [w for w in re.findall(r"[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?", where.group(1)) if is_city(w)]
        meeting.place = cities[-1] if cities else None


def _new_date(doc: Doc, span: Span, main: Meeting) -> bool:
    """Whether the sentence dates an event other than the meeting told first."""
    ds = [d.value for d in doc.dates_in(span.text) if len(d.value) == 10]
    return bool(ds) and ds[0] != main.date


_UPCOMING = re.compile(r"\b(?:upcoming|forthcoming|to be held|will be held|scheduled to take place)\b")


def _fill(doc: Doc, meeting: Meeting, span: Span, actors: list[Mention], frameworks: list[Framework]) -> None:
    if span != meeting.evidence and span not in meeting.further:
        meeting.further.append(span)
    for a in actors:
        if a.key not in meeting.participants:
            meeting.participants.append(a.key)
    # a later sentence about the meeting speaks of its topics ("the developments in Gaza"): where it took
    # place is its own sentence's, or else the dateline's
    # (the lead after a headline that told it is its own first telling: "FM Kang meets UNDP chief …", then "SEOUL,
    # Sept. 28 (Yonhap) -- Foreign Minister Kang Kyung-wha met with … in New York")
    lead = meeting.evidence.text.strip() == (doc.headline or "").strip() and span == next(
        (s for s in doc.spans if s.start > meeting.evidence.start), None)
    told_after = span != meeting.evidence and doc.dateline_place is not None and not lead
    if span != meeting.evidence and _UPCOMING.search(span.text):
        # "briefed the Minister on the upcoming 38th SADC Summit …, to be held … in Windhoek": another event's
        # place, number, host and chairs
        meeting.framework = meeting.framework or _framework(frameworks, span)
        return
    # (a city there, not a building the model saw as a place: "… at Singha Durbar")
    meeting.place = meeting.place or (None if told_after else _place(doc, span, cities_only=lead)) or _event_place(span)
    meeting.ordinal = meeting.ordinal or _ordinal(span)
    meeting.host = meeting.host or _host(doc, span)
    meeting.framework = meeting.framework or _framework(frameworks, span)
    for c in _chairs(doc, span):
        if c not in meeting.chairs:
            meeting.chairs.append(c)


def _finish(doc: Doc, meeting: Meeting) -> None:
    # A person's post says which organisation they took part for; and a minister's government takes part
    # through the ministry the post is in (after the host is read: its ministry, not the two, hosts).
    posts = [p for p in doc.posts if p.person in meeting.participants]
    for post in posts:
        if post.organisation not in meeting.participants:
            meeting.participants.append(post.organisation)
    meeting.host = meeting.host or _host_by_place(doc, meeting)
    for post in posts:
        government = doc.government_above(post.organisation)
        if government is not None and government not in meeting.participants:
            meeting.participants.append(government)
    orgs = [doc.orgs[k].name for k in meeting.participants if k in doc.orgs][:3]
    nth = f"{meeting.ordinal}{_suffix(meeting.ordinal)} " if meeting.ordinal else ""
    when = f", {meeting.date}" if meeting.date else ""
    meeting.label = f"{nth}meeting of {', '.join(orgs) or 'named persons'}{when}"


def _host_by_place(doc: Doc, meeting: Meeting) -> str | None:
    """A meeting in a city of a country whose government (or one of its bodies, alone) takes part with
    others from abroad is hosted by it: "met … at the president's official residence in Pretoria"."""
    alpha3 = country_of_city(doc, meeting.place)
    if alpha3 is None:
        return None
    own = [k for k in meeting.participants if k in doc.orgs and _of_country(doc, k, alpha3)]
    foreign = [k for k in meeting.participants if k in doc.orgs and k not in own]
    return own[0] if len(own) == 1 and foreign else None


_VISIT_TO = re.compile(r"\b(?:visit|trip|travel|mission)\s+to\s+(?:the\s+)?")


def _visit_elsewhere(doc: Doc, meeting: Meeting) -> bool:
    """Whether the meeting's sentences place it on a visit to a country other than the dateline's: "KABUL (Ariana
    News): Acting Health Minister … met with the Director-General of the World Health Organization … during his
    visit to Switzerland" did not take place in Kabul."""
    home = country_of_city(doc, doc.dateline_place)
    if home is None:
        return False
    for span in (meeting.evidence, *meeting.further):
        for m in _VISIT_TO.finditer(span.text):
            went = next((c for x in doc.mentions if x.start == span.start + m.end() and (c := doc.country_of(x))), None)
            if went is not None and went != home:
                return True
    return False


def _of_country(doc: Doc, key: str, alpha3: str) -> bool:
    """Whether an organisation is a country's government or a body of it."""
    org = doc.orgs[key]
    parent = doc.orgs.get(org.parent) if org.parent else None
    return org.government_of == alpha3 or (parent is not None and parent.government_of == alpha3)


def _suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
