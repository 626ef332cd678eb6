"""Every `migragraph` command of README.md's code blocks, run as written against the bundled examples,
answers something (issue #17, item 6): rows, members, nodes, bytes, not only exit 0.

The commands are read from README.md, so this stays true as the README changes. A `build` starts a
working folder of its own, with `examples/` in it (and `releases/`, the reader's own folder of releases
in the README's prose, which the examples stand in for); the commands after it run there until the next
`build`. A `--store` that names a SPARQL server (Fuseki in the README) gets a real Oxigraph server on
loopback. A `fetch` (and a `build` of a URL) reads a real site on loopback instead of the publisher the
README names (tests/fetch/site.py), whose feed names a bundled example page; the commands after a fetch
run in its folder. A line with `[...]` is a synopsis, not an example; only `serve`'s is (it is tested in
tests/test_serve_*.py)."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner, Result
from rdflib import Dataset

from migragraph.cli.main import cli

from .fetch.site import Site, page_ids, serving
from .test_endpoint import oxigraph_server

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PROGRAM = ".venv/bin/migragraph"


@dataclass
class Command:
    line: int  # in README.md
    args: list[str]  # after the program's name

    @property
    def name(self) -> str:
        return self.args[0]

    def option(self, *names: str) -> str | None:
        for i, arg in enumerate(self.args[:-1]):
            if arg in names:
                return self.args[i + 1]
        return None


@dataclass
class Session:
    """A `build` and the commands after it, up to the next `build`."""
    commands: list[Command] = field(default_factory=list)


def _segments(text: str) -> Iterator[list[str]]:
    """The simple commands of a shell line: split by shlex (quotes and `#` comments as a shell reads
    them), then at `&&`."""
    words: list[str] = []
    for word in shlex.split(text, comments=True):
        if word == "&&":
            yield words
            words = []
        else:
            words.append(word)
    if words:
        yield words


def readme_commands() -> tuple[list[Session], list[Command]]:
    """The migragraph commands of README.md's `sh` blocks, in sessions, and the synopsis lines."""
    sessions: list[Session] = []
    synopses: list[Command] = []
    for block in re.finditer(r"```sh\n(.*?)```", README, re.DOTALL):
        first = README[: block.start(1)].count("\n") + 1
        for offset, text in enumerate(block[1].replace("\\\n", " ").splitlines()):
            for words in _segments(text):
                if words[0] != PROGRAM:
                    continue
                command = Command(first + offset, words[1:])
                after_fetch = bool(sessions) and sessions[-1].commands[-1].name == "fetch"
                if any(w.startswith("[") for w in words):
                    synopses.append(command)
                elif (command.name in ("build", "fetch") and not after_fetch) or not sessions:
                    sessions.append(Session([command]))
                else:
                    sessions[-1].commands.append(command)
    return sessions, synopses


SESSIONS, SYNOPSES = readme_commands()


def test_the_readme_has_the_examples_this_test_runs() -> None:
    names = [c.name for s in SESSIONS for c in s.commands]
    assert names[0] == "build" and SESSIONS[0].commands[0].args[1] == "examples/"
    assert {"query", "analyse", "network", "viz"} <= set(names)
    named = [c for s in SESSIONS for c in s.commands if c.option("--named", "-n")]
    assert len(named) >= 2
    assert [c.name for c in SYNOPSES] == ["serve"]


def _rows_of_table(stdout: str) -> int:
    """The row count a terminal table ends with: "(9 rows; ...)"."""
    last = stdout.splitlines()[-1]
    found = re.match(r"\((\d+)(?: of \d+)? rows?\b", last)
    assert found, f"no row count at the end of the table: {last!r}"
    return int(found[1])


def _rows(command: Command, stdout: str) -> int:
    fmt = command.option("--format", "-f") or "table"
    if fmt == "table":
        return _rows_of_table(stdout)
    if fmt in ("csv", "tsv"):
        return len(list(csv.reader(io.StringIO(stdout), delimiter="," if fmt == "csv" else "\t"))) - 1
    if fmt == "json":
        parsed = json.loads(stdout)
        return len(parsed["results"]["bindings"] if isinstance(parsed, dict) else parsed)
    raise AssertionError(f"README.md:{command.line}: teach this test to count rows of --format {fmt}")


def _output(command: Command, cwd: Path, result: Result) -> tuple[Path | None, str]:
    written = command.option("-o", "--output")
    return (cwd / written if written and written != "-" else None), result.stdout


