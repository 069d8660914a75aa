"""Small helpers the section modules share: package sets and conditions."""

from __future__ import annotations

from mobio.biography.catalogue.model import Condition, Subject
from mobio.packages import Package

TRUE = "true"
FALSE = "false"
BOOLEAN_CODES = frozenset({TRUE, FALSE})
"""The codes a condition on a BOOLEAN question may name."""

NEWCOMER = frozenset({Subject.NEWCOMER})
PARTNER = frozenset({Subject.PARTNER})
CHILD = frozenset({Subject.CHILD})
EVERYONE = frozenset({Subject.NEWCOMER, Subject.PARTNER, Subject.CHILD})

EMPLOYMENT = Package.EMPLOYMENT
EMPLOYER = Package.EMPLOYER
LANGUAGE_SCHOOL = Package.LANGUAGE_SCHOOL
CHAMBERS = Package.CHAMBERS
COURSE_COORDINATION = Package.LANGUAGE_COURSE_COORDINATION
EVERY_PACKAGE = frozenset(Package)
NO_PACKAGE: frozenset[Package] = frozenset()


def packages(*included: Package) -> frozenset[Package]:
    """The packages (DESIGN.md section 3) that include a question."""
    return frozenset(included)


def when(question: str, *codes: str) -> Condition:
    """Show a question only if the earlier ``question`` was answered with one of ``codes``."""
    return Condition(question=question, codes=frozenset(codes))
