"""An entity's page as a researcher reads it: what the entity did, section by section, each row dated
and backed by the sentences it was read from, each sentence once, with a link to its source.

    posts       posts held by the person, or held in the organisation (dated as reported: mg:asOf)
    meetings    the meetings it took part in, with the other participants
    agreements  the frameworks it is party to, with the other parties
    funding     what it gave and received, and the totals by year and currency
    sub-units   its units, and the graph that states each (a release, or the gazetteer)
    releases    the releases that mention it

Rows are sorted by date, the newest first; a row with no date of its own takes the date its release
was issued, marked "reported", and rows with no date at all come last. The queries behind it are
serve/sparql/entity-*.rq, each starting from the entity.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

import pyoxigraph as ox

from migragraph.serve.mount import View
from migragraph.serve.render import Cell
from migragraph.serve.results import Term

if TYPE_CHECKING:
    from migragraph.serve.site import Site

ORDER = (("posts", "Posts"), ("meetings", "Meetings"), ("agreements", "Agreements"), ("funding", "Funding"),
         ("units", "Sub-units"), ("releases", "Releases"))
_SECTION_OF = {"meeting": "meetings", "framework": "agreements", "funding": "funding"}


@dataclass
class Evidence:
    sentence: str
    release: Cell  # the release's page
    source: Cell  # where it was published, when known
    issued: str


@dataclass
class Row:
    subject: Cell
    what: str
    date: str = ""
    reported: bool = False  # dated by its release, having no date of its own
    evidence: list[Evidence] = field(default_factory=list)
    seen: set[tuple[str, str]] = field(default_factory=set)  # (release, sentence) shown

    def cite(self, evidence: Evidence, release: str) -> None:
        """Add `evidence` unless this row shows its sentence from that release already."""
        key = (release, evidence.sentence)
        if key not in self.seen:
            self.seen.add(key)
            self.evidence.append(evidence)


@dataclass
class Section:
    key: str
    title: str
    rows: list[Row] = field(default_factory=list)
    totals: list[tuple[str, str, str, str]] = field(default_factory=list)  # direction, year, currency, sum


def _text(term: Term | None) -> str:
    return term.value if isinstance(term, ox.Literal | ox.NamedNode) else ""


def _evidence(site: Site, view: View, release: Term | None, title: Term | None, issued: Term | None,
              url: Term | None, sentence: Term | None) -> Evidence | None:
    if release is None or sentence is None:
        return None
    link = _text(url)
    source = Cell("source", link, title=link) if link.startswith(("http://", "https://")) else Cell("")
    return Evidence(_text(sentence), site.renderer.cell(release, view, _text(title) or None), source,
                    _text(issued))


def _sorted(rows: list[Row]) -> list[Row]:
    """Newest first by date (own, or reported); rows with no date at all last."""
    for row in rows:
        if not row.date:
            dates = sorted(e.issued for e in row.evidence if e.issued)
            if dates:
                row.date, row.reported = dates[0], True
        row.evidence.sort(key=lambda e: (e.issued, e.sentence), reverse=True)
    dated = sorted((r for r in rows if r.date), key=lambda r: (r.date, r.subject.text), reverse=True)
    return dated + sorted((r for r in rows if not r.date), key=lambda r: r.subject.text)


def _posts(site: Site, view: View, node: ox.NamedNode) -> list[Row]:
    rows: OrderedDict[str, Row] = OrderedDict()
    table = site.rows("entity-posts", entity=node)
    for post, person, person_label, org, org_label, role, date, sentence, _start, release, title, issued, \
            url in table.rows:
        key = _text(post)
        if key not in rows:
            who = _text(person_label) or site.renderer.curie(_text(person))
            where = _text(org_label) or site.renderer.curie(_text(org))
            rows[key] = Row(site.renderer.cell(post, view, f"{who}, {_text(role)}, {where}"), "")
        row = rows[key]
        row.date = min(filter(None, (row.date, _text(date))), default="")
        found = _evidence(site, view, release, title, issued, url, sentence)
        if found:
            row.cite(found, _text(release))
    return _sorted(list(rows.values()))


def _events(site: Site, view: View, node: ox.NamedNode) -> dict[str, Section]:
    sections = {key: Section(key, title) for key, title in ORDER}
    rows: dict[str, OrderedDict[str, Row]] = defaultdict(OrderedDict)
    others: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    roles: dict[str, set[str]] = defaultdict(set)
    money: dict[str, tuple[str, str]] = {}
    by_statement: dict[str, Row] = {}
    for kind, statement, label, role, date, other, other_label, other_role, amount, currency in \
            site.rows("entity-events", entity=node).rows:
        key, section = _text(statement), _SECTION_OF[_text(kind)]
        if key not in rows[section]:
            subject = site.renderer.cell(statement, view, _text(label) or None)
            rows[section][key] = by_statement[key] = Row(subject, "", _text(date))
        roles[key].add(_text(role))
        if other is not None:
            others[key][_text(other_role)].add(_text(other_label) or site.renderer.curie(_text(other)))
        if amount is not None:
            money[key] = (_text(amount), _text(currency))
    for statement, sentence, _start, release, title, issued, url in site.rows("entity-event-evidence",
                                                                               entity=node).rows:
        found = _evidence(site, view, release, title, issued, url, sentence)
        row = by_statement.get(_text(statement))
        if found and row is not None:
            row.cite(found, _text(release))
    for section, made in rows.items():
        for key, row in made.items():
            row.what = _what(section, roles[key], others[key], money.get(key))
        sections[section].rows = _sorted(list(made.values()))
    sections["funding"].totals = _totals(sections["funding"].rows, roles, money, rows["funding"])
    return sections


def _what(section: str, roles: set[str], others: dict[str, set[str]], money: tuple[str, str] | None) -> str:
    """What the entity did in a statement, in words: "participant, with EU, UNHCR"."""
    if section == "funding":
        gave = "funder" in roles
        other = ", ".join(sorted(others.get("recipient" if gave else "funder", set()))) or "?"
        amount = f"{money[1]} {_number(money[0])} " if money else ""
        return f"gave {amount}to {other}" if gave else f"received {amount}from {other}"
    with_ = sorted(set().union(*others.values())) if others else []
    return ", ".join(sorted(roles)) + (f", with {', '.join(with_)}" if with_ else "")


def _number(value: str) -> str:
    try:
        return f"{Decimal(value):,.0f}"
    except InvalidOperation:
        return value


def _totals(rows: list[Row], roles: dict[str, set[str]], money: dict[str, tuple[str, str]],
            by_key: OrderedDict[str, Row]) -> list[tuple[str, str, str, str]]:
    """Funding given and received, summed by year and currency (currencies are never added)."""
    sums: dict[tuple[str, str, str], Decimal] = defaultdict(Decimal)
    for key, row in by_key.items():
        if key not in money:
            continue
        amount, currency = money[key]
        try:
            value = Decimal(amount)
        except InvalidOperation:
            continue
        direction = "given" if "funder" in roles[key] else "received"
        year = row.date[:4] + (" (reported)" if row.reported else "") if row.date else "no date"
        sums[(direction, year, currency)] += value
    return [(d, y, c, f"{v:,.0f}") for (d, y, c), v in sorted(sums.items(), key=lambda i: (i[0][0], i[0][1]),
                                                                   reverse=True)]


def _units(site: Site, view: View, node: ox.NamedNode) -> list[Row]:
    rows: OrderedDict[str, Row] = OrderedDict()
    for unit, label, graph, title, issued, url in site.rows("entity-units", entity=node).rows:
        key = _text(unit)
        if key not in rows:
            rows[key] = Row(site.renderer.cell(unit, view, _text(label) or None), "unit")
        if title is not None:  # a release's graph states it; the gazetteer's has no title
            found = _evidence(site, view, graph, title, issued, url, ox.Literal("stated in this release"))
            if found:
                rows[key].cite(found, _text(graph))
    return sorted(rows.values(), key=lambda r: r.subject.text.casefold())


def _releases(site: Site, view: View, node: ox.NamedNode) -> list[Row]:
    rows: OrderedDict[str, Row] = OrderedDict()
    for release, title, label, issued, url in site.rows("entity-releases", entity=node).rows:
        key = _text(release)
        if key not in rows:
            link = _text(url)
            name = _text(title) or _text(label) or None
            row = Row(site.renderer.cell(release, view, name), "", _text(issued))
            if link.startswith(("http://", "https://")):
                row.evidence.append(Evidence("", Cell(""), Cell("source", link, title=link), ""))
            rows[key] = row
    return _sorted(list(rows.values()))


def profile(site: Site, view: View, node: ox.NamedNode) -> list[Section]:
    """The non-empty sections of the entity's page, in ORDER."""
    sections = _events(site, view, node)
    sections["posts"].rows = _posts(site, view, node)
    sections["units"].rows = _units(site, view, node)
    sections["releases"].rows = _releases(site, view, node)
    return [sections[key] for key, _ in ORDER if sections[key].rows]
