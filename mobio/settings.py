"""One typed settings object, read from ``MOBIO_*`` environment variables.

With nothing set MoBio runs embedded: SQLite, documents and outbox under the data
folder, jobs in-process, a secret key generated once and kept in the data folder.
"""

from __future__ import annotations

import itertools
import os
import secrets
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Environment(StrEnum):
    """Where MoBio runs; production refuses insecure settings."""

    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class PasswordProfile(StrEnum):
    """Argon2id cost profile."""

    STANDARD = "standard"  # 64 MiB, t=3, p=4: above OWASP's minimum (19 MiB, t=2, p=1)
    TEST = "test"  # cheapest possible; refused in production


class InsecureSettingsError(RuntimeError):
    """Raised at start when production would run with an unsafe setting."""


class Settings(BaseSettings):
    """All of MoBio's settings. Each field is the variable ``MOBIO_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="MOBIO_", extra="ignore")

    environment: Environment = Environment.DEVELOPMENT
    """development (GraphiQL, introspection), test, or production (hardened)."""
    data_dir: Path = Path("var")
    """Folder for the embedded database, documents, outbox and the generated secret key."""
    host: str = "127.0.0.1"
    """Address the web server binds to."""
    port: int = 8000
    """Port the web server listens on."""
    public_url: str = ""
    """Address users reach MoBio at, used in mailed links; default http://<host>:<port>."""
    secret_key: str = ""
    """Key for signing CSRF tokens; generated into the data folder if empty (not in production)."""
    debug: bool = False
    """Tracebacks in responses; refused in production."""

    database_url: str = ""
    """postgresql://user@host:port/db for PostgreSQL; empty means SQLite in the data folder."""
    redis_url: str = ""
    """redis://host:port/db: background jobs go to arq workers; empty means jobs run in-process."""

    s3_endpoint: str = ""
    """S3 API endpoint for documents; empty means a local folder in the data folder."""
    s3_bucket: str = "mobio-documents"
    """Bucket that holds documents."""
    s3_region: str = "eu-central-1"
    """Region of the bucket."""
    s3_access_key: str = ""
    """Access key id for the S3 endpoint."""
    s3_secret_key: str = ""
    """Secret access key for the S3 endpoint."""
    max_upload_mb: int = 20
    """Largest document a caller may upload, in MiB (checked while the upload streams in)."""

    smtp_host: str = ""
    """SMTP server; empty means mail is written as .eml files to <data dir>/outbox."""
    smtp_port: int = 587
    """SMTP port."""
    smtp_username: str = ""
    """SMTP user name (empty: no authentication)."""
    smtp_password: str = ""
    """SMTP password."""
    smtp_starttls: bool = True
    """Upgrade the SMTP connection with STARTTLS."""
    mail_from: str = "MoBio <no-reply@mobio.invalid>"
    """Sender address of every mail."""

    default_language: str = "de"
    """Interface language when the caller has not chosen one."""
    password_profile: PasswordProfile = PasswordProfile.STANDARD
    """Argon2id cost; "test" only for the test suite."""
    max_concurrent_hashes: int = 2
    """Password hashes computed at once (each holds 64 MiB); more wait."""
    session_idle_minutes: int = 30
    """A login session ends after this long without a request."""
    session_max_hours: int = 12
    """A login session ends this long after login, however active."""
    activation_valid_hours: int = 72
    """How long an activation link works."""
    reset_valid_minutes: int = 60
    """How long a password-reset link works."""
    login_max_failures: int = 5
    """Failed logins per address and per client within the window before logins are refused."""
    login_failure_window_minutes: int = 15
    """Window for counting failed logins."""
    email_change_valid_hours: int = 24
    """How long the link that confirms a new e-mail address works."""
    login_record_days: int = 90
    """How long the record of successful and failed logins to an account is kept."""
    unactivated_account_days: int = 30
    """Self-registered accounts never activated are deleted after this many days."""
    erasure_undo_days: int = 14
    """After the owner asks for erasure, how long they can still undo it."""
    evaluation_min_cell: int = Field(default=5, ge=5)
    """Evaluation tables hide every cell with fewer units than this (k); only ever raised."""
    extract_download_days: int = 7
    """How long an analyst can download an approved research extract."""
    graphql_max_depth: int = 12
    """Deepest allowed GraphQL selection."""
    graphql_max_aliases: int = 30
    """Most aliases in one GraphQL document."""
    graphql_max_tokens: int = 4000
    """Most tokens in one GraphQL document."""
    graphql_max_directives: int = 20
    """Most directive uses in one GraphQL document."""
    cookie_secure: bool = Field(default=False)
    """Send cookies only over HTTPS (forced on in production)."""
    bench_without_guards: bool = False
    """Benchmarks only: build the schema without its permission guards (ignored in production)."""

    @property
    def is_production(self) -> bool:
        return self.environment is Environment.PRODUCTION

    @property
    def uses_postgres(self) -> bool:
        return self.database_url.startswith(("postgresql://", "postgres://"))

    @property
    def base_url(self) -> str:
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    def check_production(self) -> None:
        """Refuse to run production with a setting that is unsafe for personal data."""
        problems: list[str] = []
        if not self.secret_key or len(self.secret_key) < 32:
            problems.append("MOBIO_SECRET_KEY must be set to at least 32 characters")
        if self.debug:
            problems.append("MOBIO_DEBUG must be off")
        if self.password_profile is not PasswordProfile.STANDARD:
            problems.append("MOBIO_PASSWORD_PROFILE must be 'standard'")
        if not self.public_url.startswith("https://"):
            problems.append("MOBIO_PUBLIC_URL must be an https:// address")
        if not self.uses_postgres:
            problems.append("MOBIO_DATABASE_URL must point to PostgreSQL")
        if not self.redis_url:
            problems.append("MOBIO_REDIS_URL must be set (arq workers)")
        if problems:
            raise InsecureSettingsError("; ".join(problems))

    def resolved_secret_key(self) -> str:
        """The secret key; embedded runs generate one once and keep it in the data folder."""
        if self.secret_key:
            return self.secret_key
        if self.is_production:
            raise InsecureSettingsError("MOBIO_SECRET_KEY must be set in production")
        key_file = self.data_dir / "secret_key"
        self.data_dir.mkdir(parents=True, exist_ok=True)
        try:
            # O_EXCL: of two processes starting at once, one writes and both read its key;
            # 0o600 from the start, never readable by others even for a moment.
            descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(descriptor, "w") as handle:
                handle.write(secrets.token_urlsafe(48))
        key = key_file.read_text().strip()
        if len(key) < 32:
            raise InsecureSettingsError(f"{key_file} holds no usable key; delete it to make one")
        return key


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read once."""
    return Settings()


def settings_table() -> str:
    """The README's table of settings, generated from the fields and their docstrings."""
    import ast
    import inspect

    source = ast.parse(inspect.getsource(Settings))
    docs: dict[str, str] = {}
    body = source.body[0].body  # type: ignore[attr-defined]
    for node, following in itertools.pairwise(body):
        documented = isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant)
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and documented:
            docs[node.target.id] = str(following.value.value)
    lines = ["| variable | default | meaning |", "|---|---|---|"]
    for name, field in Settings.model_fields.items():
        default = field.default
        shown = default.value if isinstance(default, StrEnum) else default
        lines.append(f"| `MOBIO_{name.upper()}` | `{shown}` | {docs.get(name, '')} |")
    return "\n".join(lines) + "\n"
