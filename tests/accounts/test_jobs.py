"""The hourly account jobs: old login records go, overdue unactivated self-registrations go."""

from __future__ import annotations

from datetime import timedelta

from mobio import timeutil
from mobio.accounts import login_record, service
from mobio.accounts.clients import ClientInfo
from mobio.accounts.login_record import forget_old_logins
from mobio.accounts.purge import purge_unactivated_accounts
from mobio.accounts.tables import Account, AccountKind, AccountToken, LoginEvent
from mobio.biography.tables import Answer
from mobio.consent.tables import ConsentRecord
from mobio.db.values import as_uuid
from mobio.jobs import periodic
from mobio.organisations.tables import TeamKind
from mobio.persons.tables import Person
from mobio.settings import get_settings
from tests.accounts.test_service import clear_outbox, registered
from tests.support import factories

CLIENT = ClientInfo(browser="Firefox, Linux", network="192.0.2.0/24")


def test_both_jobs_run_every_hour() -> None:
    assert forget_old_logins in periodic.HOURLY
    assert purge_unactivated_accounts in periodic.HOURLY


async def test_login_entries_are_kept_for_the_configured_days_only() -> None:
    # given a failed login now and a successful one a day later
    newcomer = await factories.newcomer()
    await login_record.record(newcomer.account_id, False, CLIENT)
    timeutil.travel(timedelta(days=1))
    await login_record.record(newcomer.account_id, True, CLIENT)

    # when 90 days have passed since the first, and the job runs
    timeutil.travel(timedelta(days=get_settings().login_record_days - 1, seconds=1))
    forgotten = await forget_old_logins({})

    # then only the first is gone, and the owner sees only the second
    assert forgotten == 1
    assert [entry.succeeded for entry in await login_record.entries_of(newcomer.account_id)] == [
        True
    ]
    assert await LoginEvent.count() == 1

    # and a day later the second goes too
    timeutil.travel(timedelta(days=get_settings().login_record_days, seconds=1))
    assert await forget_old_logins({}) == 1
    assert await LoginEvent.count() == 0


async def self_registered(email: str) -> tuple[str, str]:
    """A registration (never activated): its account and person ids."""
    await registered(email)
    row = (
        await Person.select(Person.id, Person.account.id)
        .where(  # type: ignore[union-attr]
            Person.account.email == email  # type: ignore[union-attr]
        )
        .first()
    )
    assert row is not None
    return str(row["account.id"]), str(row["id"])


async def claimed_but_not_activated() -> Account:
    """A caseworker's profile taken over by a newcomer account that is not yet active."""
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    account = Account(
        email="claimed@example.org",
        password_hash="x",
        kind=AccountKind.NEWCOMER,
        is_active=False,
        created_at=timeutil.now(),
    )
    await account.save()
    await Person(account=account.id, created_at=timeutil.now(), created_by=worker.account_id).save()
    return account


async def test_unactivated_self_registrations_go_after_30_days_others_stay() -> None:
    # given a self-registration never activated, one activated, an assisted profile
    # claimed but not yet activated, and a caseworker's own profile without an account
    lapsed_account, lapsed_person = await self_registered("lapsed@example.org")
    await service.activate(await registered("activated@example.org"))
    claimed = await claimed_but_not_activated()
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    assisted = Person(created_at=timeutil.now(), created_by=worker.account_id)
    await assisted.save()
    clear_outbox()

    # when the job runs a day before the deadline
    timeutil.travel(timedelta(days=get_settings().unactivated_account_days - 1))
    assert await purge_unactivated_accounts({}) == 0

    # and again after it
    timeutil.travel(timedelta(days=1, seconds=1))
    purged = await purge_unactivated_accounts({})

    # then only the lapsed self-registration is gone, with its profile and token
    assert purged == 1
    assert not await Account.exists().where(Account.id == lapsed_account)
    assert not await Person.exists().where(Person.id == lapsed_person)
    assert not await AccountToken.exists().where(AccountToken.account == lapsed_account)
    assert await Account.exists().where(Account.email == "activated@example.org")
    assert await Account.exists().where(Account.id == claimed.id)
    assert await Person.exists().where(Person.account == claimed.id)
    assert await Person.exists().where(Person.id == assisted.id)
    # the consent given at registration stays as proof, without the person
    assert await ConsentRecord.count().where(ConsentRecord.person.is_null()) == 1
    # and a second run finds nothing more
    assert await purge_unactivated_accounts({}) == 0


async def test_a_profile_holding_data_is_never_purged() -> None:
    # given an unactivated self-registration whose profile somehow holds an answer
    account_id, person_id = await self_registered("odd@example.org")
    await Answer(
        person=as_uuid(person_id),
        subject="self",
        question="given_name",
        value='"Amal"',
        updated_at=timeutil.now(),
    ).save()

    # when the job runs long after the deadline
    timeutil.travel(timedelta(days=get_settings().unactivated_account_days + 5))
    purged = await purge_unactivated_accounts({})

    # then nothing goes
    assert purged == 0
    assert await Account.exists().where(Account.id == account_id)
    assert await Person.exists().where(Person.id == person_id)
