"""Name keys: spelling variants meet, and a search finds them in the database."""

from __future__ import annotations

import pytest

from mobio import timeutil
from mobio.auth.grants import Grant
from mobio.biography.catalogue.model import Section
from mobio.biography.saving import Actor, save_section
from mobio.biography.tables import SELF
from mobio.persons.names import backfill_name_keys, name_conditions, name_key, tokens
from mobio.persons.tables import Person
from tests.support import factories


def test_tokens_are_casefolded_without_accents() -> None:
    assert tokens("Yılmaz-Öztürk Straße") == ["yilmaz", "ozturk", "strasse"]
    assert tokens("  ") == []
    assert tokens("100% _x_") == ["100", "x"]  # no LIKE wildcard survives


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Mohammed", "Muhammad"),
        ("Mohammed", "Mohamed"),
        ("Meier", "Mayer"),
        ("Yilmaz", "Yılmaz"),
        ("Müller", "Mueller"),
        ("Schmidt", "Schmitt"),
    ],
)
def test_spelling_variants_share_a_phonetic_code(first: str, second: str) -> None:
    codes = {part for part in (name_key(first) or "").split() if part.startswith("~")}
    assert codes
    assert codes == {part for part in (name_key(second) or "").split() if part.startswith("~")}


def test_different_names_differ() -> None:
    assert name_key("Meier") != name_key("Schulz")
    assert "~67" not in (name_key("Schulz") or "")


def test_key_keeps_tokens_and_arabic_script() -> None:
    assert name_key("Al-Hassan", None, "Amal") == " al ~05 hassan ~086 amal ~065 "
    assert name_key("محمد") == " محمد "
    assert name_key(None, "") is None


async def _person(given: str, family: str) -> Person:
    person = Person(
        given_name=given,
        family_name=family,
        name_key=name_key(given, family),
        created_at=timeutil.now(),
    )
    await person.save()
    return person


async def _found(text: str) -> set[str]:
    condition = name_conditions(text)
    assert condition is not None
    rows = await Person.select(Person.given_name).where(condition)
    return {row["given_name"] for row in rows}


async def test_search_matches_prefixes_and_sounds() -> None:
    await _person("Muhammad", "Yılmaz")
    await _person("Amal", "Meier")
    await _person("Melanie", "Schulz")
    assert await _found("Mohamed") == {"Muhammad"}
    assert await _found("yilmaz muh") == {"Muhammad"}
    assert await _found("MAYER") == {"Amal"}
    assert await _found("me") == {"Amal", "Melanie"}
    assert await _found("Mohamed Meier") == set()  # every token must match
    assert name_conditions("%") is None
    assert name_conditions(" - ") is None


async def test_the_owner_saving_names_keeps_the_key() -> None:
    # given a newcomer with an empty personal page
    created = await factories.newcomer_with_empty_page()
    owner = Actor(created.account_id, frozenset({Grant.OWNER}))
    # when the owner saves the names
    await save_section(
        owner,
        created.person_id,
        SELF,
        Section.PERSONAL,
        0,
        {"given_name": "Mohamed", "family_name": "Öztürk"},
    )
    # then the key follows
    person = await Person.objects().get(Person.id == created.person_id)
    assert person is not None
    assert person.name_key == name_key("Mohamed", "Öztürk")


async def test_backfill_fills_only_missing_keys() -> None:
    # given a person with names but no key, and one with a key already
    missing = await factories.newcomer(family_name="Meier")
    kept = await factories.newcomer(family_name="Schulz")
    await Person.update({Person.name_key: None}).where(Person.id == missing.person_id)
    await Person.update({Person.name_key: " kept "}).where(Person.id == kept.person_id)
    # when backfilling
    assert await backfill_name_keys() == 1
    # then only the missing key is filled
    rows = {row["id"]: row["name_key"] for row in await Person.select(Person.id, Person.name_key)}
    assert rows[missing.person_id] == name_key("Amina", "Meier")
    assert rows[kept.person_id] == " kept "
