"""One line a message, whatever the names in it hold.

Messages name the culprit: a file, a folder, a request path. Names may hold anything a file system or a
client allows, newlines included, and a name printed as it is could forge a second `error:` line, move
the terminal's cursor, or reorder the rest of the line. `printable` writes each such character as its
Python escape, so a message stays one line that says what the name holds.
"""

from __future__ import annotations

import unicodedata

# Characters that would end a line, move the cursor, or reorder what follows on a terminal: control
# characters, line and paragraph separators, and the bidirectional embeddings, overrides and isolates.
_BIDI_CONTROLS = {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text` as one line that says what it holds: a file named "a\\nerror: b" cannot forge a second
    `error:` line, and an escape sequence cannot recolour or move the terminal (each such character is
    written as a Python escape: \\n, \\x1b, \\u202e)."""
    return "".join(_escape(ch) if _unprintable(ch) else ch for ch in text)


def _unprintable(ch: str) -> bool:
    return (unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp")
            or unicodedata.bidirectional(ch) in _BIDI_CONTROLS)


def _escape(ch: str) -> str:
    code = ord(ch)
    return _NAMED.get(ch) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
