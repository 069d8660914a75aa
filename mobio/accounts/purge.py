"""Self-registered accounts never activated are deleted after ``unactivated_account_days``.

Only what registration alone created goes: the account and its empty profile. A profile a
caseworker created (assisted, then perhaps claimed) is never purged this way, nor one that
holds any data beyond registration; nothing is lost by accident.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any
from uuid import UUID

from piccolo.columns import ForeignKey
from piccolo.table import Table

from mobio import timeutil
from mobio.accounts.tables import Account, AccountKind
from mobio.consent.tables import ConsentRecord
from mobio.db.values import as_uuid
from mobio.persons.tables import Person
from mobio.settings import get_settings

log = logging.getLogger(__name__)

_PROFILE_FIELDS = (
    Person.family_name,
    Person.given_name,
    Person.sex,
    Person.date_of_birth,
    Person.nationality,
    Person.personal_page_set_at,
)


async def purge_unactivated_accounts(ctx: dict[str, Any]) -> int:
    """Hourly: delete overdue unactivated self-registrations; returns how many went."""
    cutoff = timeutil.now() - timedelta(days=get_settings().unactivated_account_days)
    rows = await Person.select(
        Person.id,
        Person.account.id,
        *_PROFILE_FIELDS,
    ).where(
        (Person.account.kind == AccountKind.NEWCOMER)
        & (Person.account.is_active == False)  # noqa: E712
        & (Person.account.created_at <= cutoff)
        # Registration makes the account its profile's creator; a caseworker's profile
        # names the caseworker (or nobody, once their account is gone).
        & (Person.created_by == Person.account.id)
    )
    purged = 0
    for row in rows:
        person_id = as_uuid(row["id"])
        if any(row[column._meta.name] is not None for column in _PROFILE_FIELDS) or (
            await _has_data(person_id)
        ):
            log.warning("unactivated account kept: its profile holds data")
            continue
        await Person.delete().where(Person.id == person_id)
        await Account.delete().where(
            (Account.id == row["account.id"]) & (Account.is_active == False)  # noqa: E712
        )
        purged += 1
    return purged


async def _has_data(person_id: UUID) -> bool:
    """Whether any table but the consent proof refers to the profile."""
    from mobio.db.tables import ALL_TABLES  # the table list imports every domain

    for table in ALL_TABLES:
        if table is ConsentRecord:
            continue  # the usage consent given at registration, kept as proof (set null)
        for column in _references_to_person(table):
            if await table.exists().where(column == person_id):
                return True
    return False


def _references_to_person(table: type[Table]) -> list[ForeignKey[Any]]:
    return [
        column
        for column in table._meta.foreign_key_columns
        if column._foreign_key_meta.resolved_references is Person
    ]
