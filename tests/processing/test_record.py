"""The record in both languages: complete, alike in substance, valid, and current in docs/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from mobio.processing import Format, Language, processing_record
from mobio.processing.record import build
from mobio.processing.record_schema import RECORD_SCHEMA
from mobio.schema import get_schema
from mobio.settings import Settings, get_settings

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _record(language: Language, settings: Settings | None = None) -> dict[str, Any]:
    schema = get_schema()
    return build(schema._schema, schema.rules, settings or get_settings(), language)


@pytest.mark.parametrize("language", list(Language))
def test_json_output_validates_against_the_published_schema(language: Language) -> None:
    # given: the published JSON Schema, itself valid
    Draft202012Validator.check_schema(RECORD_SCHEMA)

    # when: the record is written as JSON
    record = json.loads(processing_record(language, Format.JSON, get_settings()))

    # then: it validates and names its language
    errors = sorted(Draft202012Validator(RECORD_SCHEMA).iter_errors(record), key=str)
    assert errors == []
    assert record["language"] == language.value


def test_the_schema_refuses_a_record_with_a_missing_part() -> None:
    # given: a valid record without its retention periods
    record = _record(Language.EN)
    del record["retention"]

    # then: the published schema rejects it
    assert not Draft202012Validator(RECORD_SCHEMA).is_valid(record)


def test_german_and_english_hold_the_same_categories_fields_and_recipients() -> None:
    # when: the record is built in both languages
    german, english = _record(Language.DE), _record(Language.EN)

    # then: everything but the wording is the same
    def substance(record: dict[str, Any]) -> Any:
        return (
            [
                (c["id"], c["special"], c["read_by"], c["written_by"], c["fields"])
                for c in record["categories"]
            ],
            record["carriers"]["fields"],
            [(p["grant"], p["reads"], p["writes"]) for p in record["purposes"]],
            [(t["grant"], t["categories"]) for t in record["recipients"]["teams"]],
            [
                (p["grant"], p["categories"], [q["code"] for q in p["questions"]])
                for p in record["recipients"]["packages"]
            ],
            [(r["key"], r["seconds"], r["source"]) for r in record["retention"]],
        )

    assert substance(german) == substance(english)
    assert [c["name"] for c in german["categories"]] != [c["name"] for c in english["categories"]]


def test_every_protected_field_appears_exactly_once() -> None:
    # given: the schema's rules
    rules = {(f"{r.type_name}.{r.field}", r.mode) for r in get_schema().rules}

    # when: the record lists its fields (per category, and the connecting ones)
    record = _record(Language.DE)
    listed = [(f["field"], f["mode"]) for c in record["categories"] for f in c["fields"]]
    listed += [(f["field"], f["mode"]) for f in record["carriers"]["fields"]]

    # then: each rule once, none invented
    assert sorted(listed) == sorted(rules)


def test_packages_never_receive_health_notes_logs_goals_or_case_notes() -> None:
    never = {"health", "private_notes", "answer_log", "access_log", "goals", "case_notes"}
    for package in _record(Language.EN)["recipients"]["packages"]:
        assert never.isdisjoint(package["categories"]), package["package"]
        assert package["questions"], package["package"]


def test_retention_follows_the_settings() -> None:
    # given: an installation that keeps the login record 45 days
    settings = Settings(login_record_days=45)

    # when: the record is built in German
    periods = {r["key"]: r for r in _record(Language.DE, settings)["retention"]}

    # then: the period and its source are shown
    assert periods["login_record"]["period"] == "45 Tage"
    assert periods["login_record"]["seconds"] == 45 * 86400
    assert periods["login_record"]["source"] == "MOBIO_LOGIN_RECORD_DAYS"
    assert periods["stakeholder_link"]["period"] == "14 Tage"
    assert periods["erasure_undo"]["seconds"] == 14 * 86400
    assert periods["export"]["seconds"] == 7 * 86400


@pytest.mark.parametrize(
    ("language", "notice"),
    [
        (Language.DE, "von der oder dem Datenschutzbeauftragten zu prüfen"),
        (Language.EN, "to be reviewed by the data protection officer"),
    ],
)
def test_markdown_asks_for_review_and_has_a_heading_per_category(
    language: Language, notice: str
) -> None:
    # when: the record is written as Markdown
    text = processing_record(language, Format.MARKDOWN, get_settings())

    # then: it carries the review notice and one heading per category
    assert notice in text
    for category in _record(language)["categories"]:
        assert f"\n### {category['name']}" in text


@pytest.mark.parametrize("language", list(Language))
def test_published_record_matches_the_schema(language: Language) -> None:
    # given: the record generated by `make schema`
    published = (DOCS / f"processing-record.{language.value}.md").read_text(encoding="utf-8")

    # then: it is exactly what the schema and the default settings say now (run `make schema`)
    assert published == processing_record(language, Format.MARKDOWN, Settings())
