"""A person's decisions on links, kept in a plain file that every later build applies.

    DIR/decisions.tsv (the default; `migragraph build --decisions FILE` names another)

One decision a line, tab-separated: `merge` or `apart`, the two IRIs, and a note if you like; `#`
starts a comment. `merge` joins two nodes whatever the rules say; `apart` keeps them apart whatever the
rules say. The build never writes the file (`migragraph resolve --merge/--apart` does), so decisions
survive incremental builds and `--rebuild` alike. A line that cannot be read is an error naming the
file and the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from migragraph.errors import ConfigError

FILE_NAME = "decisions.tsv"
VERBS = ("merge", "apart")
_HEADER = ("# migragraph decisions on links between nodes: merge|apart <TAB> IRI <TAB> IRI [<TAB> note]\n"
           "# Written by `migragraph resolve --merge/--apart`; every build applies them.\n")


@dataclass(frozen=True)
class Decision:
    verb: str
    a: str
    b: str
    note: str = ""

    @property
    def pair(self) -> tuple[str, str]:
        left, right = sorted((self.a, self.b))
        return left, right


def read(path: Path) -> list[Decision]:
    """The decisions of `path` (none when it does not exist)."""
    if not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the decisions file ({exc})") from None
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3 or parts[0] not in VERBS or not all(p.startswith(("http://", "https://"))
                                                               for p in parts[1:3]) or parts[1] == parts[2]:
            raise ConfigError(f"{path}:{number}: not a decision: want merge|apart, two different IRIs, "
                              "separated by tabs (migragraph resolve --merge A B writes one)")
        out.append(Decision(parts[0], parts[1], parts[2], "\t".join(parts[3:]).strip()))
    return out


def record(path: Path, decision: Decision) -> None:
    """Add `decision` to `path`, replacing an earlier one on the same pair."""
    kept = [d for d in read(path) if d.pair != decision.pair]
    lines = [f"{d.verb}\t{d.a}\t{d.b}" + (f"\t{d.note}" if d.note else "") for d in [*kept, decision]]
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(_HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
