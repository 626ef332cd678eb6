"""The gazetteer: organisations (gazetteer/organisations.yaml), governments of countries (pycountry plus
gazetteer/countries.yaml), and titles of posts (gazetteer/roles.yaml), loaded once and matched by regex."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from types import SimpleNamespace
from typing import Any

import pycountry

from migragraph.errors import ConfigError
from migragraph.extract.places import city_names
from migragraph.map.iris import slug
from migragraph.resources import read_gazetteer


@dataclass(frozen=True)
class Former:
    """A name an organisation had, until the year it stopped being used; `key`, the key it had here."""

    name: str
    until: int
    key: str | None = None


@dataclass(frozen=True)
class OrgEntry:
    key: str
    name: str
    aliases: tuple[str, ...] = ()
    context_aliases: tuple[str, ...] = ()
    parent: str | None = None
    unit: bool = False
    offices: bool = False
    wikidata: str | None = None
    country: str | None = None  # alpha-3, for a government
    seat: str | None = None  # the city of its headquarters
    per_country: bool = False  # one in each country: without its country, a release's own
    formerly: tuple[Former, ...] = ()


@dataclass(frozen=True)
class Country:
    alpha3: str
    name: str  # short name as releases write it: "Japan", "United Kingdom"
    government: OrgEntry
    names: tuple[str, ...]
    demonyms: tuple[str, ...]


# Compared and hashed by identity (eq=False): what the extractor derives from a gazetteer (its titles' words,
# the patterns built from them) is cached with functools.cache keyed on the gazetteer itself.
@dataclass(eq=False)
class Gazetteer:
    orgs: dict[str, OrgEntry] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)  # alpha-3 -> country
    surface: dict[str, str] = field(default_factory=dict)  # surface form -> org key
    context_surface: dict[str, tuple[str, ...]] = field(default_factory=dict)  # form -> the entries it may be
    country_surface: dict[str, str] = field(default_factory=dict)  # name -> alpha-3
    demonym_surface: dict[str, str] = field(default_factory=dict)  # adjective -> alpha-3
    roles: dict[str, Any] = field(default_factory=dict)
    pattern: re.Pattern[str] = re.compile(r"(?!)")
    former_keys: dict[str, str] = field(default_factory=dict)  # a key published before -> the current one
    regions: frozenset[str] = frozenset()  # regions of the world: places, never bodies
    portfolio: frozenset[str] = frozenset()  # words of portfolios and offices (roles.yaml portfolio_words)

    def by_surface(self, form: str) -> OrgEntry | None:
        # (an alias the gazetteer writes with its article: "Board of the Global Fund" names "the Global Fund")
        key = self.surface.get(form) or self.surface.get(_strip_the(form)) or self.surface.get(f"the {form}")
        return self.orgs.get(key) if key else None


def _strip_the(form: str) -> str:
    return form[4:] if form.startswith(("the ", "The ")) else form


def _org_entries() -> list[OrgEntry]:
    raw = read_gazetteer("organisations.yaml")
    out = []
    for item in raw:
        try:
            out.append(OrgEntry(
                key=item["key"], name=item["name"], aliases=tuple(item.get("aliases", [])),
                context_aliases=tuple(item.get("context_aliases", [])), parent=item.get("parent"),
                unit=bool(item.get("unit")), offices=bool(item.get("offices")), wikidata=item.get("wikidata"),
                seat=item.get("seat"), per_country=bool(item.get("per_country")),
                formerly=tuple(Former(f["name"], int(f["until"]), f.get("key")) for f in item.get("formerly", [])),
            ))
        except KeyError as exc:
            raise ConfigError(f"gazetteer/organisations.yaml: entry {item!r} lacks {exc}") from None
    return out


def _countries() -> list[Country]:
    extra = read_gazetteer("countries.yaml")
    with_the = set(extra.get("the", []))
    out = []
    listed = [*pycountry.countries, *(SimpleNamespace(alpha_3=code, name=name)
                                      for code, name in extra.get("not_in_iso", {}).items())]
    for c in listed:
        short = extra.get("display", {}).get(c.alpha_3) or getattr(c, "common_name", None) or c.name
        if "," in short:
            continue  # "Bonaire, Sint Eustatius and Saba" and the like are never actors in releases
        names = {short, c.name} | set(extra.get("short", {}).get(c.alpha_3, []))
        official = getattr(c, "official_name", None)
        if official and "," not in official:
            names.add(official)
        names = {n for n in names if "," not in n}
        # "St Lucia", "St. Kitts and Nevis": releases shorten a saint's name
        names |= {f"{short_form} {n.removeprefix('Saint ')}" for n in names if n.startswith("Saint ")
                  for short_form in ("St", "St.")}
        article = "the " if c.alpha_3 in with_the else ""
        gov_name = f"Government of {article}{short}"
        gov = OrgEntry(key=slug(gov_name), name=gov_name, country=c.alpha_3,
                       aliases=(f"Government of {short}", f"{short} Government"))
        out.append(Country(c.alpha_3, short, gov, tuple(sorted(names)),
                           tuple(extra.get("demonyms", {}).get(c.alpha_3, []))))
    return out


def _variants(name: str) -> set[str]:
    """The forms releases write a UN body's name in: "Office of the United Nations High Commissioner
    for Human Rights" is also "Office of the UN High Commissioner …" and "Office of the High Commissioner
    …"; "United Nations Conference on Trade and Development" is also "UN Conference on …"."""
    out = set()
    if "United Nations " in name:
        out.add(name.replace("United Nations ", "UN "))
        bare = re.sub(r"\s+", " ", name.replace("United Nations ", "")).strip()
        if len(bare.split()) >= 4 and not bare.startswith(("of ", "for ")):
            out.add(bare)
    return out


