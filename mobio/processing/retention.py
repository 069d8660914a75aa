"""How long what is kept (Art. 30(1)(f)), read from the settings and the code that enforces it.

Each period names its source: a ``MOBIO_*`` setting, or the constant in the code that
applies it. Periods that issue 10 makes configurable but that have no setting yet are
declared once below (``PENDING``); as soon as the setting exists under the expected name,
the record reads it instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from mobio.claims.service import CODE_LIFETIME
from mobio.jobs.queue import JOB_EXPIRES
from mobio.processing.text import Language, Text
from mobio.releases.jobs import KEEP_ENDED
from mobio.releases.service import LINK_LIFETIME
from mobio.settings import Settings


@dataclass(frozen=True, slots=True)
class Pending:
    """A period issue 10 makes configurable, until its setting exists."""

    setting: str
    """The expected ``Settings`` field (in days)."""
    days: int


ERASURE_UNDO = Pending("erasure_undo_days", 14)
"""Issue 10 point 4: the undo window after ``deleteAccount`` (to become configurable)."""
EXPORT_KEPT = Pending("export_valid_days", 7)
"""Issue 10 point 3: how long the export ZIP can be downloaded before it is deleted."""


@dataclass(frozen=True, slots=True)
class Period:
    """One retention rule of the record."""

    key: str
    what: Text
    length: timedelta | None
    """None: no fixed length (kept until the person deletes it)."""
    source: str
    """The setting or the code constant that the length comes from; empty without a length."""


def _pending(settings: Settings, pending: Pending) -> tuple[timedelta, str]:
    if pending.setting in Settings.model_fields:
        days = int(getattr(settings, pending.setting))
        return timedelta(days=days), f"MOBIO_{pending.setting.upper()}"
    return timedelta(days=pending.days), f"mobio.processing.retention (issue 10: {pending.setting})"


def periods(settings: Settings) -> list[Period]:
    """Every retention rule, with the values ``settings`` give."""
    undo, undo_source = _pending(settings, ERASURE_UNDO)
    export, export_source = _pending(settings, EXPORT_KEPT)
    return [
        Period(
            "biography",
            Text(
                "Biografie, Notizen, Dokumente, Familie, Zielvereinbarungen, Fallnotizen: bis "
                "die Person sie oder ihr Konto löscht.",
                "Biography, notes, documents, family, goal agreements, case notes: until the "
                "person deletes them or the account.",
            ),
            None,
            "",
        ),
        Period(
            "erasure_undo",
            Text(
                "Rückgängig-Frist nach der Kontolöschung; danach werden die Daten in Schritten "
                "gelöscht.",
                "Undo window after the account is deleted; the data are then erased in steps.",
            ),
            undo,
            undo_source,
        ),
        Period(
            "proof",
            Text(
                "Nachweise (Einwilligungen, die Löschung selbst, Prüfprotokolle der "
                "Fachkräfte) bleiben nach der Löschung unter einem Pseudonym ohne "
                "aufbewahrten Schlüssel; ihre Aufbewahrungsfrist legt der Betreiber fest.",
                "Proof (consent records, the erasure itself, caseworkers' audit rows) remains "
                "after erasure under a pseudonym whose key is not kept; the operator sets how "
                "long.",
            ),
            None,
            "",
        ),
        Period(
            "stakeholder_link",
            Text(
                "Link an Akteure: gültig ab Erteilung, einmal verlängerbar, endet sofort bei "
                "Widerruf.",
                "Link to a stakeholder: valid from its release, renewable, ends at once when "
                "revoked.",
            ),
            LINK_LIFETIME,
            "mobio.releases.service.LINK_LIFETIME",
        ),
        Period(
            "ended_link",
            Text(
                "Schlüssel-Hash und Empfangsadresse eines beendeten Links werden danach gelöscht.",
                "Key hash and recipient address of an ended link are deleted after this.",
            ),
            KEEP_ENDED,
            "mobio.releases.jobs.KEEP_ENDED",
        ),
        Period(
            "login_record",
            Text(
                "Protokoll erfolgreicher und fehlgeschlagener Anmeldungen.",
                "Record of successful and failed logins.",
            ),
            timedelta(days=settings.login_record_days),
            "MOBIO_LOGIN_RECORD_DAYS",
        ),
        Period(
            "unactivated_account",
            Text(
                "Selbst registrierte, nie aktivierte Konten werden danach gelöscht (von "
                "Fachkräften angelegte Profile nie auf diese Weise).",
                "Self-registered accounts never activated are deleted after this (profiles "
                "created by caseworkers never this way).",
            ),
            timedelta(days=settings.unactivated_account_days),
            "MOBIO_UNACTIVATED_ACCOUNT_DAYS",
        ),
        Period(
            "export",
            Text(
                "Export „meine Daten“ (ZIP) zum Herunterladen, danach gelöscht.",
                "“My data” export (ZIP) for download, deleted afterwards.",
            ),
            export,
            export_source,
        ),
        Period(
            "session_idle",
            Text("Anmeldesitzung ohne Anfrage.", "Login session without a request."),
            timedelta(minutes=settings.session_idle_minutes),
            "MOBIO_SESSION_IDLE_MINUTES",
        ),
        Period(
            "session_max",
            Text("Anmeldesitzung höchstens.", "Login session at most."),
            timedelta(hours=settings.session_max_hours),
            "MOBIO_SESSION_MAX_HOURS",
        ),
        Period(
            "activation_link",
            Text("Aktivierungslink.", "Activation link."),
            timedelta(hours=settings.activation_valid_hours),
            "MOBIO_ACTIVATION_VALID_HOURS",
        ),
        Period(
            "reset_link",
            Text("Link zum Zurücksetzen des Passworts.", "Password-reset link."),
            timedelta(minutes=settings.reset_valid_minutes),
            "MOBIO_RESET_VALID_MINUTES",
        ),
        Period(
            "email_change_link",
            Text(
                "Link zur Bestätigung einer neuen E-Mail-Adresse.",
                "Link confirming a new e-mail address.",
            ),
            timedelta(hours=settings.email_change_valid_hours),
            "MOBIO_EMAIL_CHANGE_VALID_HOURS",
        ),
        Period(
            "claim_code",
            Text(
                "Code, mit dem eine Person ein von Fachkräften angelegtes Profil übernimmt.",
                "Code with which a person claims a profile created by caseworkers.",
            ),
            CODE_LIFETIME,
            "mobio.claims.service.CODE_LIFETIME",
        ),
        Period(
            "queued_job",
            Text(
                "Wartender Hintergrundauftrag (z. B. eine noch nicht versandte E-Mail) in "
                "Redis; Ergebnisse werden nicht aufbewahrt.",
                "Queued background job (e.g. a mail not yet sent) in Redis; results are not kept.",
            ),
            JOB_EXPIRES,
            "mobio.jobs.queue.JOB_EXPIRES",
        ),
    ]


_UNITS: tuple[tuple[timedelta, Text, Text], ...] = (
    (timedelta(days=1), Text("Tag", "day"), Text("Tage", "days")),
    (timedelta(hours=1), Text("Stunde", "hour"), Text("Stunden", "hours")),
    (timedelta(minutes=1), Text("Minute", "minute"), Text("Minuten", "minutes")),
)


def spoken(length: timedelta | None, language: Language) -> str:
    """``14 Tage`` / ``14 days``, in the largest whole unit; a dash when there is no length."""
    if length is None:
        return "–"
    for unit, one, many in _UNITS:
        if length % unit == timedelta(0):
            count = length // unit
            return f"{count} {(one if count == 1 else many).in_(language)}"
    return str(length)
