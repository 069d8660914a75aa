"""Checks every submitted value against its question's definition; returns the value to store.

Values are stored as JSON: a code, a list of codes, text, an ISO date, a number, a boolean,
or a list of entries (objects of field code -> value).
"""

from __future__ import annotations

import datetime
from typing import Any

from mobio import timeutil
from mobio.biography.catalogue.labels import question_message_id
from mobio.biography.catalogue.model import Kind, Question
from mobio.biography.errors import BiographyErrorCode
from mobio.errors import MobioError, Text

# Dates before this are typing mistakes, not birthdays or arrival dates.
EARLIEST_DATE = datetime.date(1900, 1, 1)
PAST_ONLY = frozenset({"date_of_birth", "arrival_date"})


def invalid(
    question: Question,
    problem: _Invalid,
    parent: Question | None = None,
) -> MobioError:
    """A refusal naming the question in the reader's language."""
    label = Text(question_message_id(question, parent))
    return MobioError(problem.code, problem.message_id, question=label, **problem.params)


def clean(question: Question, value: Any, parent: Question | None = None) -> Any:
    """The value to store for ``question`` (a field of ``parent``'s entries), or an error."""
    try:
        return _clean(question, value)
    except _Invalid as problem:
        raise invalid(question, problem, parent) from None


class _Invalid(Exception):
    def __init__(
        self,
        message_id: str = "error.answer_invalid",
        code: BiographyErrorCode = BiographyErrorCode.ANSWER_INVALID,
        **params: object,
    ) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.code = code
        self.params = params


def _clean(question: Question, value: Any) -> Any:
    kind = question.kind
    if kind is Kind.CHOICE:
        return _code(question, value)
    if kind is Kind.MULTI_CHOICE:
        if not isinstance(value, list) or len(value) > len(
            question.options.codes if question.options else ()
        ):
            raise _Invalid()
        codes = [_code(question, code) for code in value]
        return list(dict.fromkeys(codes))  # once each, in the order given
    if kind is Kind.TEXT:
        if not isinstance(value, str) or not value.strip():
            raise _Invalid()
        if len(value.strip()) > question.max_length:
            raise _Invalid("error.answer_too_long", max=question.max_length)
        return value.strip()
    if kind is Kind.DATE:
        return _date(question, value)
    if kind is Kind.NUMBER:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Invalid()
        if not question.minimum <= value <= question.maximum:
            raise _Invalid("error.answer_out_of_range", min=question.minimum, max=question.maximum)
        return value
    if kind is Kind.BOOLEAN:
        if not isinstance(value, bool):
            raise _Invalid()
        return value
    return _entries(question, value)


def _code(question: Question, value: Any) -> str:
    if (
        question.options is None
        or not isinstance(value, str)
        or value not in question.options.codes
    ):
        raise _Invalid("error.option_unknown", BiographyErrorCode.OPTION_UNKNOWN)
    return value


def _date(question: Question, value: Any) -> str:
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value)
        except ValueError:
            raise _Invalid() from None
    if not isinstance(value, datetime.date) or value < EARLIEST_DATE:
        raise _Invalid()
    if question.code in PAST_ONLY and value > timeutil.local_today():
        raise _Invalid("error.date_in_future")
    return value.isoformat()


def _entries(question: Question, value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or len(value) > question.max_entries:
        raise _Invalid("error.too_many_entries", max=question.max_entries)
    fields = {field.code: field for field in question.fields}
    cleaned: list[dict[str, Any]] = []
    for entry in value:
        if not isinstance(entry, dict) or not set(entry) <= set(fields):
            raise _Invalid()
        kept = {
            code: clean(fields[code], item, question)
            for code, item in entry.items()
            if item is not None
        }
        if kept:
            cleaned.append(kept)
    return cleaned
