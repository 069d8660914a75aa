"""Fill a fresh PostgreSQL database with a district of generated newcomers.

    python -m bench.generate [--newcomers 10000] [--url postgresql://...] [--seed 1]

The database is dropped, created and migrated as ``mobio migrate`` does, then filled with
bulk ``COPY``: accounts and persons, 0-4 children (and often a partner) each, about 100
answers per newcomer with their log entries and section versions, private notes, team
releases (one integration-management team holds 2,000 of them) and stakeholder links. Answer
values follow the catalogue (kinds, option codes, conditions), like the test suite's values.
Newcomers join (profile, team releases) evenly over 2025, so its closed quarters count them
(bench.evaluation); stakeholder links are made now, valid for 14 days. One analyst account
sees the whole district. The tokens of a few links are written to ``bench/.tokens.json``
(never committed).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import random
import sys
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from bench import (
    ANALYST,
    BIG_TEAM_CASEWORKER,
    BIG_TEAM_SIZE,
    DEFAULT_DATABASE_URL,
    EMAIL_DOMAIN,
    PASSWORD,
    newcomer_email,
)

TOKENS_DIR = Path(__file__).resolve().parent


def tokens_file(url: str) -> Path:
    """Where the links' tokens of the district in ``url`` are kept (one file per database)."""
    return TOKENS_DIR / f".tokens-{urlsplit(url).path.lstrip('/')}.json"


CHUNK = 500  # newcomers per COPY batch
VARIANTS = 48  # distinct answer sets per kind of page (values are drawn from these)
LANGUAGES = ("de", "en", "ar", "fa", "fr")
SEXES = ("female", "male", "diverse")
FAMILY_NAMES = ("Haddad", "Tesfaye", "Ahmadi", "Diallo", "Kaya", "Nasser", "Okafor", "Rahimi")
GIVEN_NAMES = ("Amina", "Dawit", "Mariam", "Mamadou", "Karim", "Sara", "Yonas", "Leyla")
DOCUMENT_CATEGORIES = (
    "school_certificate",
    "vocational_certificate",
    "language_certificate",
    "work_reference",
    "cv",
    "official_document",
    "miscellaneous",
)
NATIONALITIES = ("SY", "ER", "AF", "GN", "IQ", "TR", "UA", "NG")
JOINED_FROM = datetime.datetime(2025, 1, 1, 12, tzinfo=datetime.UTC)
JOINED_DAYS = 360
"""Newcomers join (profile, team releases) spread over 2025, so closed periods count them."""


def _catalogue() -> Any:
    """The catalogue module, imported only after the settings' environment is set."""
    from mobio.biography import catalogue

    return catalogue


def _codes(question: Any) -> tuple[str, ...]:
    from mobio.biography.catalogue.common import FALSE, TRUE
    from mobio.biography.catalogue.model import Kind

    if question.kind is Kind.BOOLEAN:
        return (TRUE, FALSE)
    return tuple(question.options.codes) if question.options else ()


def _asked(question: Any, answers: dict[str, Any]) -> bool:
    condition = question.shown_if
    if condition is None:
        return True
    value = answers.get(condition.question)
    code = str(value).lower() if isinstance(value, bool) else value
    return code in condition.codes


def _value(question: Any, rng: random.Random, parent: Any = None) -> Any:
    """A valid value for ``question`` (the same rules as mobio.biography.validation)."""
    from mobio.biography.catalogue.common import TRUE
    from mobio.biography.catalogue.model import Kind

    kind = question.kind
    if kind is Kind.CHOICE:
        return rng.choice(_codes(question))
    if kind is Kind.MULTI_CHOICE:
        codes = _codes(question)
        return rng.sample(codes, k=min(len(codes), rng.randint(1, 2)))
    if kind is Kind.BOOLEAN:
        return rng.choice(_codes(question)) == TRUE
    if kind is Kind.TEXT:
        name = question.code if parent is None else f"{parent.code}.{question.code}"
        return f"Bench {name} {rng.randint(1, 999)}"[: question.max_length]
    if kind is Kind.DATE:
        return (
            datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randint(0, 20000))
        ).isoformat()
    if kind is Kind.NUMBER:
        return rng.randint(question.minimum, question.maximum)
    entries = []
    for _ in range(rng.randint(1, 2)):
        entry: dict[str, Any] = {}
        for entry_field in question.fields:
            if _asked(entry_field, entry):
                entry[entry_field.code] = _value(entry_field, rng, question)
        entries.append(entry)
    return entries


