"""The README tells the truth about settings and commands."""

from __future__ import annotations

from pathlib import Path

from mobio.cli import main
from mobio.settings import settings_table

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def test_readme_lists_every_setting_as_the_code_defines_it() -> None:
    assert settings_table() in README


def test_readme_lists_every_command_of_the_cli() -> None:
    for command in main.commands:
        assert f"`mobio {command}" in README, command


def test_readme_shows_the_two_setup_commands() -> None:
    assert "make run" in README
    assert "make test" in README
