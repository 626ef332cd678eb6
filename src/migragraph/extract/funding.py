"""Funding: each stated flow of money from a donor to a recipient, with amount, currency, year and
qualifier. The donor and recipient are read from the wording around the amount in its own sentence, so
an amount in a sentence about another donor is never credited to the release's main donor."""

from __future__ import annotations

import re
from collections.abc import Sequence

from migragraph.extract.dates import full_dates
from migragraph.extract.doc import Doc, Mention, main_country
from migragraph.extract.model import Framework, Funding, Span
from migragraph.extract.money import Money, amounts
from migragraph.extract.text import title_case

_GIVE = (r"(?:provided|provides|provide|providing|contributed|contributes|contribute|contributing|donated|donates|donate|"
         r"granted|grants|allocated|allocates|allocate|allocating|pledged|pledges|pledge|committed|commits|commit|"
         r"announced|announces|approved|approves|approve|gave|gives|give|funding|makes? available|made available|"
         r"make available|making available|extends?|extended|offer(?:s|ed|ing)?|lends?|lent|lending|"
         r"disbursed|disburses|awarded|awards|earmarked|mobilized|mobilised|channelled|will provide|is providing|"
         r"support(?:s|ed)?|fund(?:s|ed)?|finance(?:s|d)?)")
_FLOW_NOUN = r"(?:funding|support|contribution|contributions|grant|assistance|aid|loan|financing|donation|money|backing)"
# Words that make a sentence's amounts money given, in a release whose donor and recipient are known.
_CUE = re.compile(r"\b(?:fund(?:s|ed|ing)?|financ\w*|grant\w*|contribut\w*|donat\w*|allocat\w*|support\w*|"
                  r"loan\w*|credit\w*|pledg\w*|assistance|valued at|worth|disburs\w*|earmark\w*|intended for|"
                  r"set aside)\b", re.IGNORECASE)
_LINE_DONOR = re.compile(r"(?m)^\s*(.+?)\s+(?:Credit|Grant|Loan|Financing|Contribution|Trust Fund Grant)\s*:\s*")
_PAIR_AGREEMENT = re.compile(r"\b([A-Z][\w.&]*)-([A-Z][\w.&]*)\s+(?:contribution|grant|financing|funding|loan|donation)"
                            r"\s+agreements?\s+(?:of|worth|amounting to)\s+(?:(?:about|around|some|over|nearly|almost|"
                            r"up to)\s+)?$")
# A sum told as an agreement's worth: "a 305.7-million-dollar agreement".
_SUM_OF_AGREEMENT = re.compile(r"(?:\s*\([^()]{1,40}\))?[\s-]+(?:[\w-]+\s+){0,2}?agreements?\b")
# Agreements under which one side lends or grants to the other (not a donor's "contribution agreement",
# under which a government may as well give as receive).
_LENDING = re.compile(r"\b(?:grant|loan|credit|financing)\s+agreements?\b", re.IGNORECASE)
_THROUGH = re.compile(r"\s*(?:in\s+total\s+)?through\s+(?:the\s+)?")
_SIGNED_WITH = re.compile(r"\bsign(?:ed|s)\b[^.;]{0,80}?\bwith\s+(?:the\s+)?")
# (a body announces what it is given: "WFP has announced a contribution of around $130 million from the Government
# of Japan")
_RECEIVES = re.compile(r"\breceiv(?:e|es|ed|ing)\b|\bbenefit(?:s|ed|ing)?\s+from\b|\bwelcom(?:e|es|ed|ing)\b"
                       r"|\baccept(?:s|ed|ing)?\b|\bannounc(?:e|es|ed|ing)\b")
_YEAR = re.compile(r"\b(?:[Ii]n|[Ff]or|[Dd]uring|of|year|fiscal year|budget|FY)\s+((?:19|20)\d\d)\b")


def _orgs(doc: Doc, lo: int, hi: int) -> list[Mention]:
    return [m for m in doc.mentions if m.kind == "org" and lo <= m.start and m.end <= hi]


def _stated_year(span: Span, sums: list[Money], i: int) -> int | None:
    """The year of the i-th sum of a sentence: the one stated right after it, before the next sum
    ("from US$1.25 million in 2016 to US$5 million in 2018"); else the nearest one stated before it,
    after the sum before; else the sentence's first."""
    text = span.text
    after = _YEAR.search(text, sums[i].end, sums[i + 1].start if i + 1 < len(sums) else len(text))
    before = list(_YEAR.finditer(text, sums[i - 1].end if i else 0, sums[i].start))
    m = after or (before[-1] if before else None) or _YEAR.search(text)
    if m:
        return int(m.group(1))
    # "On October 10, 2002, the Board approved an additional loan of … USD2.838 million", "The original loan for …
    # USD 27.489 million was approved on December 9, 1999": the day it was given, written out in its sentence
    for d in full_dates(text):
        if (_GIVEN_ON.search(text, 0, d.start) and d.start < sums[i].start) or _APPROVED_ON.search(text, 0, d.start):
            return int(d.value[:4])
    return None


# The day a sum was given: the sentence opens with it, or a verb of giving puts it right before the date.
_GIVEN_ON = re.compile(r"^\s*On\s+$")
_APPROVED_ON = re.compile(r"\b(?:approved|signed|granted|disbursed|awarded|committed|pledged)\s+on\s+$")


