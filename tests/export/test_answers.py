"""Answers in the export: code and label in the owner's language and in German, entries field
by field, and answers to withdrawn questions or codes kept as stored."""

from __future__ import annotations

from uuid import uuid4

from mobio.biography.catalogue import BY_CODE
from mobio.biography.catalogue.model import Subject
from mobio.biography.pages import Page
from mobio.biography.tables import SELF
from mobio.export import answers
from mobio.i18n import translate


def _page(values: dict[str, object]) -> Page:
    return Page(uuid4(), SELF, Subject.NEWCOMER, dict(values))


def test_a_choice_has_its_code_and_both_labels() -> None:
    # given a page answering the sex question
    page = _page({"sex": "female"})
    # when it is exported for a Persian reader
    exported = answers.page_of(page, "fa")
    # then the code comes with the Persian and the German label, under the section's labels
    (section,) = exported["sections"]
    assert section["section"] == "personal"
    assert section["labelDe"] == translate("de", "section.personal")
    (answer,) = section["answers"]
    assert answer["question"] == "sex" and answer["kind"] == "choice"
    assert answer["label"] == translate("fa", "question.sex")
    assert answer["labelDe"] == translate("de", "question.sex")
    assert answer["value"] == {
        "code": "female",
        "label": translate("fa", "option.sex.female"),
        "labelDe": translate("de", "option.sex.female"),
    }
    assert answer["value"]["label"] != answer["value"]["labelDe"]


def test_entries_are_exported_field_by_field() -> None:
    # given two language courses, one without a year
    courses = [
        {"kind": BY_CODE["language_courses"].fields[0].options.codes[0], "year": 2020},  # type: ignore[union-attr]
        {"completed": True},
    ]
    # when exported in English
    (section,) = answers.page_of(_page({"language_courses": courses}), "en")["sections"]
    (answer,) = section["answers"]
    # then each entry lists the fields it has, each with its labels
    first, second = answer["value"]
    assert [f["question"] for f in first] == ["kind", "year"]
    assert first[1]["value"] == 2020
    assert first[1]["labelDe"] == translate("de", "question.language_courses.year")
    assert second == [
        {
            "question": "completed",
            "kind": "boolean",
            "label": translate("en", "question.language_courses.completed"),
            "labelDe": translate("de", "question.language_courses.completed"),
            "value": True,
        }
    ]


def test_withdrawn_codes_and_questions_are_kept_as_stored() -> None:
    # given an answer with a code no longer offered and one to a question no longer asked
    page = _page({"sex": "withdrawn-code", "old_question": "as typed"})
    # when exported
    exported = answers.page_of(page, "de")
    # then both are there, nothing is lost
    assert exported["sections"][0]["answers"][0]["value"] == {
        "code": "withdrawn-code",
        "label": "withdrawn-code",
        "labelDe": "withdrawn-code",
    }
    assert exported["otherAnswers"] == [{"question": "old_question", "value": "as typed"}]
