"""Fetch, then build, end to end against the real loopback site: a build of the fetched folder equals a
build of the same pages saved by hand, and a second fetch after the site changed makes the next build
add, replace and (with --prune) remove exactly the pages that changed, a changed page keeping its IRI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result
from rdflib import URIRef
from rdflib.namespace import DCTERMS, PROV, SDO

from migragraph.cli.main import cli
from migragraph.ingest.fetched import release_key
from migragraph.ingest.sources import read_file
from migragraph.map.iris import DEFAULT_BASE
from migragraph.pipeline import BuildResult, build
from migragraph.vocab import MG

from .site import PAGES, Site, ground_truth, page_bytes, page_ids, serving

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not PAGES.is_dir(), reason=f"{PAGES} is not here (../shared)")]


def fetch(*args: str) -> Result:
    return CliRunner().invoke(cli, ["fetch", *args], catch_exceptions=False)


def buildable(page_id: str, where: Path) -> bool:
    """Whether the page reads as a release (English, enough text): the ones a build keeps."""
    path = where / f"{page_id}.html"
    path.write_bytes(page_bytes(page_id))
    return all(not hasattr(item, "reason") for item in read_file(path))


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    root = tmp_path_factory.mktemp("fetch-build")
    ids = page_ids()
    probe = root / "probe"
    probe.mkdir()
    english = [i for i in ids[:40] if buildable(i, probe)]
    held_back = english[0]  # a page the feed names only later
    site = Site(feed=[f"/pages/{i}.html" for i in ids if i != held_back])
    with serving(site) as served:
        folder = root / "fetched"
        first = fetch(f"{served.base}/feed.xml", "--into", str(folder), "--delay", "0.01",
                      "--allow-private-network", "--max-bytes", "2000000")
        yield {"site": served, "folder": folder, "first": first, "root": root, "english": english,
               "held_back": held_back}


def release_of(site: Site, page_id: str) -> str:
    return f"{DEFAULT_BASE}release/{release_key(f'{site.base}/pages/{page_id}.html')}"


def quads(out: Path) -> list[ox.Quad]:
    return list(ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG))


def objects(out: Path, subject: str, predicate: URIRef) -> list[str]:
    return [q.object.value for q in quads(out)
            if q.subject == ox.NamedNode(subject) and q.predicate == ox.NamedNode(str(predicate))]


def comparable(out: Path) -> set[tuple[str, ...]]:
    """The quads of a build's graph.trig, with what says where a release's file lies (the record's path,
    the source's time) written the same for every folder. A release is derived from its page's URL
    (prov:wasDerivedFrom) in both builds, the .fetch file giving it."""
    found = set()
    every = [tuple(str(t) for t in (q.subject, q.predicate, q.object, q.graph_name)) for q in quads(out)]
    sources = {o for _, p, o, _ in every if p == f"<{PROV.wasDerivedFrom}>"}
    for s, p, o, g in every:
        if p == f"<{DCTERMS.modified}>" and s in sources:
            continue  # the fetch time (fetched) or the file's time (by hand): checked apart
        found.add((s, p, '"the record"' if p == f"<{MG.sourceRecord}>" else o, g))
    return found


def test_a_build_of_the_fetched_folder_equals_a_build_of_the_pages_saved_by_hand(
        world: dict[str, object]) -> None:
    site, folder, root = world["site"], world["folder"], world["root"]
    assert isinstance(site, Site) and isinstance(folder, Path) and isinstance(root, Path)
    assert world["first"].exit_code == 0  # type: ignore[attr-defined]
    # By hand: each page's bytes as the benchmark has them, under its own name, and beside it the URL
    # it came from (all a .fetch file needs).
    by_hand = root / "by-hand"
    by_hand.mkdir()
    for page_id in page_ids():
        if page_id != world["held_back"]:
            (by_hand / f"{page_id}.html").write_bytes(page_bytes(page_id))
            url = f"{site.base}/pages/{page_id}.html"
            (by_hand / f"{page_id}.html.fetch").write_text(json.dumps({"url": url}))
    fetched = build([folder], root / "out-fetched", progress=False)
    hand = build([by_hand], root / "out-by-hand", progress=False)
    assert fetched.releases == hand.releases == 165  # the 166 English pages, one held back
    assert len(fetched.errors) == len(hand.errors) == 15  # in other languages, or too short
    assert comparable(root / "out-fetched") == comparable(root / "out-by-hand")
    # A release is its content: neither the time a page was fetched nor a file's time is in its graph
    # (a page fetched again with the same bytes gives the same graph).
    english = world["english"]
    assert isinstance(english, list)
    url = f"{site.base}/pages/{english[1]}.html"
    derived = {q.subject.value for q in quads(root / "out-fetched")
               if q.predicate == ox.NamedNode(str(PROV.wasDerivedFrom)) and q.object == ox.NamedNode(url)}
    assert len(derived) == 1  # its release, derived from the page's URL
    assert objects(root / "out-fetched", url, DCTERMS.modified) == []


def _opening(page_id: str) -> bytes | None:
    """The first 60 characters of the page's article as people judged it (ground-truth.json), when
    the HTML holds them as they are."""
    opening = ground_truth()[page_id]["articleBody"][:60].encode()
    return opening if opening in page_bytes(page_id) else None


def test_a_second_fetch_brings_exactly_what_changed_and_the_build_follows(world: dict[str, object]) -> None:
    site, folder, root = world["site"], world["folder"], world["root"]
    assert isinstance(site, Site) and isinstance(folder, Path) and isinstance(root, Path)
    english = world["english"]
    assert isinstance(english, list)
    held_back, gone = world["held_back"], english[2]
    changed, opening = next((i, o) for i in english[3:] if (o := _opening(i)) is not None)
    out = root / "out-incremental"
    before: BuildResult = build([folder], out, progress=False)
    old_hash = objects(out, release_of(site, changed), MG.contentHash)
    # The site changes: a page is corrected, one is withdrawn, one is published.
    head, _, tail = page_bytes(changed).rpartition(opening)  # the last: the first is often a <meta>
    site.changed[changed] = head + opening + b" (corrected)" + tail
    site.gone.add(gone)
    site.feed.append(f"/pages/{held_back}.html")
    start = len(site.hits)
    second = fetch(f"{site.base}/feed.xml", "--into", str(folder), "--delay", "0.01",
                   "--allow-private-network", "--max-bytes", "2000000")
    hits = site.hits[start:]
    assert second.exit_code == 0
    assert second.stdout.splitlines()[-1].endswith(
        f"1 new, 1 changed, {len(page_ids()) - 1 - 2} unchanged, 1 removed; 0 skipped, 0 failed")
    assert second.stderr == (f"removed: {site.base}/pages/{gone}.html: HTTP 410 Gone: its page is deleted "
                             "from the folder\n")
    bodies = [h.path for h in hits if h.status == 200 and h.path.startswith("/pages/")]
    assert sorted(bodies) == sorted([f"/pages/{held_back}.html", f"/pages/{changed}.html"])
    assert hits[0].path == "/robots.txt" and hits[1].path == "/feed.xml"
    assert hits[2].path == f"/pages/{held_back}.html"  # new pages first
    after = build([folder], out, progress=False, prune=True)
    changes = after.changes
    assert (changes.added, changes.changed, changes.removed, changes.restamped) == (1, 1, 1, 0)
    assert changes.unchanged == before.releases - 2
    new_hash = objects(out, release_of(site, changed), MG.contentHash)  # the same IRI
    assert len(new_hash) == len(old_hash) == 1 and new_hash != old_hash
    text = objects(out, release_of(site, changed), SDO.text)
    assert len(text) == 1 and opening.decode() + " (corrected)" in text[0]
    assert objects(out, release_of(site, gone), MG.contentHash) == []
    assert len(objects(out, release_of(site, held_back), MG.contentHash)) == 1
