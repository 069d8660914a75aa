"""A synthetic district population for the evaluation screens of the demo, and for tests.

Profiles without accounts or names (as if made by caseworkers long ago), released to the
integration-management team of their municipality, with the few answers evaluation reads.
Seeded, so the same call always yields the same district. Inserted in bulk: thousands of
profiles take a second, not a minute.
"""

from __future__ import annotations

import json
import random
import uuid
from datetime import UTC, date, datetime, timedelta

from mobio.biography.tables import SELF, Answer
from mobio.db.bulk import insert_rows
from mobio.db.values import as_uuid
from mobio.goals.tables import GoalAgreement, GoalArea, GoalStatus
from mobio.organisations.tables import Municipality, Team, TeamKind
from mobio.persons.tables import Person
from mobio.releases.tables import TeamRelease

_NATIONALITIES = (("SY", 30), ("AF", 18), ("UA", 16), ("IQ", 10), ("TR", 8), ("ER", 5))
_RARE = ("NG", "GE", "RU", "IN", "CO", "XXA")
_SEXES = (("male", 55), ("female", 44), ("diverse", 1))
_GERMAN = ("none", "a1", "a2", "b1", "b2", "c1")
_LITERACY = ("literate_latin", "literate_other_script", "partly", "not_literate")
_FIELDS = ("construction", "hospitality", "retail", "healthcare_care", "logistics", "it")
_CERTIFICATES = ("none", "primary", "lower_secondary", "intermediate", "university_entrance")


def _weighted(rng: random.Random, choices: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


async def _teams(municipalities: tuple[str, ...]) -> list[uuid.UUID]:
    """The integration-management team of each municipality (made when missing)."""
    teams = []
    for name in municipalities:
        place = await Municipality.objects().where(Municipality.name == name).first()
        if place is None:
            place = Municipality(name=name)
            await place.save()
        team = await (
            Team.objects()
            .where((Team.municipality == place.id) & (Team.kind == TeamKind.INTEGRATION_MANAGEMENT))
            .first()
        )
        if team is None:
            team = Team(
                name=f"Integrationsmanagement {name}",
                kind=TeamKind.INTEGRATION_MANAGEMENT,
                municipality=place.id,
                created_at=datetime.now(UTC),
            )
            await team.save()
        teams.append(as_uuid(team.id))
    return teams


async def add_population(
    count: int,
    *,
    seed: int = 1,
    created_at: datetime = datetime(2025, 11, 1, tzinfo=UTC),
    municipalities: tuple[str, ...] = ("Aheim", "Bstadt"),
    closed: bool = False,
) -> list[uuid.UUID]:
    """Add ``count`` synthetic newcomers created at ``created_at``; returns their ids.

    ``closed``: their team releases ended half a year later, so today's caseloads do not
    list these nameless profiles.
    """
    rng = random.Random(seed)  # noqa: S311 - synthetic data, reproducible on purpose
    teams = await _teams(municipalities)
    persons, releases, answers, goals = [], [], [], []
    for _ in range(count):
        pid = uuid.uuid4()
        rare = rng.random() < 0.04
        nationality = rng.choice(_RARE) if rare else _weighted(rng, _NATIONALITIES)
        born = date(created_at.year - rng.randint(1, 64), rng.randint(1, 12), rng.randint(1, 28))
        persons.append((pid, _weighted(rng, _SEXES), born, nationality, created_at))
        team = teams[0] if rng.random() < 0.6 else rng.choice(teams)
        granted = created_at + timedelta(days=1)
        ended = granted + timedelta(days=180) if closed else None
        releases.append((uuid.uuid4(), pid, team, granted, ended))
        values: dict[str, object] = {
            "german_level": rng.choice(_GERMAN),
            "literacy": rng.choice(_LITERACY[:2]) if rng.random() < 0.9 else rng.choice(_LITERACY),
            "school_certificate_abroad": rng.choice(_CERTIFICATES),
            "vocational_training": rng.choice(("none", "completed", "in_progress")),
            "university_study": "completed" if rng.random() < 0.12 else "none",
        }
        if rng.random() < 0.6:
            values["work_experience"] = [{"kind": "employee", "field": rng.choice(_FIELDS)}]
        for question, value in values.items():
            encoded = json.dumps(value, ensure_ascii=False)
            answers.append((uuid.uuid4(), pid, SELF, question, encoded, created_at))
        if rng.random() < 0.3:
            area = rng.choice((GoalArea.LANGUAGE, GoalArea.WORK, GoalArea.HOUSING))
            status = rng.choice((GoalStatus.REACHED, GoalStatus.IN_PROGRESS, GoalStatus.OPEN))
            goals.append((uuid.uuid4(), pid, team, area, "-", status, created_at, created_at))
    await insert_rows(
        Person,
        (Person.id, Person.sex, Person.date_of_birth, Person.nationality, Person.created_at),
        persons,
    )
    await insert_rows(
        TeamRelease,
        (
            TeamRelease.id,
            TeamRelease.person,
            TeamRelease.team,
            TeamRelease.granted_at,
            TeamRelease.revoked_at,
        ),
        releases,
    )
    await insert_rows(
        Answer,
        (
            Answer.id,
            Answer.person,
            Answer.subject,
            Answer.question,
            Answer.value,
            Answer.updated_at,
        ),
        answers,
    )
    await insert_rows(
        GoalAgreement,
        (
            GoalAgreement.id,
            GoalAgreement.person,
            GoalAgreement.team,
            GoalAgreement.area,
            GoalAgreement.goal,
            GoalAgreement.status,
            GoalAgreement.created_at,
            GoalAgreement.updated_at,
        ),
        goals,
    )
    return [row[0] for row in persons]
