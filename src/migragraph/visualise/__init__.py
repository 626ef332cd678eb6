"""graph.html: an offline, interactive page of the graph (pyvis)."""

from migragraph.visualise.page import read_entities, write_page

__all__ = ["read_entities", "write_page"]
