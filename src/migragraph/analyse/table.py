"""The results of an analysis as rows, and their three renderings: an aligned terminal table, CSV,
and JSON (a list of objects). Notes say how a result was obtained when it was not exact (a sampled
betweenness, a view cut to its best connected nodes); the CLI prints them on stderr.

CSV and JSON always give every row and every value whole. Only the terminal table abbreviates (a long
value cut at _MAX_CELL characters, a list after _MAX_ITEMS items, the rows of a ranking after --top),
and then its last line says so and how to get the rest."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

# A list is a set of members (a community's labels): a JSON array, one CSV cell joined by LIST_SEPARATOR.
Cell = str | int | float | None | list[str]
FORMATS = ("table", "csv", "json")
LIST_SEPARATOR = "; "
_MAX_CELL = 60
_MAX_ITEMS = 8
MARK = "…"


@dataclass
class Table:
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Columns too long for a line of their own (a sentence): printed under their row in a terminal.
    below: tuple[str, ...] = ()
    # Columns only CSV and JSON give (the IRIs beside a list of labels): too long for a terminal.
    hidden: tuple[str, ...] = ()
    # Rows of a ranking left out by its --top, in every format (the terminal's last line counts them).
    omitted: int = 0

    def records(self) -> list[dict[str, Cell]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def _show(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(" ".join(item.split()) for item in value)
    if isinstance(value, float):
        return f"{value:.4f}" if abs(value) < 1000 else f"{value:,.0f}"
    return " ".join(str(value).split())


class _Terminal:
    """Renders cells for a terminal, remembering whether it shortened any."""

    def __init__(self) -> None:
        self.shortened = False

    def items(self, value: Cell) -> str:
        if isinstance(value, list) and len(value) > _MAX_ITEMS:
            self.shortened = True
            return _show(value[:_MAX_ITEMS]) + f"{LIST_SEPARATOR}{MARK} {len(value) - _MAX_ITEMS} more"
        return _show(value)

    def clip(self, value: Cell) -> str:
        text = self.items(value)
        if len(text) <= _MAX_CELL:
            return text
        self.shortened = True
        return text[: _MAX_CELL - 1] + MARK


def _footer(table: Table, shortened: bool) -> str:
    shown = len(table.rows)
    counted = f"{shown} row{'s' if shown != 1 else ''}"
    if table.omitted:
        counted = f"{shown} of {shown + table.omitted} rows; --top 0 for all"
    if shortened:
        counted += f"; {MARK} marks what is shortened: --format csv or json gives everything"
    return f"({counted})"


def render_table(table: Table) -> str:
    terminal = _Terminal()
    inline = [c for c in table.columns if c not in table.below and c not in table.hidden]
    cells = [[terminal.clip(record[c]) for c in inline] for record in table.records()]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(inline)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(inline, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for record, row in zip(table.records(), cells, strict=True):
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        lines += [f"    {c}: {terminal.items(record[c])}" for c in table.below
                  if record[c] not in (None, "", [])]
    lines.append(_footer(table, terminal.shortened))
    return "\n".join(lines) + "\n"


def render_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows([["" if v is None else LIST_SEPARATOR.join(v) if isinstance(v, list) else v for v in row]
                      for row in table.rows])
    return out.getvalue()


def render_json(table: Table) -> str:
    return json.dumps(table.records(), indent=2, ensure_ascii=False) + "\n"


def render(table: Table, fmt: str) -> str:
    return {"table": render_table, "csv": render_csv, "json": render_json}[fmt](table)