# What a project costs or is estimated at is no money given: "The total cost of the project reached about KD 7.99
# million", "The Operational Programme is estimated at EUR 8.1 billion".
_COST = re.compile(r"\b(?:costs?|costing)\b[^,;.$€£]{0,40}$|\bestimated\s+at\s+[^,;.$€£]{0,12}$")

# Nor the size of a fund that several give to: "… part of the basket fund of US $ 27.8 million".
_FUND_OF = re.compile(r"\bfund\s+of\s+(?:about\s+|around\s+|some\s+|over\s+)?$", re.IGNORECASE)
# Nor what was paid back: "… of which about KD 8.3 million (about USD 27 million) were repaid".
_REPAID = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:were|was|has been|have been|had been)\s+repaid\b")


def find_funding(doc: Doc, frameworks: Sequence[Framework] = ()) -> list[Funding]:
    out: list[Funding] = []
    unread: list[tuple[Span, Money, int | None]] = []
    given: list[tuple[str, Span, Money, int | None]] = []  # sums "from" a donor, to no recipient told
    listing = False  # within the items of a list a line ending in ":" tells of a flow ("… activities listed below:")
    sums_of: dict[int, list[Money]] = {}  # each sentence's sums, by where it starts
    for n, span in enumerate(doc.spans):
        sums = sums_of[span.start] = amounts(span.text)
        listing = _list_item(span.text, sums) if listing else bool(_CUE.search(span.text)) and \
            span.text.rstrip().endswith(":")
        for i, money in enumerate(sums):
            if _COST.search(span.text, 0, money.start) or _REPAID.match(span.text, money.end) or \
                    _FUND_OF.search(span.text, 0, money.start):
                continue
            pair = _donor_recipient(doc, span, money, sums)
            if not pair or pair[0] == pair[1]:  # (no flow from a body to itself: read the agreement's sides)
                pair = _lender_borrower(doc, span, frameworks, money) or _given_to_a_party(doc, span, frameworks, money)
            year = _stated_year(span, sums, i)
            if not pair or pair[0] == pair[1]:
                donor = _from_donor(doc, span, money)
                if donor and any(_CUE.search(s.text) for s in doc.spans[max(0, n - 1):n + 1]):
                    given.append((donor, span, money, year))
                elif _CUE.search(span.text) or listing:
                    unread.append((span, money, year))
                continue
            recipient = _more_specific(doc, span, money, pair[1])
            # "Gambia, Ghana, Liberia, Sierra Leone, and Sudan have committed to contribute US$1 million each to …"
            each = _listed_with(doc, span, money, pair[0]) if _EACH.match(span.text, money.end) else [pair[0]]
            for donor in each:
                out.append(Funding(donor, recipient, money.amount, money.currency, span, year, money.qualifier))
    # "… received US$ 88.4 million in donations. … as well as the US$ 138 thousand from Belgium, US$ 6.2 million
    # from the European Union, …": each sum is its donor's to the one body the release's flows go to
    recipients = {f.recipient for f in out}
    if len(recipients) == 1:
        (recipient,) = recipients
        for donor, span, money, year in given:
            if donor != recipient and recipient not in doc.lineage(donor):
                out.append(Funding(donor, recipient, money.amount, money.currency, span, year, money.qualifier))
    # A release about one donor's money to one recipient lists sums without repeating who gives them:
    # "€13.5 million; support for …, €21 million; …". Those sums are that flow's.
    # A bank's release of its loans names their borrowers one by one, the bank once: "Turkey would receive USD 300
    # million …", "… 125 million dollars for a dam project in Indonesia": each such sum is the bank's, to the one
    # country its clause names; the one pair read so far is the bank's loan to one of them, so a sum whose clause
    # names another country is not that pair's ("… in Angola for $100 million" beside "… a Mother and Child Referral
    # Hospital in Guinea for $75 million")
    frame = _frame(out)
    lender = _one_lender(doc, out) if frame is None or doc.government_above(frame[1]) else None
    borrowed: list[Funding] = []
    for span, money, year in unread if frame or lender else ():
        country = _borrower(doc, span, money, sums_of[span.start]) if lender else None
        if lender and country:
            borrowed.append(Funding(lender, doc.government(country), money.amount, money.currency, span, year,
                                    money.qualifier))
        elif frame and not (lender and _elsewhere(doc, frame[1], _clause_countries(doc, span, money,
                                                                                sums_of[span.start]))):
            out.append(Funding(frame[0], frame[1], money.amount, money.currency, span, year, money.qualifier))
    flows = _dedupe(out)
    # (the same sum one sentence tells twice is two loans: "Samoa with a $10 million grant, … and Tonga a $10
    # million grant"; "… with a $5 million grant and a $5 million loan")
    for loan in borrowed:
        if not any(_same_flow(f, loan) and f.recipient == loan.recipient and f.evidence != loan.evidence
                   for f in flows):
            flows.append(loan)
    for f in flows:
        if f.year is None and doc.anchor:
            f.year = doc.anchor.year  # a sum with no year of its own is of the release's year
    return flows


