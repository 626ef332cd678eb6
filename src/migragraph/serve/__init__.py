"""`migragraph serve`: the store of a build as linked data and a read-only SPARQL endpoint.

site.py routes requests; protocol.py is /sparql and /named, pages.py the entity IRIs, describe.py the
home page, search, the ontology and VoID; queries run in worker processes (workers.py, engine.py) under
a time and a size limit; http.py is the HTTP server itself. named.py is the library of named questions,
which the command line uses too.
"""
