"""The ``mobio`` command line: schema, access matrix, first administrator, demo data.

Commands that only print run in this process (click's runner). Commands that use the database
run ``asyncio.run`` on a loop of their own, which cannot share the test run's PostgreSQL pool;
they run as ``python -m mobio.cli`` in a process of their own, against the test database.
"""

from __future__ import annotations

import json
import os
import re

from click.testing import CliRunner, Result
from graphql import GraphQLObjectType

from mobio.accounts.passwords import verify_password
from mobio.accounts.tables import Account, AccountKind
from mobio.auth.grants import Grant
from mobio.cli import main
from mobio.demo import DEMO_DOMAIN
from mobio.schema import get_schema
from tests.support.cli import run_mobio

ADMIN_PASSWORD = "a-long-admin-password"


def run(*args: str) -> Result:
    """``mobio <args>`` in this process; fails the test on a non-zero exit."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_schema_prints_the_sdl_with_the_permission_directives() -> None:
    # when: the schema is printed
    output = run("schema").output

    # then: it is the SDL, with the directive declared and used on each protected field
    assert "type Query {" in output
    assert "directive @access" in output
    person = re.search(r"^type Person \{$(.*?)^\}$", output, re.M | re.S)
    assert person is not None, "no type Person in the SDL"
    family_name = re.search(r"^\s*familyName: String @access\(read: \[([^\]]*)\]", person[1], re.M)
    assert family_name is not None, "Person.familyName carries no @access(read: ...)"
    assert "OWNER" in family_name.group(1)


def test_access_matrix_json_covers_exactly_the_declared_rules() -> None:
    # given: the rules the schema declares
    rules = get_schema().rules

    # when: the matrix is printed as JSON
    matrix = json.loads(run("access-matrix", "--json").output)

    # then: it lists the whole grant vocabulary and one row per rule, with that rule's grants
    assert matrix["grants"] == [grant.value for grant in Grant]
    rows = {(r["type"], r["field"], r["mode"]): set(r["grants"]) for r in matrix["fields"]}
    assert len(rows) == len(matrix["fields"]), "duplicate rows"
    assert rows == {
        (rule.type_name, rule.field, rule.mode): {grant.value for grant in rule.grants}
        for rule in rules
    }


def test_access_matrix_lists_every_field_of_person() -> None:
    # given: the fields of the GraphQL type Person
    person = get_schema()._schema.type_map["Person"]
    assert isinstance(person, GraphQLObjectType)

    # when: the matrix is printed as JSON
    matrix = json.loads(run("access-matrix", "--json").output)

    # then: every one of them has a read row
    listed = {r["field"] for r in matrix["fields"] if r["type"] == "Person" and r["mode"] == "read"}
    assert set(person.fields) == listed


def test_access_matrix_markdown_has_a_column_per_grant() -> None:
    # when: the matrix is printed as markdown
    lines = run("access-matrix").output.splitlines()

    # then: the header names the field, the mode and every grant, in vocabulary order
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    assert header == ["field", "mode", *(grant.value for grant in Grant)]
    assert len(lines) == 2 + len(get_schema().rules)
    assert any(line.startswith("| `Person.familyName` | read |") for line in lines)


async def test_create_admin_creates_an_active_administrator() -> None:
    # given: the password in the environment, as for an unattended first start
    env = {**os.environ, "MOBIO_ADMIN_PASSWORD": ADMIN_PASSWORD}

    # when: the first administrator is created
    result = await run_mobio("create-admin", "--email", "Admin@Example.org", env=env)

    # then: an active administrator with that (normalised) address and password exists
    assert result.returncode == 0, result.output
    account = await Account.objects().get(Account.email == "admin@example.org")
    assert account is not None
    assert f"administrator {account.id} created" in result.output
    assert account.kind == AccountKind.ADMINISTRATOR
    assert account.is_active
    assert await verify_password(account.password_hash, ADMIN_PASSWORD)


async def test_seed_demo_if_empty_loads_once_and_then_skips() -> None:
    # given: an empty database
    assert await Account.count() == 0

    # when: the demo data is asked for twice
    first = await run_mobio("seed-demo", "--if-empty", env=dict(os.environ))
    accounts_after_first = await Account.count()
    second = await run_mobio("seed-demo", "--if-empty", env=dict(os.environ))

    # then: it is loaded the first time only
    assert first.returncode == 0, first.output
    assert "demo data loaded" in first.output
    assert accounts_after_first > 0
    assert await Account.exists().where(Account.email == f"admin@{DEMO_DOMAIN}")
    assert second.returncode == 0, second.output
    assert "database not empty; demo data skipped" in second.output
    assert await Account.count() == accounts_after_first
