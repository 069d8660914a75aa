"""Demo data for the embedded run: a district with teams and staff, blank certificate forms
in German and Arabic, and newcomers whose biographies are partly filled in, so a new user
sees a living system.

The biographies are saved through the same service as the app's (``save_section``), by the
newcomer or by a caseworker of a team holding their release, so every answer has its log.
Refused in production. The accounts and their password are listed in the README.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from mobio import timeutil
from mobio.accounts.passwords import hash_password
from mobio.accounts.tables import Account, AccountKind
from mobio.auth.grants import TEAM_KIND_GRANT, Grant
from mobio.biography import members, notes
from mobio.biography.catalogue.model import Section
from mobio.biography.saving import Actor, save_section
from mobio.biography.tables import SELF, MemberKind
from mobio.consent import service as consent
from mobio.consent.documents import shipped_documents
from mobio.consent.tables import ConsentKind
from mobio.db.unit_of_work import settle, unit_of_work
from mobio.db.values import as_uuid
from mobio.demo_casework import seed_casework
from mobio.demo_population import add_population
from mobio.demo_research import seed_research
from mobio.forms import service as forms
from mobio.forms.blank import DEMO_FORMS, blank_pdf
from mobio.organisations import service as organisations
from mobio.organisations.tables import TeamKind
from mobio.persons.tables import Person
from mobio.releases.tables import TeamRelease
from mobio.settings import InsecureSettingsError, get_settings

DEMO_PASSWORD = "mobio-demo-2026"
DEMO_DOMAIN = "demo.mobio.example"

MUNICIPALITIES = ("Weinheim", "Sinsheim", "Wiesloch", "Schwetzingen", "Eberbach")

PERSONAL = Section.PERSONAL
FAMILY = Section.FAMILY
LANGUAGE = Section.LANGUAGE
EDUCATION = Section.EDUCATION
OCCUPATION = Section.OCCUPATION
LIVING = Section.LIVING

COUNSELLING = "counsellor"
MANAGEMENT = "manager"
OFFICE = "officer"
"""The demo caseworkers, by login name; each works in one team."""

Answers = dict[Section, dict[str, Any]]


@dataclass(frozen=True)
class Page:
    """One page of a demo biography: what the owner saved, then what caseworkers added."""

    answers: Answers
    by_caseworkers: tuple[tuple[str, Section, dict[str, Any]], ...] = ()
    """(caseworker login name, section, answers), saved in this order after the owner's."""


@dataclass(frozen=True)
class DemoNewcomer:
    login: str
    language: str
    own: Page
    partners: tuple[Page, ...] = ()
    children: tuple[Page, ...] = ()
    released_to: tuple[str, ...] = ()
    """Caseworkers (login names) whose teams hold a release from the newcomer."""
    notes: tuple[tuple[Section, str], ...] = field(default=())


def _personal(family: str, given: str, sex: str, born: str, nationality: str) -> dict[str, Any]:
    return {
        "family_name": family,
        "given_name": given,
        "sex": sex,
        "date_of_birth": born,
        "nationality": nationality,
    }


