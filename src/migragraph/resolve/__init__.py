"""Resolution across releases: which nodes that releases named apart are one entity or one event
(resolve/rules.py), a person's decisions on them (resolve/decisions.py), and the resolution graph that
states the links (resolve/graph.py)."""
