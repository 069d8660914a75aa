"""Personal data: the write-once personal page (newcomer, partner, each child) and, for the
newcomer, origin, arrival and residence status. The municipality comes from the releases,
not from a question."""

from __future__ import annotations

from mobio.biography.catalogue.common import (
    COURSE_COORDINATION,
    EMPLOYMENT,
    EVERY_PACKAGE,
    EVERYONE,
    packages,
    when,
)
from mobio.biography.catalogue.model import Kind, Question, Section, Visibility
from mobio.biography.catalogue.options import COUNTRIES, RESIDENCE_STATUS, SEX

_S = Section.PERSONAL

PERSONAL_PAGE: tuple[Question, ...] = (
    Question(
        "family_name",
        _S,
        Kind.TEXT,
        subjects=EVERYONE,
        visibility=Visibility.BASIC,
        packages=EVERY_PACKAGE,
        write_once=True,
        max_length=120,
    ),
    Question(
        "given_name",
        _S,
        Kind.TEXT,
        subjects=EVERYONE,
        visibility=Visibility.BASIC,
        packages=EVERY_PACKAGE,
        write_once=True,
        max_length=120,
    ),
    Question(
        "sex",
        _S,
        Kind.CHOICE,
        subjects=EVERYONE,
        options=SEX,
        visibility=Visibility.BASIC,
        packages=EVERY_PACKAGE,
        write_once=True,
    ),
    Question(
        "date_of_birth",
        _S,
        Kind.DATE,
        subjects=EVERYONE,
        visibility=Visibility.BASIC,
        packages=EVERY_PACKAGE,
        # The job centre needs the children's ages, course coordination them for childcare.
        child_packages=packages(EMPLOYMENT, COURSE_COORDINATION),
        write_once=True,
    ),
    Question(
        "nationality",
        _S,
        Kind.CHOICE,
        subjects=EVERYONE,
        options=COUNTRIES,
        visibility=Visibility.BASIC,
        packages=EVERY_PACKAGE,
        write_once=True,
    ),
)
"""The first page: entered once by the owner, afterwards changed by caseworkers only."""

QUESTIONS: tuple[Question, ...] = (
    *PERSONAL_PAGE,
    Question("place_of_birth", _S, Kind.TEXT, visibility=Visibility.BASIC, max_length=120),
    Question("country_of_birth", _S, Kind.CHOICE, options=COUNTRIES, visibility=Visibility.BASIC),
    Question("country_of_origin", _S, Kind.CHOICE, options=COUNTRIES, visibility=Visibility.BASIC),
    Question("arrival_date", _S, Kind.DATE, visibility=Visibility.BASIC),
    Question(
        "residence_status",
        _S,
        Kind.CHOICE,
        options=RESIDENCE_STATUS,
        visibility=Visibility.BASIC,
    ),
    Question(
        "residence_document_valid_until",
        _S,
        Kind.DATE,
        shown_if=when(
            "residence_status",
            "asylum_pending",
            "recognised_refugee",
            "subsidiary_protection",
            "national_ban_on_deportation",
            "temporary_protection",
            "tolerated",
            "residence_permit_other",
        ),
    ),
)