AMINA = DemoNewcomer(
    login="amina",
    language="ar",
    released_to=(COUNSELLING, MANAGEMENT),
    own=Page(
        {
            PERSONAL: {
                **_personal("Haddad", "Amina", "female", "1991-04-12", "SY"),
                "place_of_birth": "حلب",
                "country_of_birth": "SY",
                "country_of_origin": "SY",
                "arrival_date": "2016-03-14",
            },
            FAMILY: {
                "marital_status": "married",
                "number_of_children": 2,
                "single_parent": False,
                "family_abroad": True,
                "family_abroad_members": ["parents", "siblings"],
                "family_reunification": "not_planned",
                "relatives_in_germany": False,
            },
            LANGUAGE: {
                "literacy": "literate_other_script",
                "mother_tongues": ["ar", "ku"],
                "german_level": "a1",
                "other_languages": [{"language": "en", "level": "a1"}],
                "attends_language_course": False,
                "language_courses": [
                    {
                        "kind": "integration_course",
                        "level_reached": "a2",
                        "completed": True,
                        "certificate": True,
                        "year": 2018,
                    }
                ],
                "integration_course_access": "entitled",
                "language_course_wish": True,
                "desired_course_kind": "job_related_course",
                "course_times": ["morning"],
                "childcare_for_course": True,
            },
            EDUCATION: {
                "attends_school": False,
                "school_abroad": True,
                "school_years_abroad": 9,
                "school_country": "SY",
                "school_type_abroad": "secondary",
                "school_certificate_abroad": "lower_secondary",
                "vocational_training": "completed",
                "vocational_trainings": [
                    {
                        "occupation": "خياطة",
                        "field": "craft_trades",
                        "country": "SY",
                        "years": 2,
                        "completed": True,
                        "certificate": False,
                    }
                ],
                "university_study": "none",
                "foreign_qualification": "yes",
                "recognition_status": "not_started",
                "recognition_counselling": True,
            },
            OCCUPATION: {
                "currently_working": False,
                "work_experience": [
                    {
                        "kind": "employed",
                        "job_title": "خياطة",
                        "field": "craft_trades",
                        "tasks": "تفصيل الملابس وتعديلها",
                        "country": "SY",
                        "years": 6,
                        "months": 0,
                    }
                ],
                "work_permit": "allowed",
                "looking_for_work": True,
                "desired_job": "Schneiderin",
                "desired_fields": ["craft_trades"],
                "desired_employment_kinds": ["employed", "mini_job"],
                "working_time_preference": "part_time",
            },
            LIVING: {
                "has_driving_licence": False,
                "driving_licence_wish": True,
                "transport_means": ["public_transport", "on_foot"],
                "digital_access": ["smartphone"],
            },
        },
        by_caseworkers=(
            (
                COUNSELLING,
                PERSONAL,
                {
                    "residence_status": "recognised_refugee",
                    "residence_document_valid_until": "2027-03-31",
                },
            ),
            (
                COUNSELLING,
                LIVING,
                {
                    "housing_situation": "follow_up_accommodation",
                    "household_size": 4,
                    "looking_for_flat": True,
                },
            ),
            # after the course: the certificate was shown to the integration manager
            (MANAGEMENT, LANGUAGE, {"german_level": "a2", "german_level_certified": True}),
            (MANAGEMENT, OCCUPATION, {"employment_registration": "job_centre"}),
        ),
    ),
    partners=(
        Page(
            {
                PERSONAL: _personal("Haddad", "Karim", "male", "1987-11-02", "SY"),
                FAMILY: {"partner_in_germany": True, "partner_same_household": True},
                LANGUAGE: {"partner_german_level": "a2"},
                EDUCATION: {
                    "partner_school_years": 12,
                    "partner_qualification": "school_certificate",
                },
                OCCUPATION: {"partner_working": True, "partner_occupation_field": "logistics"},
            }
        ),
    ),
    children=(
        Page(
            {
                PERSONAL: _personal("Haddad", "Lina", "female", "2014-06-20", "SY"),
                FAMILY: {"child_in_germany": True, "childcare_status": "school"},
                EDUCATION: {"child_attends_school": True, "child_school_type": "primary"},
            }
        ),
        Page(
            {
                PERSONAL: _personal("Haddad", "Yusuf", "male", "2020-02-08", "SY"),
                FAMILY: {"child_in_germany": True, "childcare_status": "daycare"},
                EDUCATION: {"child_attends_school": False},
            }
        ),
    ),
    notes=(
        (LANGUAGE, "أسأل عن دورة B1 صباحية مع رعاية للأطفال."),
        (OCCUPATION, "محل الخياطة في الشارع الرئيسي يبحث عن مساعدة – أتصل بهم يوم الاثنين."),
    ),
)

