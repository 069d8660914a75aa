"""The units a measure counts, one SQL row each, already coarsened to category codes.

These subqueries are the only place that reads person data for evaluation. They turn every
value into a closed category (``UNKNOWN`` for anything else), so nothing finer than a
category ever leaves them. Codes written into the SQL come from MoBio's own code lists,
never from input; the period's bounds are bound parameters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from mobio.biography.catalogue.options import CEFR_LEVELS, LITERACY, OCCUPATION_FIELDS, SEX
from mobio.biography.tables import SELF
from mobio.evaluation.dimensions import AGE_BANDS, OLDEST_BAND, UNASSIGNED, UNKNOWN, Measure
from mobio.evaluation.nationality import (
    MAIN_NATIONALITIES,
    OTHER_WORLD,
    REGIONS,
    STATELESS_OR_UNKNOWN,
)
from mobio.evaluation.periods import Period
from mobio.goals.tables import GoalArea, GoalStatus
from mobio.handover.tables import HandOverState
from mobio.packages import Package


@dataclass(frozen=True, slots=True)
class Population:
    """A subquery with one row per unit and one column per dimension, and its parameters."""

    sql: str
    params: tuple[object, ...]


def _literals(codes: Iterable[str]) -> str:
    # Codes are MoBio's own identifiers (letters, digits, underscores): safe as literals.
    values = list(codes)
    if not all(code.replace("_", "").isalnum() for code in values):
        raise ValueError(f"not a code: {values}")
    return ", ".join(f"'{code}'" for code in values)


def _json_literals(codes: Iterable[str]) -> str:
    """Answers are stored as JSON text: a chosen code is the code in double quotes."""
    return ", ".join(f"'\"{code}\"'" for code in codes)


def _closed(column: str, codes: Iterable[str]) -> str:
    """``column`` if it is one of ``codes``, else unknown."""
    return f"CASE WHEN {column} IN ({_literals(codes)}) THEN {column} ELSE '{UNKNOWN}' END"


def _chosen(column: str, codes: Iterable[str]) -> str:
    """The code of a choice answer (JSON text) if it is one of ``codes``, else unknown."""
    cases = " ".join(f"WHEN '\"{code}\"' THEN '{code}'" for code in codes)
    return f"CASE {column} {cases} ELSE '{UNKNOWN}' END"


def _nationality_group(column: str) -> str:
    regions = " ".join(
        f"WHEN {column} IN ({_literals(members)}) THEN '{region}'"
        for region, members in REGIONS.items()
    )
    return (
        f"CASE WHEN {column} IN ({_literals(MAIN_NATIONALITIES)}) THEN {column} {regions} "
        f"WHEN length({column}) = 2 THEN '{OTHER_WORLD}' ELSE '{STATELESS_OR_UNKNOWN}' END"
    )


def _age_band(column: str, at: date) -> str:
    """Age on the period's last day, in bands: birth dates compared with band limits."""
    limits = []
    for code, too_old in AGE_BANDS:
        born_after = _years_before(at, too_old)
        limits.append(f"WHEN {column} > '{born_after.isoformat()}' THEN '{code}'")
    return (
        f"CASE WHEN {column} IS NULL THEN '{UNKNOWN}' {' '.join(limits)} ELSE '{OLDEST_BAND}' END"
    )


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _highest_education() -> str:
    upper = ("entrance_applied_sciences", "university_entrance")
    middle = ("lower_secondary", "intermediate")
    certificates = ("a.certificate_germany", "a.certificate_abroad")

    def any_of(codes: tuple[str, ...]) -> str:
        return " OR ".join(f"{c} IN ({_json_literals(codes)})" for c in certificates)

    return (
        "CASE WHEN a.university_study = '\"completed\"' THEN 'university' "
        "WHEN a.vocational_training = '\"completed\"' THEN 'vocational' "
        f"WHEN {any_of(upper)} THEN 'upper_secondary' "
        f"WHEN {any_of(middle)} THEN 'secondary' "
        f"WHEN {any_of(('primary', 'other'))} OR a.school_abroad = 'true' THEN 'some_school' "
        f"WHEN {any_of(('none',))} OR a.school_abroad = 'false' THEN 'no_school' "
        f"ELSE '{UNKNOWN}' END"
    )


