"""Demo case work on top of the demo biographies: goal agreements and case notes, so the
caseworker's dashboard shows goals due and a person view has something to read.

Written through the same services as the app's. Hand-over offers are left for the demo user
to make (one open offer per person), and profiles without an account are made live with the
assisted-profile form.
"""

from __future__ import annotations

import datetime
from datetime import timedelta
from uuid import UUID

from mobio import timeutil
from mobio.casenotes import service as case_notes
from mobio.goals import service as goals
from mobio.goals.drafts import GoalDraft, StepDraft
from mobio.goals.tables import GoalArea, StepResponsible


def _in(days: int) -> datetime.date:
    return timeutil.local_today() + timedelta(days=days)


async def seed_casework(
    person_of: dict[str, UUID], team_of: dict[str, UUID], account_of: dict[str, UUID]
) -> None:
    """``person_of`` by newcomer login; ``team_of`` and ``account_of`` by caseworker login."""
    counsellor, manager = account_of["counsellor"], account_of["manager"]
    amina = person_of["amina"]
    goal = await goals.create_goal(
        amina,
        team_of["counsellor"],
        counsellor,
        GoalDraft(
            area=GoalArea.LANGUAGE,
            goal="Deutsch auf Niveau B1 bis zum Sommer",
            steps=(
                StepDraft(
                    "Anmeldung zum Integrationskurs B1", StepResponsible.NEWCOMER, None, _in(2)
                ),
                StepDraft(
                    "Kinderbetreuung für die Kurszeiten klären",
                    StepResponsible.CASEWORKER,
                    counsellor,
                    _in(12),
                ),
            ),
        ),
    )
    await goals.confirm_goal(amina, goal, 1)
    await case_notes.write(
        amina,
        team_of["counsellor"],
        counsellor,
        "Erstgespräch mit Dolmetscherin. Frau Haddad möchte schnell in einen B1-Kurs; "
        "Kita-Platz für die Tochter ist offen.",
        moves_with_case=True,
    )
    mariam = person_of["mariam"]
    await goals.create_goal(
        mariam,
        team_of["manager"],
        manager,
        GoalDraft(
            area=GoalArea.RECOGNITION,
            goal="Anerkennung des Abschlusses als Krankenpflegerin",
            steps=(
                StepDraft("Zeugnisse übersetzen lassen", StepResponsible.NEWCOMER, None, _in(20)),
                StepDraft(
                    "Antrag bei der Anerkennungsstelle vorbereiten",
                    StepResponsible.CASEWORKER,
                    manager,
                    _in(40),
                ),
            ),
        ),
    )
    await case_notes.write(
        mariam,
        team_of["manager"],
        manager,
        "Wohnungssuche läuft; Termin bei der Anerkennungsberatung vereinbart.",
        moves_with_case=False,
    )