def _fields(value: Any) -> int:
    """How many fields one answer fills: the fields of each entry of a list, else one."""
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return sum(len(entry) for entry in value)
    return 1


def _page_variant(kind: Any, rng: random.Random) -> dict[str, list[tuple[str, str]]]:
    """Answers of one page: section -> [(question, JSON value)], personal columns left out."""
    from mobio.biography.catalogue.model import Section
    from mobio.biography.pages import PERSONAL_COLUMNS
    from mobio.biography.validation import clean

    catalogue = _catalogue()
    page: dict[str, list[tuple[str, str]]] = {}
    for section in Section:
        answers: dict[str, Any] = {}
        for question in catalogue.questions_for(section, kind):
            if question.code in PERSONAL_COLUMNS or not _asked(question, answers):
                continue
            if rng.random() < 0.05 and question.shown_if is None:
                continue  # partly answered
            answers[question.code] = _value(question, rng)
            if clean(question, answers[question.code]) != answers[question.code]:
                raise AssertionError(f"generated an invalid value for {question.code}")
        if answers:
            page[section.value] = [
                (code, json.dumps(value, ensure_ascii=False)) for code, value in answers.items()
            ]
    return page


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


async def recreate_database(url: str) -> None:
    """Drop and create the database of ``url`` (connecting to its server's ``postgres``)."""
    name = urlsplit(url).path.lstrip("/")
    if not name.replace("_", "").isalnum():
        raise SystemExit(f"refusing odd database name {name!r}")
    admin = await asyncpg.connect(with_database(url, "postgres"))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()


async def generated_newcomers(url: str) -> int:
    """How many generated newcomers the database of ``url`` holds (0 if none, or no database)."""
    try:
        connection = await asyncpg.connect(url)
    except (asyncpg.InvalidCatalogNameError, OSError):
        return 0
    try:
        count = await connection.fetchval(
            "SELECT count(*) FROM account WHERE email LIKE $1",
            newcomer_email(0).replace("0", "%", 1),
        )
    except asyncpg.UndefinedTableError:
        return 0
    finally:
        await connection.close()
    return int(count)


class District:
    """Ids of the fixed part of the district: municipalities, teams, staff, documents."""

    def __init__(self) -> None:
        self.municipalities = [uuid.uuid4() for _ in range(3)]
        self.big_team = uuid.uuid4()
        # (id, kind, municipality index or None)
        self.teams: list[tuple[uuid.UUID, str, int | None]] = [
            (self.big_team, "integration_management", 0),
            (uuid.uuid4(), "integration_management", 1),
            (uuid.uuid4(), "integration_management", 2),
            (uuid.uuid4(), "social_counselling", None),
            (uuid.uuid4(), "social_counselling", None),
            (uuid.uuid4(), "integration_office", 0),
            (uuid.uuid4(), "integration_office", 1),
        ]
        self.caseworkers = {team: uuid.uuid4() for team, _, _ in self.teams}
        self.documents = {
            kind: uuid.uuid4() for kind in ("usage", "team_release", "stakeholder_release")
        }


async def _fixed_part(
    connection: asyncpg.Connection, district: District, password_hash: str, now: datetime.datetime
) -> None:
    await connection.copy_records_to_table(
        "municipality",
        records=[(m, f"Bench-Gemeinde {n}") for n, m in enumerate(district.municipalities)],
        columns=["id", "name"],
    )
    await connection.copy_records_to_table(
        "team",
        records=[
            (
                team,
                f"Bench {kind} {n}",
                kind,
                None if municipality is None else district.municipalities[municipality],
                now,
            )
            for n, (team, kind, municipality) in enumerate(district.teams)
        ],
        columns=["id", "name", "kind", "municipality", "created_at"],
    )
    accounts = []
    for n, (team, _, _) in enumerate(district.teams):
        email = (
            BIG_TEAM_CASEWORKER if team == district.big_team else f"caseworker{n}@{EMAIL_DOMAIN}"
        )
        accounts.append(
            (
                district.caseworkers[team],
                email,
                password_hash,
                "caseworker",
                f"Caseworker {n}",
                "de",
                True,
                now,
                now,
            )
        )
    await connection.copy_records_to_table(
        "account",
        records=accounts,
        columns=[
            "id",
            "email",
            "password_hash",
            "kind",
            "display_name",
            "language",
            "is_active",
            "created_at",
            "activated_at",
        ],
    )
    await ensure_analyst(connection, password_hash, now)
    await connection.copy_records_to_table(
        "team_membership",
        records=[
            (uuid.uuid4(), team, account, now) for team, account in district.caseworkers.items()
        ],
        columns=["id", "team", "account", "created_at"],
    )
    await connection.copy_records_to_table(
        "consent_document",
        records=[
            (document, kind, "de", 1, f"Bench {kind}", f"Bench declaration {kind}.", now)
            for kind, document in district.documents.items()
        ],
        columns=["id", "kind", "language", "version", "title", "body", "published_at"],
    )


