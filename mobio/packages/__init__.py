"""Stakeholder data packages: declarations only.

Which fields a package may read is declared on the fields themselves (the permission
directive names the package's grant); this module names the packages and their recipients.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Package(StrEnum):
    """The fixed data packages a stakeholder link can carry."""

    EMPLOYMENT = "employment"  # Jobcenter and Agentur für Arbeit share one package
    EMPLOYER = "employer"
    LANGUAGE_SCHOOL = "language_school"
    CHAMBERS = "chambers"  # HWK, IHK, ikubiz
    LANGUAGE_COURSE_COORDINATION = "language_course_coordination"


@dataclass(frozen=True, slots=True)
class PackageDeclaration:
    """A package and the kinds of recipient it is meant for."""

    package: Package
    recipients: tuple[str, ...]
    """Message ids of the recipient kinds, shown when a newcomer chooses a stakeholder."""


PACKAGES: dict[Package, PackageDeclaration] = {
    Package.EMPLOYMENT: PackageDeclaration(
        Package.EMPLOYMENT, ("recipient.job_centre", "recipient.employment_agency")
    ),
    Package.EMPLOYER: PackageDeclaration(Package.EMPLOYER, ("recipient.employer",)),
    Package.LANGUAGE_SCHOOL: PackageDeclaration(
        Package.LANGUAGE_SCHOOL, ("recipient.language_school",)
    ),
    Package.CHAMBERS: PackageDeclaration(
        Package.CHAMBERS, ("recipient.hwk", "recipient.ihk", "recipient.ikubiz")
    ),
    Package.LANGUAGE_COURSE_COORDINATION: PackageDeclaration(
        Package.LANGUAGE_COURSE_COORDINATION, ("recipient.language_course_coordination",)
    ),
}
