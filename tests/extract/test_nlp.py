"""The statistical layer: which sentences the model reads, and the parts of speech read from its tags."""

from __future__ import annotations

from migragraph.extract import nlp
from migragraph.extract.model import Span


def _spans(*sentences: str) -> list[Span]:
    spans, at = [], 0
    for sentence in sentences:
        spans.append(Span(at, at + len(sentence), sentence))
        at += len(sentence) + 1
    return spans


def test_sentences_without_a_capital_after_the_first_are_not_read() -> None:
    # unhcr.org, 17 December 2019: the second sentence names nothing and costs the model as much
    spans = _spans("Filippo Grandi met Secretary of State Antony J. Blinken in Washington.",
                   "resettlement is not the only solution for refugees, he noted.",
                   "Resettlement is not the only solution for refugees, he noted.")
    parsed = nlp.parse(spans)
    assert [p.span.start for p in parsed] == [spans[0].start]
    assert "Filippo Grandi" in [e.text for e in parsed[0].doc.ents if e.label_ == "PERSON"]


def test_proper_nouns_and_verbs_from_the_tags() -> None:
    # scoop.co.nz (OECD), 1 June 2021
    (parsed,) = nlp.parse(_spans("Mr Cormann was Australia’s Finance Minister from 2013-2020."))
    tokens = {t.text: t for t in parsed.doc}
    assert nlp.is_proper_noun(tokens["Cormann"]) and nlp.is_proper_noun(tokens["Australia"])
    assert not nlp.is_proper_noun(tokens["was"]) and not nlp.is_proper_noun(tokens["from"])
    assert nlp.is_verb(tokens["was"]) and not nlp.is_verb(tokens["Minister"])
