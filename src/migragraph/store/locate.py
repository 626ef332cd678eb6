"""Which store a build folder uses, from a `--store` value or from the folder's build.json.

    oxigraph                        the embedded store on disk, DIR/store (the default)
    memory                          an in-memory store, filled from DIR/graph.trig when there is one
    http(s)://host:port/path        any SPARQL 1.1 endpoint: the URL of its query service; updates go
    sparql+http(s)://...            to .../update beside .../query or .../sparql, else to the same URL

A build records its store in build.json ("store"), so `query`, `validate`, `viz` and `export` find it
without being told again: GraphStore(DIR/store, read_only=True) opens whatever DIR was built into; for
the embedded store, the generation the last finished build published (store/generations.py), never the
one a running build writes.
"""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path

from migragraph.errors import StoreError
from migragraph.store.backend import Backend, OxigraphBackend
from migragraph.store.endpoint import EndpointBackend
from migragraph.store.generations import hold

EMBEDDED, MEMORY = "oxigraph", "memory"
SUMMARY = "build.json"


def endpoint_url(spec: str) -> str | None:
    """The endpoint's http(s) URL when `spec` names one, else None."""
    url = spec.removeprefix("sparql+")
    return url if url.startswith(("http://", "https://")) else None


def store_label(spec: str) -> str:
    """`spec` as build.json keeps it: an endpoint's URL without its password."""
    url = endpoint_url(spec)
    if url is None:
        return spec
    parts = urllib.parse.urlsplit(url)
    netloc = (parts.hostname or "") + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def recorded_store(directory: Path) -> str:
    """The store the build in `directory` used (build.json), or the embedded one."""
    try:
        recorded = json.loads((directory / SUMMARY).read_text(encoding="utf-8")).get("store")
    except (OSError, ValueError, AttributeError):
        return EMBEDDED
    return recorded if isinstance(recorded, str) and recorded else EMBEDDED


def backend_for(directory: Path, spec: str, *, read_only: bool = False,
                update_url: str | None = None) -> Backend:
    """The backend `spec` names, for the build folder `directory`."""
    if spec == EMBEDDED:
        lease = hold(directory) if read_only else None
        if lease is not None:
            return OxigraphBackend(lease.store, read_only=True, lease=lease)
        return OxigraphBackend(directory / "store", read_only=read_only)
    if spec == MEMORY:
        backend = OxigraphBackend(None)
        trig = directory / "graph.trig"
        if trig.is_file():
            backend.load_dataset(trig)
        elif read_only:
            raise StoreError(f"no graph at {trig} to load into memory: "
                             f"run `migragraph build INPUT --out {directory}` first")
        return backend
    url = endpoint_url(spec)
    if url is None:
        raise StoreError(f"unknown store {spec!r}: give {EMBEDDED}, {MEMORY}, or the http(s):// URL of a "
                         "SPARQL endpoint's query service (e.g. http://localhost:3030/ds/query)")
    return EndpointBackend(url, update_url)
