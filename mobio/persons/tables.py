"""Tables of the persons domain."""

from __future__ import annotations

from piccolo.columns import UUID, Date, ForeignKey, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.table import Table

from mobio.accounts.tables import Account


class Person(Table, tablename="person"):
    """A newcomer's profile. It may exist before anyone owns it (created by a caseworker)."""

    id = UUID(primary_key=True)
    account = ForeignKey(
        Account,
        on_delete=OnDelete.set_null,
        null=True,
        unique=True,
        help_text="The owner's account; empty until the profile is claimed.",
    )
    family_name = Varchar(length=120, null=True, default=None)
    given_name = Varchar(length=120, null=True, default=None)
    sex = Varchar(length=10, null=True, default=None, help_text="Code: female, male, diverse.")
    date_of_birth = Date(null=True, default=None)
    nationality = Varchar(
        length=3, null=True, default=None, help_text="ISO 3166-1 alpha-2, or XXA/XXX (ICAO)."
    )
    language = Varchar(
        length=8, null=True, default=None, help_text="The newcomer's language (letters, mails)."
    )
    name_key = Varchar(
        length=200,
        null=True,
        default=None,
        index=True,
        help_text="Normalised and phonetic name keys for spelling-tolerant search.",
    )
    duplicate_reason = Text(
        null=True,
        default=None,
        help_text="Why a caseworker created the profile despite a possible duplicate.",
    )
    personal_page_set_at = Timestamptz(
        null=True, default=None, help_text="When the owner set the write-once personal page."
    )
    created_at = Timestamptz()
    created_by = ForeignKey(Account, on_delete=OnDelete.set_null, null=True)
