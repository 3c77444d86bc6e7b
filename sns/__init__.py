"""The SNS domain and its persistence, one folder per concept.

Domains: ``accounts``, ``residents``, ``network``, ``scan``, ``beraad``, ``plan``,
``privacy``, ``backup``, ``groups``, ``outcomes``, ``calendar`` and ``demo``; each holds its
operations and, where it has one, its ``commands`` module for the ``sns`` command line. The
tables are in ``models/``, one module per domain. Beside them, the infrastructure every
domain shares: ``db``, ``errors``, ``audit``, ``settings``, ``i18n``, ``rules`` (the input
rules), ``submissions``, ``migrate`` and ``cli``.

No Flask here: the web layer and the command line both call into this package.
"""