DAWIT = DemoNewcomer(
    login="dawit",
    language="en",
    own=Page(
        {
            PERSONAL: {
                **_personal("Tesfaye", "Dawit", "male", "1998-09-03", "ER"),
                "place_of_birth": "Asmara",
                "country_of_birth": "ER",
                "country_of_origin": "ER",
                "arrival_date": "2019-07-22",
                "residence_status": "subsidiary_protection",
                "residence_document_valid_until": "2027-07-21",
            },
            FAMILY: {
                "marital_status": "single",
                "number_of_children": 0,
                "family_abroad": True,
                "family_abroad_members": ["parents", "siblings"],
                "family_reunification": "not_planned",
                "relatives_in_germany": True,
            },
            LANGUAGE: {
                "literacy": "literate_other_script",
                "mother_tongues": ["ti"],
                "german_level": "b1",
                "german_level_certified": True,
                "other_languages": [{"language": "en", "level": "b2"}],
                "attends_language_course": False,
                "language_courses": [
                    {
                        "kind": "integration_course",
                        "level_reached": "b1",
                        "completed": True,
                        "certificate": True,
                        "year": 2021,
                    }
                ],
                "integration_course_access": "entitled",
                "language_course_wish": True,
                "desired_course_kind": "job_related_course",
                "course_times": ["evening"],
            },
            EDUCATION: {
                "attends_school": False,
                "school_abroad": True,
                "school_years_abroad": 11,
                "school_country": "ER",
                "school_type_abroad": "secondary",
                "school_certificate_abroad": "intermediate",
                "vocational_training": "none",
                "university_study": "none",
                "foreign_qualification": "no",
            },
            OCCUPATION: {
                "currently_working": False,
                "work_experience": [
                    {
                        "kind": "employed",
                        "job_title": "Carpenter",
                        "field": "craft_trades",
                        "tasks": "Furniture, doors and window frames in a small workshop",
                        "country": "ER",
                        "years": 4,
                        "months": 6,
                    }
                ],
                "work_permit": "allowed",
                "employment_registration": "employment_agency",
                "looking_for_work": True,
                "desired_job": "Carpenter / joiner (Tischler)",
                "desired_fields": ["craft_trades", "construction"],
                "desired_employment_kinds": ["employed", "apprenticeship"],
                "working_time_preference": "full_time",
            },
            # living environment: not filled in yet
        }
    ),
)

MARIAM = DemoNewcomer(
    login="mariam",
    language="fa",
    released_to=(MANAGEMENT, OFFICE),
    own=Page(
        {
            PERSONAL: {
                **_personal("Ahmadi", "Mariam", "female", "1985-01-15", "AF"),
                "place_of_birth": "هرات",
                "country_of_birth": "AF",
                "country_of_origin": "AF",
                "arrival_date": "2022-10-05",
            },
            FAMILY: {
                "marital_status": "married",
                "number_of_children": 3,
                "single_parent": False,
                "family_abroad": True,
                "family_abroad_members": ["siblings"],
                "family_reunification": "not_planned",
                "relatives_in_germany": True,
            },
            LANGUAGE: {
                "literacy": "partly",
                "mother_tongues": ["prs"],
                "german_level": "a1",
                "german_level_certified": False,
                "attends_language_course": True,
                "language_courses": [
                    {
                        "kind": "literacy_course",
                        "level_reached": "a1",
                        "completed": False,
                        "year": 2024,
                    }
                ],
            },
            # education and occupation: not filled in yet
        },
        by_caseworkers=(
            (
                MANAGEMENT,
                PERSONAL,
                {
                    "residence_status": "asylum_pending",
                    "residence_document_valid_until": "2026-10-04",
                },
            ),
            (MANAGEMENT, LANGUAGE, {"integration_course_access": "obliged"}),
            (
                MANAGEMENT,
                LIVING,
                {
                    "housing_situation": "follow_up_accommodation",
                    "household_size": 5,
                    "looking_for_flat": True,
                },
            ),
        ),
    ),
    partners=(
        Page(
            {
                FAMILY: {"partner_in_germany": True, "partner_same_household": True},
                OCCUPATION: {"partner_working": True, "partner_occupation_field": "construction"},
            },
            # the integration manager entered his personal page from his papers
            by_caseworkers=(
                (MANAGEMENT, PERSONAL, _personal("Ahmadi", "Habib", "male", "1980-05-30", "AF")),
            ),
        ),
    ),
    children=(
        Page(
            {
                PERSONAL: _personal("Ahmadi", "Sahar", "female", "2010-03-12", "AF"),
                FAMILY: {"child_in_germany": True, "childcare_status": "school"},
                EDUCATION: {"child_attends_school": True, "child_school_type": "preparatory_class"},
            }
        ),
        Page(
            {
                PERSONAL: _personal("Ahmadi", "Omid", "male", "2013-08-01", "AF"),
                FAMILY: {"child_in_germany": True, "childcare_status": "school"},
                EDUCATION: {"child_attends_school": True, "child_school_type": "primary"},
            }
        ),
        Page(
            {
                PERSONAL: _personal("Ahmadi", "Zahra", "female", "2020-12-24", "AF"),
                FAMILY: {"child_in_germany": True, "childcare_status": "needed_not_found"},
            }
        ),
    ),
)