# What a bank's release says it did with its loans, in its lead: "… (AIIB) said Tuesday that it had approved three new
# loans", "The board of directors of Islamic Development Bank (IDB) approved on Tuesday the financing of …".
_APPROVED = re.compile(r"\b(?:approved|approves)\b")
# The country told just before a sum it takes: "Turkey would receive USD 300 million", "… while Oman get USD 225
# million", "Argentina received the biggest package of loans, for US$620mn", "Next was Colombia, awarded a loan for
# …", "will provide Kiribati with an $8 million grant, … and Tonga a $10 million grant", "a Mother and Child Referral
# Hospital in Guinea for $75 million" (matched whole, from the country's end to the sum)
_TAKER = re.compile(r",?\s+(?:(?:would|will|is to|was|has|have)\s+)?(?:receive[sd]?|gets?|got|(?:was\s+)?awarded)\s+"
                    r"(?:[\w-]+,?\s+){0,6}?(?:for\s+)?|\s+(?:with\s+(?:an?\s+)?|an?\s+)|,?\s+for\s+")
# A sum joined to the one before it, to the same taker: "… with a $5 million grant and a $5 million loan".
_AND_ANOTHER = re.compile(r"\s+(?:[a-z-]+\s+){0,2}and\s+(?:an?\s+)?")
# Who finances a project beside the lender gets nothing: "… co-financed with the World Bank".
_CO_FINANCIER = re.compile(r"\bco-?financ\w*\s+(?:\w+\s+){0,3}?(?:with|by)\b[^.;]*$", re.IGNORECASE)


def _one_lender(doc: Doc, found: list[Funding]) -> str | None:
    """The one bank or fund whose loans and grants a release tells of: the donor of every flow read, where that is
    no state and no agency that states fund; else, where none was read, the body the lead says approved them."""
    donors = {f.donor for f in found}
    if len(donors) > 1:
        return None
    if donors:
        (donor,) = donors
    else:
        lead = next(((s, verb) for s in doc.spans[:3] if (verb := _APPROVED.search(s.text)) and _CUE.search(s.text)),
                    None)
        if lead is None:
            return None
        span, verb = lead
        before = _orgs(doc, span.start, span.start + verb.start())
        if not before:
            return None
        donor = doc.lineage(before[-1].key)[-1] if doc.orgs[before[-1].key].unit else before[-1].key
    return donor if not doc.government_above(donor) and not _agency(doc, donor) else None


def _borrower(doc: Doc, span: Span, money: Money, sums: list[Money]) -> str | None:
    """The country a sum of a lender's goes to: the one its clause says receives it, else the one country named
    after it before the next sum (where it is built: "… for a dam project in Indonesia"), not a co-financier."""
    at = sums.index(money)
    if at and _AND_ANOTHER.fullmatch(span.text, sums[at - 1].end, money.start):
        return _borrower(doc, span, sums[at - 1], sums)  # "Solomon Islands with a $5 million grant and a $5 million loan"
    hi = span.start + (sums[at + 1].start if at + 1 < len(sums) else len(span.text))
    a, b = span.start + money.start, span.start + money.end
    countries = _clause_countries(doc, span, money, sums)
    takes = [alpha3 for m, alpha3 in countries if m.end <= a and _TAKER.fullmatch(doc.text, m.end, a)]
    if takes:
        return takes[-1]
    after = {alpha3 for m, alpha3 in countries if m.start >= b and not _CO_FINANCIER.search(doc.text, b, m.start)
             and not _TAKER.fullmatch(doc.text, m.end, hi)}  # (not who takes the next sum: "… while Oman get")
    return after.pop() if len(after) == 1 else None


def _elsewhere(doc: Doc, recipient: str, countries: list[tuple[Mention, str]]) -> bool:
    """Whether a sum's clause names a country other than the recipient's."""
    state = doc.government_above(recipient)
    return any(doc.gaz.countries[alpha3].government.key != state for _, alpha3 in countries)


def _clause_countries(doc: Doc, span: Span, money: Money, sums: list[Money]) -> list[tuple[Mention, str]]:
    """The countries named between the sums before and after a sum, by their names or their governments' (not by
    their adjectives, which name bodies of their own: "the Indonesian Regional Infrastructure Development Fund")."""
    at = sums.index(money)
    lo = span.start + (sums[at - 1].end if at else 0)
    hi = span.start + (sums[at + 1].start if at + 1 < len(sums) else len(span.text))
    return [(m, alpha3) for m in doc.mentions if lo <= m.start and m.end <= hi and m.kind in ("country", "org")
            and (alpha3 := doc.country_of(m))]


def _more_specific(doc: Doc, span: Span, money: Money, recipient: str) -> str:
    """The body of the recipient's own phrase that is part of it, where one follows it there ("to the UN agency
    for Palestinian refugees (UNRWA)", "for the United Nations’ Central Emergency Response Fund (Cerf)")."""
    told = next((m for m in doc.mentions if m.kind == "org" and m.key == recipient
                 and span.start + money.end <= m.start < span.end), None)
    if told is None:
        return recipient
    phrase = _OWN_PHRASE.match(doc.text, told.end, span.end)
    inner = next((m for m in doc.mentions if m.kind == "org" and phrase and told.end < m.start <= phrase.end()
                  and recipient in doc.lineage(m.key)[1:]), None)
    return inner.key if inner is not None else recipient


