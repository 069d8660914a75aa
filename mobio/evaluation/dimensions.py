"""What is counted (measures) and by what (dimensions), with their categories and labels.

Every category is a code from a closed list: no date finer than a quarter, age only in
bands, rare nationalities in their group. Municipalities are the one list read from the
database; their code is their name, which is public.
"""

from __future__ import annotations

from enum import StrEnum

from mobio.biography.catalogue.labels import option_label
from mobio.biography.catalogue.options import (
    CEFR_LEVELS,
    COUNTRIES,
    LITERACY,
    OCCUPATION_FIELDS,
    SEX,
)
from mobio.evaluation.nationality import MAIN_NATIONALITIES, NATIONALITY_GROUPS
from mobio.goals.tables import GoalArea, GoalStatus
from mobio.handover.tables import HandOverState
from mobio.i18n import translate
from mobio.packages import Package

UNKNOWN = "unknown"
"""Not stated (yet): every dimension has this category, so every unit is counted once."""
UNASSIGNED = "unassigned"
"""Municipality of a unit that no municipal team serves (yet)."""


class Measure(StrEnum):
    PERSONS = "persons"  # newcomer profiles in the district at the end of the period
    GOALS = "goals"  # goal agreements made by the end of the period, by their outcome
    RELEASES = "releases"  # stakeholder links granted in the period
    HAND_OVERS = "hand_overs"  # hand-overs offered in the period, by their outcome


class Dimension(StrEnum):
    MUNICIPALITY = "municipality"
    NATIONALITY_GROUP = "nationality_group"
    AGE_BAND = "age_band"
    SEX = "sex"
    GERMAN_LEVEL = "german_level"
    LITERACY = "literacy"
    HIGHEST_EDUCATION = "highest_education"
    OCCUPATION_FIELD = "occupation_field"
    GOAL_AREA = "goal_area"
    GOAL_OUTCOME = "goal_outcome"
    PACKAGE = "package"
    HAND_OVER_OUTCOME = "hand_over_outcome"


AGE_BANDS: tuple[tuple[str, int], ...] = (
    ("under_18", 18),
    ("18_24", 25),
    ("25_34", 35),
    ("35_44", 45),
    ("45_64", 65),
)
"""Band code and the age (at the end of the period) that no longer belongs to it."""
OLDEST_BAND = "65_plus"

HIGHEST_EDUCATION = (
    "university",
    "vocational",
    "upper_secondary",
    "secondary",
    "some_school",
    "no_school",
)
"""Highest completed education, derived from the education section (see population.py)."""

_FIXED: dict[Dimension, tuple[str, ...]] = {
    Dimension.NATIONALITY_GROUP: NATIONALITY_GROUPS,
    Dimension.AGE_BAND: (*(code for code, _ in AGE_BANDS), OLDEST_BAND, UNKNOWN),
    Dimension.SEX: (*SEX.codes, UNKNOWN),
    Dimension.GERMAN_LEVEL: (*CEFR_LEVELS.codes, UNKNOWN),
    Dimension.LITERACY: (*LITERACY.codes, UNKNOWN),
    Dimension.HIGHEST_EDUCATION: (*HIGHEST_EDUCATION, UNKNOWN),
    Dimension.OCCUPATION_FIELD: (*OCCUPATION_FIELDS.codes, UNKNOWN),
    Dimension.GOAL_AREA: tuple(GoalArea),
    Dimension.GOAL_OUTCOME: tuple(GoalStatus),
    Dimension.PACKAGE: tuple(Package),
    Dimension.HAND_OVER_OUTCOME: tuple(HandOverState),
}

MEASURE_DIMENSIONS: dict[Measure, tuple[Dimension, ...]] = {
    Measure.PERSONS: (
        Dimension.MUNICIPALITY,
        Dimension.NATIONALITY_GROUP,
        Dimension.AGE_BAND,
        Dimension.SEX,
        Dimension.GERMAN_LEVEL,
        Dimension.LITERACY,
        Dimension.HIGHEST_EDUCATION,
        Dimension.OCCUPATION_FIELD,
    ),
    Measure.GOALS: (
        Dimension.MUNICIPALITY,
        Dimension.GOAL_AREA,
        Dimension.GOAL_OUTCOME,
        Dimension.SEX,
        Dimension.AGE_BAND,
    ),
    Measure.RELEASES: (Dimension.MUNICIPALITY, Dimension.PACKAGE),
    Measure.HAND_OVERS: (Dimension.MUNICIPALITY, Dimension.HAND_OVER_OUTCOME),
}


def categories(dimension: Dimension, municipalities: tuple[str, ...]) -> tuple[str, ...]:
    """Every category of ``dimension``, in display order (``municipalities``: their names)."""
    if dimension is Dimension.MUNICIPALITY:
        return (*sorted(municipalities), UNASSIGNED)
    return _FIXED[dimension]


def dimension_label(dimension: Dimension, language: str) -> str:
    return translate(language, f"evaluation.dimension.{dimension.value}")


def measure_label(measure: Measure, language: str) -> str:
    return translate(language, f"evaluation.measure.{measure.value}")


def category_label(dimension: Dimension, code: str, language: str) -> str:
    """The text of one category in ``language`` (from the catalogues, or the name)."""
    if code == UNKNOWN:
        return translate(language, "evaluation.category.unknown")
    if dimension is Dimension.MUNICIPALITY:
        if code == UNASSIGNED:
            return translate(language, "evaluation.category.unassigned")
        return code
    if dimension is Dimension.NATIONALITY_GROUP and code in MAIN_NATIONALITIES:
        return option_label(COUNTRIES, code, language)
    own_lists = {
        Dimension.SEX: SEX,
        Dimension.GERMAN_LEVEL: CEFR_LEVELS,
        Dimension.LITERACY: LITERACY,
        Dimension.OCCUPATION_FIELD: OCCUPATION_FIELDS,
    }
    if dimension in own_lists:
        return option_label(own_lists[dimension], code, language)
    prefixes = {
        Dimension.GOAL_AREA: "goal.area",
        Dimension.GOAL_OUTCOME: "goal.status",
        Dimension.PACKAGE: "package",
    }
    if dimension in prefixes:
        return translate(language, f"{prefixes[dimension]}.{code}")
    return translate(language, f"evaluation.category.{dimension.value}.{code}")
