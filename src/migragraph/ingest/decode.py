"""Bytes to text: the one place that decides whether a file is text at all."""

from __future__ import annotations

import codecs

# A text release never holds NUL or most other C0 controls; binary files almost always do.
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def decode_text(data: bytes) -> str:
    """Decode a release file; raise ValueError with a reason a user can act on."""
    if not data.strip():
        raise ValueError("the file is empty")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec)
    sample = data[:4096]
    if sum(b in _CONTROL for b in sample) > max(2, len(sample) // 100):
        raise ValueError("binary data, not text (control bytes near the start); give an HTML, text or JSON file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save the file as UTF-8"
        ) from None
