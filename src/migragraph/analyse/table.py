"""The results of an analysis as rows, and their three renderings: an aligned terminal table, CSV,
and JSON (a list of objects). Notes say how a result was obtained when it was not exact (a sampled
betweenness, a view cut to its best connected nodes); the CLI prints them on stderr."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

Cell = str | int | float | None
FORMATS = ("table", "csv", "json")
_MAX_CELL = 60


@dataclass
class Table:
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Columns too long for a line of their own (a sentence): printed under their row in a terminal.
    below: tuple[str, ...] = ()

    def records(self) -> list[dict[str, Cell]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def _show(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}" if abs(value) < 1000 else f"{value:,.0f}"
    return " ".join(str(value).split())


def _clip(text: str) -> str:
    return text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 1] + "…"


def render_table(table: Table) -> str:
    inline = [c for c in table.columns if c not in table.below]
    cells = [[_clip(_show(record[c])) for c in inline] for record in table.records()]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(inline)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(inline, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for record, row in zip(table.records(), cells, strict=True):
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        lines += [f"    {c}: {_show(record[c])}" for c in table.below if record[c] not in (None, "")]
    lines.append(f"({len(table.rows)} row{'s' if len(table.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def render_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows([["" if v is None else v for v in row] for row in table.rows])
    return out.getvalue()


def render_json(table: Table) -> str:
    return json.dumps(table.records(), indent=2, ensure_ascii=False) + "\n"


def render(table: Table, fmt: str) -> str:
    return {"table": render_table, "csv": render_csv, "json": render_json}[fmt](table)
