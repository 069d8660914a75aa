"""Claiming in the service: a code works once, even when two claims race."""

from __future__ import annotations

import asyncio
import datetime
import io
import re

import pypdf
import pytest

from mobio import timeutil
from mobio.accounts.tables import Account
from mobio.claims import service
from mobio.claims.tables import ClaimCode
from mobio.errors import MobioError
from mobio.persons.tables import Person
from tests.support import factories

BORN = datetime.date(1990, 1, 31)  # the factory's date of birth


async def _unclaimed() -> Person:
    person = Person(given_name="Amal", family_name="Haddad", date_of_birth=BORN, language="fa")
    person.created_at = timeutil.now()
    await person.save()
    return person


async def test_two_racing_claims_take_the_profile_once() -> None:
    # given an unclaimed profile with a letter
    person = await _unclaimed()
    usage = await factories.usage_document("fa")
    letter = await service.issue_letter(person.id, None)
    assert letter.pdf.startswith(b"%PDF-")
    code = await _code_of(letter.pdf)

    async def attempt(email: str) -> str:
        try:
            await service.claim(code, BORN, email, factories.PASSWORD, "fa", usage, email)
        except MobioError as error:
            return str(error.code)
        return "claimed"

    # when two claims with the same code arrive at once
    results = await asyncio.gather(attempt("one@example.org"), attempt("two@example.org"))
    # then exactly one owns the profile, and the other is refused like any wrong code
    assert sorted(results) == ["CLAIM_INVALID", "claimed"]
    assert await Account.count() == 1
    owner = await Person.select(Person.account).where(Person.id == person.id).first()
    assert owner is not None and owner["account"] is not None
    assert await ClaimCode.count().where(ClaimCode.used_at.is_not_null()) == 1


async def test_an_address_in_use_is_refused_and_the_code_stays_usable() -> None:
    # given an unclaimed profile with a letter, and an address already registered
    person = await _unclaimed()
    usage = await factories.usage_document("fa")
    code = await _code_of((await service.issue_letter(person.id, None)).pdf)
    taken = await factories.newcomer()
    # when claiming with that address
    with pytest.raises(MobioError) as refused:
        await service.claim(code, BORN, taken.email, factories.PASSWORD, "fa", usage, "c")
    # then it is refused, and the code still works with another address
    assert refused.value.code == "EMAIL_UNAVAILABLE"
    await service.claim(code, BORN, "free@example.org", factories.PASSWORD, "fa", usage, "c")
    assert await Account.count().where(Account.email == "free@example.org") == 1


async def _code_of(pdf: bytes) -> str:
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    found = re.search(r"\b[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}\b", text)
    assert found is not None
    return found.group(0)
