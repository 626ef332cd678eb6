"""Bad JSON: a broken line among good ones, nesting past the recursion limit, an integer too long to
read, an unpaired surrogate, fields of the wrong type, URLs that are no URLs, a release with no date."""

from __future__ import annotations

import json
import xml.dom.minidom
from pathlib import Path

import pyoxigraph as ox

from .corpus import DATA, DCTERMS, MG, SCHEMA, build_beside, refused

LINES = (DATA / "releases.jsonl").read_text(encoding="utf-8").splitlines()
TEXT = ("The Secretary-General met today with H.E. Mr. Hakan Fidan, Minister for Foreign Affairs of the "
        "Republic of Türkiye. They discussed the situation in the Middle East and the war in Ukraine.")


def test_one_broken_line_among_good_ones(tmp_path: Path) -> None:
    content = "\n".join([LINES[0], '{"id": "broken", "text": "The Secretary-General met', LINES[1]]) + "\n"
    built = build_beside(tmp_path, "mixed.jsonl", content)
    source = str(built.inputs / "mixed.jsonl")
    assert [(e.source, e.reason) for e in built.result.errors] == [
        (f"{source}:2", "malformed JSON at column 26: Unterminated string starting at")]
    assert f"{source}:1" in built.sources() and f"{source}:3" in built.sources()


def test_json_nested_a_hundred_thousand_deep(tmp_path: Path) -> None:
    built = build_beside(tmp_path, "nested.json", "[" * 100_000 + "]" * 100_000)
    refused(built, "nested.json", "JSON nested too deeply to be a release record")


def test_a_nested_line_among_good_lines(tmp_path: Path) -> None:
    deep = '{"text": ' * 50_000 + '"x"' + "}" * 50_000
    built = build_beside(tmp_path, "deep.jsonl", "\n".join([LINES[0], deep]) + "\n")
    source = str(built.inputs / "deep.jsonl")
    assert [(e.source, e.reason) for e in built.result.errors] == [
        (f"{source}:2", "JSON nested too deeply to be a release record")]
    assert f"{source}:1" in built.sources()


def test_an_integer_of_five_thousand_digits(tmp_path: Path) -> None:
    # Python refuses to read integers of more than 4,300 digits with a ValueError, not a JSON error.
    built = build_beside(tmp_path, "long-id.json", f'{{"id": {"7" * 5000}, "text": "{TEXT}"}}')
    refused(built, "long-id.json", "unreadable JSON: Exceeds the limit (4300 digits)")


def test_an_unpaired_surrogate_becomes_a_replacement_character(tmp_path: Path) -> None:
    # "\\ud83d" alone (half an emoji) is not Unicode: it cannot be written as UTF-8 anywhere.
    record = f'{{"id": "s", "title": "Readout \\ud83d", "text": "{TEXT} \\ud83d"}}'
    built = build_beside(tmp_path, "surrogate.json", record)
    assert built.result.errors == []
    release = built.release_of(str(built.inputs / "surrogate.json"))
    assert built.text_of(str(built.inputs / "surrogate.json")) == f"{TEXT} \ufffd"
    assert [t.value for t in built.values(release, DCTERMS + "title")] == ["Readout \ufffd"]


def test_fields_of_the_wrong_type_are_left_out(tmp_path: Path) -> None:
    record = {"id": ["../../x"], "title": {"en": "Readout"}, "date": [2023, 9, 23], "publisher": True,
              "url": {"href": "https://un.org"}, "text": TEXT}
    built = build_beside(tmp_path, "typed.json", json.dumps(record))
    assert built.result.errors == []
    release = built.release_of(str(built.inputs / "typed.json"))
    assert release.endswith("/release/typed")  # the file's name, not the list
    assert built.values(release, DCTERMS + "issued") == [] and built.values(release, SCHEMA + "url") == []


def test_urls_that_are_no_urls_are_left_out_and_spaces_encoded(tmp_path: Path) -> None:
    records = [{"id": "js", "url": "javascript:alert(1)", "text": TEXT},
               {"id": "ipv6", "url": "http://[::1", "text": TEXT + " Again."},
               {"id": "spaces", "url": " https://www.un.org/sg/en/readout of the SG meeting\n",
                "text": TEXT + " Yes."}]
    built = build_beside(tmp_path, "urls.jsonl", "\n".join(json.dumps(r) for r in records))
    assert built.result.errors == []
    source = str(built.inputs / "urls.jsonl")
    urls = {n: [str(u.value) for u in built.values(built.release_of(f"{source}:{n}"), SCHEMA + "url")]
            for n in (1, 2, 3)}
    assert urls == {1: [], 2: [], 3: ["https://www.un.org/sg/en/readout%20of%20the%20SG%20meeting"]}


def test_a_release_with_no_date_is_built_without_one(tmp_path: Path) -> None:
    # Built, not refused: the date is optional. Nothing is made up: no dcterms:issued, and "today"
    # (relative to a date there is not) dates no meeting.
    built = build_beside(tmp_path, "undated.txt", TEXT)
    assert built.result.errors == []
    release = built.release_of(str(built.inputs / "undated.txt"))
    assert built.values(release, DCTERMS + "issued") == []
    assert not any(q.predicate.value == SCHEMA + "startDate" and str(q.graph_name.value) == release
                   for q in built.quads())
    assert any(q.predicate.value == MG + "participant" and str(q.graph_name.value) == release
               for q in built.quads())  # the meeting itself was read


def test_control_characters_are_dropped(tmp_path: Path) -> None:
    # XML 1.0 cannot hold them even escaped: a SPARQL XML result holding the text would be ill-formed.
    record = {"id": "bell", "title": "Readout\u0007", "text": f"{TEXT}\u0000 Ring\u0007 the bell\u001b."}
    built = build_beside(tmp_path, "controls.json", json.dumps(record))
    assert built.result.errors == []
    text = built.text_of(str(built.inputs / "controls.json"))
    assert text == f"{TEXT} Ring the bell."
    store = ox.Store()
    store.extend(built.quads())
    query = f"SELECT ?t ?title WHERE {{ GRAPH ?g {{ ?r <{SCHEMA}text> ?t ; <{DCTERMS}title> ?title }} }}"
    results = store.query(query)
    xml.dom.minidom.parseString(results.serialize(format=ox.QueryResultsFormat.XML) or b"")
