"""graph.html: an offline, interactive page of the graph (pyvis): network.py turns a NetworkX graph
into pyvis's nodes and edges, style.py says how each type looks and escapes the hover text, page.py
writes the page (page.html.j2, page.js)."""

from migragraph.visualise.page import Drawn, draw, render_page, write_page

__all__ = ["Drawn", "draw", "render_page", "write_page"]
