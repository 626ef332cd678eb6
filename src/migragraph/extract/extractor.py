"""Extraction: one release's text in, an Extraction out. Deterministic and offline: rules and
gazetteers only, no model.

Order matters: organisations first (every later family refers to them), then which countries act,
then persons and posts, frameworks, meetings (which refer to frameworks) and funding."""

from __future__ import annotations

from migragraph.extract import release_info
from migragraph.extract.actors import promote_acting_countries
from migragraph.extract.doc import Doc
from migragraph.extract.frameworks import find_frameworks
from migragraph.extract.funding import find_funding
from migragraph.extract.gazetteer import load
from migragraph.extract.meetings import find_meetings
from migragraph.extract.model import Extraction, Post, ReleaseInfo
from migragraph.extract.orgs import find_organisations
from migragraph.extract.persons import find_persons
from migragraph.ingest.release import RawRelease


def extract(release: RawRelease) -> Extraction:
    text = release.text
    anchor = release_info.release_date(release, text)
    doc = Doc(text=text, gaz=load(), anchor=anchor)
    doc.publisher = release_info.publisher(release, text)
    find_organisations(doc)
    promote_acting_countries(doc)
    doc.posts = find_persons(doc)
    frameworks = find_frameworks(doc)
    meetings = find_meetings(doc, frameworks)
    funding = find_funding(doc)
    if doc.publisher and doc.publisher in doc.gaz.orgs:
        doc.add_gazetteer_org(doc.gaz.orgs[doc.publisher])
    info = ReleaseInfo(
        title=release_info.title(release, text),
        date=anchor.isoformat() if anchor else None,
        place=release_info.place(text),
        publisher=doc.publisher,
        sdgs=release_info.sdgs(text),
    )
    return Extraction(info=info, organisations=doc.orgs, persons=doc.persons, posts=_unique_posts(doc),
                      meetings=meetings, frameworks=frameworks, funding=funding)


def _unique_posts(doc: Doc) -> list[Post]:
    seen: set[tuple[str, str, str]] = set()
    out: list[Post] = []
    for p in doc.posts:
        k = (p.person, p.role.lower(), p.organisation)
        if k not in seen:
            seen.add(k)
            out.append(p)
    return out