@cache
def load() -> Gazetteer:
    gaz = Gazetteer()
    entries = _org_entries()
    for entry in entries:
        if entry.key in gaz.orgs:
            raise ConfigError(f"gazetteer/organisations.yaml: key {entry.key!r} appears twice")
        gaz.orgs[entry.key] = entry
        for form in (entry.name, *entry.aliases, *(f.name for f in entry.formerly)):
            gaz.surface[form] = entry.key
        for former in entry.formerly:
            if former.key:
                gaz.former_keys[former.key] = entry.key
    for entry in entries:  # derived forms never displace a name the file gives
        for form in _variants(entry.name):
            gaz.surface.setdefault(form, entry.key)
        if entry.parent == "un" and not entry.name.startswith(("United Nations", "UN ")):
            # "the United Nations World Food Programme (WFP)": a UN body named with the UN's name before its own
            for form in (f"United Nations {entry.name}", f"UN {entry.name}", f"U.N. {entry.name}"):
                gaz.surface.setdefault(form, entry.key)
        for form in entry.context_aliases:
            gaz.context_surface[form] = (*gaz.context_surface.get(form, ()), entry.key)
    for entry in gaz.orgs.values():
        if entry.parent and entry.parent not in gaz.orgs:
            raise ConfigError(f"gazetteer/organisations.yaml: {entry.key!r} has unknown parent {entry.parent!r}")
    for country in _countries():
        gaz.countries[country.alpha3] = country
        gaz.orgs[country.government.key] = country.government
        for form in country.names:
            gaz.country_surface.setdefault(form, country.alpha3)
        for form in country.demonyms:
            gaz.demonym_surface.setdefault(form, country.alpha3)
    # "People’s Republic of China", "Children’s Fund": releases write either apostrophe
    for table in (gaz.surface, gaz.country_surface, gaz.demonym_surface):
        for form, value in list(table.items()):
            for a, b in (("'", "’"), ("’", "'")):
                if a in form:
                    table.setdefault(form.replace(a, b), value)
    gaz.roles = read_gazetteer("roles.yaml")
    gaz.portfolio = frozenset(gaz.roles.get("portfolio_words", ()))
    gaz.regions = frozenset(read_gazetteer("countries.yaml").get("regions", []))
    forms = set(gaz.surface) | set(gaz.context_surface) | set(gaz.country_surface) | set(gaz.demonym_surface)
    # Regions are matched too, and give no mention, so that a country's name inside one is none: the
    # "America" of "Latin America".
    forms |= gaz.regions
    # So are cities named with a country's name, for the same reason: the "Spain" of "Port of Spain", the
    # "Kuwait" of "Kuwait City".
    forms |= _cities_with_a_countrys_name(gaz.country_surface)
    # "the Commonwealth" must not eat the start of "the Commonwealth Secretariat": articles are not
    # part of a name to match.
    forms = {f for f in forms if not f.startswith(("the ", "The "))}
    alternation = trie_alternation(forms)
    # Acronyms and names are matched as written; a match may not sit inside a longer word.
    # "EU-IOM" and "European Union-CARICOM" name two organisations and "EU-funded", "UNDP-managed" one; "EU-wide" names
    # none; "non-EU" names none either (orgs.find_organisations: after a hyphen, a name only after another).
    # A name before a currency's sign or noun names the currency: "US$ 47 million", "US dollars".
    gaz.pattern = re.compile(rf"(?<![\w’'])(?:{alternation})(?!\w)"
                             rf"(?!-(?!funded|led|backed|sponsored|supported|financed|managed|implemented|run)[a-z])"
                             rf"(?![ \t]?\$)(?![ \t]+dollars?\b)")
    return gaz


def _cities_with_a_countrys_name(countries: dict[str, str]) -> set[str]:
    out = set()
    for city in city_names():
        words = city.split()
        spans = (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
        if len(words) > 1 and city not in countries and any(part in countries for part in spans if part != city):
            out.add(city)
    return out


def trie_alternation(forms: Iterable[str]) -> str:
    """One pattern matching any of `forms`, the longest where several start at the same place, written
    as a trie ("Europe(?:an (?:Commission|Union))?"): the same matches as the forms joined longest
    first, but each character is tried once rather than once for each form (a seventh of the rules
    extractor's time, before)."""
    trie: dict[str, Any] = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}  # a form ends here
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # a form that ends here is tried after every longer one (a greedy optional group)
    return f"(?:{body})?" if "" in node else body
