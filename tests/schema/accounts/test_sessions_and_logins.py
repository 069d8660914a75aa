"""The owner's sessions and login record: listed, ended one by one or all at once."""

from __future__ import annotations

from typing import Any

import pytest

from mobio.accounts.tables import LoginEvent
from tests.schema.accounts.devices import FIREFOX_WINDOWS, SAFARI_IPHONE, device
from tests.support import factories
from tests.support.graphql import GraphQLClient
from tests.support.querycount import count_queries

SESSIONS = "{ me { sessions { id browser network createdAt lastSeenAt current } } }"
RECORD = "{ me { loginRecord { at succeeded browser network } } }"
END_SESSION = "mutation($id: ID!) { endSession(sessionId: $id) }"
END_OTHERS = "mutation { endOtherSessions }"
CHANGE_PASSWORD = (
    "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }"
)
ME = "{ me { email } }"


async def sessions_of(client: GraphQLClient) -> list[dict[str, Any]]:
    data = await client.data(SESSIONS)
    listed: list[dict[str, Any]] = data["me"]["sessions"]
    return listed


async def test_the_owner_sees_each_device_and_ends_one_of_them() -> None:
    # given a newcomer logged in on a laptop and on a phone
    newcomer = await factories.newcomer()
    async with (
        device("203.0.113.77", FIREFOX_WINDOWS) as laptop,
        device("2001:db8:abcd:12:1::9", SAFARI_IPHONE) as phone,
    ):
        await laptop.login(newcomer.email, factories.PASSWORD)
        await phone.login(newcomer.email, factories.PASSWORD)

        # when the laptop lists the sessions
        listed = await sessions_of(laptop)

        # then both show with browser family and a shortened address; the laptop is current
        by_network = {s["network"]: s for s in listed}
        assert set(by_network) == {"203.0.113.0/24", "2001:db8:abcd::/48"}
        assert by_network["203.0.113.0/24"]["browser"] == "Firefox, Windows"
        assert by_network["203.0.113.0/24"]["current"] is True
        assert by_network["2001:db8:abcd::/48"]["browser"] == "Mobile Safari, iOS"
        assert by_network["2001:db8:abcd::/48"]["current"] is False
        assert all(s["createdAt"] and s["lastSeenAt"] for s in listed)

        # when the laptop ends the phone's session
        assert await laptop.data(END_SESSION, {"id": by_network["2001:db8:abcd::/48"]["id"]})

        # then the phone is logged out at its next request; the laptop goes on
        assert await phone.data(ME) == {"me": None}
        assert [s["current"] for s in await sessions_of(laptop)] == [True]
        # and ending it again says it is over
        assert (
            await laptop.error_code(END_SESSION, {"id": by_network["2001:db8:abcd::/48"]["id"]})
            == "SESSION_NOT_FOUND"
        )


async def test_ending_all_others_keeps_only_this_session() -> None:
    # given three logged-in devices
    newcomer = await factories.newcomer()
    async with (
        device("198.51.100.1", FIREFOX_WINDOWS) as first,
        device("198.51.100.2", SAFARI_IPHONE) as second,
        device("192.0.2.3", FIREFOX_WINDOWS) as third,
    ):
        for each in (first, second, third):
            await each.login(newcomer.email, factories.PASSWORD)

        # when the first ends all others
        assert await first.data(END_OTHERS) == {"endOtherSessions": True}

        # then the others are anonymous from their next request, the first stays
        assert await second.data(ME) == {"me": None}
        assert await third.data(ME) == {"me": None}
        assert await first.data(ME) == {"me": {"email": newcomer.email}}
        assert len(await sessions_of(first)) == 1


async def test_someone_else_cannot_end_a_session_of_mine() -> None:
    # given two newcomers, each logged in
    mine = await factories.newcomer()
    theirs = await factories.newcomer()
    async with (
        device("198.51.100.1", FIREFOX_WINDOWS) as me,
        device("198.51.100.2", SAFARI_IPHONE) as them,
    ):
        await me.login(mine.email, factories.PASSWORD)
        await them.login(theirs.email, factories.PASSWORD)
        [my_session] = await sessions_of(me)

        # when the other tries to end my session
        code = await them.error_code(END_SESSION, {"id": my_session["id"]})

        # then it fails as if there were none, and I stay logged in
        assert code == "SESSION_NOT_FOUND"
        assert await me.data(ME) == {"me": {"email": mine.email}}


async def test_a_new_password_ends_the_other_sessions() -> None:
    # given a newcomer on two devices
    newcomer = await factories.newcomer()
    async with (
        device("198.51.100.1", FIREFOX_WINDOWS) as laptop,
        device("198.51.100.2", SAFARI_IPHONE) as phone,
    ):
        await laptop.login(newcomer.email, factories.PASSWORD)
        await phone.login(newcomer.email, factories.PASSWORD)

        # when the laptop changes the password
        await laptop.data(CHANGE_PASSWORD, {"c": factories.PASSWORD, "n": "a-new-long-password"})

        # then the phone is logged out, the laptop is not
        assert await phone.data(ME) == {"me": None}
        assert await laptop.data(ME) == {"me": {"email": newcomer.email}}


async def test_failed_and_successful_logins_appear_in_the_owner_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given a stranger guessing the newcomer's password from a phone, then the owner logging in
    newcomer = await factories.newcomer()
    other = await factories.newcomer()
    async with (
        device("198.51.100.200", SAFARI_IPHONE) as stranger,
        device("203.0.113.5", FIREFOX_WINDOWS) as owner,
    ):
        code = await stranger.error_code(
            "mutation($e: String!, $p: String!) { login(email: $e, password: $p) }",
            {"e": newcomer.email, "p": "a-wrong-guess-1"},
        )
        assert code == "INVALID_CREDENTIALS"
        await owner.login(newcomer.email, factories.PASSWORD)

        # when the owner reads the record (with a pinned number of statements)
        with count_queries(monkeypatch) as counted:
            data = await owner.data(RECORD)

        # then both attempts are there, newest first, coarse only
        assert [
            (e["succeeded"], e["browser"], e["network"]) for e in data["me"]["loginRecord"]
        ] == [
            (True, "Firefox, Windows", "203.0.113.0/24"),
            (False, "Mobile Safari, iOS", "198.51.100.0/24"),
        ]
        assert counted.count == 4, counted.statements  # session, person, account, record
        # and the other account's record holds nothing of it
        assert await LoginEvent.count().where(LoginEvent.account == other.account_id) == 0


async def test_an_unknown_address_leaves_no_record(client: GraphQLClient) -> None:
    # given no account with the address
    # when someone tries to log in with it
    await client.execute(
        "mutation($e: String!, $p: String!) { login(email: $e, password: $p) }",
        {"e": "nobody@example.org", "p": "whatever-password"},
    )
    # then no login record entry exists
    assert await LoginEvent.count() == 0
