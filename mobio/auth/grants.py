"""The grant vocabulary and the literal tables that map teams and packages to grants.

A grant is a relation between the caller and the person (or account) the data belongs
to. Roles alone grant nothing on a person's data.
"""

from __future__ import annotations

from enum import StrEnum

from mobio.organisations.tables import TeamKind
from mobio.packages import Package


class Grant(StrEnum):
    """Every grant a permission directive can name."""

    OWNER = "owner"
    """The caller is the person the data belongs to (or the account holder)."""
    SOCIAL_COUNSELLING = "social_counselling"
    """Member of a social-counselling team holding an active release from the person."""
    INTEGRATION_MANAGEMENT = "integration_management"
    """Member of an integration-management team holding an active release from the person."""
    INTEGRATION_OFFICE = "integration_office"
    """Member of a municipal integration office holding an active release from the person."""
    ADMINISTRATOR = "administrator"
    """District administrator: organisation data and staff accounts, never biography content."""
    ANALYST = "analyst"
    """Anonymised evaluation only."""
    EMPLOYMENT = "employment"
    """Valid release token for the job centre / employment agency package."""
    EMPLOYER = "employer"
    """Valid release token for the employer package."""
    LANGUAGE_SCHOOL = "language_school"
    """Valid release token for the language school package."""
    CHAMBERS = "chambers"
    """Valid release token for the chambers (HWK, IHK, ikubiz) package."""
    LANGUAGE_COURSE_COORDINATION = "language_course_coordination"
    """Valid release token for the language-course coordination package."""


TEAM_KIND_GRANT: dict[TeamKind, Grant] = {
    TeamKind.SOCIAL_COUNSELLING: Grant.SOCIAL_COUNSELLING,
    TeamKind.INTEGRATION_MANAGEMENT: Grant.INTEGRATION_MANAGEMENT,
    TeamKind.INTEGRATION_OFFICE: Grant.INTEGRATION_OFFICE,
}

PACKAGE_GRANT: dict[Package, Grant] = {
    Package.EMPLOYMENT: Grant.EMPLOYMENT,
    Package.EMPLOYER: Grant.EMPLOYER,
    Package.LANGUAGE_SCHOOL: Grant.LANGUAGE_SCHOOL,
    Package.CHAMBERS: Grant.CHAMBERS,
    Package.LANGUAGE_COURSE_COORDINATION: Grant.LANGUAGE_COURSE_COORDINATION,
}

CASEWORKER_GRANTS = frozenset(TEAM_KIND_GRANT.values())
PACKAGE_GRANTS = frozenset(PACKAGE_GRANT.values())
PERSON_GRANTS = frozenset({Grant.OWNER, *CASEWORKER_GRANTS, *PACKAGE_GRANTS})
"""Every grant that can hold on a person's data (never administrator or analyst)."""