# The words of a noun phrase after a body's name, up to a clause's end: "(’s) agency for Palestinian refugees (".
_OWN_PHRASE = re.compile(r"(?:’s|'s|’)?[^,;.()]{0,60}\(?")


def _lender_borrower(doc: Doc, span: Span, frameworks: Sequence[Framework],
                     money: Money | None = None) -> tuple[str, str] | None:
    """The sides of a grant, loan, credit or financing agreement told in the sum's sentence, between a
    government (or one of its bodies) and a body that is none: the latter lends or grants ("the Azerbaijani
    government and IDB signed grant agreement (200 thousand USD)")."""
    # (or any agreement the sum is the worth of: "IFAD and the government of Ethiopia signed a 305.7-million-dollar
    # agreement for …")
    worth = _SUM_OF_AGREEMENT.match(span.text, money.end) if money is not None else None
    for f in frameworks:
        if not _tells_of(span, f) or not (_LENDING.search(f.name) or worth) or len(f.parties) != 2:
            continue
        state = [p for p in f.parties if doc.government_above(p)]
        if len(state) == 1:
            other = next(p for p in f.parties if p != state[0])
            if worth and "contribution" in worth.group().lower() and _agency(doc, other):
                # "The Embassy of Sweden and the United Nations Population Fund signed a 35.6 million Swedish
                # kronor … contribution agreement": a state contributes to an agency that works in countries
                return state[0], other
            return other, state[0]
    return None


# "… under which 108.8000 million Norwegian Kronor (around USD 19 million) will be provided to UNESCO"
_GIVEN_TO = re.compile(rf"\s*(?:\([^()]{{1,40}}\)\s*)?(?:will be|is|are|was|were|has been|have been|shall be|to be)\s+"
                       rf"{_GIVE}\s+to\s+(?:the\s+)?")


def _given_to_a_party(doc: Doc, span: Span, frameworks: Sequence[Framework], money: Money) -> tuple[str, str] | None:
    """A sum a passive gives to one of the two parties of the agreement its sentence tells of: the other party
    gives it ("renew the Programme Cooperation Agreement between UNESCO and the Kingdom of Norway …, under which
    108.8000 million Norwegian Kronor … will be provided to UNESCO")."""
    given = _GIVEN_TO.match(span.text, money.end)
    to = next((m for m in doc.mentions if given and m.kind == "org" and m.start == span.start + given.end()), None)
    if to is None:
        return None
    for f in frameworks:
        if _tells_of(span, f) and len(f.parties) == 2 and to.key in f.parties:
            return next(p for p in f.parties if p != to.key), to.key
    return None


def _tells_of(span: Span, f: Framework) -> bool:
    """Whether the sentence tells of the framework: the one it was read from, or one told of it later (a
    headline names the agreement, the body its sum)."""
    return span.start == f.evidence.start or any(s.start == span.start for s in f.further)


def _giver_first(doc: Doc, signer: str, other: str, kind: str) -> tuple[str, str]:
    """Who gives and who receives, of two that sign for a sum of `kind`: the signer, unless it is the agency a
    contribution goes to ("QFFD has signed a $10 million contribution agreement with the … (UN-OHRLLS)"), or the
    government that borrows ("Nepal signed a $50 million loan with the World Bank")."""
    if kind == "contribution":
        swap = _agency(doc, signer) and not _agency(doc, other)
    else:
        swap = bool(doc.government_above(signer)) and not doc.government_above(other)
    return (other, signer) if swap else (signer, other)


def _agency(doc: Doc, key: str) -> bool:
    """Whether a body is (or is an office of) an agency with offices in the countries it works in (the
    gazetteer's `offices`: the UN's agencies, IOM), which governments fund."""
    return any((entry := doc.gaz.orgs.get(k)) is not None and entry.offices for k in doc.lineage(key))


_AGREEMENT_FOR = re.compile(r"\bsign(?:ed|s)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?agreements?\s+with\s+(?:the\s+)?"
                            r"(?P<with>[^,;]+?)\s+for\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?"
                            r"(?P<kind>contribution|loan|credit|grant|financing)\s+of\s+"
                            r"(?:(?:about|around|some|over|nearly|almost|up to)\s+)?$")
# ("… have signed an agreement for an additional Euro 1.6 million grant")
_SIGNS_A = re.compile(r"\bsign(?:ed|s)?\s+(?:an?\s+|the\s+)?(?:new\s+)?(?:agreement\s+for\s+(?:an?\s+)?(?:additional\s+|new\s+)?)?$",
                      re.IGNORECASE)
# Two that sign, as a headline or a sentence names them: "Ghana, AfDB", "The IDB and the CDB"
_SIGNING_PAIR = re.compile(r"^\W*(?:the\s+)?(\S.*?)(?:,|\s+and)\s+(?:the\s+)?(\S.*?)\s+(?:have\s+|has\s+)?(?:jointly\s+)?$",
                           re.IGNORECASE)
_DATELINE_LEAD = re.compile(r"[^:.\n]{0,40}:\s+")
_KIND_AFTER = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:[\w-]+\s+){0,2}?(?P<kind>loan|credit|grant|financing)\b",
                         re.IGNORECASE)
