"""Is a release written in English? The extraction rules read English only: a French or Arabic release
is refused with its language named, never read as if it were English.

Two steps, so that the common case costs nothing:

1. English prose is a quarter function words ("the", "of", "and", "with" ...), which other languages
   do not spell that way: a text with at least `FUNCTION_SHARE` of them is English (every release of
   the shared corpus and the gold set has 0.14 or more; French, Spanish, Portuguese, Italian and
   Arabic samples 0.0, German and Dutch under 0.1).
2. Otherwise (headlines, lists of names, other languages) py3langid, a naive Bayes model shipped
   inside the package (no download, no network), classifies the text in chunks of about
   `CHUNK_CHARS`; a release is refused only when confidently non-English chunks make up at least
   `REFUSE_SHARE` of it. A bilingual release (English, then the same text in Spanish) is kept; a
   short, name-heavy English line the model is unsure of is kept.

Letters of another script (Arabic, Cyrillic, CJK) make a chunk non-English whatever the model's
confidence: the model splits its belief among the dialects of one script.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

FUNCTION_WORDS = frozenset(
    "the of and to for with is was has have by that this from which were will said its their been are be "
    "at his her who also not would between after".split()
)
FUNCTION_SHARE = 0.12
CHUNK_CHARS = 200
CONFIDENT = 0.8
REFUSE_SHARE = 0.8
# The language of a release shows in its opening; a 20 MB text need not be read to the end for it.
SAMPLE_CHARS = 20_000
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Language:
    english: bool
    code: str  # ISO 639 code of the main language found: "en", "fr", "ar"
    share: float  # the share of the text (by characters) in that language, or in English when english

    @property
    def name(self) -> str:
        return language_name(self.code)


def identify(text: str) -> Language:
    """The language of a release text; see the module docstring for how it is decided."""
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    if words and sum(w in FUNCTION_WORDS for w in words) >= FUNCTION_SHARE * len(words):
        return Language(True, "en", 1.0)
    return _by_model(sample)


def refusal(text: str) -> str | None:
    """Why `text` cannot be built (it is not in English), or None when it can."""
    found = identify(text)
    if found.english:
        return None
    return (f"the release is in {found.name} ({found.code}, {found.share:.0%} of the text), not in English: "
            "migragraph's extraction rules read English only")


# A paragraph this long (in letters) says which language it is in; a shorter one (a name, a date) does not.
PARAGRAPH_LETTERS = 80
# The function words of the other languages releases are published in beside English (Spanish, French,
# Portuguese, Italian, German), none of them an English word.
OTHER_FUNCTION_WORDS = frozenset(
    "el los las del por para una que se con su sus al lo como pero más este esta entre sobre "
    "le les des du et une pour avec dans sur aux est sont qui ce cette ses leur "
    "os das dos em uma com não mais pelo pela "
    "il gli della delle dei nel nella per che con è sono "
    "der die das und mit von zu den dem ist ein eine für auf nicht sich auch".split()
)
_LINE = re.compile(r"[^\n]+")


def without_other_languages(text: str) -> str:
    """`text` with each paragraph in another language blanked out, offsets kept: "[scroll down for
    Spanish]" readouts give the same text twice, and the English rules would read "El Secretario" as a
    person. Decided by function words alone: loading py3langid's model would cost each build worker
    100 MB."""
    out: list[str] | None = None
    for m in _LINE.finditer(text):
        words = _WORD.findall(m.group().lower())
        if sum(len(w) for w in words) < PARAGRAPH_LETTERS:
            continue
        english = sum(w in FUNCTION_WORDS for w in words)
        other = sum(w in OTHER_FUNCTION_WORDS for w in words)
        if other >= FUNCTION_SHARE * len(words) and english < other / 4:
            out = out if out is not None else list(text)
            out[m.start():m.end()] = " " * (m.end() - m.start())
    return text if out is None else "".join(out)


def _by_model(sample: str) -> Language:
    per_language: dict[str, int] = {}
    total = 0
    for chunk in _chunks(sample):
        total += len(chunk)
        code = _chunk_language(chunk)
        if code != "en":
            per_language[code] = per_language.get(code, 0) + len(chunk)
    if not total:
        return Language(True, "en", 1.0)
    foreign = sum(per_language.values())
    if foreign < REFUSE_SHARE * total:
        return Language(True, "en", 1 - foreign / total)
    code = max(sorted(per_language), key=per_language.__getitem__)
    return Language(False, code, per_language[code] / total)


def _chunk_language(chunk: str) -> str:
    """'en' unless the model is confident of another language, or the letters are of another script."""
    code, confidence = _identifier().classify(chunk)
    code = str(code)
    if _latin_share(chunk) < 0.5:
        return code if code != "en" else "und"
    return code if confidence >= CONFIDENT else "en"


def _chunks(text: str) -> list[str]:
    """Runs of whole lines of about CHUNK_CHARS characters (a line is never split)."""
    chunks: list[str] = []
    lines: list[str] = []
    size = 0
    for line in text.split("\n"):
        if not line.strip():
            continue
        lines.append(line)
        size += len(line)
        if size >= CHUNK_CHARS:
            chunks.append("\n".join(lines))
            lines, size = [], 0
    if lines:
        chunks.append("\n".join(lines))
    return chunks


def _latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for c in letters if unicodedata.name(c, "").startswith("LATIN"))
    return latin / len(letters)


@cache
def _identifier() -> Any:
    """py3langid's model, read once (0.7 s) and only when step 2 is needed."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@cache
def language_name(code: str) -> str:
    """'French' for 'fr'; the code itself when pycountry does not know it."""
    import pycountry

    entry = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    return str(entry.name) if entry is not None else code
