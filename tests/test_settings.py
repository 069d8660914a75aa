"""Settings: the embedded defaults, and production refusing what is unsafe for personal data."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from mobio.settings import (
    Environment,
    InsecureSettingsError,
    PasswordProfile,
    Settings,
    get_settings,
)
from mobio.web.app import create_app
from tests.support.environment import SECURE_PRODUCTION, mobio_environment


@pytest.fixture
def no_mobio_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    """No ``MOBIO_*`` variable in the environment (the test suite sets several)."""
    for name in [n for n in os.environ if n.startswith("MOBIO_")]:
        monkeypatch.delenv(name)


def secure_settings(**changes: Any) -> Settings:
    """A production configuration that passes every check, with ``changes`` applied."""
    values: dict[str, Any] = {**SECURE_PRODUCTION, **changes}
    return Settings(**values)


@pytest.mark.usefixtures("no_mobio_variables")
def test_without_mobio_variables_settings_are_the_embedded_defaults() -> None:
    # given: an environment without any MOBIO_* variable
    # when: settings are read
    settings = Settings()

    # then: every field has its declared default ...
    for name, field in Settings.model_fields.items():
        assert getattr(settings, name) == field.get_default(call_default_factory=True), name
    # ... and those defaults are the embedded run of DESIGN.md section 5
    assert settings.environment is Environment.DEVELOPMENT
    assert settings.data_dir == Path("var")
    assert settings.database_url == ""
    assert not settings.uses_postgres  # SQLite file under the data folder
    assert settings.redis_url == ""  # jobs in-process
    assert settings.s3_endpoint == ""  # documents in a local folder
    assert settings.smtp_host == ""  # mail as .eml files in the outbox
    assert settings.secret_key == ""  # generated into the data folder
    assert settings.password_profile is PasswordProfile.STANDARD
    assert settings.debug is False
    assert not settings.is_production
    assert settings.base_url == "http://127.0.0.1:8000"


@pytest.mark.usefixtures("no_mobio_variables")
def test_each_setting_is_read_from_its_mobio_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    # given: a few MOBIO_* variables
    monkeypatch.setenv("MOBIO_ENVIRONMENT", "production")
    monkeypatch.setenv("MOBIO_PORT", "9001")
    monkeypatch.setenv("MOBIO_PUBLIC_URL", "https://mobio.example.org/")
    monkeypatch.setenv("MOBIO_GRAPHQL_MAX_DEPTH", "7")

    # when: settings are read
    settings = Settings()

    # then: each variable sets its field
    assert settings.is_production
    assert settings.port == 9001
    assert settings.graphql_max_depth == 7
    assert settings.base_url == "https://mobio.example.org"


@pytest.mark.usefixtures("no_mobio_variables")
@pytest.mark.parametrize(
    ("changes", "variable"),
    [
        pytest.param({"secret_key": ""}, "MOBIO_SECRET_KEY", id="missing secret key"),
        pytest.param({"secret_key": "k" * 31}, "MOBIO_SECRET_KEY", id="31-character secret"),
        pytest.param({"debug": True}, "MOBIO_DEBUG", id="debug on"),
        pytest.param(
            {"password_profile": PasswordProfile.TEST},
            "MOBIO_PASSWORD_PROFILE",
            id="test password profile",
        ),
        pytest.param(
            {"public_url": "http://mobio.example.org"}, "MOBIO_PUBLIC_URL", id="http public URL"
        ),
        pytest.param({"public_url": ""}, "MOBIO_PUBLIC_URL", id="no public URL"),
        pytest.param({"database_url": ""}, "MOBIO_DATABASE_URL", id="embedded SQLite"),
        pytest.param(
            {"database_url": "sqlite:///var/mobio.sqlite"}, "MOBIO_DATABASE_URL", id="SQLite URL"
        ),
        pytest.param({"redis_url": ""}, "MOBIO_REDIS_URL", id="no Redis"),
    ],
)
def test_production_check_refuses_each_insecure_setting(
    changes: dict[str, Any], variable: str
) -> None:
    # given: a secure production configuration with exactly one insecure setting
    settings = secure_settings(**changes)

    # when: the production check runs
    with pytest.raises(InsecureSettingsError) as refused:
        settings.check_production()

    # then: it names that one variable, and no other
    message = str(refused.value)
    assert variable in message
    assert message.count("MOBIO_") == 1, message


@pytest.mark.usefixtures("no_mobio_variables")
def test_production_check_names_every_problem_at_once() -> None:
    # given: production with all embedded defaults
    settings = Settings(environment=Environment.PRODUCTION)

    # when: the production check runs
    with pytest.raises(InsecureSettingsError) as refused:
        settings.check_production()

    # then: one message lists everything that must change
    for variable in (
        "MOBIO_SECRET_KEY",
        "MOBIO_PUBLIC_URL",
        "MOBIO_DATABASE_URL",
        "MOBIO_REDIS_URL",
    ):
        assert variable in str(refused.value)


@pytest.mark.usefixtures("no_mobio_variables")
@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({}, id="postgresql URL"),
        pytest.param({"database_url": "postgres://mobio@db/mobio"}, id="postgres URL"),
        pytest.param({"secret_key": "k" * 32}, id="32-character secret"),
    ],
)
def test_production_check_accepts_a_secure_configuration(changes: dict[str, Any]) -> None:
    # given: a secure production configuration
    settings = secure_settings(**changes)

    # when / then: the production check passes
    settings.check_production()


@pytest.mark.usefixtures("no_mobio_variables")
def test_secret_key_is_generated_once_into_the_data_folder(tmp_path: Path) -> None:
    # given: an embedded run without a secret key and a data folder that does not exist yet
    data_dir = tmp_path / "data"
    settings = Settings(data_dir=data_dir)

    # when: the key is asked for twice, the second time by a new settings object (a restart)
    first = settings.resolved_secret_key()
    second = Settings(data_dir=data_dir).resolved_secret_key()

    # then: one long key, kept in the data folder, readable by the owner only
    key_file = data_dir / "secret_key"
    assert len(first) >= 32
    assert second == first
    assert key_file.read_text().strip() == first
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


@pytest.mark.usefixtures("no_mobio_variables")
def test_each_data_folder_gets_its_own_random_key(tmp_path: Path) -> None:
    # given: two embedded installations
    one = Settings(data_dir=tmp_path / "one")
    other = Settings(data_dir=tmp_path / "other")

    # when / then: their generated keys differ
    assert one.resolved_secret_key() != other.resolved_secret_key()


@pytest.mark.usefixtures("no_mobio_variables")
def test_a_configured_secret_key_is_used_and_nothing_is_written(tmp_path: Path) -> None:
    # given: a configured key
    settings = Settings(data_dir=tmp_path, secret_key="configured-key")

    # when / then: it is the key, and no key file appears
    assert settings.resolved_secret_key() == "configured-key"
    assert not (tmp_path / "secret_key").exists()


@pytest.mark.usefixtures("no_mobio_variables")
def test_production_refuses_an_empty_secret_key_instead_of_generating_one(tmp_path: Path) -> None:
    # given: production without a secret key
    settings = Settings(environment=Environment.PRODUCTION, data_dir=tmp_path)

    # when / then: asking for the key is refused, and no key is generated
    with pytest.raises(InsecureSettingsError, match="MOBIO_SECRET_KEY"):
        settings.resolved_secret_key()
    assert not (tmp_path / "secret_key").exists()


def test_app_refuses_to_start_in_production_with_insecure_settings() -> None:
    # given: the process environment says production but keeps the test suite's SQLite,
    # cheap password profile, and no Redis or public URL
    with mobio_environment(environment="production"):
        assert get_settings().is_production

        # when / then: the application is not created
        with pytest.raises(InsecureSettingsError) as refused:
            create_app()

    assert "MOBIO_PASSWORD_PROFILE" in str(refused.value)
    # and afterwards the process is back on the test settings
    assert get_settings().environment is Environment.TEST


def test_app_starts_in_production_with_secure_settings() -> None:
    # given: the process environment holds a secure production configuration
    with mobio_environment(**SECURE_PRODUCTION):
        # when: the application is created
        app = create_app()

        # then: it is, and without Litestar's debug mode
        assert app.debug is False

    assert get_settings().environment is Environment.TEST