_LOAN_WITH = re.compile(r"\s+(?:concessional\s+|new\s+)?(?P<kind>loan|credit|grant|financing|contribution)"
                        r"(?:\s+agreements?)?\s+with\s+(?:the\s+)?")


def _frame(found: list[Funding]) -> tuple[str, str] | None:
    """The one donor-recipient pair of the release's flows, if they all have the same."""
    pairs = {(f.donor, f.recipient) for f in found}
    return next(iter(pairs)) if len(pairs) == 1 else None


def _donor_recipient(doc: Doc, span: Span, money: Money, sums: list[Money]) -> tuple[str, str] | None:
    text = span.text
    # (a title-case headline capitalises its verb: "Japan Contributes Additional $41 Million to UNHCR")
    headline_case = re.IGNORECASE if title_case(text) else 0
    a, b = span.start + money.start, span.start + money.end
    before, after = doc.text[span.start:a], doc.text[b:span.end]
    # "IDA Credit: US$70 million" — a World Bank approval line; the borrower is the project's country
    line = _LINE_DONOR.search(before + " ") if re.search(r":\s*$", before) else None
    if line:
        donors = _orgs(doc, span.start + line.start(1), span.start + line.end(1))
        recipient = doc.government(doc.project_country) if doc.project_country else None
        if donors and recipient:
            return donors[-1].key, recipient
        return None
    # "The OPEC Fund has signed a €50 million loan with the West African Development Bank": who signs a loan
    # with another lends to it, unless it is the government that borrows ("Nepal signed a $50 million loan
    # with the World Bank")
    signed = _SIGNS_A.search(before)
    with_ = _LOAN_WITH.match(after) if signed else None
    if signed and with_:
        d = _orgs(doc, span.start, span.start + signed.start())
        r = [x for x in doc.mentions if x.kind == "org" and x.start == b + with_.end()]
        if d and r and d[-1].key != r[0].key:
            return _giver_first(doc, d[-1].key, r[0].key, with_.group("kind"))
    # "Ghana, AfDB sign $103 million Grant Facility": a state and a body that is none sign for a loan, grant or
    # credit; the body gives (which of two banks lends to the other their order does not tell)
    kind = _KIND_AFTER.match(after) if signed and not with_ else None
    # (after a dateline: "16 August, Kathmandu: The European Union (EU) and the United Nations Development Programme
    # (UNDP) have signed an agreement for an additional Euro 1.6 million grant")
    dateline = _DATELINE_LEAD.match(before) if kind else None
    lead = dateline.end() if dateline else 0
    pair = _SIGNING_PAIR.search(before[lead:signed.start()]) if kind and signed else None
    if pair and kind:
        # (a side told with its acronym is one)
        sides = [{_actor(doc, x) for x in doc.mentions if x.kind in ("org", "country") and
                  span.start + lead + pair.start(g) <= x.start and x.end <= span.start + lead + pair.end(g)}
                 for g in (1, 2)]
        if all(len(side) == 1 for side in sides):
            keys = [next(iter(side)) for side in sides]
            states = [k for k in keys if doc.government_above(k)]
            if len(states) == 1:
                return next(k for k in keys if k != states[0]), states[0]
            agencies = [k for k in keys if _agency(doc, k)]
            if not states and len(agencies) == 1 and kind.group("kind").lower() == "grant":
                return next(k for k in keys if k != agencies[0]), agencies[0]  # an agency is given grants
    # "Qatar Fund for Development (QFFD) signed an agreement with the World Food Program (WFP) for a flexible
    # multilateral core contribution of $10m": the two that sign, for a sum of a kind
    deal = _AGREEMENT_FOR.search(before)
    if deal:
        d = _orgs(doc, span.start, span.start + deal.start())
        r = [x for x in doc.mentions if x.kind == "org" and x.start == span.start + deal.start("with")]
        if d and r and d[-1].key != r[0].key:
            return _giver_first(doc, d[-1].key, r[0].key, deal.group("kind"))
    # "the EU-UNRWA contribution agreement of EUR 82 million": the pair's first gives, to the second
    pair = _PAIR_AGREEMENT.search(before)
    if pair:
        first = _orgs(doc, span.start + pair.start(1), span.start + pair.end(1))
        second = _orgs(doc, span.start + pair.start(2), span.start + pair.end(2))
        if first and second and first[0].key != second[0].key:
            return first[0].key, second[0].key
    # "Finland has granted … as follows: EUR 25 million to UNFPA, EUR 19 million to UN Women, …": the
    # recipient right after each amount, the donor before the verb that governs them all
    give = list(re.finditer(rf"\b{_GIVE}\b", before, headline_case))
    near = re.match(r"\s*(?:[\w-]+\s+){0,3}?(?:to|for|towards)\s+(?:the\s+)?", after)
    if give and near:
        r = [x for x in doc.mentions if x.kind in ("org", "country") and x.start == b + near.end()]
        d = _orgs(doc, span.start, span.start + give[0].start())
        if d and r:
            return d[-1].key, _actor(doc, r[0])
    # "European Commission funding to IOM reached over EUR 590 million"
    # (in the sum's own clause: "… CARICOM Integration, €13.5 million; support for CARIFORUM States …, €21
    # million" lists sums, and CARICOM gives none of them)
    clause = before.rfind(";") + 1
    m = re.compile(rf"(\S.*?)(?:’s|'s)?\s+{_FLOW_NOUN}\s+(?:(?:to|for|of)\s+)?(?:the\s+)?(.+?)(?:\s+(?:reached|totall?ed|"
                   rf"totals|amounted|stood|was|were|is|of|worth)\b|,|$)").search(before, clause)
    if m:
        d = _orgs(doc, span.start + m.start(1), span.start + m.end(1))
        r = _orgs(doc, span.start + m.start(2), span.start + m.end(2))
        if d and r and d[-1].key != r[0].key:
            return d[-1].key, r[0].key
    # "Australia’s initial annual grant to the Geneva Office, of USD 700,000", "Poland contribution … exceeded":
    # the flow nearest before the amount
    # (in a title-case headline, "Japan Backing for IOM Humanitarian Operations Totals USD 46.8 Million")
    nouns = list(re.finditer(rf"\b{_FLOW_NOUN}\b", before, headline_case))
    if nouns:
        noun = nouns[-1]
        owner = re.search(r"(\S+?)(?:’s|'s)?\s+(?:(?:initial|annual|total|additional|new|first|latest|overall|core|"
                          r"voluntary)\s+)*$", before[:noun.start()])
        # (a title-case headline capitalises the verb: "Japan Backing for IOM Humanitarian Operations Totals …")
        tail = re.match(r"\s+(?:(?:to|for)\s+(?:the\s+)?(.+?))?(?:,?\s+(?:of|reached|(?i:totall?ed|totals|amounted)|"
                        r"stood|was|were|is|exceeded|worth)\b[^,]*)?$", before[noun.end():])
        if owner and tail:
            d = [x for x in doc.mentions if x.kind in ("org", "country") and x.start == span.start + owner.start(1)]
            lo = span.start + noun.end() + tail.start(1) if tail.group(1) else 0
            r = _orgs(doc, lo, lo + len(tail.group(1))) if tail.group(1) else []
            if d and r:
                return _actor(doc, d[0]), r[0].key
    # "the announcement by the Spanish government of an unprecedented contribution of €12.5 million
    # towards UNHCR programmes": the recipient right after the sum, the donor the last actor before the noun
    # ("… a second contribution of $482.05 million toward the 2012 operations of the UNHCR", "The Government of
    # Japan contribution of USD2 million will support UNICEF's efforts")
    of = re.search(rf"\b{_FLOW_NOUN}\s+of\s+(?:(?:about|around|some|over|nearly|almost|up to)\s+)?$", before)
    near = re.match(r"\s*(?:[\w-]+\s+){0,2}?(?:to|towards?|for|(?:will\s+)?support|in support of)\s+(?:the\s+)?"
                    r"(?:(?:[\w-]+\s+){1,3}?of\s+(?:the\s+)?)?", after) if of else None
    if of and near:
        r = [x for x in doc.mentions if x.kind in ("org", "country") and x.start == b + near.end()]
        d = [x for x in doc.mentions if x.kind in ("org", "country") and span.start <= x.start
             and x.end <= span.start + of.start() and r and x.key != r[0].key]
        if d and r:
            return _actor(doc, d[-1]), _actor(doc, r[0])
    # "IOM ... receive(s) USD 43.5 million from Japan"; what a body benefits from or welcomes from another
    # ("The African Union Commission (AUC) will soon benefit from an $11.48 million grant from the African
    # Development Fund", "WFP welcomed a $500,000 contribution from the Republic of Korea")
    receives = list(_RECEIVES.finditer(before))
    if receives:
        # (the body nearest before the verb: "sources at the Department for International Development … the
        # former UN gender organisation, UNIFEM, which received £3m from Britain")
        r = _orgs(doc, span.start, span.start + receives[-1].start())[::-1] or _orgs(doc, span.start, a)
        frm = re.match(r"\s*(?:\w+\s+){0,6}?from\s+(?:the\s+)?", after)
        d = [x for x in doc.mentions if x.kind in ("org", "country") and b + frm.end() <= x.start] if frm else []
        if r and d and _actor(doc, d[0]) != r[0].key:
            return _actor(doc, d[0]), r[0].key
    # "an eight million dollar grant provided by X to Y": the passive names the donor after the amount (so does a
    # headline's "Grant agreement on providing $400 mln by Japan for Ukraine recovery signed")
    by = re.match(rf"\s*(?:[\w-]+\s+){{0,3}}?{_GIVE}\s+by\s+(?:the\s+)?", after) or (
        re.match(r"\s*by\s+(?:the\s+)?", after) if re.search(rf"\b{_GIVE}\s+$", before, headline_case) else None)
    if by:
        d = [x for x in doc.mentions if x.kind in ("org", "country") and x.start == b + by.end()]
        to = re.match(r"\s*(?:to|for)\s+(?:the\s+)?", doc.text[d[0].end:span.end]) if d else None
        r = [x for x in doc.mentions if x.kind in ("org", "country") and to and x.start == d[0].end + to.end()]
        if d and r:
            return _actor(doc, d[0]), _actor(doc, r[0])
    # "X provided AMOUNT to Y", "X, through ..., contributed AMOUNT for Y"; not a passive ("the budget that has been
    # provided by KOICA … is estimated to be $11 million": who is named before the verb gives nothing)
    give = list(re.finditer(rf"\b{_GIVE}\b", before, headline_case))
    if give and not _BY_AFTER.match(before, give[-1].end()):
        lo = span.start + before.rfind(";", 0, give[-1].start()) + 1
        d = _orgs(doc, lo, span.start + give[-1].start()) or _officials(doc, lo, span.start + give[-1].start())
        # ("contributed CAD 20 million ($15 million) in support of UNFPA's …": past the sum converted)
        to = re.match(r"\s*(?:\([^()]{1,40}\)\s*)?(?:(?:\w+|\([A-Z][\w.-]{1,9}\))\s+){0,8}?(?:to|for|towards|into|in support of)\s+(?:the\s+)?",
                      after)
        # (not the donor named again: "… a grant of … which will be used to procure agricultural machineries from
        # Japan")
        # (not in a part of the sum "including" tells: "… approximately $720 million to the organization, including
        # more than $100 million toward emergency appeals for vulnerable populations from Syria")
        end = span.end if to is None else b + to.end() + _whole_ends(after[to.end():])
        # (nor who finances it beside the donor: "a $216.5 million loan for a … project in Indonesia, which will be
        # co-financed with the World Bank")
        r = [x for x in _orgs(doc, b + to.end(), end) if (not d or x.key != d[-1].key)
             and not _CO_FINANCIER.search(doc.text, b, x.start)] if to else []
        # (or the state "to" names right after it: "… (IDA) credit as flood assistance to Bangladesh")
        r = r or [x for x in doc.mentions if to and x.kind == "country" and x.start == b + to.end()]
        if not r:
            # (not the agent of a passive, who gives: "from the total donated by Saudi Arabia, US$ 52 million")
            # (nor a country that names an event: "the pledges of the Union announced at the Kuwait donors conference
            # last year, which amounted to 400 million euros in the form of a grant to help Iraq")
            # (nor past another sum the verb gives: "… a $165 million loan for a … project in Bangladesh, and a $216.5
            # million loan for …": Bangladesh takes the first)
            between = any(give[-1].end() <= s.start and s.end <= money.start for s in sums)
            r = [] if between else [
                x for x in doc.mentions if x.kind in ("org", "country") and span.start + give[-1].end() <= x.start
                and x.end <= a and not _BY.search(doc.text, span.start + give[-1].end(), x.start)
                and not (x.kind == "country" and _EVENT_AFTER.match(doc.text, x.end))]
        if not r and (through := _THROUGH.match(after)):
            # "the Government of Japan has decided to extend grant aid of 39.2 million US dollars in total through
            # UNICEF": the agency money goes through is what receives it
            r = [x for x in doc.mentions if x.kind == "org" and x.start == b + through.end() and _agency(doc, x.key)]
        signed = _SIGNED_WITH.search(doc.text, lo, d[-1].start) if d and not r else None
        if signed and doc.text[signed.end():d[-1].start] == "":
            # "JICA signed loan agreements with the Government of India in Delhi to provide … loans of up to
            # Japanese Yen (JPY) 232.209 billion": who signs with another to provide gives it
            signer = _orgs(doc, lo, signed.start())
            if signer and signer[-1].key != d[-1].key:
                return signer[-1].key, d[-1].key
        if d and r:
            return d[-1].key, _actor(doc, r[0])
        if d and not re.search(r"\b(?:to|for|into)\s+(?:the\s+)?[A-Z]", after[:_whole_ends(after)]):
            # "The European Union has disbursed 45.3 million euros for budget support programs": the
            # country the release is about receives, where it names no other (a release of crises
            # names their countries, which receive nothing: "to ease the crisis in Syria")
            named = {m.key for m in doc.mentions if m.kind in ("country", "demonym")}
            country = main_country(doc) if len(named) == 1 else None
            state = doc.orgs[d[-1].key].government_of if d[-1].key in doc.orgs else None
            others = named - {state}
            if state and len(others) == 1 and _AID_NOUN.search(before):
                # a state's grant, loan or credit goes to the one other country the release names: "the Government
                # of Japan will provide a grant of Japanese Yen ¥ 180,000,000.00 which will be used to …" (not its
                # government's share of projects: "The Afghan government has pledged to contribute up to …")
                country = next(iter(others))
            own = doc.government(country) if country else None
            if own and own not in (d[-1].key, doc.government_above(d[-1].key)):  # never the donor's own government
                return d[-1].key, own
    # "AMOUNT from X to Y" / "AMOUNT to support Y ... from X"
    # (each named right after its word: not "… is already accounted for in this figure, as well as … from Belgium")
    frm = re.search(r"\bfrom\s+(?:the\s+)?", after)
    d = _body_named_at(doc, b + frm.end()) if frm else []
    r = next((found for to in re.finditer(r"\b(?:to support|to|for)\s+(?:the\s+)?", after)
              if (found := _body_named_at(doc, b + to.end()))), [])
    if d and r and d[0].key != r[0].key:
        return d[0].key, r[0].key
    # "X-funded", "funded by X": the other organisation of the sentence receives
    funded = re.search(r"(?:-funded|funded by|financed by|with (?:the )?support (?:of|from))\s*", text)
    if funded:
        orgs = _orgs(doc, span.start, span.end)
        donor = [o for o in orgs if abs(o.end - (span.start + funded.start())) <= 2
                 or o.start == span.start + funded.end()]
        rest = [o for o in orgs if donor and o.key != donor[0].key]
        if donor and rest:
            return donor[0].key, rest[0].key
    return None