def _answer(command: Command, cwd: Path, result: Result) -> str:
    """What the command answered, checked to be something; a line for the failure message."""
    if command.name == "fetch":
        said = re.search(r": (\d+) new, (\d+) changed, (\d+) unchanged", result.stdout)
        assert said and sum(int(n) for n in said.groups()) > 0, result.stdout
        return said.group()
    if command.name == "build":
        said = re.search(r"built (\d+) release", result.stdout)
        built = int(said[1]) if said else 0
        out = cwd / str(command.option("--out"))
        counts = json.loads((out / "build.json").read_text(encoding="utf-8"))["counts"]
        assert built > 0 and counts["organisations"] > 0 and counts["meetings"] > 0, counts
        assert "error:" not in result.stderr, result.stderr
        return f"{built} releases"
    if command.name in ("query", "analyse"):
        rows = _rows(command, result.stdout)
        assert rows > 0
        return f"{rows} rows"
    written, stdout = _output(command, cwd, result)
    if command.name == "network":
        fmt = command.option("--format", "-f")
        source = written or io.BytesIO(stdout.encode("utf-8"))
        graph = nx.read_gexf(source) if fmt == "gexf" else nx.read_graphml(source)
        assert graph.number_of_nodes() > 1 and graph.number_of_edges() > 0
        return f"{graph.number_of_nodes()} nodes"
    if command.name == "viz":
        assert written is not None
        drawn = re.search(r"\((\d+) entities, (\d+) relations\)", result.stdout)
        assert drawn, result.stdout
        entities, relations = int(drawn[1]), int(drawn[2])
        assert entities > 1 and relations > 0 and "vis.Network" in written.read_text(encoding="utf-8")
        return f"{entities} entities drawn"
    if command.name == "export":
        data = written.read_bytes() if written else result.stdout_bytes
        fmt = command.option("--format", "-f") or "trig"
        rdflib_format = {"nq": "nquads", "ttl": "turtle", "jsonld": "json-ld"}.get(fmt, fmt)
        graph = Dataset().parse(data=data, format=rdflib_format)
        assert len(graph) > 0
        return f"{len(graph)} triples"
    raise AssertionError(f"README.md:{command.line}: teach this test what `{command.name}` should answer")


def _start(cwd: Path) -> None:
    """The working folder: examples/, and releases/ holding them too, each a folder of its own (a
    command that writes into one writes into the test's folder, never into the checkout)."""
    cwd.mkdir()
    for name in ("examples", "releases"):
        (cwd / name).mkdir()
        for example in sorted((ROOT / "examples").iterdir()):
            if example.is_file():
                (cwd / name / example.name).symlink_to(example)


# The publisher a fetch example names, and the bundled page its feed stands for here.
PAGE = ROOT / "examples" / "un-sg-readout-albares-2024.html"


def _site(servers: ExitStack) -> Site:
    """A site on loopback whose feed names one page: the bundled example page."""
    page = page_ids()[0]
    site = Site(feed=[f"/pages/{page}.html"], changed={page: PAGE.read_bytes()})
    return servers.enter_context(serving(site))


def _fetched(command: Command, args: list[str], servers: ExitStack, sites: dict[str, Site]) -> list[str]:
    """A fetch, or a build of URLs, reading the loopback site instead of the publisher named."""
    if command.name not in ("fetch", "build"):
        return args
    urls = [a for i, a in enumerate(args) if a.startswith(("http://", "https://"))
            and (i == 0 or args[i - 1] not in ("--store", "--update-url"))]
    if not urls:
        return args
    site = sites.get("site") or sites.setdefault("site", _site(servers))
    return [f"{site.base}/feed.xml" if a in urls else a for a in args] + ["--allow-private-network"]


def _served(command: Command, servers: ExitStack, cwd: Path, urls: dict[str, str]) -> list[str]:
    """The command's arguments, with a SPARQL server it names replaced by a live one."""
    store = command.option("--store")
    if store is None or not store.startswith(("http://", "https://")):
        return command.args
    if store not in urls:
        urls[store] = servers.enter_context(oxigraph_server(cwd / f"server-{len(urls)}"))
    return [urls[store] if arg == store else arg for arg in command.args]


@pytest.mark.parametrize("session", SESSIONS, ids=[f"README.md:{s.commands[0].line}" for s in SESSIONS])
def test_every_readme_command_answers_on_the_examples(session: Session, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    cwd = tmp_path / "work"
    _start(cwd)
    monkeypatch.chdir(cwd)
    urls: dict[str, str] = {}
    sites: dict[str, Site] = {}
    with ExitStack() as servers:
        for command in session.commands:
            args = _fetched(command, _served(command, servers, cwd, urls), servers, sites)
            result = CliRunner().invoke(cli, args, catch_exceptions=False)
            where = f"README.md:{command.line}: {shlex.join(command.args)}"
            assert result.exit_code == 0, f"{where}\n{result.output}"
            try:
                _answer(command, cwd, result)
            except AssertionError as failed:
                raise AssertionError(f"{where}: answers nothing\n{failed}\n{result.output}") from None
