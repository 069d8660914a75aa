"""Tables of the accounts domain."""

from __future__ import annotations

from enum import StrEnum

from piccolo.columns import (
    UUID,
    Boolean,
    ForeignKey,
    Integer,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.columns.base import OnDelete
from piccolo.table import Table


class AccountKind(StrEnum):
    """What an account is for; access to a person's data comes from grants, never from this."""

    NEWCOMER = "newcomer"  # owns a person profile
    CASEWORKER = "caseworker"  # member of one or more teams
    ADMINISTRATOR = "administrator"  # district administration: teams, accounts, documents
    ANALYST = "analyst"  # anonymised evaluation only


class TokenPurpose(StrEnum):
    """What a mailed single-use token is for."""

    ACTIVATION = "activation"
    PASSWORD_RESET = "password_reset"
    EMAIL_CHANGE = "email_change"


class Account(Table, tablename="account"):
    """Someone who logs in. A newcomer's biography lives in ``person``, not here."""

    id = UUID(primary_key=True)
    email = Varchar(length=254, unique=True, help_text="Lower-cased login address.")
    password_hash = Text(help_text="Argon2id PHC string.")
    kind = Varchar(length=20, choices=AccountKind)
    display_name = Varchar(
        length=120, null=True, default=None, help_text="Shown in answer logs (staff accounts)."
    )
    language = Varchar(length=8, default="de", help_text="Interface and mail language.")
    is_active = Boolean(default=False, help_text="False until the e-mail address is confirmed.")
    created_at = Timestamptz()
    activated_at = Timestamptz(null=True, default=None)


class AccountToken(Table, tablename="account_token"):
    """A single-use mailed token (activation, password reset), stored only as its hash."""

    id = UUID(primary_key=True)
    account = ForeignKey(Account, on_delete=OnDelete.cascade, null=False, index=True)
    purpose = Varchar(length=20, choices=TokenPurpose)
    token_hash = Varchar(length=64, unique=True, help_text="SHA-256 hex of the token.")
    created_at = Timestamptz()
    expires_at = Timestamptz()
    used_at = Timestamptz(null=True, default=None)
    new_email = Varchar(
        length=254,
        null=True,
        default=None,
        help_text="The address an e-mail change link confirms; empty for other purposes.",
    )


class LoginSession(Table, tablename="login_session"):
    """A web-client login; the cookie holds the token, the table only its hash."""

    id = UUID(primary_key=True)
    account = ForeignKey(Account, on_delete=OnDelete.cascade, null=False, index=True)
    token_hash = Varchar(length=64, unique=True)
    created_at = Timestamptz()
    last_seen_at = Timestamptz()
    expires_at = Timestamptz(help_text="Absolute end, however active the session is.")
    browser = Varchar(
        length=80, default="", help_text="Browser and system family, e.g. 'Firefox, Windows'."
    )
    network = Varchar(
        length=64, default="", help_text="Shortened client address: IPv4 /24 or IPv6 /48."
    )


class LoginThrottle(Table, tablename="login_throttle"):
    """Failed-login counter per key (address or client), shared by all web processes."""

    id = UUID(primary_key=True)
    key_hash = Varchar(length=64, unique=True, help_text="SHA-256 of the throttled key.")
    failures = Integer(default=0)
    window_started_at = Timestamptz()


class LoginEvent(Table, tablename="login_event"):
    """One login to an account, successful or failed; shown to the owner, purged after a while."""

    id = UUID(primary_key=True)
    account = ForeignKey(Account, on_delete=OnDelete.cascade, null=False, index=True)
    at = Timestamptz(index=True)
    succeeded = Boolean(default=False)
    browser = Varchar(length=80, default="", help_text="Browser and system family.")
    network = Varchar(length=64, default="", help_text="Shortened client address.")
