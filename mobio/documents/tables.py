"""The documents table: what a stored object is, whose it is and who uploaded it."""

from __future__ import annotations

from enum import StrEnum

from piccolo.columns import UUID, BigInt, ForeignKey, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.table import Table

from mobio.accounts.tables import Account
from mobio.persons.tables import Person

FILE_NAME_LENGTH = 200


class DocumentCategory(StrEnum):
    """The folders of a newcomer's documents (who may see each: ``mobio.auth.documents``)."""

    SCHOOL_CERTIFICATE = "school_certificate"
    VOCATIONAL_CERTIFICATE = "vocational_certificate"
    """Vocational and university certificates."""
    LANGUAGE_CERTIFICATE = "language_certificate"
    WORK_REFERENCE = "work_reference"
    """Work references and internship certificates."""
    CV = "cv"
    OFFICIAL_DOCUMENT = "official_document"
    MISCELLANEOUS = "miscellaneous"
    """Private to the owner, always."""


class Document(Table, tablename="document"):
    """One uploaded document; its bytes live in the document store under ``storage_key``."""

    id = UUID(primary_key=True)
    person = ForeignKey(Person, on_delete=OnDelete.cascade, null=False, index=True)
    category = Varchar(length=30, choices=DocumentCategory)
    storage_key = Varchar(length=64, unique=True, help_text="The store's random key.")
    file_name = Varchar(
        length=FILE_NAME_LENGTH, help_text="As uploaded, for display only; never used to store."
    )
    content_type = Varchar(length=60, help_text="Decided from the content, not the upload.")
    size = BigInt()
    sha256 = Varchar(length=64)
    uploaded_at = Timestamptz()
    uploaded_by = ForeignKey(Account, on_delete=OnDelete.set_null, null=True)
    uploaded_grant = Varchar(length=40, help_text="The grant under which it was uploaded.")
