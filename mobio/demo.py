"""Demo data for the embedded run: a district with teams, staff, a newcomer and documents.

Refused in production. The accounts and their password are listed in the README.
"""

from __future__ import annotations

import datetime

from mobio import timeutil
from mobio.accounts.passwords import hash_password
from mobio.accounts.tables import Account, AccountKind
from mobio.consent import service as consent
from mobio.consent.documents import shipped_documents
from mobio.consent.tables import ConsentKind
from mobio.db.values import as_uuid
from mobio.organisations import service as organisations
from mobio.organisations.tables import TeamKind
from mobio.persons.tables import Person
from mobio.releases.tables import TeamRelease
from mobio.settings import InsecureSettingsError, get_settings

DEMO_PASSWORD = "mobio-demo-2026"
DEMO_DOMAIN = "demo.mobio.example"

MUNICIPALITIES = ("Weinheim", "Sinsheim", "Wiesloch", "Schwetzingen", "Eberbach")


async def seed(*, only_if_empty: bool) -> bool:
    """Load the demo data; with ``only_if_empty``, only into a database without accounts."""
    if get_settings().is_production:
        raise InsecureSettingsError("demo data is never loaded in production")
    if only_if_empty and await Account.count() > 0:
        return False
    for document in shipped_documents():
        await consent.publish(
            ConsentKind(document.kind), document.language, document.title, document.body, None
        )
    municipality_ids = {
        name: await organisations.create_municipality(name) for name in MUNICIPALITIES
    }
    counselling = await organisations.create_team(
        "Soziale Beratung Nord", TeamKind.SOCIAL_COUNSELLING, None, "Landratsamt"
    )
    management = await organisations.create_team(
        "Integrationsmanagement Weinheim",
        TeamKind.INTEGRATION_MANAGEMENT,
        municipality_ids["Weinheim"],
        "Diakonisches Werk",
    )
    office = await organisations.create_team(
        "Integrationsbeauftragte Weinheim",
        TeamKind.INTEGRATION_OFFICE,
        municipality_ids["Weinheim"],
    )
    for name, kind in (("admin", AccountKind.ADMINISTRATOR), ("analyst", AccountKind.ANALYST)):
        await organisations.create_staff_account(f"{name}@{DEMO_DOMAIN}", DEMO_PASSWORD, kind)
    for name, team in (("counsellor", counselling), ("manager", management), ("officer", office)):
        account = await organisations.create_staff_account(
            f"{name}@{DEMO_DOMAIN}", DEMO_PASSWORD, AccountKind.CASEWORKER
        )
        await organisations.add_member(team, account)
    newcomer = await _newcomer(
        "amina", "ar", "Haddad", "Amina", "female", datetime.date(1991, 4, 12), "SY"
    )
    await _release(newcomer, counselling)
    await _release(newcomer, management)
    await _newcomer("dawit", "en", "Tesfaye", "Dawit", "male", datetime.date(1998, 9, 3), "ER")
    return True


async def _newcomer(
    name: str,
    language: str,
    family_name: str,
    given_name: str,
    sex: str,
    born: datetime.date,
    nationality: str,
) -> object:
    now = timeutil.now()
    account = Account(
        email=f"{name}@{DEMO_DOMAIN}",
        password_hash=await hash_password(DEMO_PASSWORD),
        kind=AccountKind.NEWCOMER,
        language=language,
        is_active=True,
        created_at=now,
        activated_at=now,
    )
    await account.save()
    person = Person(
        account=account.id,
        family_name=family_name,
        given_name=given_name,
        sex=sex,
        date_of_birth=born,
        nationality=nationality,
        personal_page_set_at=now,
        created_at=now,
        created_by=account.id,
    )
    await person.save()
    usage = next(
        d for d in await consent.current_documents(ConsentKind.USAGE) if d.language == language
    )
    await consent.record(
        usage.id,
        account_id=as_uuid(account.id),
        person_id=as_uuid(person.id),
        acted_by=as_uuid(account.id),
    )
    return person.id


async def _release(person_id: object, team_id: object) -> None:
    await TeamRelease.insert(TeamRelease(person=person_id, team=team_id, granted_at=timeutil.now()))
