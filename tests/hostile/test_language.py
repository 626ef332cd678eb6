"""Releases not in English are refused with their language named, never read as if they were English;
an English release the model is unsure of, and a bilingual one, are built."""

from __future__ import annotations

import json
from pathlib import Path

from migragraph.extract.extractor import extract, extract_hybrid
from migragraph.ingest.language import identify, without_other_languages
from migragraph.ingest.release import RawRelease

from .corpus import build_beside, refused

FRENCH = ("Le Secrétaire général a rencontré aujourd'hui le Ministre de l'Europe et des affaires "
          "étrangères de la France, M. Jean-Noël Barrot. Ils ont discuté de la situation au Moyen-Orient, "
          "de la guerre en Ukraine et de la coopération entre l'Organisation des Nations Unies et la France "
          "en matière de migration et de développement durable.")
ARABIC = ("التقى الأمين العام اليوم بوزير الخارجية والتعاون الدولي، وناقشا الوضع في أوكرانيا وفي غزة، "
          "والتعاون بين الأمم المتحدة والمنظمة الدولية للهجرة في مجال الهجرة والتنمية المستدامة.")
SPANISH = ("El Secretario General se reunió con el Excelentísimo Sr. José Manuel Albares Bueno, Ministro "
           "de Asuntos Exteriores, Unión Europea y Cooperación de España. El Secretario General y el "
           "Ministro de Asuntos Exteriores abordaron la guerra en Ucrania, así como acontecimientos "
           "recientes en Gaza.")
ENGLISH = ("The Secretary-General met with H.E. José Manuel Albares Bueno, Minister for Foreign Affairs, "
           "European Union and Cooperation of Spain. The Secretary-General and the Minister of Foreign "
           "Affairs discussed the war in Ukraine, as well as ongoing developments in Gaza and the Middle "
           "East region.")


def test_a_release_in_french_is_refused(tmp_path: Path) -> None:
    built = build_beside(tmp_path, "communique.txt", f"Compte rendu\n\n{FRENCH}")
    error = refused(built, "communique.txt",
                    "the release is in French (fr, 100% of the text), not in English")
    assert "extraction rules read English only" in error.reason


def test_a_release_in_arabic_is_refused(tmp_path: Path) -> None:
    built = build_beside(tmp_path, "bayan.json", json.dumps({"id": "bayan", "text": ARABIC}))
    refused(built, "bayan.json", "the release is in Arabic (ar")


def test_spanish_with_an_english_headline_is_refused(tmp_path: Path) -> None:
    text = f"Readout of the Secretary-General's meeting\n\n{SPANISH}"
    built = build_beside(tmp_path, "readout-es.txt", text)
    refused(built, "readout-es.txt", "the release is in Spanish (es")


def test_a_bilingual_release_is_built(tmp_path: Path) -> None:
    # UN readouts often give the text in English, then in the minister's language.
    built = build_beside(tmp_path, "bilingual.txt", f"{ENGLISH}\n\n***\n{SPANISH}")
    assert built.result.errors == []


def test_a_bilingual_releases_other_language_is_not_read() -> None:
    # un.org, 23 Feb 2024 (pg-32350ac703b0 of ../shared/data/releases): the Spanish paragraph gave "El
    # Secretario" and "Unión Europea" as persons, "Ministro de" as a body
    text = f"{ENGLISH}\n\n***\n{SPANISH}"
    english_only = without_other_languages(text)
    assert len(english_only) == len(text) and english_only.startswith(ENGLISH)
    assert english_only[len(ENGLISH):].strip() == "***"
    for run in (extract, extract_hybrid):
        ex = run(RawRelease(source="readout.txt", key="readout", text=text))
        assert {p.name for p in ex.persons.values()} == {"José Manuel Albares Bueno"}
        assert "Ministro de" not in {o.name for o in ex.organisations.values()}


def test_an_english_paragraph_of_few_function_words_is_read() -> None:
    # urdupoint.com, Dec 2023 (pg-c65c7046423a of ../shared/data/releases): names and titles, few English
    # function words, none of another language's
    text = ("Director General of International Organization for Migration (IOM) Amy Pope on Thursday called "
            "on Caretaker Foreign Minister Jalil Abbas Jilani")
    assert without_other_languages(text) == text


def test_a_short_english_release_of_names_is_built() -> None:
    # Few function words: the model decides, and is unsure; unsure is English.
    text = "IOM Director General Amy Pope met EU Commissioner Magnus Brunner in Brussels on 4 April 2025."
    assert identify(text).english
