"""Business rules of municipalities, teams and membership (administrators' work)."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from mobio import timeutil
from mobio.accounts.passwords import hash_password
from mobio.accounts.service import check_language, check_password_rules, normalise_email
from mobio.accounts.tables import Account, AccountKind
from mobio.db.values import as_uuid
from mobio.errors import ErrorCode, MobioError, bad_input
from mobio.organisations.tables import Municipality, Team, TeamKind, TeamMembership


@dataclass(frozen=True, slots=True)
class MunicipalityRecord:
    id: UUID
    name: str


@dataclass(frozen=True, slots=True)
class TeamRecord:
    id: UUID
    name: str
    kind: TeamKind
    municipality_id: UUID | None
    carrier: str | None


@dataclass(frozen=True, slots=True)
class StaffRecord:
    """A caseworker, administrator or analyst account and the teams it belongs to."""

    id: UUID
    email: str
    kind: AccountKind
    language: str
    team_ids: tuple[UUID, ...]


async def municipalities() -> list[MunicipalityRecord]:
    rows = await Municipality.select(Municipality.id, Municipality.name).order_by(Municipality.name)
    return [MunicipalityRecord(as_uuid(r["id"]), r["name"]) for r in rows]


async def teams() -> list[TeamRecord]:
    rows = await Team.select(
        Team.id, Team.name, Team.kind, Team.municipality, Team.carrier
    ).order_by(Team.name)
    return [
        TeamRecord(
            as_uuid(r["id"]),
            r["name"],
            TeamKind(r["kind"]),
            as_uuid(r["municipality"]) if r["municipality"] else None,
            r["carrier"],
        )
        for r in rows
    ]


async def create_municipality(name: str, official_key: str | None = None) -> UUID:
    name = name.strip()
    if not 0 < len(name) <= 120:
        raise bad_input("error.name_invalid", max=120)
    if await Municipality.exists().where(Municipality.name == name):
        raise MobioError(ErrorCode.CONFLICT, "error.already_exists")
    row = Municipality(name=name, official_key=official_key)
    await row.save()
    return as_uuid(row.id)


async def create_team(
    name: str, kind: TeamKind, municipality_id: UUID | None, carrier: str | None = None
) -> UUID:
    name = name.strip()
    if not 0 < len(name) <= 160:
        raise bad_input("error.name_invalid", max=160)
    if kind is not TeamKind.SOCIAL_COUNSELLING and municipality_id is None:
        # Only social counselling works district-wide; the others belong to a municipality.
        raise bad_input("error.team_needs_municipality")
    if municipality_id is not None and not await Municipality.exists().where(
        Municipality.id == municipality_id
    ):
        raise bad_input("error.municipality_unknown")
    row = Team(
        name=name,
        kind=kind,
        municipality=municipality_id,
        carrier=carrier,
        created_at=timeutil.now(),
    )
    await row.save()
    return as_uuid(row.id)


async def create_staff_account(
    email: str, password: str, kind: AccountKind, language: str = "de"
) -> UUID:
    """An active account for a caseworker, administrator or analyst (made by an administrator)."""
    if kind is AccountKind.NEWCOMER:
        raise bad_input("error.account_kind_invalid")
    address = normalise_email(email)
    check_password_rules(password)
    check_language(language)
    if await Account.exists().where(Account.email == address):
        raise MobioError(ErrorCode.CONFLICT, "error.already_exists")
    now = timeutil.now()
    account = Account(
        email=address,
        password_hash=await hash_password(password),
        kind=kind,
        language=language,
        is_active=True,
        created_at=now,
        activated_at=now,
    )
    await account.save()
    return as_uuid(account.id)


async def add_member(team_id: UUID, account_id: UUID) -> None:
    account = await Account.objects().get(Account.id == account_id)
    if account is None or account.kind != AccountKind.CASEWORKER:
        raise bad_input("error.member_must_be_caseworker")
    if not await Team.exists().where(Team.id == team_id):
        raise bad_input("error.team_unknown")
    if await TeamMembership.exists().where(
        (TeamMembership.team == team_id) & (TeamMembership.account == account_id)
    ):
        return
    await TeamMembership.insert(
        TeamMembership(team=team_id, account=account_id, created_at=timeutil.now())
    )


async def remove_member(team_id: UUID, account_id: UUID) -> None:
    """End a membership; the account loses the team's access with its next request."""
    if not await TeamMembership.exists().where(
        (TeamMembership.team == team_id) & (TeamMembership.account == account_id)
    ):
        raise bad_input("error.not_a_team_member")
    await TeamMembership.delete().where(
        (TeamMembership.team == team_id) & (TeamMembership.account == account_id)
    )


async def staff_accounts() -> list[StaffRecord]:
    """Every account that is not a newcomer's, by e-mail address, with its teams (two queries)."""
    rows = (
        await Account.select(Account.id, Account.email, Account.kind, Account.language)
        .where(Account.kind != AccountKind.NEWCOMER)
        .order_by(Account.email)
    )
    teams_of: dict[UUID, list[UUID]] = {}
    for membership in await TeamMembership.select(
        TeamMembership.account, TeamMembership.team
    ).order_by(TeamMembership.created_at):
        teams_of.setdefault(as_uuid(membership["account"]), []).append(as_uuid(membership["team"]))
    return [
        StaffRecord(
            as_uuid(r["id"]),
            r["email"],
            AccountKind(r["kind"]),
            r["language"],
            tuple(teams_of.get(as_uuid(r["id"]), ())),
        )
        for r in rows
    ]


async def team_ids_of(account_id: UUID) -> frozenset[UUID]:
    rows = await TeamMembership.select(TeamMembership.team).where(
        TeamMembership.account == account_id
    )
    return frozenset(as_uuid(r["team"]) for r in rows)
