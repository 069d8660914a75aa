"""Family: marital status, children, relatives abroad and in Germany; the partner's and each
child's household and childcare. The partner's language, schooling and work are asked in
their own sections."""

from __future__ import annotations

from mobio.biography.catalogue.common import (
    CHILD,
    COURSE_COORDINATION,
    EMPLOYMENT,
    PARTNER,
    TRUE,
    packages,
    when,
)
from mobio.biography.catalogue.model import Kind, Question, Section, Visibility
from mobio.biography.catalogue.options import (
    CHILDCARE_STATUS,
    FAMILY_REUNIFICATION,
    MARITAL_STATUS,
    RELATIVES,
)

_S = Section.FAMILY

QUESTIONS: tuple[Question, ...] = (
    # the newcomer
    Question(
        "marital_status",
        _S,
        Kind.CHOICE,
        options=MARITAL_STATUS,
        visibility=Visibility.BASIC,
        packages=packages(EMPLOYMENT),
    ),
    Question(
        "number_of_children",
        _S,
        Kind.NUMBER,
        visibility=Visibility.BASIC,
        packages=packages(EMPLOYMENT),
        maximum=20,
    ),
    Question("single_parent", _S, Kind.BOOLEAN),
    Question("family_abroad", _S, Kind.BOOLEAN),
    Question(
        "family_abroad_members",
        _S,
        Kind.MULTI_CHOICE,
        options=RELATIVES,
        shown_if=when("family_abroad", TRUE),
    ),
    Question(
        "family_reunification",
        _S,
        Kind.CHOICE,
        options=FAMILY_REUNIFICATION,
        shown_if=when("family_abroad", TRUE),
    ),
    Question("relatives_in_germany", _S, Kind.BOOLEAN),
    # the partner
    Question("partner_in_germany", _S, Kind.BOOLEAN, subjects=PARTNER),
    Question(
        "partner_same_household",
        _S,
        Kind.BOOLEAN,
        subjects=PARTNER,
        shown_if=when("partner_in_germany", TRUE),
    ),
    # each child
    Question("child_in_germany", _S, Kind.BOOLEAN, subjects=CHILD),
    Question(
        "childcare_status",
        _S,
        Kind.CHOICE,
        subjects=CHILD,
        options=CHILDCARE_STATUS,
        child_packages=packages(COURSE_COORDINATION),
    ),
)