_ANSWERS = {
    "german_level": "german_level",
    "literacy": "literacy",
    "university_study": "university_study",
    "vocational_training": "vocational_training",
    "certificate_germany": "school_certificate_germany",
    "certificate_abroad": "school_certificate_abroad",
    "school_abroad": "school_abroad",
    "work_experience": "work_experience",
}
"""Column in the pivot -> question code, the newcomer's own answers only."""


def _answers_pivot() -> str:
    """The answers evaluation reads, one row per person (one pass over the answer table)."""
    columns = ", ".join(
        f"MAX(CASE WHEN question = '{question}' THEN value END) AS {column}"
        for column, question in _ANSWERS.items()
    )
    return (
        f"SELECT person, {columns} FROM answer WHERE subject = '{SELF}' "
        f"AND question IN ({_literals(_ANSWERS.values())}) GROUP BY person"
    )


def _first_job_field(postgres: bool) -> str:
    """The occupational field of the first job listed (the newcomer lists the latest first)."""
    raw = (
        "(a.work_experience::jsonb -> 0 ->> 'field')"
        if postgres
        else "json_extract(a.work_experience, '$[0].field')"
    )
    return _closed(raw, OCCUPATION_FIELDS.codes)


def _municipality_of_person(person: str) -> str:
    """The municipality of the latest team release in the period (the team's municipality)."""
    return (
        "COALESCE((SELECT m.name FROM team_release r JOIN team t ON t.id = r.team "
        "JOIN municipality m ON m.id = t.municipality "
        f"WHERE r.person = {person} AND r.granted_at < {{}} "
        "AND (r.revoked_at IS NULL OR r.revoked_at >= {}) "
        f"ORDER BY r.granted_at DESC LIMIT 1), '{UNASSIGNED}')"
    )


def _municipality_of_team(team: str) -> str:
    return (
        "COALESCE((SELECT m.name FROM team t JOIN municipality m ON m.id = t.municipality "
        f"WHERE t.id = {team}), '{UNASSIGNED}')"
    )


def population(
    measure: Measure, period: Period, *, postgres: bool, with_person: bool = False
) -> Population:
    """The units of ``measure`` in ``period`` with their category codes.

    ``with_person`` (persons only) adds the person's id as ``person``: for research extracts,
    which pseudonymise it at once; aggregates never select it.
    """
    if with_person and measure is not Measure.PERSONS:
        raise ValueError("with_person is for the persons measure only")
    last_day = date.fromordinal(period.day_after.toordinal() - 1)
    start, end = period.start, period.end
    age = _age_band("p.date_of_birth", last_day)
    sex = _closed("p.sex", SEX.codes)
    if measure is Measure.PERSONS:
        person_column = "p.id AS person, " if with_person else ""
        sql = (
            f"SELECT {person_column}{_municipality_of_person('p.id')} AS municipality, "
            f"{_nationality_group('p.nationality')} AS nationality_group, "
            f"{age} AS age_band, {sex} AS sex, "
            f"{_chosen('a.german_level', CEFR_LEVELS.codes)} AS german_level, "
            f"{_chosen('a.literacy', LITERACY.codes)} AS literacy, "
            f"{_highest_education()} AS highest_education, "
            f"{_first_job_field(postgres)} AS occupation_field "
            f"FROM person p LEFT JOIN ({_answers_pivot()}) a ON a.person = p.id "
            "WHERE p.created_at < {}"
        )
        return Population(sql, (end, start, end))
    if measure is Measure.GOALS:
        sql = (
            f"SELECT {_municipality_of_team('g.team')} AS municipality, "
            f"{_closed('g.area', (a.value for a in GoalArea))} AS goal_area, "
            f"{_closed('g.status', (s.value for s in GoalStatus))} AS goal_outcome, "
            f"{sex} AS sex, {age} AS age_band "
            "FROM goal_agreement g JOIN person p ON p.id = g.person WHERE g.created_at < {}"
        )
        return Population(sql, (end,))
    if measure is Measure.RELEASES:
        sql = (
            f"SELECT {_municipality_of_person('s.person')} AS municipality, "
            f"{_closed('s.package', (p.value for p in Package))} AS package "
            "FROM stakeholder_release s WHERE s.created_at >= {} AND s.created_at < {}"
        )
        return Population(sql, (end, start, start, end))
    sql = (
        f"SELECT {_municipality_of_team('h.to_team')} AS municipality, "
        f"{_closed('h.state', (s.value for s in HandOverState))} AS hand_over_outcome "
        "FROM hand_over h WHERE h.created_at >= {} AND h.created_at < {}"
    )
    return Population(sql, (start, end))
