"""Every table of every domain, in dependency order (for migrations and test clean-up)."""

from __future__ import annotations

from piccolo.table import Table

from mobio.accounts.tables import Account, AccountToken, LoginSession, LoginThrottle
from mobio.audit.tables import AccessLogEntry
from mobio.biography.tables import Answer, AnswerLog, FamilyMember, PrivateNote, SectionVersion
from mobio.consent.tables import ConsentDocument, ConsentRecord
from mobio.documents.tables import Document
from mobio.forms.tables import Form
from mobio.organisations.tables import Municipality, Team, TeamMembership
from mobio.persons.tables import Person
from mobio.releases.tables import StakeholderRelease, TeamRelease

ALL_TABLES: tuple[type[Table], ...] = (
    Account,
    AccountToken,
    LoginSession,
    LoginThrottle,
    Municipality,
    Team,
    TeamMembership,
    Person,
    ConsentDocument,
    ConsentRecord,
    TeamRelease,
    StakeholderRelease,
    AccessLogEntry,
    FamilyMember,
    Answer,
    AnswerLog,
    SectionVersion,
    PrivateNote,
    Document,
    Form,
)