def _list_item(line: str, sums: list[Money]) -> bool:
    """Whether a line is an item of a list of sums: one sum, a short label, no sentence ("Africa $ 25.4 million",
    "Headquarters $ 2.8 million")."""
    return len(sums) == 1 and len(line.split()) <= _ITEM_WORDS and not line.rstrip().endswith((".", ":"))


_ITEM_WORDS = 10


def _whole_ends(text: str) -> int:
    """Where what `text` says of a whole sum ends: at a semicolon, where its parts begin ("…, including"), or
    where a clause of another giver begins ("… to bolster decent work initiatives in Bangladesh, while the
    International Organization for Migration (IOM) will contribute another $0.58 million")."""
    end = _PARTS_BEGIN.search(text)
    return end.start() if end else len(text)


_PARTS_BEGIN = re.compile(r";|,?\s+(?:including|of which|while|whereas)\b")
_BY_AFTER = re.compile(r"\s+by\b")
# A country's name that names an event: "the Kuwait donors conference", "the Brussels Conference".
_EVENT_AFTER = re.compile(r"\s+(?:[Dd]onors?[’']?\s+|[Pp]ledging\s+)?(?:[Cc]onference|[Ss]ummit|[Ff]orum)\b")
# What one state gives another, named before the sum ("a grant of", "a line of credit of", "Grant Assistance of").
_AID_NOUN = re.compile(r"\b(?:grant|loan|credit|assistance|aid|donation)\b", re.IGNORECASE)


