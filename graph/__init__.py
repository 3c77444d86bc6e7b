"""The pure-network layer of sns: a resident's network as a NetworkX graph.

``graph.schema`` is the attribute vocabulary, ``graph.layout`` places the network on the
netwerkkaart, ``graph.metrics`` computes the strength scan ("Hoe sterk is mijn netwerk?") and
``graph.findings`` says what the scan means as data (a kind, its parameters, a weight), which
``sns.scan_words`` puts into words.

Nothing here knows about Flask or the database: NetworkX in, numbers and positions out.
"""
