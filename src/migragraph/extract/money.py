"""Amounts of money as releases write them: "EUR 590 million", "US$ 23.65 million", "USD 37,100,767",
"€115 million", "4 mln euro", "$1.2bn", "30 million euros", with qualifiers ("over", "up to") kept."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import pycountry
from text_to_num import text2num

_SYMBOLS = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "us$": "USD", "usd": "USD", "$": "USD", "us dollars": "USD", "dollars": "USD", "u.s. dollars": "USD",
    "us dollar": "USD", "dollar": "USD", "u.s. dollar": "USD",
    "£": "GBP", "gbp": "GBP", "pounds": "GBP", "pounds sterling": "GBP",
    "chf": "CHF", "swiss francs": "CHF", "¥": "JPY", "jpy": "JPY", "yen": "JPY",
    "cad": "CAD", "c$": "CAD", "ca$": "CAD", "aud": "AUD", "a$": "AUD", "au$": "AUD", "nz$": "NZD", "hk$": "HKD",
    "s$": "SGD", "nok": "NOK", "sek": "SEK", "dkk": "DKK",
    "cny": "CNY", "yuan": "CNY", "inr": "INR", "rupees": "INR", "sdr": "XDR", "xdr": "XDR",
    "kwd": "KWD", "sar": "SAR", "aed": "AED", "egp": "EGP", "ngn": "NGN", "kes": "KES", "zar": "ZAR",
    "pa’anga": "TOP", "pa'anga": "TOP", "paanga": "TOP", "zloty": "PLN", "złoty": "PLN", "kroner": "NOK",
    "kronor": "SEK", "francs": "CHF", "riyals": "SAR", "dirhams": "AED", "shillings": "KES", "naira": "NGN",
    "rand": "ZAR", "pesos": "MXN", "reais": "BRL", "lira": "TRY", "manat": "AZN", "tenge": "KZT",
    "pound": "GBP", "pound sterling": "GBP", "cad$": "CAD", "taka": "BDT", "tk": "BDT", "nu": "BTN", "sr": "SAR",
    "dh": "AED", "kd": "KWD",
}
# A currency named with its country's adjective: "20 million Swedish kronor", "Japanese Yen 40.074 billion".
# The patterns below read these pairs only (an adjective before another country's currency names none).
_NATIONAL = {
    "swedish kronor": "SEK", "swedish krona": "SEK", "swedish crowns": "SEK", "norwegian kroner": "NOK",
    "norwegian krone": "NOK", "norwegian kronor": "NOK", "danish kroner": "DKK", "danish krone": "DKK",
    "icelandic kronur": "ISK", "japanese yen": "JPY", "canadian dollars": "CAD", "australian dollars": "AUD",
    "new zealand dollars": "NZD", "singapore dollars": "SGD", "hong kong dollars": "HKD", "indian rupees": "INR",
    "pakistani rupees": "PKR", "sri lankan rupees": "LKR", "nepalese rupees": "NPR", "saudi riyals": "SAR",
    "qatari riyals": "QAR", "kuwaiti dinars": "KWD", "uae dirhams": "AED", "emirati dirhams": "AED",
    "chinese yuan": "CNY", "south african rand": "ZAR", "kenyan shillings": "KES", "ugandan shillings": "UGX",
    "tanzanian shillings": "TZS", "nigerian naira": "NGN", "egyptian pounds": "EGP", "turkish lira": "TRY",
}
_SYMBOLS.update(_NATIONAL)
# Every ISO 4217 code counts when it stands next to a number ("3,5 million PLN", "AUD2m").
_ISO = sorted({c.alpha_3 for c in pycountry.currencies}, key=len, reverse=True)
_SCALE = {"lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7, "thousand": 10**3, "k": 10**3,
          "million": 10**6, "millions": 10**6, "mln": 10**6, "m": 10**6, "mil": 10**6, "mn": 10**6,
          "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12}
_QUALIFIERS = ("more than", "over", "around", "about", "approximately", "nearly", "almost", "up to",
               "some", "at least", "roughly", "close to", "in excess of", "just over", "almost")

# Three letters stand for any ISO code here, checked against _PREFIX_CODES after the match: an alternation of
# ~180 codes tried at every position of every sentence was a sixth of the rules extractor's time.
# "US $210 million" too, as World Bank pages write it; "Euro 2 million", as an Italian ministry does
_CODE = (r"(?:US ?\$|NZ\$|AU\$|CAD?\$|HK\$|S\$|C\$|A\$|SDR|\bEuros?\b|\bJapanese Yen\b|\b(?:Taka|Tk|Nu|SR|Dh|KD)(?=\s?\d)|"
         r"\b[A-Za-z]{3}|[€$£¥])")
_PREFIX_CODES = frozenset(_ISO) | {"SDR"}
# Thousands with commas or spaces; decimals with a point, or with a comma before a scale ("3,5 million").
_NUM = r"\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?|\d+,\d{1,2}(?=\s?(?:thousand|millions?|mln|mn|billion|bn)\b)|\d+(?:\.\d+)?"
_SCALE_RE = r"(?:thousand|millions?|mln|mil\.|mn|billion|bn|trillion|crores?|lakhs?|[mMbBkK])(?:\b|(?<=\.))"
_NATIONAL_CUR = "|".join(r"\s+".join(map(re.escape, k.split())) for k in sorted(_NATIONAL, key=len, reverse=True))
_WORD_CUR = (rf"(?:{_NATIONAL_CUR}|"
             r"euros?|US dollars?|U\.S\. dollars?|dollars?|pounds?(?: sterling)?|Swiss francs|yen|yuan|rupees|"
             r"pa[’']?anga|zloty|złoty|kroner|kronor|francs|riyals|dirhams|shillings|naira|rand|pesos|reais|lira|"
             r"manat|tenge)")
_QUAL = "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True))

# (a currency's code in brackets after its name, before the sum: "Japanese Yen (JPY) 232.209 billion")
PREFIXED = re.compile(rf"(?:\b(?P<q1>{_QUAL})\s+)?(?P<cur>{_CODE})(?:\s?\([A-Z]{{3}}\))?\s?(?P<num>{_NUM})"
                      rf"(?:[\s-]?(?P<scale>{_SCALE_RE}))?", re.IGNORECASE)
# ("a 305.7-million-dollar agreement", "a 216.5 million-dollars loan": hyphens as adjectives join them)
SUFFIXED = re.compile(rf"(?:\b(?P<q1>{_QUAL})\s+)?\b(?P<num>{_NUM})[\s-]?(?:(?P<scale>{_SCALE_RE})[\s-]?)?(?P<cur>{_WORD_CUR}|"
                      rf"{'|'.join(_ISO)})\b", re.IGNORECASE)
# Amounts in words with their scale, read by text2num: "eight million dollar grant", "four million seven hundred
# thousand US dollars", "USD one million", "two hundred million Japanese Yen".
_NUMBER_WORD = ("(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
                "thousand|million|billion)")
_WORDED_NUM = rf"(?:a\s+(?=(?:hundred|thousand|million|billion)\b))?{_NUMBER_WORD}(?:(?:[ -]|\s+and\s+){_NUMBER_WORD})*"
WORDED = re.compile(rf"(?:\b(?P<q1>{_QUAL})\s+)?(?<![\d.,]\s)\b(?P<num>{_WORDED_NUM})\s+"
                    rf"(?P<cur>{_WORD_CUR}|{'|'.join(_ISO)})\b", re.IGNORECASE)
WORDED_PREFIXED = re.compile(rf"(?:\b(?P<q1>{_QUAL})\s+)?(?P<cur>US ?\$|\b(?:USD|EUR|JPY|GBP|CHF|KWD|KD)\b|[€$£¥])\s?"
                             rf"(?P<num>{_WORDED_NUM})\b", re.IGNORECASE)
_SCALED = re.compile(r"\b(?:thousand|million|billion)$", re.IGNORECASE)
_SCALE_WORD = re.compile(r"\b(?:thousand|million|billion)\b", re.IGNORECASE)
# A currency named after a prefixed amount overrides its symbol: "$1.12 million pa’anga" is in pa’anga.
_NAMED_AFTER = re.compile(rf"\s?(?P<cur>{_WORD_CUR})\b", re.IGNORECASE)


_DIGIT = re.compile(r"\d")
_HANDED = re.compile(r"\b(?:hand(?:ed|s|ing)?|turn(?:ed|s|ing)?)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Money:
    start: int
    end: int
    amount: Decimal
    currency: str
    qualifier: str | None = None


def _number(num: str, scale: str | None) -> Decimal | None:
    if re.fullmatch(r"\d+,\d{1,2}", num):
        num = num.replace(",", ".")  # a decimal comma: "3,5 million"
    clean = re.sub(r"[,\s]", "", num)
    try:
        value = Decimal(clean)
    except InvalidOperation:
        return None
    if scale:
        value *= _SCALE[scale.lower().rstrip(".")]
    # Plain notation ("590000000", "23.65"): a valid xsd:decimal lexical form, never "5.9E+8".
    return Decimal(format(value.normalize(), "f"))


def _worded(num: str) -> Decimal | None:
    """The value of an amount in words that ends in its scale ("four million seven hundred thousand"); None
    for one that does not ("two dollars", "one of the"), or that text2num cannot read."""
    if not _SCALED.search(num):
        return None
    try:
        return Decimal(text2num(re.sub(r"^a\s+", "one ", num.lower()), "en"))
    except ValueError:
        return None


def _matches(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """rx.finditer(text), where a prefixed currency of three letters is an ISO code ("the 5" is none)."""
    pos = 0
    while m := rx.search(text, pos):
        cur = m.group("cur")
        if rx is PREFIXED and len(cur) == 3 and cur.isalpha() and cur.upper() not in _PREFIX_CODES:
            pos = m.start() + 1
            continue
        yield m
        pos = max(m.end(), m.start() + 1)


def amounts(text: str) -> list[Money]:
    """Every amount of money in `text`, in order of position."""
    found: list[Money] = []
    # Most sentences have neither digits nor a scale in words: the patterns below try ~200 currency codes
    # at every position.
    worded = (WORDED, WORDED_PREFIXED) if _SCALE_WORD.search(text) else ()
    patterns = ((PREFIXED, SUFFIXED) if _DIGIT.search(text) else ()) + worded
    for rx in patterns:
        for m in _matches(rx, text):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            if rx in worded:
                scale, value = None, _worded(m.group("num"))
            else:
                scale = m.group("scale")
                if scale and len(scale) == 1 and scale.isupper() and scale not in "MB":
                    scale = None
                value = _number(m.group("num"), scale)
            symbol = "us$" if m.group("cur").lower() == "us $" else re.sub(r"\s+", " ", m.group("cur").lower())
            cur = _SYMBOLS.get(symbol, m.group("cur").upper())
            end = m.end()
            named = _NAMED_AFTER.match(text, m.end()) if rx is PREFIXED else None
            if named:
                cur, end = _SYMBOLS.get(named.group("cur").lower(), cur), named.end()
            if value is None or value <= 0:
                continue
            if m.group("cur").lower() in ("$", "us $", "euro", "euros", "€", "£") and not scale and value < 1000:
                continue  # "$5" in a sentence about prices is not a grant, nor "the euro 5 …"
            qualifier = (m.group("q1") or "").lower() or None
            if qualifier == "over" and _HANDED.search(text, 0, m.start()):
                qualifier = None  # "handed over USD one million": a verb's particle, no "more than"
            found.append(Money(m.start(), end, value, cur, qualifier))
    found.sort(key=lambda f: f.start)
    # "USD 1.8 million (AUD2m)": an amount in brackets right after another is the same sum, converted.
    return [f for i, f in enumerate(found)
            if not (i and text[found[i - 1].end:f.start].strip() == "(")]