def _body_named_at(doc: Doc, pos: int) -> list[Mention]:
    """The body named at `pos`, or after the country in the possessive there ("Egypt’s Ministry of Agriculture")."""
    at = [x for x in doc.mentions if x.start == pos and x.kind in ("org", "country")]
    owner = at[0] if at and at[0].kind == "country" else None
    poss = _POSSESSIVE.match(doc.text, owner.end) if owner is not None else None
    if poss:
        at = [x for x in doc.mentions if x.start == poss.end() and x.kind == "org"] or at
    return [x for x in at if x.kind == "org"]


_POSSESSIVE = re.compile(r"(?:’s|'s)\s+")
_EACH = re.compile(r"\s+each\b")
_LISTED = re.compile(r"(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)$")


def _listed_with(doc: Doc, span: Span, money: Money, donor: str) -> list[str]:
    """The donors of a list whose last is `donor`, told before the sum, each giving it."""
    actors = [m for m in doc.mentions if m.kind in ("org", "country") and span.start <= m.start
              and m.end <= span.start + money.start]
    last = next((i for i in range(len(actors) - 1, -1, -1) if _actor(doc, actors[i]) == donor), None)
    if last is None:
        return [donor]
    listed = [actors[last]]
    for m in reversed(actors[:last]):
        if not _LISTED.search(doc.text, m.end, listed[0].start):
            break
        listed.insert(0, m)
    return list(dict.fromkeys(_actor(doc, m) for m in listed))


