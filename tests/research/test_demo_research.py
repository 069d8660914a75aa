"""The demo: research declarations published, Amina takes part and finds the demo's extract."""

from __future__ import annotations

from mobio.accounts.tables import Account
from mobio.consent import service as consent
from mobio.consent.tables import ConsentKind
from mobio.demo import DEMO_DOMAIN, seed
from mobio.jobs import queue
from mobio.persons.tables import Person
from mobio.research import extracts, participation


async def test_amina_takes_part_and_is_in_the_demo_extract() -> None:
    # given the demo data
    await seed(only_if_empty=False)
    languages = {d.language for d in await consent.current_documents(ConsentKind.RESEARCH)}
    assert languages == {"de", "en", "fr", "ar", "fa"}
    amina = (
        await Person.select(Person.id).where(Person.account.email == f"amina@{DEMO_DOMAIN}").first()
    )
    assert amina is not None
    shown = await participation.participation(amina["id"])
    assert shown.participating and shown.language == "ar"
    # and the other demo newcomers have not joined (off by default)
    dawit = (
        await Person.select(Person.id).where(Person.account.email == f"dawit@{DEMO_DOMAIN}").first()
    )
    assert dawit is not None
    assert not (await participation.participation(dawit["id"])).participating
    # when the demo analyst's extract of the autumn quarter is approved and written
    analyst = (
        await Account.select(Account.id).where(Account.email == f"analyst@{DEMO_DOMAIN}").first()
    )
    assert analyst is not None
    made = await extracts.request(
        analyst["id"], "Demo study", "Demo university", "2025-Q4", ["age_band", "sex"]
    )
    await extracts.approve(made.id, None)
    await queue.drain()
    # then it holds Amina, and she finds it among the extracts that included her
    written = await extracts.find(made.id)
    assert written is not None and written.persons is not None and written.persons > 5
    uses = await extracts.extracts_including(amina["id"])
    assert [use.number for use in uses] == [written.number]
