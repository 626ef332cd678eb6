"""The site: which route answers a request, and what the routes share (the workers, the pages).

    /                      what the dataset holds, a query box, the named questions, a search box
    /sparql                the SPARQL 1.1 Protocol (serve/protocol.py)
    /named, /named/NAME    the named questions, bound from the query string
    /search?q=             entities by label
    /id/...                every entity IRI (serve/pages.py)
    /ontology[.ttl]        the mg: ontology; /.well-known/void its VoID description (serve/describe.py)
    /static/NAME           the style sheet

Paths are matched exactly or by prefix against this table, and static files against the names
found in serve/static/ at start: no path is ever joined onto a folder, so /static/../../pyproject.toml
is simply not one of them.
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pyoxigraph as ox

from migragraph.map.prefixes import prefixes
from migragraph.resources import data_file
from migragraph.serve import describe, pages, protocol
from migragraph.serve.conneg import HTML, prefers_html
from migragraph.serve.engine import Failure, Rows, Table
from migragraph.serve.generation import WATCH_SECONDS, Generation, Generations
from migragraph.serve.http import RepeatedParameterError, Request, Response, text
from migragraph.serve.mount import Mount, View
from migragraph.serve.origin import BadForwardingError, Origins, Seen
from migragraph.serve.render import Renderer
from migragraph.serve.workers import Limits, WorkerPool

_STATIC_TYPES = {".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}
_GET = {"GET", "HEAD", "OPTIONS"}


class QueryFailedError(Exception):
    """One of the site's own queries failed (timed out, workers busy): answered with its status."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.message)
        self.failure = failure


@cache
def site_query(name: str) -> str:
    """The text of serve/sparql/NAME.rq, one of the site's own queries, else of the package's
    queries/NAME.rq (count-entities, which `build` counts with too)."""
    own = resources.files("migragraph.serve") / "sparql" / f"{name}.rq"
    path = own if own.is_file() else data_file("queries", f"{name}.rq")
    return path.read_text(encoding="utf-8")


def _static_files() -> dict[str, tuple[bytes, str]]:
    folder = resources.files("migragraph.serve") / "static"
    return {f.name: (f.read_bytes(), _STATIC_TYPES.get(Path(f.name).suffix, "application/octet-stream"))
            for f in folder.iterdir() if f.is_file()}