async def ensure_analyst(
    connection: asyncpg.Connection, password_hash: str, now: datetime.datetime
) -> None:
    """The district-wide analyst's account (added to districts generated before it existed)."""
    await connection.execute(
        "INSERT INTO account (id, email, password_hash, kind, display_name, language, "
        "is_active, created_at, activated_at) "
        "SELECT $1, $2::text, $3, 'analyst', 'Analyst', 'de', true, $4, $4 "
        "WHERE NOT EXISTS (SELECT 1 FROM account WHERE email = $2)",
        uuid.uuid4(),
        ANALYST,
        password_hash,
        now,
    )


class Batch:
    """Rows of one chunk of newcomers, per table, in COPY order."""

    TABLES: Sequence[tuple[str, Sequence[str]]] = (
        (
            "account",
            (
                "id",
                "email",
                "password_hash",
                "kind",
                "language",
                "is_active",
                "created_at",
                "activated_at",
            ),
        ),
        (
            "person",
            (
                "id",
                "account",
                "family_name",
                "given_name",
                "sex",
                "date_of_birth",
                "nationality",
                "personal_page_set_at",
                "created_at",
                "name_key",
            ),
        ),
        (
            "family_member",
            (
                "id",
                "person",
                "kind",
                "family_name",
                "given_name",
                "sex",
                "date_of_birth",
                "nationality",
                "personal_page_set_at",
                "created_at",
            ),
        ),
        ("answer", ("person", "subject", "question", "value", "updated_at", "updated_by")),
        (
            "answer_log",
            ("person", "subject", "question", "value", "actor", "actor_grant", "changed_at"),
        ),
        ("section_version", ("person", "subject", "section", "version")),
        ("private_note", ("id", "person", "section", "body", "created_at", "updated_at")),
        (
            "consent_record",
            ("id", "document", "account", "person", "acted_by", "channel", "accepted_at"),
        ),
        ("team_release", ("id", "person", "team", "consent_record", "granted_at")),
        (
            "document",
            (
                "id",
                "person",
                "category",
                "storage_key",
                "file_name",
                "content_type",
                "size",
                "sha256",
                "uploaded_at",
                "uploaded_by",
                "uploaded_grant",
            ),
        ),
        (
            "stakeholder_release",
            (
                "id",
                "person",
                "package",
                "token_hash",
                "recipient_email",
                "consent_record",
                "created_at",
                "expires_at",
            ),
        ),
    )

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name, _ in self.TABLES}

    async def copy(self, connection: asyncpg.Connection) -> None:
        for name, columns in self.TABLES:
            if self.rows[name]:
                await connection.copy_records_to_table(
                    name, records=self.rows[name], columns=list(columns)
                )


