"""Releases not in English are refused with their language named, never read as if they were English;
an English release the model is unsure of, and a bilingual one, are built."""

from __future__ import annotations

import json
from pathlib import Path

from migragraph.ingest.language import identify

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


def test_a_short_english_release_of_names_is_built() -> None:
    # Few function words: the model decides, and is unsure; unsure is English.
    text = "IOM Director General Amy Pope met EU Commissioner Magnus Brunner in Brussels on 4 April 2025."
    assert identify(text).english
