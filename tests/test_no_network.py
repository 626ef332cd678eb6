"""No reaching out: parsing and validating never fetch anything. With the network blocked (every
non-loopback connect, name lookup and urllib request raises and is recorded), each document that would
make a careless parser reach out (a remote JSON-LD @context, owl:imports, an XML external entity, a
billion laughs) is either read without fetching or refused with a clear error, and nothing tried.

Covered: ingest (HTML, JSON), validate (pyshacl, in this process), shapes loading, the ontology (all
through validate/rdf.py). Not covered by the guard: validation workers (other processes; they run the
same code) and pyoxigraph's Rust code (it opens no socket without a document loader, which is never
given; its SERVICE queries are the store's business).
"""

from __future__ import annotations

import json
import shutil
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from migragraph.errors import ConfigError
from migragraph.ingest.sources import read_inputs
from migragraph.resources import data_dir, data_file
from migragraph.validate.rdf import UnsafeRdfError, parse_rdf
from migragraph.validate.shacl import load_shapes, validate_graphs

from .conftest import DATA
from .hostile.netguard import Attempts, NetworkBlockedError, blocked

REMOTE_CONTEXT = (b'{"@context": "http://example.org/context.jsonld", "@id": "http://example.org/a", '
                  b'"name": "A"}')
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
ARTICLE = ("The Secretary-General met today with the Minister for Foreign Affairs of Spain in New York. They "
           "discussed the war in Ukraine and ongoing developments in Gaza and the Middle East region.")


def _xxe(target: str) -> bytes:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM "{target}">]>\n'
            f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:ex="http://example.org/"><rdf:Description '
            'rdf:about="http://example.org/a"><ex:p>&xxe;</ex:p></rdf:Description></rdf:RDF>').encode()


def _laughs(levels: int) -> bytes:
    entities = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, levels))
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [{entities}]>\n<rdf:RDF xmlns:rdf="{RDF_NS}" '
            'xmlns:ex="http://example.org/"><rdf:Description rdf:about="http://example.org/a">'
            f"<ex:p>&l{levels - 1};</ex:p></rdf:Description></rdf:RDF>").encode()


@pytest.fixture
def offline() -> Iterator[Attempts]:
    with blocked() as attempts:
        yield attempts


def test_the_guard_sees_and_stops_a_fetch(offline: Attempts) -> None:
    # rdflib's own JSON-LD parser downloads a remote context: the guard must catch it, or every other
    # test here proves nothing.
    with pytest.raises(Exception) as caught, warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # rdflib's JSON-LD parser uses ConjunctiveGraph
        Graph().parse(data=REMOTE_CONTEXT, format="json-ld")
    assert "network blocked by the test" in str(caught.value)
    assert ("urllib.Request", "'http://example.org/context.jsonld'") in offline.seen
    offline.seen.clear()
    with pytest.raises(NetworkBlockedError):
        import socket

        socket.create_connection(("example.org", 80), timeout=1)
    assert offline.seen


def test_a_remote_jsonld_context_is_never_fetched(offline: Attempts) -> None:
    with pytest.raises(ConfigError, match="remote @context is never fetched: inline it"):
        parse_rdf(REMOTE_CONTEXT, ox.RdfFormat.JSON_LD, name="remote.jsonld")
    assert offline.seen == []


def test_a_self_contained_jsonld_document_is_read(offline: Attempts) -> None:
    doc = (b'{"@context": {"name": "http://xmlns.com/foaf/0.1/name"}, "@id": "http://example.org/a", '
           b'"name": "A"}')
    assert len(parse_rdf(doc, ox.RdfFormat.JSON_LD)) == 1
    assert offline.seen == []


def test_a_jsonld_release_file_is_read_as_a_record(tmp_path: Path, offline: Attempts) -> None:
    record = {"@context": "https://schema.org", "@type": "NewsArticle", "@id": "https://example.org/r/1",
              "id": "ld-release", "datePublished": "2024-02-23", "text": ARTICLE}
    (tmp_path / "release.json").write_text(json.dumps(record), encoding="utf-8")
    (release,) = read_inputs([tmp_path]).releases
    assert release.key == "ld-release" and release.text == ARTICLE and release.date == "2024-02-23"
    assert offline.seen == []


