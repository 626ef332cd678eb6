"""The statistical layer: which sentences the model reads, which of them it also tags and parses, and the
parts of speech read from its tags."""

from __future__ import annotations

from migragraph.extract import ner, nlp
from migragraph.extract.doc import Doc
from migragraph.extract.gazetteer import load
from migragraph.extract.orgs import find_organisations


def _read(text: str) -> tuple[Doc, list[nlp.Parsed]]:
    """The text's sentences as the hybrid extractor has the model read them: after the gazetteer's names."""
    doc = Doc(text=text, gaz=load(), anchor=None)
    find_organisations(doc)
    return doc, nlp.parse(doc.spans, ner.worth_reading(doc), ner.worth_parsing(doc))


def test_sentences_that_name_nothing_new_are_not_read() -> None:
    # unhcr.org, 17 December 2019: the second and third sentences name nothing and cost the model as much;
    # pmo.gov.to (Tonga), 20 March 2024: every capital of the fourth is in a name the gazetteer and rules know
    doc, parsed = _read("Filippo Grandi met Secretary of State Antony J. Blinken in Washington.\n"
                        "resettlement is not the only solution for refugees, he noted.\n"
                        "Resettlement is not the only solution for refugees, he noted.\n"
                        "The Ministry of Finance and MEIDECC will partner in implementing the project.")
    assert len(doc.spans) == 4
    assert [p.span for p in parsed] == doc.spans[:1]
    assert "Filippo Grandi" in [e.text for e in parsed[0].doc.ents if e.label_ == "PERSON"]


def test_each_sentence_is_tagged_and_parsed_only_where_that_is_read() -> None:
    # mofa.go.jp, 10 Jan 2024: persons (their names repaired by their tags) and bodies the gazetteer names
    (call,) = _read("On January 10, commencing at 4:00 p.m. for approximately 20 minutes, Mr. HAYASHI Yoshimasa, "
                    "Chief Cabinet Secretary of Japan, received a courtesy call from Mr. Mathias Cormann, "
                    "Secretary-General of the Organisation for Economic Co-operation and Development (OECD).")[1]
    assert {"HAYASHI Yoshimasa", "Mathias Cormann"} <= {e.text for e in call.doc.ents if e.label_ == "PERSON"}
    assert call.doc.has_annotation("TAG") and not call.doc.has_annotation("DEP")
    # pmo.gov.to (Tonga), 20 March 2024: "Finance", a body no name of the gazetteer covers: whether it acts
    # is read from the parse
    (signed,) = _read("Ms Munkhtuya (Tuya) Altangerel, newly appointed UNDP Resident Representative based in Suva, "
                      "Fiji signed for UNDP with Ms Pisila ‘Otunuku, Acting CEO for Finance and Mr. Sione Pulotu "
                      "‘Akau’ola, CEO for MEIDECC.")[1]
    assert "Finance" in [e.text for e in signed.doc.ents if e.label_ == "ORG"]
    assert signed.doc.has_annotation("DEP")
    # scoop.co.nz (OECD), 1 June 2021: a title as the complement of "was", whose subject holds it
    (was,) = _read("Mr Cormann was Australia’s Finance Minister from 2013-2020.")[1]
    assert was.doc.has_annotation("DEP") and [t.text for t in was.doc if t.dep_ == "nsubj"] == ["Cormann"]


def test_proper_nouns_and_verbs_from_the_tags() -> None:
    # scoop.co.nz (OECD), 1 June 2021
    (parsed,) = _read("Mr Cormann was Australia’s Finance Minister from 2013-2020.")[1]
    tokens = {t.text: t for t in parsed.doc}
    assert nlp.is_proper_noun(tokens["Cormann"]) and nlp.is_proper_noun(tokens["Australia"])
    assert not nlp.is_proper_noun(tokens["was"]) and not nlp.is_proper_noun(tokens["from"])
    assert nlp.is_verb(tokens["was"]) and not nlp.is_verb(tokens["Minister"])
