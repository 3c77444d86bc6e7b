"""The pure-network layer of sns: a resident's network as a NetworkX graph.

``graph.schema`` is the attribute vocabulary and ``graph.attributes`` reads it the way every
part needs it; ``graph.map`` lays out and draws the netwerkkaart (one vocabulary in
``graph.map.style``); ``graph.files`` reads and writes every network file format behind one
set of guards; ``graph.metrics`` computes the strength scan ("Hoe sterk is mijn netwerk?")
and ``graph.findings`` says what the scan means as data (a kind, its parameters, a weight),
which ``sns.scan.words`` puts into words.

Nothing here knows about Flask or the database: NetworkX in, numbers and positions out.
"""
