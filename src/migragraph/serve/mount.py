"""Where the site and its entities live, seen locally or through a proxy of the published IRIs.

With the base https://w3id.org/migragraph/id/ an organisation's IRI is .../id/org/iom. Locally the
server answers /id/org/iom for it, and its pages link to local paths, so that a copy runs on a laptop.
A reverse proxy for the published host forwards requests whose Host (or X-Forwarded-Host, from a
trusted proxy: serve/origin.py) is that host: those are answered at the published path
(/migragraph/id/org/iom), the site's own routes (/sparql, /static/...) beside the base
(/migragraph/sparql), and pages link to the published IRIs.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from migragraph.serve.origin import Authority, parse_authority

LOCAL_ENTITIES = "/id/"


@dataclass(frozen=True)
class View:
    """How one request sees the site: where its routes and entities are, and how to link to them."""

    site: str      # the path the site's routes hang from: "/" or "/migragraph/"
    entities: str  # the path of entity IRIs: "/id/" or "/migragraph/id/"
    base: str      # the base IRI of entities
    proxied: bool
    url: str = ""  # the site's root as an absolute URL, for answers that need one (VoID)

    def link(self, iri: str) -> str:
        """Where a page links for `iri`: a local path for an entity under the base (when local), else
        the IRI itself (which a proxied request dereferences through the proxy)."""
        if not self.proxied and iri.startswith(self.base):
            return self.entities + iri[len(self.base):]
        return iri

    def route(self, name: str) -> str:
        """The path of one of the site's own routes, e.g. route("sparql")."""
        return self.site + name


class Mount:
    """The base IRI, split into what a request is matched against."""

    def __init__(self, base: str) -> None:
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.netloc or not base.endswith("/"):
            raise ValueError(f"--base-iri {base!r} must be an http(s) IRI ending in '/' "
                             "(entities are dereferenced by path)")
        self.base = base
        self.scheme = parts.scheme
        self.host = parts.netloc.lower()
        try:
            self.authority = parse_authority(parts.netloc)
        except ValueError as exc:
            raise ValueError(f"--base-iri {base!r}: {exc}") from None
        self.entities = parts.path or "/"
        # The site beside the entities: /migragraph/ for /migragraph/id/; / for /id/ or /.
        trimmed = self.entities.rstrip("/")
        self.site = trimmed[: trimmed.rfind("/") + 1] or "/"

    def view(self, host: Authority | None) -> View:
        """The view of a request that came for `host` (a trusted X-Forwarded-Host, else Host)."""
        published = self.authority
        if host is not None and host.host == published.host and published.port in (None, host.port):
            return View(self.site, self.entities, self.base, proxied=True,
                        url=f"{self.scheme}://{self.host}{self.site}")
        return View("/", LOCAL_ENTITIES, self.base, proxied=False)

    def published(self, iri: str) -> str | None:
        """The path a proxied request for `iri` (any IRI on the published host) arrives at."""
        parts = urlsplit(iri)
        return parts.path if parts.netloc.lower() == self.host else None