MAMADOU = DemoNewcomer(
    login="mamadou",
    language="fr",
    released_to=(COUNSELLING,),
    own=Page(
        {
            PERSONAL: {
                **_personal("Diallo", "Mamadou", "male", "2005-02-10", "GN"),
                "place_of_birth": "Labé",
                "country_of_birth": "GN",
                "country_of_origin": "GN",
                "arrival_date": "2023-05-18",
            },
            FAMILY: {
                "marital_status": "single",
                "number_of_children": 0,
                "family_abroad": True,
                "family_abroad_members": ["parents", "siblings"],
                "family_reunification": "not_planned",
                "relatives_in_germany": False,
            },
            EDUCATION: {
                "attends_school": False,
                "school_abroad": True,
                "school_years_abroad": 3,
                "school_country": "GN",
                "school_type_abroad": "primary",
                "school_certificate_abroad": "none",
                "vocational_training": "none",
            },
            OCCUPATION: {
                "currently_working": False,
                "work_experience": [
                    {
                        "kind": "family_business",
                        "job_title": "Aide-mécanicien",
                        "field": "automotive",
                        "tasks": "Réparation de motos dans l’atelier de mon oncle",
                        "country": "GN",
                        "years": 2,
                        "months": 0,
                    }
                ],
                "work_permit": "unknown",
                "looking_for_work": True,
                "desired_job": "Mécanicien",
                "desired_fields": ["automotive"],
            },
            # living environment: not filled in yet
        },
        by_caseworkers=(
            (
                COUNSELLING,
                PERSONAL,
                {
                    "residence_status": "asylum_pending",
                    "residence_document_valid_until": "2026-05-31",
                },
            ),
            # the social counsellor filled in the language page with him
            (
                COUNSELLING,
                LANGUAGE,
                {
                    "literacy": "partly",
                    "mother_tongues": ["ff"],
                    "german_level": "a1",
                    "german_level_certified": False,
                    "other_languages": [{"language": "fr", "level": "b1"}],
                    "attends_language_course": True,
                    "language_courses": [
                        {
                            "kind": "literacy_course",
                            "level_reached": "a1",
                            "completed": False,
                            "certificate": False,
                            "year": 2024,
                        }
                    ],
                    "integration_course_access": "applied",
                    "language_course_wish": True,
                    "desired_course_kind": "integration_course",
                    "course_times": ["morning", "afternoon"],
                    "childcare_for_course": False,
                },
            ),
        ),
    ),
)

NEWCOMERS = (AMINA, DAWIT, MARIAM, MAMADOU)


async def seed(*, only_if_empty: bool) -> bool:
    """Load the demo data; with ``only_if_empty``, only into a database without accounts."""
    if get_settings().is_production:
        raise InsecureSettingsError("demo data is never loaded in production")
    if only_if_empty and await Account.count() > 0:
        return False
    engine = Account._meta.db
    # The forms' files follow the transaction: a failed seed leaves no stored object behind.
    async with unit_of_work() as unit:
        committed = False
        try:
            async with engine.transaction():  # all or nothing, and one commit (fast on SQLite)
                await _seed()
            committed = True
        finally:
            await settle(unit, committed=committed)
    return True


