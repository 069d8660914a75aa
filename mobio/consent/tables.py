"""Tables of the consent domain."""

from __future__ import annotations

from enum import StrEnum

from piccolo.columns import UUID, ForeignKey, Integer, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.table import Table

from mobio.accounts.tables import Account
from mobio.documents.tables import Document
from mobio.persons.tables import Person


class ConsentKind(StrEnum):
    """What a consent document declares."""

    USAGE = "usage"  # terms of use and data protection, accepted at registration
    TEAM_RELEASE = "team_release"  # release to a municipal team
    STAKEHOLDER_RELEASE = "stakeholder_release"  # 14-day link to a stakeholder
    RESEARCH = "research"  # taking part in pseudonymised research extracts (withdrawable)


class ConsentChannel(StrEnum):
    """How consent was given."""

    SELF = "self"  # by the newcomer in the app
    ASSISTED = "assisted"  # on paper, recorded by a caseworker


class ConsentDocument(Table, tablename="consent_document"):
    """One published text of a declaration; never changed after publishing (new version instead)."""

    id = UUID(primary_key=True)
    kind = Varchar(length=30, choices=ConsentKind)
    language = Varchar(length=8)
    version = Integer()
    title = Varchar(length=200)
    body = Text()
    published_at = Timestamptz()
    published_by = ForeignKey(Account, on_delete=OnDelete.set_null, null=True)

    # Unique per (kind, language, version): index consent_document_kind_language_version.


class ConsentRecord(Table, tablename="consent_record"):
    """Proof that someone accepted one document version, kept as long as the law asks."""

    id = UUID(primary_key=True)
    document = ForeignKey(ConsentDocument, on_delete=OnDelete.restrict, null=False)
    account = ForeignKey(
        Account, on_delete=OnDelete.set_null, null=True, help_text="Who consented."
    )
    person = ForeignKey(Person, on_delete=OnDelete.set_null, null=True, index=True)
    acted_by = ForeignKey(
        Account, on_delete=OnDelete.set_null, null=True, help_text="Who recorded it."
    )
    channel = Varchar(length=10, choices=ConsentChannel, default=ConsentChannel.SELF)
    accepted_at = Timestamptz()
    scan = ForeignKey(
        Document,
        on_delete=OnDelete.set_null,
        null=True,
        help_text="The scan of the signed paper declaration (assisted channel).",
    )
    scan_sha256 = Varchar(
        length=64, null=True, default=None, help_text="SHA-256 of the scan, kept as proof."
    )
    withdrawn_at = Timestamptz(
        null=True, default=None, help_text="When a withdrawable consent (research) was withdrawn."
    )
    pseudonym = UUID(
        null=True, default=None, help_text="Replaces person and account after an erasure."
    )
