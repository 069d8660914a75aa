"""Login sessions: idle timeout, absolute expiry, cheap activity tracking, inactive accounts."""

from __future__ import annotations

import datetime
from datetime import timedelta

from mobio import timeutil
from mobio.accounts import sessions
from mobio.accounts.clients import ClientInfo
from mobio.accounts.tables import Account, AccountKind, LoginSession
from mobio.secrets_util import token_hash
from mobio.settings import get_settings
from tests.support import factories


async def last_seen(token: str) -> datetime.datetime:
    row = await (
        LoginSession.select(LoginSession.last_seen_at)
        .where(LoginSession.token_hash == token_hash(token))
        .first()
    )
    assert row is not None, "no session row for this token"
    value: datetime.datetime = row["last_seen_at"]
    return value


async def test_session_resolves_to_its_account_kind_and_language() -> None:
    # given a newcomer in Farsi with an open session
    newcomer = await factories.newcomer(language="fa")
    token = await sessions.open_session(newcomer.account_id)

    # when the token is resolved
    session = await sessions.resolve_session(token)

    # then it names the account, its kind and language, and its own row
    assert session is not None
    assert session.account_id == newcomer.account_id
    assert session.kind is AccountKind.NEWCOMER
    assert session.language == "fa"
    row = await LoginSession.select(LoginSession.id).first()
    assert row is not None
    assert str(session.session_id) == str(row["id"])


async def test_unknown_token_resolves_to_no_session() -> None:
    # given an open session
    newcomer = await factories.newcomer()
    await sessions.open_session(newcomer.account_id)

    # when another token is resolved
    session = await sessions.resolve_session("not-a-session-token")

    # then there is no session
    assert session is None


async def test_session_token_is_stored_only_as_its_hash() -> None:
    # given an open session
    newcomer = await factories.newcomer()
    token = await sessions.open_session(newcomer.account_id)

    # when the session table is read
    rows = await LoginSession.select()

    # then it holds the token's hash, never the token
    assert len(rows) == 1
    assert rows[0]["token_hash"] == token_hash(token)
    assert token not in repr(rows)


async def test_session_ends_after_the_idle_timeout() -> None:
    # given a session nobody used for longer than the idle timeout
    newcomer = await factories.newcomer()
    token = await sessions.open_session(newcomer.account_id)
    timeutil.travel(timedelta(minutes=get_settings().session_idle_minutes, seconds=1))

    # when its token is resolved
    session = await sessions.resolve_session(token)

    # then it is over and its row is gone
    assert session is None
    assert await LoginSession.count() == 0


async def test_session_in_use_outlives_the_idle_timeout() -> None:
    # given a session used shortly before each idle timeout
    newcomer = await factories.newcomer()
    token = await sessions.open_session(newcomer.account_id)
    almost_idle = timedelta(minutes=get_settings().session_idle_minutes - 1)
    timeutil.travel(almost_idle)
    assert await sessions.resolve_session(token) is not None

    # when it is used again just before the next idle timeout (longer than one since login)
    timeutil.travel(almost_idle)
    session = await sessions.resolve_session(token)

    # then it lives on
    assert session is not None
    assert session.account_id == newcomer.account_id


async def test_session_ends_at_its_absolute_expiry_however_active() -> None:
    # given a session used every 20 minutes until just before its absolute end
    newcomer = await factories.newcomer()
    token = await sessions.open_session(newcomer.account_id)
    lifetime = timedelta(hours=get_settings().session_max_hours)
    step = timedelta(minutes=20)
    elapsed = timedelta()
    while elapsed + step < lifetime:
        timeutil.travel(step)
        elapsed += step
        assert await sessions.resolve_session(token) is not None, f"ended after {elapsed}"

    # when it is used again past its absolute end (well within the idle timeout)
    timeutil.travel(lifetime - elapsed + timedelta(seconds=1))
    session = await sessions.resolve_session(token)

    # then it is over and its row is gone
    assert session is None
    assert await LoginSession.count() == 0


async def test_last_seen_is_not_written_within_a_minute_of_the_last_write() -> None:
    # given a session opened just now
    newcomer = await factories.newcomer()
    token = await sessions.open_session(newcomer.account_id)
    opened = await last_seen(token)

    # when it is used 59 seconds later
    timeutil.travel(timedelta(seconds=59))
    assert await sessions.resolve_session(token) is not None

    # then its last-seen time was not rewritten
    assert await last_seen(token) == opened


async def test_last_seen_is_written_once_a_minute_has_passed() -> None:
    # given a session opened just now
    newcomer = await factories.newcomer()
    token = await sessions.open_session(newcomer.account_id)
    opened = await last_seen(token)

    # when it is used a minute later
    timeutil.travel(timedelta(minutes=1))
    assert await sessions.resolve_session(token) is not None

    # then its last-seen time moved forward by (at least) that minute
    assert await last_seen(token) - opened >= timedelta(minutes=1)


async def test_session_of_a_deactivated_account_is_not_resolved() -> None:
    # given a session of an account that was deactivated afterwards
    newcomer = await factories.newcomer()
    token = await sessions.open_session(newcomer.account_id)
    await Account.update({Account.is_active: False}).where(Account.id == newcomer.account_id)

    # when its token is resolved
    session = await sessions.resolve_session(token)

    # then there is no session and its row is gone
    assert session is None
    assert await LoginSession.count() == 0


async def test_ending_a_session_leaves_the_accounts_other_sessions() -> None:
    # given an account with two sessions
    newcomer = await factories.newcomer()
    first = await sessions.open_session(newcomer.account_id)
    second = await sessions.open_session(newcomer.account_id)
    ended = await sessions.resolve_session(first)
    assert ended is not None

    # when the first one ends
    await sessions.end_session(ended.session_id)

    # then only the first is over
    assert await sessions.resolve_session(first) is None
    assert await sessions.resolve_session(second) is not None


async def test_the_list_shows_only_sessions_that_would_still_be_accepted() -> None:
    # given a session left idle past the timeout, then a fresh one with its client described
    newcomer = await factories.newcomer()
    await sessions.open_session(newcomer.account_id)
    timeutil.travel(timedelta(minutes=get_settings().session_idle_minutes, seconds=1))
    client = ClientInfo(browser="Firefox, Linux", network="192.0.2.0/24")
    await sessions.open_session(newcomer.account_id, client)

    # when the owner's sessions are listed
    listed = await sessions.live_sessions(newcomer.account_id)

    # then only the fresh one is there, as described
    assert [(s.browser, s.network) for s in listed] == [("Firefox, Linux", "192.0.2.0/24")]


async def test_a_session_is_ended_only_by_its_own_account() -> None:
    # given two newcomers, each with a session
    mine = await factories.newcomer()
    theirs = await factories.newcomer()
    await sessions.open_session(mine.account_id)
    [my_session] = await sessions.live_sessions(mine.account_id)

    # when the other account tries to end mine, then I do
    by_them = await sessions.end_own_session(theirs.account_id, my_session.id)
    by_me = await sessions.end_own_session(mine.account_id, my_session.id)

    # then only my own attempt ended it
    assert (by_them, by_me) == (False, True)
    assert await sessions.live_sessions(mine.account_id) == []
