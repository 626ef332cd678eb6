"""Docs and generated files kept honest: the README's commands, CI, vocab.py, __all__, examples/."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import migragraph
from migragraph import resources
from migragraph.cli.main import cli
from migragraph.errors import ConfigError
from migragraph.resources import data_dir, read_gazetteer

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block_after(heading: str) -> str:
    match = re.search(rf"## {heading}\n.*?```sh\n(.*?)\n```", README, re.DOTALL)
    assert match, heading
    return match[1]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    command = _block_after("Run the tests")
    lines = [ln for ln in (ROOT / ".ci" / "run").read_text().splitlines() if ln and not ln.startswith("#")]
    assert lines[-1] == command
    assert "set -euo pipefail" in lines


def test_vocab_module_is_generated_from_the_ontology() -> None:
    check = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gen_vocab.py"), "--check"], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr


def test_public_names_are_sorted_and_exist() -> None:
    assert migragraph.__all__ == sorted(migragraph.__all__)
    assert all(hasattr(migragraph, name) for name in migragraph.__all__)


def test_readme_example_builds_and_answers(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build = CliRunner().invoke(cli, ["build", str(ROOT / "examples"), "--out", str(out)])
    assert build.exit_code in (0, 1), build.output  # 1 only if the extractor's output breaks a shape
    assert "built 8 release(s)" in build.stdout and "error:" not in build.stderr
    query = re.search(r'migragraph query out/ "(.*?)"\n', README)
    assert query
    answer = CliRunner().invoke(cli, ["query", str(out), query[1]])
    assert answer.exit_code == 0
    assert answer.stdout.splitlines()[0].split() == ["person", "role", "org"]
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "Cookie" not in (out / "graph.trig").read_text(encoding="utf-8")  # synthetic chrome left out
    assert "vis.Network" in page
    met = CliRunner().invoke(cli, ["query", str(out), "--named", "meetings-between",
                                   "-p", "a=IOM", "-p", "b=IGAD"])
    assert met.exit_code == 0 and "2021-03-25" in met.stdout and "Mombasa" in met.stdout


def test_every_command_is_in_the_readme() -> None:
    assert {"build", "validate", "query", "viz"} <= set(cli.commands)
    for name in cli.commands:
        assert f"migragraph {name} " in README


@pytest.mark.parametrize("name", sorted(p.name for p in data_dir("gazetteer").glob("*.yaml")))
def test_each_gazetteer_file_reads_as_pyyaml_reads_it(name: str) -> None:
    text = (data_dir("gazetteer") / name).read_text(encoding="utf-8")
    assert read_gazetteer(name) == yaml.safe_load(text)


def test_a_gazetteer_file_that_is_not_yaml_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "relations.yaml"
    broken.write_text("verbs: [sign, meet\n", encoding="utf-8")
    monkeypatch.setattr(resources, "data_file", lambda kind, name: tmp_path / name)
    with pytest.raises(ConfigError, match=rf"^{re.escape(str(broken))}: not valid YAML"):
        read_gazetteer("relations.yaml")
