"""Living environment: driving licence and mobility, health (private, in no package),
housing, digital access, leisure and taking part in local life."""

from __future__ import annotations

from mobio.biography.catalogue.common import EMPLOYER, EMPLOYMENT, FALSE, TRUE, packages, when
from mobio.biography.catalogue.model import Kind, Question, Section, Visibility
from mobio.biography.catalogue.options import (
    DIGITAL_ACCESS,
    DISABILITY_CARD,
    DRIVING_LICENCE_CLASSES,
    HOUSING_SITUATIONS,
    LICENCE_CONVERSION,
    TRANSPORT_MEANS,
)

_S = Section.LIVING

_DRIVING_LICENCE = packages(EMPLOYMENT, EMPLOYER)
_HEALTH = Visibility.PRIVATE_HEALTH

QUESTIONS: tuple[Question, ...] = (
    # driving licence and mobility
    Question("has_driving_licence", _S, Kind.BOOLEAN, packages=_DRIVING_LICENCE),
    Question(
        "driving_licence_classes",
        _S,
        Kind.MULTI_CHOICE,
        options=DRIVING_LICENCE_CLASSES,
        packages=_DRIVING_LICENCE,
        shown_if=when("has_driving_licence", TRUE),
    ),
    Question(
        "foreign_licence_conversion",
        _S,
        Kind.CHOICE,
        options=LICENCE_CONVERSION,
        packages=_DRIVING_LICENCE,
        shown_if=when("has_driving_licence", TRUE),
    ),
    Question(
        "driving_licence_wish",
        _S,
        Kind.BOOLEAN,
        packages=packages(EMPLOYMENT),
        shown_if=when("has_driving_licence", FALSE),
    ),
    Question("transport_means", _S, Kind.MULTI_CHOICE, options=TRANSPORT_MEANS),
    # health: for caseworkers only, never in a package
    Question("health_restrictions", _S, Kind.BOOLEAN, visibility=_HEALTH),
    Question(
        "health_restrictions_details",
        _S,
        Kind.TEXT,
        visibility=_HEALTH,
        shown_if=when("health_restrictions", TRUE),
    ),
    Question("disability_support_needed", _S, Kind.BOOLEAN, visibility=_HEALTH),
    Question("disability_card", _S, Kind.CHOICE, options=DISABILITY_CARD, visibility=_HEALTH),
    Question("counselling_wish", _S, Kind.BOOLEAN, visibility=_HEALTH),
    # housing
    Question(
        "housing_situation",
        _S,
        Kind.CHOICE,
        options=HOUSING_SITUATIONS,
        visibility=Visibility.BASIC,
    ),
    Question("household_size", _S, Kind.NUMBER, minimum=1, maximum=30),
    Question("looking_for_flat", _S, Kind.BOOLEAN),
    # everyday life and taking part
    Question("digital_access", _S, Kind.MULTI_CHOICE, options=DIGITAL_ACCESS),
    Question("leisure_interests", _S, Kind.TEXT),
    Question("club_membership", _S, Kind.BOOLEAN),
    Question("volunteering", _S, Kind.BOOLEAN),
)
