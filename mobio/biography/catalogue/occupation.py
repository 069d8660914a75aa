"""Occupation: work now, jobs and internships done, permission to work, the work wished for;
the partner's work."""

from __future__ import annotations

from mobio.biography.catalogue.common import (
    CHAMBERS,
    EMPLOYER,
    EMPLOYMENT,
    PARTNER,
    TRUE,
    packages,
    when,
)
from mobio.biography.catalogue.model import Kind, Question, Section
from mobio.biography.catalogue.options import (
    COUNTRIES,
    EMPLOYMENT_KINDS,
    EMPLOYMENT_REGISTRATION,
    OCCUPATION_FIELDS,
    WORK_PERMIT,
    WORKING_TIME,
)

_S = Section.OCCUPATION

_OCCUPATION = packages(EMPLOYMENT, EMPLOYER, CHAMBERS)
"""Every package that names occupation."""
_JOB_CENTRE = packages(EMPLOYMENT)

QUESTIONS: tuple[Question, ...] = (
    Question("currently_working", _S, Kind.BOOLEAN, packages=_OCCUPATION),
    Question(
        "weekly_hours",
        _S,
        Kind.NUMBER,
        packages=_JOB_CENTRE,
        shown_if=when("currently_working", TRUE),
        maximum=60,
    ),
    Question(
        "work_experience",
        _S,
        Kind.ENTRIES,
        packages=_OCCUPATION,
        fields=(
            Question("kind", _S, Kind.CHOICE, options=EMPLOYMENT_KINDS),
            Question("job_title", _S, Kind.TEXT, max_length=200),
            Question("field", _S, Kind.CHOICE, options=OCCUPATION_FIELDS),
            Question("tasks", _S, Kind.TEXT),
            Question("country", _S, Kind.CHOICE, options=COUNTRIES),
            Question("years", _S, Kind.NUMBER, maximum=60),
            Question("months", _S, Kind.NUMBER, maximum=11),
        ),
    ),
    Question("work_permit", _S, Kind.CHOICE, options=WORK_PERMIT, packages=_OCCUPATION),
    Question(
        "employment_registration",
        _S,
        Kind.CHOICE,
        options=EMPLOYMENT_REGISTRATION,
        packages=_JOB_CENTRE,
    ),
    Question("looking_for_work", _S, Kind.BOOLEAN, packages=_OCCUPATION),
    Question(
        "desired_job",
        _S,
        Kind.TEXT,
        packages=_OCCUPATION,
        shown_if=when("looking_for_work", TRUE),
        max_length=200,
    ),
    Question(
        "desired_fields",
        _S,
        Kind.MULTI_CHOICE,
        options=OCCUPATION_FIELDS,
        packages=_OCCUPATION,
        shown_if=when("looking_for_work", TRUE),
    ),
    Question(
        "desired_employment_kinds",
        _S,
        Kind.MULTI_CHOICE,
        options=EMPLOYMENT_KINDS,
        packages=_OCCUPATION,
        shown_if=when("looking_for_work", TRUE),
    ),
    Question(
        "working_time_preference",
        _S,
        Kind.CHOICE,
        options=WORKING_TIME,
        packages=_OCCUPATION,
        shown_if=when("looking_for_work", TRUE),
    ),
    # the partner
    Question("partner_working", _S, Kind.BOOLEAN, subjects=PARTNER),
    Question(
        "partner_occupation_field",
        _S,
        Kind.CHOICE,
        subjects=PARTNER,
        options=OCCUPATION_FIELDS,
    ),
)
