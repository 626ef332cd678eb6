"""Text in other encodings: UTF-16 with and without a byte-order mark, Latin-1 (read as windows-1252,
the WHATWG fallback), an encoding an HTML page declares, UTF-8 with a broken byte, bytes no fallback
reads, and a file whose name is not UTF-8."""

from __future__ import annotations

import json
import os
from pathlib import Path

from migragraph.ingest.decode import decode_bytes

from .corpus import GOOD_TEXT, build_beside, refused

SPANISH_MINISTER = ("Readout of the Secretary-General’s meeting with H.E. Mr. José Manuel Albares Bueno, "
                    "Minister for Foreign Affairs of Spain. The Secretary-General and the Minister discussed "
                    "the war in Ukraine, as well as ongoing developments in Gaza and the Middle East region.")


def test_utf16_with_a_byte_order_mark(tmp_path: Path) -> None:
    data = "\ufeff".encode("utf-16-le") + SPANISH_MINISTER.encode("utf-16-le")
    built = build_beside(tmp_path, "utf16-bom.txt", data)
    assert built.result.errors == []
    assert built.text_of(str(built.inputs / "utf16-bom.txt")) == SPANISH_MINISTER


def test_utf16_without_a_byte_order_mark(tmp_path: Path) -> None:
    # Every other byte is NUL: without the check it would be refused as binary data.
    built = build_beside(tmp_path, "utf16-be.txt", SPANISH_MINISTER.encode("utf-16-be"))
    assert built.result.errors == []
    assert built.text_of(str(built.inputs / "utf16-be.txt")) == SPANISH_MINISTER


def test_latin1_without_a_mark_is_read_as_windows_1252(tmp_path: Path) -> None:
    # Decided: decode, not refuse. cp1252 is a superset of Latin-1's printable characters and holds the
    # typographic quotes pages use (’ is 0x92); the release is built with every accent right.
    built = build_beside(tmp_path, "latin1.txt", SPANISH_MINISTER.encode("cp1252"))
    assert built.result.errors == []
    assert built.text_of(str(built.inputs / "latin1.txt")) == SPANISH_MINISTER
    assert decode_bytes(SPANISH_MINISTER.encode("cp1252")).encoding == "cp1252"


def test_a_page_is_read_in_the_encoding_it_declares(tmp_path: Path) -> None:
    # Read as windows-1252, the Cyrillic would be Latin-looking noise; read as declared, it is Russian,
    # and refused as such (the rules read English only).
    russian = ("Генеральный секретарь встретился сегодня с министром иностранных дел Российской Федерации "
               "и обсудил с ним положение на Украине и сотрудничество в области миграции.")
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head>'
            f"<body><article><p>{russian}</p></article></body></html>")
    built = build_beside(tmp_path, "russian.html", page.encode("cp1251"))
    refused(built, "russian.html", "the release is in Russian (ru")


def test_utf8_with_one_broken_byte_stays_utf8(tmp_path: Path) -> None:
    data = SPANISH_MINISTER.encode("utf-8").replace("José".encode(), b"Jos\xe9")
    built = build_beside(tmp_path, "broken-byte.txt", data)
    assert built.result.errors == []
    # One character lost and marked, the rest (’ included) decoded as UTF-8, not as windows-1252 mojibake.
    expected = SPANISH_MINISTER.replace("José", "Jos\ufffd")
    assert built.text_of(str(built.inputs / "broken-byte.txt")) == expected
    assert decode_bytes(data).encoding == "utf-8 (1 invalid byte(s) replaced)"


def test_bytes_no_fallback_reads_are_refused(tmp_path: Path) -> None:
    # 0x81 is undefined in windows-1252 and starts no UTF-8 character.
    data = SPANISH_MINISTER.encode("ascii", "replace") + b" \x81\x8d"
    built = build_beside(tmp_path, "undecodable.txt", data)
    refused(built, "undecodable.txt", "nor windows-1252; re-save the file as UTF-8")


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    name = os.fsdecode(b"caf\xe9-readout.txt")  # Latin-1 bytes in a name: a lone surrogate in Python
    built = build_beside(tmp_path, name, GOOD_TEXT.replace("Zardari", "Zardari (copy)"))
    assert built.result.errors == []
    shown = str(inputs / "caf\\xe9-readout.txt")  # written anywhere as its bytes, escaped
    assert shown in built.sources()
    summary = json.loads((built.out / "build.json").read_text(encoding="utf-8"))
    assert summary["releases"] == 2
