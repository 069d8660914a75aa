"""Anonymised evaluation: per closed period, one protected set of aggregate tables.

Counts are computed in SQL, protected once (small cells and their complements hidden,
audited by linear programming) and stored; every answer and report reads only that set.
"""
