"""Education: school now and before arrival, vocational training, university, recognition of
foreign qualifications, wishes; the partner's schooling and each child's school."""

from __future__ import annotations

from mobio.biography.catalogue.common import (
    CHAMBERS,
    CHILD,
    EMPLOYER,
    EMPLOYMENT,
    LANGUAGE_SCHOOL,
    PARTNER,
    TRUE,
    packages,
    when,
)
from mobio.biography.catalogue.model import Kind, Question, Section
from mobio.biography.catalogue.options import (
    COUNTRIES,
    EDUCATION_GOALS,
    OCCUPATION_FIELDS,
    QUALIFICATION_LEVELS,
    RECOGNITION_STATUS,
    SCHOOL_CERTIFICATES,
    SCHOOL_TYPES,
    TRAINING_STATUS,
    UNIVERSITY_DEGREES,
    YES_NO_UNKNOWN,
)

_S = Section.EDUCATION

_EDUCATION = packages(EMPLOYMENT)
"""The job centre's package has the whole education."""
_SUMMARY = packages(EMPLOYMENT, EMPLOYER)
"""The employer's "education summary": current school, years, certificates, training."""
_SCHOOL_YEARS = packages(EMPLOYMENT, EMPLOYER, LANGUAGE_SCHOOL)
_VOCATIONAL = packages(EMPLOYMENT, EMPLOYER, CHAMBERS)
_RECOGNITION = packages(EMPLOYMENT, CHAMBERS)
"""Recognition, and wishes for training: the chambers place apprentices and advise."""
_STARTED = ("in_progress", "discontinued", "completed")

QUESTIONS: tuple[Question, ...] = (
    # school in Germany now
    Question("attends_school", _S, Kind.BOOLEAN, packages=_SUMMARY),
    Question(
        "current_school_type",
        _S,
        Kind.CHOICE,
        options=SCHOOL_TYPES,
        packages=_SUMMARY,
        shown_if=when("attends_school", TRUE),
    ),
    # school before arrival
    Question("school_abroad", _S, Kind.BOOLEAN, packages=_SCHOOL_YEARS),
    Question(
        "school_years_abroad",
        _S,
        Kind.NUMBER,
        packages=_SCHOOL_YEARS,
        shown_if=when("school_abroad", TRUE),
        maximum=20,
    ),
    Question(
        "school_country",
        _S,
        Kind.CHOICE,
        options=COUNTRIES,
        packages=_EDUCATION,
        shown_if=when("school_abroad", TRUE),
    ),
    Question(
        "school_type_abroad",
        _S,
        Kind.CHOICE,
        options=SCHOOL_TYPES,
        packages=_EDUCATION,
        shown_if=when("school_abroad", TRUE),
    ),
    Question(
        "school_certificate_abroad",
        _S,
        Kind.CHOICE,
        options=SCHOOL_CERTIFICATES,
        packages=_SUMMARY,
        shown_if=when("school_abroad", TRUE),
    ),
    Question(
        "school_certificate_germany",
        _S,
        Kind.CHOICE,
        options=SCHOOL_CERTIFICATES,
        packages=_SUMMARY,
    ),
    # vocational training
    Question(
        "vocational_training",
        _S,
        Kind.CHOICE,
        options=TRAINING_STATUS,
        packages=_VOCATIONAL,
    ),
    Question(
        "vocational_trainings",
        _S,
        Kind.ENTRIES,
        packages=_VOCATIONAL,
        shown_if=when("vocational_training", *_STARTED),
        max_entries=10,
        fields=(
            Question("occupation", _S, Kind.TEXT, max_length=200),
            Question("field", _S, Kind.CHOICE, options=OCCUPATION_FIELDS),
            Question("country", _S, Kind.CHOICE, options=COUNTRIES),
            Question("years", _S, Kind.NUMBER, maximum=10),
            Question("completed", _S, Kind.BOOLEAN),
            Question("certificate", _S, Kind.BOOLEAN),
        ),
    ),
    # university
    Question(
        "university_study",
        _S,
        Kind.CHOICE,
        options=TRAINING_STATUS,
        packages=_VOCATIONAL,
    ),
    Question(
        "university_studies",
        _S,
        Kind.ENTRIES,
        packages=_VOCATIONAL,
        shown_if=when("university_study", *_STARTED),
        max_entries=10,
        fields=(
            Question("subject", _S, Kind.TEXT, max_length=200),
            Question("degree", _S, Kind.CHOICE, options=UNIVERSITY_DEGREES),
            Question("country", _S, Kind.CHOICE, options=COUNTRIES),
            Question("years", _S, Kind.NUMBER, maximum=15),
            Question("completed", _S, Kind.BOOLEAN),
            Question("certificate", _S, Kind.BOOLEAN),
        ),
    ),
    # recognition of qualifications from abroad
    Question(
        "foreign_qualification",
        _S,
        Kind.CHOICE,
        options=YES_NO_UNKNOWN,
        packages=_RECOGNITION,
    ),
    Question(
        "recognition_status",
        _S,
        Kind.CHOICE,
        options=RECOGNITION_STATUS,
        packages=_RECOGNITION,
        shown_if=when("foreign_qualification", "yes"),
    ),
    Question(
        "recognition_reference_occupation",
        _S,
        Kind.TEXT,
        packages=_RECOGNITION,
        shown_if=when("recognition_status", "applied", "partial", "full"),
        max_length=200,
    ),
    Question(
        "recognition_counselling",
        _S,
        Kind.BOOLEAN,
        packages=_RECOGNITION,
        shown_if=when("foreign_qualification", "yes", "unknown"),
    ),
    # wishes
    Question("further_education_wish", _S, Kind.BOOLEAN, packages=_RECOGNITION),
    Question(
        "further_education_goals",
        _S,
        Kind.MULTI_CHOICE,
        options=EDUCATION_GOALS,
        packages=_RECOGNITION,
        shown_if=when("further_education_wish", TRUE),
    ),
    # the partner
    Question("partner_school_years", _S, Kind.NUMBER, subjects=PARTNER, maximum=20),
    Question(
        "partner_qualification",
        _S,
        Kind.CHOICE,
        subjects=PARTNER,
        options=QUALIFICATION_LEVELS,
    ),
    # each child
    Question("child_attends_school", _S, Kind.BOOLEAN, subjects=CHILD),
    Question(
        "child_school_type",
        _S,
        Kind.CHOICE,
        subjects=CHILD,
        options=SCHOOL_TYPES,
        shown_if=when("child_attends_school", TRUE),
    ),
)
