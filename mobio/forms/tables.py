"""The forms table: a published blank form, its language and where its PDF is stored."""

from __future__ import annotations

from piccolo.columns import UUID, BigInt, ForeignKey, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.table import Table

from mobio.accounts.tables import Account
from mobio.documents.tables import FILE_NAME_LENGTH

TITLE_LENGTH = 200
DESCRIPTION_LENGTH = 1000
LANGUAGE_LENGTH = 8


class Form(Table, tablename="form"):
    """One blank form (PDF) in one language; its bytes live in the document store.

    Not personal data: every logged-in account may list and download the published ones.
    Withdrawing keeps the row (who published what, when) and removes the stored object.
    """

    id = UUID(primary_key=True)
    title = Varchar(length=TITLE_LENGTH)
    language = Varchar(
        length=LANGUAGE_LENGTH, index=True, help_text='Language code, e.g. "de", "ar", "ti-ER".'
    )
    description = Varchar(length=DESCRIPTION_LENGTH, null=True, default=None)
    storage_key = Varchar(length=64, unique=True, help_text="The store's random key.")
    file_name = Varchar(
        length=FILE_NAME_LENGTH, help_text="As uploaded, for display only; never used to store."
    )
    content_type = Varchar(length=60, help_text="Decided from the content: always a PDF.")
    size = BigInt()
    sha256 = Varchar(length=64)
    published_by = ForeignKey(Account, on_delete=OnDelete.set_null, null=True)
    published_at = Timestamptz()
    withdrawn_at = Timestamptz(
        null=True, default=None, help_text="Set when withdrawn; the stored object is gone then."
    )