class Site:
    """The site of the build in `directory`, answering each request from one generation of its store
    (serve/generation.py)."""

    def __init__(self, directory: Path, base: str, limits: Limits, workers: int,
                 write_token: str | None = None, origins: Origins | None = None,
                 watch: float = WATCH_SECONDS) -> None:
        self.mount = Mount(base)
        self.origins = origins or Origins()
        self.prefixes = prefixes(base)
        self.limits = limits
        self.write_token = write_token
        self.renderer = Renderer(self.prefixes)
        self.static = _static_files()
        self.ontology = describe.Ontology.load(self.mount)
        self._request = threading.local()
        def pool(store: Path) -> WorkerPool:
            return WorkerPool(store, workers, limits, self.prefixes)

        self.generations = Generations(directory, pool, watch)

    def close(self) -> None:
        self.generations.close()

    @property
    def generation(self) -> Generation:
        """The generation the request being answered on this thread started with."""
        bound: Generation | None = getattr(self._request, "generation", None)
        return bound or self.generations.current

    @property
    def pool(self) -> WorkerPool:
        return self.generation.pool

    @property
    def summary(self) -> dict[str, Any]:
        return self.generation.summary

    # ------------------------------------------------------------------ what routes share

    def rows(self, name: str, **values: ox.NamedNode | ox.Literal) -> Table:
        """Run the site's query `name` with `values` for its variables; raises QueryFailedError.

        Literals are substituted. An IRI is written into the text as a constant, in Oxigraph's own
        form of a term it has parsed (<...>, which no >, quote, brace or space can be in): Oxigraph
        plans a query's joins before it substitutes, so with ?entity substituted the page's queries
        started from every evidence node of the store (0.45 s each at 10k releases; 0.03 s so)."""
        text, substitutions = site_query(name), []
        for variable, value in values.items():
            if isinstance(value, ox.NamedNode):
                text = re.sub(rf"\?{variable}\b", str(value).replace("\\", r"\\"), text)
            else:
                substitutions.append((variable, value))
        outcome = self.pool.run(Rows(text, tuple(substitutions)))
        if isinstance(outcome, Failure):
            raise QueryFailedError(outcome)
        if not isinstance(outcome, Table):
            raise QueryFailedError(Failure(500, f"the site's query {name} gave no table"))
        return outcome

    def cached(self, name: str) -> Table:
        """rows(name), once a generation: its store is never written, so what it counts never changes."""
        generation = self.generation
        with generation.cache_lock:
            if name not in generation.cache:
                generation.cache[name] = self.rows(name)
            table: Table = generation.cache[name]
            return table

    def kind(self, iri: str) -> str | None:
        """The kind of an entity IRI minted under the base (org, person, meeting...; map/iris.py)."""
        if not iri.startswith(self.mount.base):
            return None
        return iri[len(self.mount.base):].split("/", 1)[0] or None

    def page(self, view: View, template: str, status: int = 200, **context: Any) -> Response:
        return Response(status, self.renderer.page(template, view, **context), HTML.media_type)

    def error(self, request: Request, view: View, status: int, message: str) -> Response:
        """An error as a page for browsers, as one line of text for programs."""
        if prefers_html(request.headers.get("Accept")):
            return self.page(view, "error.html", status, title=f"{status}", code=status, message=message)
        return text(status, message)

    def not_found(self, request: Request, view: View) -> Response:
        return self.error(request, view, 404, f"nothing here: {request.path}")

    # ------------------------------------------------------------------ routing

    def handle(self, request: Request) -> Response:
        try:
            seen = self.origins.seen(request.peer, request.host, request.headers.get("X-Forwarded-Host"),
                                     request.headers.get("X-Forwarded-Proto"))
        except BadForwardingError as exc:
            return text(400, str(exc))
        view = self._view(request, seen)
        if request.method == "OPTIONS":
            return preflight()
        if _unsafe(request.path):
            return self.not_found(request, view)
        with self.generations.using() as generation:
            self._request.generation = generation
            try:
                return self._answer(request, view)
            finally:
                self._request.generation = None

    def _answer(self, request: Request, view: View) -> Response:
        try:
            return self._route(request, view)
        except RepeatedParameterError as exc:
            return self.error(request, view, 400, str(exc))
        except QueryFailedError as exc:
            failure = exc.failure
            retry = {"Retry-After": "5"} if failure.status == 503 else {}
            response = self.error(request, view, failure.status, failure.message)
            response.headers.update(retry)
            return response

    def _view(self, request: Request, seen: Seen) -> View:
        """How `request` sees the site, with the absolute URL of its root: --public-base when given,
        the published one when proxied, a trusted proxy's, else the address the client connected to
        (serve/origin.py); never a host the client merely named."""
        view = self.mount.view(seen.host)
        if self.origins.public_base:
            return replace(view, url=self.origins.public_base)
        if view.proxied:
            return view
        authority = seen.host if seen.forwarded and seen.host else request.local
        return replace(view, url=f"{seen.scheme or 'http'}://{authority}{view.site}")

    def _route(self, request: Request, view: View) -> Response:
        path = request.path
        if path.startswith(view.entities) and len(path) > len(view.entities):
            return self._only_get(request, view) or pages.entity(self, request, view,
                                                                 path[len(view.entities):])
        if view.proxied and path == self.ontology.published_path:
            return self._only_get(request, view) or describe.ontology(self, request, view, None)
        if not path.startswith(view.site):
            return self.not_found(request, view)
        route = path[len(view.site):]
        if route == "sparql":
            return protocol.sparql(self, request, view)
        refused = self._only_get(request, view)
        if refused:
            return refused
        if route == "":
            return describe.home(self, request, view)
        if route == "search":
            return describe.search(self, request, view)
        if route == "named" or route.startswith("named/"):
            return protocol.named(self, request, view, route[len("named/"):] if "/" in route else None)
        if route.startswith("ontology"):
            suffix = route[len("ontology"):]
            fmt = pages.SUFFIXES.get(suffix) if suffix else None
            if suffix and fmt is None:
                return self.not_found(request, view)
            return describe.ontology(self, request, view, fmt)
        if route == ".well-known/void":
            return describe.void(self, request, view)
        if route.startswith("static/") and route[len("static/"):] in self.static:
            body, content_type = self.static[route[len("static/"):]]
            return Response(200, body, content_type, {"Cache-Control": "public, max-age=3600"})
        return self.not_found(request, view)

    def _only_get(self, request: Request, view: View) -> Response | None:
        if request.method in _GET:
            return None
        response = self.error(request, view, 405, f"{request.method} is not allowed here; use GET")
        response.headers["Allow"] = "GET, HEAD, OPTIONS"
        return response


def preflight() -> Response:
    """CORS preflight: any origin may GET and POST queries, with the headers SPARQL clients send."""
    return Response(204, headers={
        "Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
        "Access-Control-Allow-Headers": "Accept, Authorization, Content-Type",
        "Access-Control-Max-Age": "86400", "Allow": "GET, HEAD, POST, OPTIONS"})


def _unsafe(path: str) -> bool:
    """A path with dot segments, backslashes or NULs, as sent or once decoded: never a route here."""
    for form in (path, unquote(path), unquote(unquote(path))):
        if "\\" in form or "\x00" in form or any(seg in (".", "..") for seg in form.split("/")):
            return True
    return False
