"""The bad-input corpus: each test puts one hostile input beside a good release of tests/data, builds
the folder with migragraph.pipeline.build (corpus.py), and checks that the good release is built and
the bad one named with its reason. The network is blocked throughout: no input may make migragraph
reach out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .netguard import Attempts, blocked


@pytest.fixture(autouse=True)
def no_network() -> Iterator[Attempts]:
    """Every hostile test runs with the network blocked; it fails if anything even tried."""
    with blocked() as attempts:
        yield attempts
    assert attempts.seen == [], f"something reached for the network: {attempts.seen}"