async def _seed() -> None:
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
    staff = {
        name: await organisations.create_staff_account(f"{name}@{DEMO_DOMAIN}", DEMO_PASSWORD, kind)
        for name, kind in (("admin", AccountKind.ADMINISTRATOR), ("analyst", AccountKind.ANALYST))
    }
    for form in DEMO_FORMS:
        await forms.publish(
            staff["admin"],
            form.page.title,
            form.language,
            form.description,
            form.file_name,
            _one_chunk(blank_pdf(form.page)),
        )
    caseworkers: dict[str, Actor] = {}
    for name, team, team_kind in (
        (COUNSELLING, counselling, TeamKind.SOCIAL_COUNSELLING),
        (MANAGEMENT, management, TeamKind.INTEGRATION_MANAGEMENT),
        (OFFICE, office, TeamKind.INTEGRATION_OFFICE),
    ):
        account = await organisations.create_staff_account(
            f"{name}@{DEMO_DOMAIN}", DEMO_PASSWORD, AccountKind.CASEWORKER
        )
        await organisations.add_member(team, account)
        caseworkers[name] = Actor(account, frozenset({TEAM_KIND_GRANT[team_kind]}), team)
    # One hash for every demo newcomer: they share the password, and hashing is slow on purpose.
    password_hash = await hash_password(DEMO_PASSWORD)
    person_of = {
        newcomer.login: await _newcomer(newcomer, password_hash, caseworkers)
        for newcomer in NEWCOMERS
    }
    await seed_casework(
        person_of,
        {name: actor.team_id for name, actor in caseworkers.items() if actor.team_id},
        {name: actor.account_id for name, actor in caseworkers.items() if actor.account_id},
    )
    await _evaluation_district(list(person_of.values()))
    await seed_research(person_of)


async def _evaluation_district(demo_persons: list[UUID]) -> None:
    """Earlier arrivals of the district, so the analyst's closed quarters have numbers: the
    demo newcomers arrived in autumn 2025 along with synthetic profiles (no names, cases
    closed since), spread over the municipalities."""
    arrived = datetime(2025, 10, 20, tzinfo=UTC)
    await Person.update({Person.created_at: arrived}).where(Person.id.is_in(demo_persons))
    await TeamRelease.update({TeamRelease.granted_at: arrived + timedelta(days=3)}).where(
        TeamRelease.person.is_in(demo_persons)
    )
    for batch, (when, count) in enumerate(
        ((datetime(2025, 4, 10, tzinfo=UTC), 260), (datetime(2025, 10, 6, tzinfo=UTC), 420))
    ):
        await add_population(
            count, seed=2025 + batch, created_at=when, municipalities=MUNICIPALITIES, closed=True
        )


async def _one_chunk(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def _newcomer(
    newcomer: DemoNewcomer, password_hash: str, caseworkers: dict[str, Actor]
) -> UUID:
    """The account, the consents and releases, then the biography as owner and caseworkers;
    returns the person's id."""
    now = timeutil.now()
    account = Account(
        email=f"{newcomer.login}@{DEMO_DOMAIN}",
        password_hash=password_hash,
        kind=AccountKind.NEWCOMER,
        language=newcomer.language,
        is_active=True,
        created_at=now,
        activated_at=now,
    )
    await account.save()
    account_id = as_uuid(account.id)
    person = Person(account=account_id, created_at=now, created_by=account_id)
    await person.save()
    person_id = as_uuid(person.id)
    await _consent(ConsentKind.USAGE, newcomer.language, account_id, person_id)
    for name in newcomer.released_to:
        record = await _consent(ConsentKind.TEAM_RELEASE, newcomer.language, account_id, person_id)
        await TeamRelease.insert(
            TeamRelease(
                person=person_id,
                team=caseworkers[name].team_id,
                consent_record=record,
                granted_at=timeutil.now(),
            )
        )
    owner = Actor(account_id, frozenset({Grant.OWNER}))
    await _page(owner, caseworkers, person_id, SELF, newcomer.own)
    for kind, pages in (
        (MemberKind.PARTNER, newcomer.partners),
        (MemberKind.CHILD, newcomer.children),
    ):
        for page in pages:
            member_id = await members.add_member(owner, person_id, kind)
            await _page(owner, caseworkers, person_id, str(member_id), page)
    for section, body in newcomer.notes:
        await notes.create(owner.grants, person_id, section, body)
    return person_id


async def _consent(kind: ConsentKind, language: str, account_id: UUID, person_id: UUID) -> UUID:
    document = next(d for d in await consent.current_documents(kind) if d.language == language)
    return await consent.record(
        document.id, account_id=account_id, person_id=person_id, acted_by=account_id
    )


async def _page(
    owner: Actor, caseworkers: dict[str, Actor], person_id: UUID, subject: str, page: Page
) -> None:
    versions: dict[Section, int] = {}
    saves = [(owner, section, answers) for section, answers in page.answers.items()]
    saves += [
        (caseworkers[name], section, answers) for name, section, answers in page.by_caseworkers
    ]
    for actor, section, answers in saves:
        versions[section] = await save_section(
            actor, person_id, subject, section, versions.get(section, 0), answers
        )
