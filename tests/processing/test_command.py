"""``mobio processing-record``: both languages, both formats, stdout or a file."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from mobio.cli import main
from tests.support.cli import run_mobio


def test_prints_markdown_in_german_by_default() -> None:
    # when: the command runs without options
    result = CliRunner().invoke(main, ["processing-record"], catch_exceptions=False)

    # then: the German record is printed
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)")


def test_prints_english_json() -> None:
    # when: English JSON is asked for
    result = CliRunner().invoke(
        main, ["processing-record", "--lang", "en", "--format", "json"], catch_exceptions=False
    )

    # then: it is the English record as JSON
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["language"] == "en"
    assert record["title"].startswith("Record of processing activities")


def test_refuses_an_unknown_language() -> None:
    result = CliRunner().invoke(main, ["processing-record", "--lang", "fr"])
    assert result.exit_code != 0
    assert "fr" in result.output


async def test_writes_to_a_file_as_an_operator_would(tmp_path: Path) -> None:
    # given: where the operator wants the record
    target = tmp_path / "record.en.md"

    # when: the command runs in a process of its own
    result = await run_mobio(
        "processing-record", "--lang", "en", "--output", str(target), env=dict(os.environ)
    )

    # then: the file holds the English record and nothing is printed
    assert result.returncode == 0, result.output
    assert result.output == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Record of processing activities (Art. 30 GDPR)")
    assert "to be reviewed by the data protection officer" in text