class Generator:
    """Makes the rows of each newcomer from precomputed, catalogue-valid page variants."""

    def __init__(self, district: District, password_hash: str, newcomers: int, seed: int) -> None:
        from mobio.biography.catalogue.model import Subject

        self.district = district
        self.password_hash = password_hash
        self.newcomers = newcomers
        self.rng = random.Random(seed)  # noqa: S311 - reproducible data, not secrets
        self.now = datetime.datetime.now(datetime.UTC)
        self.pages = {
            kind: [_page_variant(kind, self.rng) for _ in range(VARIANTS)]
            for kind in (Subject.NEWCOMER, Subject.PARTNER, Subject.CHILD)
        }
        self.tokens: list[dict[str, str]] = []
        self.answers = 0
        self.fields = 0
        """Answered fields as the newcomer sees them: each field of a course or job counts."""

    def _personal(self) -> tuple[Any, ...]:
        rng = self.rng
        birth = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randint(0, 20000))
        return (
            rng.choice(FAMILY_NAMES),
            rng.choice(GIVEN_NAMES),
            rng.choice(SEXES),
            birth,
            rng.choice(NATIONALITIES),
        )

    def _page(
        self, batch: Batch, person: uuid.UUID, account: uuid.UUID, subject: str, kind: Any
    ) -> None:
        rows = batch.rows
        page = self.rng.choice(self.pages[kind])
        when = self.now - datetime.timedelta(days=self.rng.randint(1, 300))
        for section, answers in page.items():
            rows["section_version"].append((person, subject, section, 1))
            for question, value in answers:
                rows["answer"].append((person, subject, question, value, when, account))
                rows["answer_log"].append(
                    (person, subject, question, value, account, "owner", when)
                )
            self.answers += len(answers)
            self.fields += sum(_fields(json.loads(value)) for _, value in answers)

    def _personal_log(
        self,
        batch: Batch,
        person: uuid.UUID,
        account: uuid.UUID,
        subject: str,
        values: tuple[Any, ...],
    ) -> None:
        for code, value in zip(
            ("family_name", "given_name", "sex", "date_of_birth", "nationality"),
            values,
            strict=True,
        ):
            stored = value.isoformat() if isinstance(value, datetime.date) else value
            batch.rows["answer_log"].append(
                (person, subject, code, json.dumps(stored), account, "owner", self.now)
            )
        self.answers += 5
        self.fields += 5

    def joined(self, number: int) -> datetime.datetime:
        """When the ``number``-th newcomer joined: evenly over 2025, in generation order."""
        return JOINED_FROM + datetime.timedelta(days=JOINED_DAYS * number / self.newcomers)

    def newcomer(self, batch: Batch, number: int) -> None:
        from mobio.biography.catalogue.model import Subject
        from mobio.persons.names import name_key

        rng, rows = self.rng, batch.rows
        now = self.joined(number)
        account, person = uuid.uuid4(), uuid.uuid4()
        language = LANGUAGES[number % len(LANGUAGES)]
        rows["account"].append(
            (
                account,
                newcomer_email(number),
                self.password_hash,
                "newcomer",
                language,
                True,
                now,
                now,
            )
        )
        personal = self._personal()
        key = name_key(personal[1], personal[0])  # else `mobio migrate` fills it row by row
        rows["person"].append((person, account, *personal, now, now, key))
        self._personal_log(batch, person, account, "self", personal)
        if number == 0 or rng.random() >= 0.05:  # a few have only their personal page
            self._page(batch, person, account, "self", Subject.NEWCOMER)
        members: list[Any] = [Subject.PARTNER] if number == 0 or rng.random() < 0.5 else []
        children = 2 if number == 0 else rng.randint(0, 4)
        members += [Subject.CHILD] * children
        for kind in members:
            member = uuid.uuid4()
            values = self._personal()
            rows["family_member"].append((member, person, kind.value, *values, now, now))
            self._personal_log(batch, person, account, str(member), values)
            self._page(batch, person, account, str(member), kind)
        if number == 0 or rng.random() < 0.3:
            for section in rng.sample(("language", "family", "occupation"), k=rng.randint(1, 2)):
                rows["private_note"].append(
                    (uuid.uuid4(), person, section, f"Bench note on {section}", now, now)
                )
        self._documents(batch, person, account)
        self._releases(batch, number, person, account, now)

    def _documents(self, batch: Batch, person: uuid.UUID, account: uuid.UUID) -> None:
        """Metadata of 0-3 uploaded documents (no bytes in any store)."""
        for _ in range(self.rng.choice((0, 1, 1, 2, 3))):
            category = self.rng.choice(DOCUMENT_CATEGORIES)
            key = uuid.uuid4().hex
            batch.rows["document"].append(
                (
                    uuid.uuid4(),
                    person,
                    category,
                    key,
                    f"{category}.pdf",
                    "application/pdf",
                    self.rng.randint(20_000, 2_000_000),
                    key + key,
                    self.now,
                    account,
                    "owner",
                )
            )

    def _consent(
        self,
        batch: Batch,
        kind: str,
        person: uuid.UUID,
        account: uuid.UUID,
        when: datetime.datetime,
    ) -> uuid.UUID:
        record = uuid.uuid4()
        batch.rows["consent_record"].append(
            (record, self.district.documents[kind], account, person, account, "self", when)
        )
        return record

    def _releases(
        self,
        batch: Batch,
        number: int,
        person: uuid.UUID,
        account: uuid.UUID,
        joined: datetime.datetime,
    ) -> None:
        """Team releases when the newcomer joined; stakeholder links now (they expire)."""
        from mobio.secrets_util import new_token, token_hash

        rng, district = self.rng, self.district
        teams: list[uuid.UUID] = []
        if number < BIG_TEAM_SIZE:
            teams.append(district.big_team)
        others = [team for team, _, _ in district.teams if team != district.big_team]
        teams += rng.sample(others, k=rng.choice((0, 0, 1, 1, 2)))
        for team in teams:
            record = self._consent(batch, "team_release", person, account, joined)
            batch.rows["team_release"].append((uuid.uuid4(), person, team, record, joined))
        if number == 0 or rng.random() < 0.05:
            packages = (
                ["language_school"]
                if number == 0
                else [
                    rng.choice(
                        (
                            "employment",
                            "employer",
                            "language_school",
                            "chambers",
                            "language_course_coordination",
                        )
                    )
                ]
            )
            for package in packages:
                token = new_token()
                record = self._consent(batch, "stakeholder_release", person, account, self.now)
                batch.rows["stakeholder_release"].append(
                    (
                        uuid.uuid4(),
                        person,
                        package,
                        token_hash(token),
                        f"office{number}@{EMAIL_DOMAIN}",
                        record,
                        self.now,
                        self.now + datetime.timedelta(days=14),
                    )
                )
                if len(self.tokens) < 50:
                    self.tokens.append({"token": token, "package": package, "person": str(person)})


