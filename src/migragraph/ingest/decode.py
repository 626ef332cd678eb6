"""Bytes to text: the one place that decides whether a file is text at all, and in which encoding.

In this order:

1. a byte-order mark names the encoding (UTF-8, UTF-16 LE or BE);
2. valid UTF-8 is UTF-8 (nearly every file);
3. UTF-16 without a mark is recognised by its NUL bytes, every other byte;
4. anything else with control bytes near the start is binary data, and refused;
5. an HTML page that declares its encoding (``<meta charset>``) is read in it;
6. UTF-8 with a few broken bytes (a page pasted together from two sources) stays UTF-8, the broken
   bytes replaced by U+FFFD and counted in `Decoded.encoding`;
7. otherwise windows-1252, the fallback the WHATWG Encoding Standard gives legacy Western pages (a
   superset of Latin-1's printable characters); bytes it leaves undefined make the file refused.

No statistical guessing among many encodings: charset-normalizer reads short Latin-1 English and
Spanish as cp1250 and silently turns "ñ" into "ń" (measured on the releases' own kind of text). A
non-English text that a Western fallback misreads is refused later by the language check
(ingest/language.py), with its language named.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# A text release never holds NUL or most other C0 controls; binary files almost always do.
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))
_META_CHARSET = re.compile(rb"<meta[^>]{0,512}?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]{1,40})", re.IGNORECASE)
# WHATWG: these labels all mean windows-1252 on the web, whatever Python's codec of the name does
# with bytes 0x80-0x9F (ISO-8859-1 makes them invisible C1 controls).
_WESTERN = {"ascii", "latin-1", "iso8859-1", "cp1252"}
# UTF-16 labels in a <meta> are wrong by definition (the declaration itself was read as ASCII).
_IGNORED_DECLARATIONS = {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
_FALLBACK = "cp1252"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec used; "utf-8 (3 invalid bytes replaced)" when some were


def decode_text(data: bytes) -> str:
    """Decode a release file; raise ValueError with a reason a user can act on."""
    return decode_bytes(data).text


def decode_bytes(data: bytes, *, html: bool = False) -> Decoded:
    """Decode a release file (`html`: it is a page, which may declare its encoding); raise ValueError
    with a reason a user can act on."""
    if not data.strip():
        raise ValueError("the file is empty")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _strict(data, codec, "its byte-order mark says so")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    sample = data[:4096]
    wide = _utf16_without_bom(sample)
    if wide:
        return _strict(data, wide, "every other byte is NUL")
    if sum(b in _CONTROL for b in sample) > max(2, len(sample) // 100):
        raise ValueError("binary data, not text (control bytes near the start); give an HTML, text or JSON file")
    declared = _declared(data) if html else None
    if declared:
        return _strict(data, declared, "the page declares it (<meta charset>)")
    mostly_utf8 = data.decode("utf-8", errors="replace")
    broken = mostly_utf8.count("\ufffd") - data.count("\ufffd".encode())
    if any(ord(c) > 127 and c != "\ufffd" for c in mostly_utf8):
        # Valid multi-byte sequences beside the broken bytes: UTF-8 text, damaged in places.
        return Decoded(mostly_utf8, f"utf-8 ({broken} invalid byte(s) replaced)")
    try:
        return Decoded(data.decode(_FALLBACK), _FALLBACK)
    except UnicodeDecodeError:
        raise ValueError(
            f"not UTF-8 text (byte 0x{data[first_bad]:02x} at offset {first_bad}), nor windows-1252; "
            "re-save the file as UTF-8"
        ) from None


def _strict(data: bytes, codec: str, why: str) -> Decoded:
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid {codec} text although {why} (offset {exc.start}); "
                         "re-save the file as UTF-8") from None


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the NULs of `sample` are those of Latin-script UTF-16 text."""
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    even = sum(1 for i in range(0, pairs * 2, 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, pairs * 2, 2) if sample[i] == 0)
    if odd >= 0.4 * pairs and even == 0:
        return "utf-16-le"
    if even >= 0.4 * pairs and odd == 0:
        return "utf-16-be"
    return None


def _declared(data: bytes) -> str | None:
    """The codec a page's <meta charset> names in its first 4 KB (the WHATWG prescan's reach, roughly);
    None when it names none, or one Python does not know."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        name = codecs.lookup(match[1].decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if name in _IGNORED_DECLARATIONS or name == "utf-8":
        return None  # utf-8 was tried; a page that says utf-8 but is not falls through to step 6
    return _FALLBACK if name in _WESTERN else name
