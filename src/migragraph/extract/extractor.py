"""Extraction: one release's text in, an Extraction out. Deterministic and offline.

Two extractors share this sequence: `rules` (gazetteers and patterns only) and `hybrid`, which also
reads each sentence with a pretrained spaCy pipeline (extract/nlp.py) and adds the persons and
organisations its model finds (extract/ner.py) to those the gazetteer names, before any relation is
read.

Order matters: organisations first (every later family refers to them), then which countries act,
then persons and posts, frameworks, meetings (which refer to frameworks) and funding."""

from __future__ import annotations

import re
from functools import partial

from migragraph.extract import release_info
from migragraph.extract.actors import promote_acting_countries
from migragraph.extract.chunks import extract_in_pieces, time_budget
from migragraph.extract.doc import Doc
from migragraph.extract.followups import attach_followups
from migragraph.extract.frameworks import find_frameworks
from migragraph.extract.funding import find_funding
from migragraph.extract.gazetteer import load
from migragraph.extract.meetings import find_meetings
from migragraph.extract.model import Extraction, Post, ReleaseInfo
from migragraph.extract.orgs import (
    boards_of_their_body,
    departments_of_the_one_country,
    drop_furniture,
    drop_gatherings,
    drop_news_agencies,
    drop_postnominals,
    drop_venues,
    find_organisations,
    foreign_ministry_told,
    mark_org_mentions,
    ministers_in_their_ministry,
    ministry_of_the_minister,
    name_definite_references,
    parents_named_after,
    parents_of_a_list,
    same_body_told_short,
    units_of_a_title_chain,
)
from migragraph.extract.persons import find_persons
from migragraph.extract.publisher import titled_headline_body, told_publisher
from migragraph.extract.text import unwrapped
from migragraph.ingest.language import without_other_languages
from migragraph.ingest.release import RawRelease


def extract(release: RawRelease) -> Extraction:
    """The rules extractor."""
    with time_budget(release):
        return extract_in_pieces(release, partial(_extract, statistical=False))


def extract_hybrid(release: RawRelease) -> Extraction:
    """The hybrid extractor: the rules with a pretrained model's persons and organisations."""
    with time_budget(release):
        return extract_in_pieces(release, partial(_extract, statistical=True))


def _extract(release: RawRelease, statistical: bool) -> Extraction:
    # the English text alone (offsets kept): the rules and the model read English
    text = unwrapped(without_other_languages(release.text))
    anchor = release_info.release_date(release, release.text)
    doc = Doc(text=text, gaz=load(), anchor=anchor)
    doc.publisher = release_info.publisher(release, text)
    doc.dateline_place = release_info.place(text)
    doc.headline = headline = release_info.title(release, text)
    find_organisations(doc)
    if statistical:
        from migragraph.extract import ner, nlp  # spaCy is imported only by the hybrid extractor

        parsed = nlp.parse(doc.spans, ner.worth_reading(doc), ner.worth_parsing(doc))
        doc.parsed = parsed
        ner.add_persons(doc, parsed)
        ner.add_organisations(doc, parsed)
        ner.add_places(doc, parsed)
    mark_org_mentions(doc)
    parents_named_after(doc)
    parents_of_a_list(doc)
    departments_of_the_one_country(doc)
    same_body_told_short(doc)
    boards_of_their_body(doc)
    drop_furniture(doc)
    drop_news_agencies(doc)
    drop_gatherings(doc)
    drop_venues(doc)
    promote_acting_countries(doc)
    if doc.publisher is None:
        # whose release it is, told by a byline or the headline's subject ("UNHCR welcomes donations …"),
        # before the posts: a title with no body named is the publisher's ("High Commissioner António Guterres")
        doc.publisher = told_publisher(doc, headline)
    doc.posts = find_persons(doc)
    units_of_a_title_chain(doc)
    drop_postnominals(doc)
    ministers_in_their_ministry(doc)
    ministry_of_the_minister(doc)
    foreign_ministry_told(doc)
    frameworks = find_frameworks(doc)
    meetings = find_meetings(doc, frameworks)
    funding = find_funding(doc, frameworks)
    attach_followups(doc.spans, frameworks, funding)
    if doc.publisher is None:
        doc.publisher = told_publisher(doc, headline) or titled_headline_body(doc, headline)
    if doc.publisher and doc.publisher in doc.gaz.orgs:
        doc.add_gazetteer_org(doc.gaz.orgs[doc.publisher])
    _countries_named(doc)
    name_definite_references(doc)
    info = ReleaseInfo(
        title=headline,
        date=anchor.isoformat() if anchor else None,
        place=doc.dateline_place,
        publisher=doc.publisher,
        sdgs=release_info.sdgs(text),
    )
    return Extraction(info=info, organisations=doc.orgs, persons=doc.persons, posts=_unique_posts(doc),
                      meetings=meetings, frameworks=frameworks, funding=funding)


def _countries_named(doc: Doc) -> None:
    """A government the release names keeps, as aliases, the names it gives its country ("the Russian
    Federation", "Japan"): a release writes the state for its government ("Japan has allocated …")."""
    governments = {org.government_of: org for org in doc.orgs.values() if org.government_of}
    for m in doc.mentions:
        org = governments.get(m.key) if m.kind == "country" else None
        if org is not None and m.text != org.name:
            org.aliases.add(m.text)


def _unique_posts(doc: Doc) -> list[Post]:
    """Each post once; a title that a fuller one of the same person in the same organisation begins or ends
    with ("Minister" beside "Minister for Civil Defence", "Foreign Minister") is that one, told short; so is a portfolio told
    before its head ("Development and Investment Minister" beside "Minister of Development and Investment")."""
    seen: set[tuple[str, str, str]] = set()
    out: list[Post] = []
    for p in doc.posts:
        k = (p.person, p.role.lower(), p.organisation)
        role = p.role.lower()
        fronted = re.fullmatch(r"(.+) (minister|secretary)", role)
        fuller = any(q.person == p.person and q.organisation == p.organisation and (
            q.role.lower().startswith(role + " ") or q.role.lower().endswith(" " + role) or (
                fronted is not None and q.role.lower() in (
                f"{fronted.group(2)} of {fronted.group(1)}", f"{fronted.group(2)} for {fronted.group(1)}")))
            for q in doc.posts)
        if k not in seen and not fuller:
            seen.add(k)
            out.append(p)
    return out
