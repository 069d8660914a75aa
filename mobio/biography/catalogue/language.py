"""Language: literacy, mother tongues, German and other languages, courses done and wished."""

from __future__ import annotations

from mobio.biography.catalogue.common import (
    CHAMBERS,
    COURSE_COORDINATION,
    EMPLOYER,
    EMPLOYMENT,
    LANGUAGE_SCHOOL,
    PARTNER,
    TRUE,
    packages,
    when,
)
from mobio.biography.catalogue.model import Kind, Question, Section, Visibility
from mobio.biography.catalogue.options import (
    CEFR_LEVELS,
    COURSE_KINDS,
    INTEGRATION_COURSE_ACCESS,
    LANGUAGES,
    LITERACY,
    TIMES_OF_DAY,
)

_S = Section.LANGUAGE

_LANGUAGE_LEVELS = packages(EMPLOYMENT, EMPLOYER, LANGUAGE_SCHOOL, CHAMBERS, COURSE_COORDINATION)
"""Every package names language levels."""
_LANGUAGES = packages(EMPLOYMENT, LANGUAGE_SCHOOL)
"""Languages beyond the levels: the job centre's "language", the school's "languages"."""
_LITERACY_AND_COURSES = packages(EMPLOYMENT, LANGUAGE_SCHOOL, COURSE_COORDINATION)

QUESTIONS: tuple[Question, ...] = (
    Question("literacy", _S, Kind.CHOICE, options=LITERACY, packages=_LITERACY_AND_COURSES),
    Question("mother_tongues", _S, Kind.MULTI_CHOICE, options=LANGUAGES, packages=_LANGUAGES),
    Question(
        "german_level",
        _S,
        Kind.CHOICE,
        options=CEFR_LEVELS,
        visibility=Visibility.BASIC,
        packages=_LANGUAGE_LEVELS,
    ),
    Question(
        "german_level_certified",
        _S,
        Kind.BOOLEAN,
        packages=_LANGUAGE_LEVELS,
        shown_if=when("german_level", "a1", "a2", "b1", "b2", "c1", "c2"),
    ),
    Question(
        "other_languages",
        _S,
        Kind.ENTRIES,
        packages=_LANGUAGE_LEVELS,
        fields=(
            Question("language", _S, Kind.CHOICE, options=LANGUAGES),
            Question("level", _S, Kind.CHOICE, options=CEFR_LEVELS),
        ),
    ),
    Question("attends_language_course", _S, Kind.BOOLEAN, packages=_LITERACY_AND_COURSES),
    Question(
        "language_courses",
        _S,
        Kind.ENTRIES,
        packages=_LITERACY_AND_COURSES,
        fields=(
            Question("kind", _S, Kind.CHOICE, options=COURSE_KINDS),
            Question("level_reached", _S, Kind.CHOICE, options=CEFR_LEVELS),
            Question("completed", _S, Kind.BOOLEAN),
            Question("certificate", _S, Kind.BOOLEAN),
            Question("year", _S, Kind.NUMBER, minimum=1950, maximum=2100),
        ),
    ),
    Question(
        "integration_course_access",
        _S,
        Kind.CHOICE,
        options=INTEGRATION_COURSE_ACCESS,
        packages=_LITERACY_AND_COURSES,
    ),
    Question("language_course_wish", _S, Kind.BOOLEAN, packages=_LITERACY_AND_COURSES),
    Question(
        "desired_course_kind",
        _S,
        Kind.CHOICE,
        options=COURSE_KINDS,
        packages=_LITERACY_AND_COURSES,
        shown_if=when("language_course_wish", TRUE),
    ),
    Question(
        "course_times",
        _S,
        Kind.MULTI_CHOICE,
        options=TIMES_OF_DAY,
        packages=_LITERACY_AND_COURSES,
        shown_if=when("language_course_wish", TRUE),
    ),
    Question(
        "childcare_for_course",
        _S,
        Kind.BOOLEAN,
        packages=_LITERACY_AND_COURSES,
        shown_if=when("language_course_wish", TRUE),
    ),
    Question("interpreter_needed", _S, Kind.BOOLEAN, packages=packages(EMPLOYMENT)),
    # the partner
    Question("partner_german_level", _S, Kind.CHOICE, subjects=PARTNER, options=CEFR_LEVELS),
)