_BY = re.compile(r"\bby\s+(?:the\s+)?$")
_FROM = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?from\s+(?:the\s+)?")


def _from_donor(doc: Doc, span: Span, money: Money) -> str | None:
    """The body or state a sum is said to come from, right after it ("US$ 6.2 million from the European Union")."""
    told = _FROM.match(doc.text, span.start + money.end)
    donor = next((m for m in doc.mentions if told and m.start == told.end() and m.kind in ("org", "country")), None)
    return _actor(doc, donor) if donor is not None else None


def _officials(doc: Doc, lo: int, hi: int) -> list[Mention]:
    """Where no body is named: the bodies of the officials named, each in the place of its holder ("Foreign
    Minister Bob Carr today announced a new $25 million contribution to the World Food Programme")."""
    return [Mention(m.start, m.end, body, "org", m.text) for m in doc.mentions
            if m.kind == "person" and lo <= m.start and m.end <= hi and (body := doc.body_of(m.key))]


def _actor(doc: Doc, m: Mention) -> str:
    return doc.government(m.key) if m.kind == "country" else m.key


def _same_flow(a: Funding, b: Funding) -> bool:
    """Whether two flows read may be one told twice: the same sum, of the same year where both have one."""
    return a.amount == b.amount and a.currency == b.currency and (a.year == b.year or None in (a.year, b.year))


def _dedupe(found: list[Funding]) -> list[Funding]:
    """The same flow told twice (headline and body) is one funding; the fuller telling wins. The same sum
    stated for two years is two flows ("US$5 million in 2018 … another US$5 million for 2020"); so is the sum
    each of several donors of one sentence gives ("… US$1 million each")."""
    out: list[Funding] = []
    for f in found:
        twin = next((o for o in out if _same_flow(o, f) and (o.donor == f.donor or o.evidence != f.evidence)), None)
        if twin is None:
            out.append(f)
        elif twin.year is None:
            twin.year = f.year
    return out
