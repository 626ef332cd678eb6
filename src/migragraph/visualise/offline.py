"""What would make a page fetch from the network, read from the page parsed as a browser parses it
(lxml, whose libxml2 tokenises HTML as HTML5 does): an element that loads a resource (script, stylesheet,
image, frame, media) from another host, CSS (a style element or attribute) that imports or points at one,
a meta refresh to one.

What a script element holds is code and data, never a fetch by itself: the page's data (labels, release
titles) is JSON inside scripts, with <, > and & escaped, so no text of a release becomes an element. An
earlier check matched text patterns over the whole page, and a release titled "... @import ..." or
"... url(//...) ..." made it refuse every page of the store the release was in.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.html

# The attributes by which each element loads what they name as the page opens.
_LOADS = {"script": ("src",), "link": ("href",), "img": ("src", "srcset"), "iframe": ("src",),
          "frame": ("src",), "embed": ("src",), "object": ("data",), "source": ("src", "srcset"),
          "video": ("src", "poster"), "audio": ("src",), "track": ("src",), "input": ("src",),
          "image": ("href", "xlink:href"), "use": ("href", "xlink:href")}
# What CSS fetches: url(...) and @import "..." (an @import url(...) is read as a url()).
_CSS_TARGET = re.compile(r"""url\(\s*["']?([^"')\s]+)|@import\s+["']([^"']+)""", re.IGNORECASE)
_NETWORK_SCHEMES = frozenset({"http", "https", "ftp", "ws", "wss"})


def elsewhere(target: str) -> bool:
    """Whether a URL names another host (scheme-relative "//host/..." too) or a network scheme; a
    fragment, a relative path, data: and blob: do not."""
    parts = urlsplit(target.strip())
    return bool(parts.netloc) or parts.scheme.lower() in _NETWORK_SCHEMES


def fetches(page: str) -> list[str]:
    """What `page` would fetch from the network as it opens, one line each ("<script src=...>")."""
    found: list[str] = []
    for element in lxml.html.document_fromstring(page).iter():
        if not isinstance(element.tag, str):  # a comment or a processing instruction
            continue
        tag = element.tag.lower()
        for attribute in _LOADS.get(tag, ()):
            value = element.get(attribute) or ""
            # srcset: "a.png 1x, b.png 2x", each candidate a URL and a size
            srcset = attribute == "srcset"
            targets = [c.split()[0] for c in value.split(",") if c.strip()] if srcset else [value]
            found += [f"<{tag} {attribute}={t}>" for t in targets if t and elsewhere(t)]
        css = (element.get("style") or "") + ((element.text or "") if tag == "style" else "")
        for match in _CSS_TARGET.finditer(css):
            target = match.group(1) or match.group(2)
            if elsewhere(target):
                found.append(f"CSS in <{tag}>: {target}")
        if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            _, _, target = (element.get("content") or "").partition("=")
            if target and elsewhere(target.strip("'\" ")):
                found.append(f"<meta http-equiv=refresh> to {target}")
    return found
