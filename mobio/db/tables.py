"""Every table of every domain, in dependency order (for migrations and test clean-up)."""

from __future__ import annotations

from piccolo.table import Table

from mobio.accounts.tables import (
    Account,
    AccountToken,
    LoginEvent,
    LoginSession,
    LoginThrottle,
)
from mobio.audit.tables import AccessLogEntry
from mobio.biography.tables import Answer, AnswerLog, FamilyMember, PrivateNote, SectionVersion
from mobio.casenotes.tables import CaseNote
from mobio.claims.tables import ClaimCode
from mobio.consent.tables import ConsentDocument, ConsentRecord
from mobio.corrections.tables import CorrectionRequest
from mobio.documents.tables import Document
from mobio.erasure.tables import ErasedAccess, ErasureNotice, ErasureRequest
from mobio.evaluation.tables import AnalystMunicipality, EvaluationCell, EvaluationSet
from mobio.export.tables import DataExport
from mobio.forms.tables import Form
from mobio.goals.tables import GoalAgreement, GoalStep
from mobio.handover.tables import HandOver
from mobio.organisations.tables import Municipality, Team, TeamMembership
from mobio.persons.tables import Person
from mobio.releases.tables import StakeholderRelease, TeamRelease
from mobio.research.tables import ExtractMember, ResearchExtract

ALL_TABLES: tuple[type[Table], ...] = (
    Account,
    AccountToken,
    LoginSession,
    LoginThrottle,
    LoginEvent,
    Municipality,
    Team,
    TeamMembership,
    Person,
    Document,
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
    Form,
    GoalAgreement,
    GoalStep,
    CaseNote,
    HandOver,
    CorrectionRequest,
    ClaimCode,
    DataExport,
    ErasureRequest,
    ErasureNotice,
    ErasedAccess,
    EvaluationSet,
    EvaluationCell,
    AnalystMunicipality,
    ResearchExtract,
    ExtractMember,
)
