"""How names are compared: the exact normalisation of the team's reference scorer (shared/eval/score.py).

Any change here changes every score, so it must stay byte-for-byte equivalent to that script's
`norm`; tests/test_evaluate.py checks the two agree on every gold release.
"""

from __future__ import annotations

import re
import unicodedata

# Dashes, underscores and slashes separate words ("EU-IOM", "DG_HOME", "and/or").
_SEPARATORS = re.compile(r"[\u2010-\u2015\-_/]")
_PUNCTUATION = re.compile(r"[^\w\s]")
# "the" never distinguishes two institutions ("the European Commission" = "European Commission").
_THE = re.compile(r"\bthe\b")
_SPACES = re.compile(r"\s+")
# Share of a wanted name's words that a label must contain to name the same framework.
TOKEN_SHARE = 0.6


def norm(text: object) -> str:
    """Lower case, accents folded, punctuation dropped, 'the' removed, single spaces."""
    folded = unicodedata.normalize("NFKD", str(text))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = _SEPARATORS.sub(" ", folded)
    folded = _PUNCTUATION.sub("", folded)
    folded = _THE.sub(" ", folded)
    return _SPACES.sub(" ", folded).strip()


def tokens(text: object) -> set[str]:
    return set(norm(text).split())


def overlaps(wanted: set[str], have: set[str]) -> bool:
    """`have` holds at least 60% of the `wanted` words (all of them, when `wanted` is empty)."""
    return len(wanted & have) >= TOKEN_SHARE * len(wanted)


def names_role(wanted: str, label: str) -> bool:
    """A normalised role label names the wanted role, alone or as whole words inside a longer one
    ("director general" in "acting director general")."""
    return wanted == label or re.search(rf"\b{re.escape(wanted)}\b", label) is not None
