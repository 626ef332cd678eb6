"""The reference pages in docs/ say what the ontology, the shapes and the CLI are: a term, shape, command
or option without documentation fails here (regenerate with `python tools/gen_docs.py`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
from rdflib import OWL, RDF, Graph
from rdflib.namespace import SH

from migragraph.cli.main import cli

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def test_generated_pages_are_current() -> None:
    check = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_docs.py"), "--check"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_every_ontology_term_is_documented() -> None:
    g = Graph().parse(ROOT / "ontology" / "migragraph.ttl")
    page = (DOCS / "vocabulary.md").read_text(encoding="utf-8")
    terms = [str(s).split("#")[1] for k in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
             for s in g.subjects(RDF.type, k) if "#" in str(s)]
    assert len(terms) >= 20
    assert [t for t in terms if f"### `mg:{t}`" not in page] == []


def test_every_shape_is_documented() -> None:
    g = Graph()
    for path in (ROOT / "shapes").glob("*.ttl"):
        g.parse(path)
    page = (DOCS / "shapes.md").read_text(encoding="utf-8")
    shapes = [str(s).split("#")[1] for s in g.subjects(RDF.type, SH.NodeShape)]
    assert len(shapes) >= 10
    assert [s for s in shapes if f"## `mgsh:{s}`" not in page] == []


def test_every_command_and_option_is_documented() -> None:
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    missing = []
    for name, command in cli.commands.items():
        if f"## `migragraph {name}`" not in page:
            missing.append(name)
        for param in command.params:
            if isinstance(param, click.Option):
                missing += [f"{name} {o}" for o in param.opts if o not in page]
    assert missing == []