@pytest.mark.parametrize("engine", ["shacl", "pyshacl"])
def test_owl_imports_in_shapes_and_in_data_are_not_followed(tmp_path: Path, offline: Attempts,
                                                            engine: str) -> None:
    (tmp_path / "shapes.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix ex: <http://example.org/> .\n"
        "<http://example.org/shapes> a owl:Ontology ; owl:imports <http://example.org/more-shapes.ttl> .\n"
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .\n",
        encoding="utf-8")
    data = Graph(identifier="http://example.org/release/1").parse(data=(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix ex: <http://example.org/> .\n"
        "<http://example.org/data> a owl:Ontology ; owl:imports <http://example.org/more-data.ttl> .\n"
        "ex:a a ex:C ."), format="turtle")
    report = validate_graphs([data], load_shapes(tmp_path), engine_name=engine)
    assert [(v.focus, v.constraint) for v in report.violations] == [
        ("http://example.org/a", "MinCountConstraintComponent")]
    assert offline.seen == []


@pytest.mark.parametrize("target", ["http://example.org/secret", "file:///etc/passwd"])
def test_rdfxml_with_an_external_entity_is_refused(target: str, offline: Attempts) -> None:
    with pytest.raises(UnsafeRdfError, match=r"RDF/XML with a DTD .* is refused: .*\(XXE, billion laughs\)"):
        parse_rdf(_xxe(target), ox.RdfFormat.RDF_XML, name="xxe.rdf")
    assert offline.seen == []


def test_a_billion_laughs_are_refused_at_once(offline: Attempts) -> None:
    started = time.monotonic()
    with pytest.raises(UnsafeRdfError, match="billion laughs"):
        parse_rdf(_laughs(10), ox.RdfFormat.RDF_XML, name="laughs.rdf")  # 10^9 "lol"s: 9 GB if expanded
    assert time.monotonic() - started < 1
    assert offline.seen == []


def test_rdfxml_without_a_dtd_is_read(offline: Attempts) -> None:
    doc = (f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:ex="http://example.org/"><rdf:Description '
           'rdf:about="http://example.org/a"><ex:p>v</ex:p></rdf:Description></rdf:RDF>').encode()
    assert len(parse_rdf(doc, ox.RdfFormat.RDF_XML)) == 1


@pytest.mark.parametrize("name", ["xxe", "laughs", "dtd", "resources"])
def test_html_with_entities_and_remote_resources_is_read_offline(name: str, tmp_path: Path,
                                                                offline: Attempts) -> None:
    article = f"<article><p>{ARTICLE}</p><p>&xxe;&laughs;</p></article>"
    prolog = {
        "xxe": '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
               '<!ENTITY laughs SYSTEM "http://example.org/x">]>\n',
        "laughs": '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY l0 "lol">'
                  + "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10))
                  + '<!ENTITY laughs "&l9;"><!ENTITY xxe "&l9;">]>\n',
        "dtd": '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
               '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n',
        "resources": "",
    }[name]
    head = ('<head><base href="http://example.org/"><link rel="stylesheet" href="http://example.org/a.css">'
            '<script src="http://example.org/a.js"></script><script type="application/ld+json">'
            '{"@context": "http://example.org/context.jsonld", "@type": "NewsArticle", "headline": "Readout"}'
            '</script></head>')
    page = f'{prolog}<html xmlns="http://www.w3.org/1999/xhtml">{head}<body><img src="http://example.org/a.png">'
    page += f'<iframe src="http://example.org/"></iframe>{article}</body></html>'
    (tmp_path / f"{name}.html").write_text(page, encoding="utf-8")
    shutil.copy(DATA / "un-sg-zardari-2012.txt", tmp_path)
    started = time.monotonic()
    result = read_inputs([tmp_path])
    assert result.errors == [] and len(result.releases) == 2
    text = next(r.text for r in result.releases if r.source.endswith(".html"))
    assert ARTICLE in text and "lollol" not in text and "root:" not in text  # no entity was expanded
    assert time.monotonic() - started < 10
    assert offline.seen == []


def test_the_packaged_shapes_and_ontology_are_read_offline(offline: Attempts) -> None:
    ontology = parse_rdf(data_file("ontology", "migragraph.ttl"))
    assert len(ontology) > 50
    shapes = [parse_rdf(path) for path in sorted(data_dir("shapes").glob("*.ttl"))]  # as load_shapes does
    assert sum(len(g) for g in shapes) > 50
    assert offline.seen == []
