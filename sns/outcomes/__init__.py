"""Outcome figures for the team and the municipality: what working with the network achieves.

Anonymous by construction: the figures are counts and medians over residents, computed from
what the coach records anyway (:mod:`~sns.outcomes.facts`), per period
(:mod:`~sns.outcomes.periods`) and team, with the small-number rule of
:mod:`~sns.outcomes.suppression` applied before anything leaves :func:`~sns.outcomes.report.
build`. :mod:`~sns.outcomes.figures` defines every figure; :mod:`~sns.outcomes.table` turns a
report into the rows of the CSV and JSON download.
"""
