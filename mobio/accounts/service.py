"""Business rules of accounts: register, activate, log in, passwords, language.

Every function that takes an address answers the same whether or not it is registered,
so MoBio never tells a stranger who uses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from email_validator import EmailNotValidError, validate_email

from mobio import timeutil
from mobio.accounts import login_record, sessions, throttle
from mobio.accounts.clients import describe
from mobio.accounts.errors import AccountErrorCode
from mobio.accounts.passwords import (
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    hash_password,
    needs_rehash,
    verify_password,
)
from mobio.accounts.tables import Account, AccountKind, AccountToken, TokenPurpose
from mobio.consent import service as consent_service
from mobio.consent.tables import ConsentKind
from mobio.db.values import as_uuid
from mobio.errors import MobioError
from mobio.i18n import INTERFACE_LANGUAGES, translate
from mobio.jobs.queue import enqueue
from mobio.persons.tables import Person
from mobio.secrets_util import new_token, token_hash
from mobio.settings import get_settings


@dataclass(frozen=True, slots=True)
class Login:
    """A successful login: the cookie token and who logged in."""

    token: str
    account_id: UUID


def normalise_email(email: str) -> str:
    """The canonical form of an address, or a BAD_INPUT error."""
    try:
        checked = validate_email(email.strip(), check_deliverability=False)
    except EmailNotValidError:
        raise MobioError(AccountErrorCode.EMAIL_INVALID, "error.email_invalid") from None
    return checked.normalized.lower()


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise MobioError(
            AccountErrorCode.PASSWORD_TOO_SHORT, "error.password_too_short", min=MIN_PASSWORD_LENGTH
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise MobioError(
            AccountErrorCode.PASSWORD_TOO_LONG, "error.password_too_long", max=MAX_PASSWORD_LENGTH
        )


def check_language(language: str) -> str:
    if language not in INTERFACE_LANGUAGES:
        raise MobioError(AccountErrorCode.LANGUAGE_UNSUPPORTED, "error.language_unsupported")
    return language


async def register(
    email: str, password: str, language: str, usage_consent_document_id: UUID
) -> None:
    """Create an inactive newcomer account with its person and consent, and mail the link."""
    address = normalise_email(email)
    check_password_rules(password)
    check_language(language)
    if not await consent_service.is_current(usage_consent_document_id, ConsentKind.USAGE):
        raise MobioError(AccountErrorCode.CONSENT_INVALID, "error.consent_invalid")
    # Hash before looking the address up, so both answers take the same time.
    password_hash = await hash_password(password)
    existing = await Account.objects().get(Account.email == address)
    if existing is not None:
        # Same answer as for a new address; the holder learns of it by mail: a fresh
        # activation link if the account never was activated, else a notice.
        if existing.is_active:
            await _mail(
                existing.email, existing.language, "mail.already_registered", link=_url("/")
            )
        else:
            await _send_activation(as_uuid(existing.id), existing.email, existing.language)
        return
    now = timeutil.now()
    account = Account(
        email=address,
        password_hash=password_hash,
        kind=AccountKind.NEWCOMER,
        language=language,
        is_active=False,
        created_at=now,
    )
    await account.save()
    account_id = as_uuid(account.id)
    person = Person(account=account_id, created_at=now, created_by=account_id)
    await person.save()
    await consent_service.record(
        usage_consent_document_id,
        account_id=account_id,
        person_id=as_uuid(person.id),
        acted_by=account_id,
    )
    await _send_activation(account_id, address, language)


async def send_activation(account_id: UUID, address: str, language: str) -> None:
    """Mail a fresh activation link to an account created elsewhere (a claimed profile)."""
    await _send_activation(account_id, address, language)


async def _send_activation(account_id: UUID, address: str, language: str) -> None:
    token = await _issue_token(account_id, TokenPurpose.ACTIVATION)
    await _mail(
        address,
        language,
        "mail.activation",
        link=_url(f"/activate?token={token}"),
        hours=get_settings().activation_valid_hours,
    )


async def activate(token: str) -> None:
    """Activate the account a valid activation token belongs to."""
    row = await _use_token(token, TokenPurpose.ACTIVATION)
    await Account.update({Account.is_active: True, Account.activated_at: timeutil.now()}).where(
        Account.id == row.account
    )


async def login(email: str, password: str, client: str, user_agent: str | None = None) -> Login:
    """Check the password and open a session; throttled per address and per client.

    Every checked attempt on an existing account goes into its login record.
    """
    try:
        address = normalise_email(email)
    except MobioError:
        address = email.strip().lower()
    keys = [_address_key(address), f"login:client:{client}"]
    if await throttle.is_blocked(keys):
        raise MobioError(AccountErrorCode.TOO_MANY_ATTEMPTS, "error.too_many_attempts")
    account = await Account.objects().get(Account.email == address)
    valid = await verify_password(account.password_hash if account else None, password)
    seen = describe(user_agent, client)
    if account is None or not valid:
        await throttle.record_failure(keys)
        if account is not None:
            # Login runs outside the request transaction, so this stays despite the error.
            await login_record.record(as_uuid(account.id), False, seen)
        raise MobioError(AccountErrorCode.INVALID_CREDENTIALS, "error.invalid_credentials")
    if not account.is_active:
        raise MobioError(AccountErrorCode.ACCOUNT_NOT_ACTIVE, "error.account_not_active")
    await throttle.clear(keys[0])
    account_id = as_uuid(account.id)
    await login_record.record(account_id, True, seen)
    if needs_rehash(account.password_hash):
        await Account.update({Account.password_hash: await hash_password(password)}).where(
            Account.id == account_id
        )
    return Login(token=await sessions.open_session(account_id, seen), account_id=account_id)


async def change_password(
    account_id: UUID, session_id: UUID | None, current: str, new: str
) -> None:
    """Set a new password after checking the current one; other sessions end."""
    account = await Account.objects().get(Account.id == account_id)
    if account is None or not await verify_password(account.password_hash, current):
        raise MobioError(AccountErrorCode.INVALID_CREDENTIALS, "error.invalid_credentials")
    check_password_rules(new)
    await Account.update({Account.password_hash: await hash_password(new)}).where(
        Account.id == account_id
    )
    await sessions.end_other_sessions(account_id, keep=session_id)


async def request_password_reset(email: str) -> None:
    """Mail a reset link if the address is registered; silent otherwise.

    An account never activated gets a fresh activation link instead, so a lost or expired
    activation mail never locks anyone out.
    """
    try:
        address = normalise_email(email)
    except MobioError:
        return
    account = await Account.objects().get(Account.email == address)
    if account is None:
        return
    if not account.is_active:
        await _send_activation(as_uuid(account.id), address, account.language)
        return
    token = await _issue_token(as_uuid(account.id), TokenPurpose.PASSWORD_RESET)
    await _mail(
        address,
        account.language,
        "mail.password_reset",
        link=_url(f"/reset-password?token={token}"),
        minutes=get_settings().reset_valid_minutes,
    )


async def reset_password(token: str, new: str) -> None:
    """Set a new password with a valid reset token; every session of the account ends."""
    check_password_rules(new)
    row = await _use_token(token, TokenPurpose.PASSWORD_RESET)
    await Account.update({Account.password_hash: await hash_password(new)}).where(
        Account.id == row.account
    )
    await sessions.end_other_sessions(as_uuid(row.account), keep=None)
    # Whoever can read the mailbox may log in again at once.
    account = await Account.objects().get(Account.id == row.account)
    if account is not None:
        await throttle.clear(_address_key(account.email))


async def change_language(account_id: UUID, language: str) -> None:
    await Account.update({Account.language: check_language(language)}).where(
        Account.id == account_id
    )


def _lifetime(purpose: TokenPurpose) -> timedelta:
    settings = get_settings()
    if purpose is TokenPurpose.ACTIVATION:
        return timedelta(hours=settings.activation_valid_hours)
    if purpose is TokenPurpose.EMAIL_CHANGE:
        return timedelta(hours=settings.email_change_valid_hours)
    return timedelta(minutes=settings.reset_valid_minutes)


async def _issue_token(
    account_id: UUID, purpose: TokenPurpose, new_email: str | None = None
) -> str:
    lifetime = _lifetime(purpose)
    # A new link voids the older unused ones of the same purpose.
    await AccountToken.delete().where(
        (AccountToken.account == account_id) & (AccountToken.purpose == purpose)
    )
    token = new_token()
    now = timeutil.now()
    await AccountToken.insert(
        AccountToken(
            account=account_id,
            purpose=purpose,
            token_hash=token_hash(token),
            created_at=now,
            expires_at=now + lifetime,
            new_email=new_email,
        )
    )
    return token


async def _use_token(token: str, purpose: TokenPurpose) -> AccountToken:
    row = await AccountToken.objects().get(
        (AccountToken.token_hash == token_hash(token)) & (AccountToken.purpose == purpose)
    )
    if row is None or row.used_at is not None:
        raise MobioError(AccountErrorCode.TOKEN_INVALID, "error.token_invalid")
    if timeutil.now() >= row.expires_at:
        raise MobioError(AccountErrorCode.TOKEN_EXPIRED, "error.token_expired")
    # The update's condition makes a token usable once even under concurrent requests.
    used = (
        await AccountToken.update({AccountToken.used_at: timeutil.now()})
        .where((AccountToken.id == row.id) & AccountToken.used_at.is_null())
        .returning(AccountToken.id)
    )
    if not used:
        raise MobioError(AccountErrorCode.TOKEN_INVALID, "error.token_invalid")
    return row


def _address_key(address: str) -> str:
    return f"login:address:{address}"


def _url(path: str) -> str:
    return get_settings().base_url + path


async def _mail(to: str, language: str, template: str, **params: object) -> None:
    await enqueue(
        "send_mail",
        to=to,
        subject=translate(language, f"{template}.subject"),
        body=translate(language, f"{template}.body", **params),
        language=language,
    )


@dataclass(frozen=True, slots=True)
class AccountRecord:
    """An account as the service layer hands it out (never the password hash)."""

    id: UUID
    email: str
    kind: AccountKind
    language: str


async def get_account(account_id: UUID) -> AccountRecord | None:
    row = await (
        Account.select(Account.id, Account.email, Account.kind, Account.language)
        .where(Account.id == account_id)
        .first()
    )
    if row is None:
        return None
    return AccountRecord(
        as_uuid(row["id"]), row["email"], AccountKind(row["kind"]), row["language"]
    )


# The e-mail change (mobio/accounts/email_change.py) shares the token and mail rules.
issue_token = _issue_token
use_token = _use_token
send_account_mail = _mail
link_to = _url
address_key = _address_key