async def migrate_only(url: str) -> None:
    """Apply migrations added since the district was generated, and add the analyst."""
    os.environ["MOBIO_DATABASE_URL"] = url
    from argon2 import PasswordHasher

    from mobio.db.migrate import migrate

    await migrate()
    connection = await asyncpg.connect(url)
    try:
        now = datetime.datetime.now(datetime.UTC)
        await ensure_analyst(connection, PasswordHasher().hash(PASSWORD), now)
    finally:
        await connection.close()


async def generate(url: str, newcomers: int, seed: int) -> None:
    """Recreate, migrate and fill the database of ``url``."""
    started = time.monotonic()
    os.environ["MOBIO_DATABASE_URL"] = url
    os.environ.setdefault("MOBIO_ENVIRONMENT", "development")
    await recreate_database(url)
    from mobio.db.migrate import migrate  # imported here: the engine is built from the URL

    await migrate()
    from argon2 import PasswordHasher

    password_hash = PasswordHasher().hash(PASSWORD)  # the standard profile, as in production
    district = District()
    generator = Generator(district, password_hash, newcomers, seed)
    connection = await asyncpg.connect(url)
    try:
        founded = JOINED_FROM - datetime.timedelta(days=30)  # teams before their releases
        await _fixed_part(connection, district, password_hash, founded)
        for first in range(0, newcomers, CHUNK):
            batch = Batch()
            for number in range(first, min(first + CHUNK, newcomers)):
                generator.newcomer(batch, number)
            async with connection.transaction():
                await batch.copy(connection)
            print(
                f"\r{min(first + CHUNK, newcomers)}/{newcomers} newcomers", end="", file=sys.stderr
            )
        await connection.execute("ANALYZE")
    finally:
        await connection.close()
    tokens_file(url).write_text(json.dumps(generator.tokens, indent=1))
    print(
        f"\n{newcomers} newcomers, {generator.answers} answers "
        f"({generator.fields / newcomers:.0f} answered fields per newcomer and family) "
        f"in {time.monotonic() - started:.0f} s; "
        f"tokens of {len(generator.tokens)} links in {tokens_file(url).name}",
        file=sys.stderr,
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--newcomers", type=int, default=10000)
    parser.add_argument("--url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--if-missing", action="store_true", help="do nothing if the database is filled"
    )
    args = parser.parse_args(argv)
    if args.newcomers < BIG_TEAM_SIZE:
        print(
            f"note: fewer than {BIG_TEAM_SIZE} newcomers: the big team holds them all",
            file=sys.stderr,
        )
    if args.if_missing:
        found = asyncio.run(generated_newcomers(args.url))
        if found == args.newcomers:
            print(f"{args.url} holds its {found} newcomers (FRESH=1 regenerates)", file=sys.stderr)
            asyncio.run(migrate_only(args.url))
            return
        if found:
            print(f"{args.url} holds {found} newcomers, not {args.newcomers}", file=sys.stderr)
    asyncio.run(generate(args.url, args.newcomers, args.seed))


if __name__ == "__main__":
    main()
