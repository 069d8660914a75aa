"""Who may read and write which question: derived from each question's declaration.

Owner and the counselling teams (social counselling, integration management) read and write
every question. The municipal integration office reads the basic ones and writes only the
personal page. Stakeholder packages read what the question lists; health never.
"""

from __future__ import annotations

from mobio.auth.grants import PACKAGE_GRANT, Grant
from mobio.biography.catalogue.model import Question, Subject, Visibility

COUNSELLING = (Grant.SOCIAL_COUNSELLING, Grant.INTEGRATION_MANAGEMENT)


def read_grants(question: Question, subject: Subject = Subject.NEWCOMER) -> frozenset[Grant]:
    """Grants that may read the answer to ``question`` on a ``subject``'s page."""
    grants = {Grant.OWNER, *COUNSELLING}
    if question.visibility is Visibility.BASIC:
        grants.add(Grant.INTEGRATION_OFFICE)
    if question.visibility is not Visibility.PRIVATE_HEALTH:
        packages = {
            Subject.NEWCOMER: question.packages,
            Subject.PARTNER: frozenset(),
            Subject.CHILD: question.child_packages,
        }[subject]
        grants.update(PACKAGE_GRANT[package] for package in packages)
    return frozenset(grants)


def write_grants(question: Question) -> frozenset[Grant]:
    """Grants that may set the answer (the owner's write-once limit is a service rule)."""
    grants = {Grant.OWNER, *COUNSELLING}
    if question.write_once:
        grants.add(Grant.INTEGRATION_OFFICE)
    return frozenset(grants)


def log_grants(question: Question) -> frozenset[Grant]:
    """Grants that may read the answer's log: its readers, never a stakeholder."""
    return read_grants(question) - frozenset(PACKAGE_GRANT.values())


CASEWORK_GRANTS = frozenset({Grant.OWNER, *COUNSELLING})
"""Owner and counselling teams: family members, versions, log markers."""
