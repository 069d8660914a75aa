"""The texts of questions, options and sections in a reader's language.

Message ids: ``question.<code>``, ``question.<entry code>.<field code>`` for the fields of an
entry, ``option.<list name>.<code>`` and ``section.<section>``. Lists with their own label
function (countries, languages) are named by it instead.
"""

from __future__ import annotations

from mobio.biography.catalogue.model import OptionList, Question, Section
from mobio.i18n import translate


def question_message_id(question: Question, parent: Question | None = None) -> str:
    """The catalogue id of a question, or of a field of the entry ``parent``."""
    if parent is None:
        return question.message_id
    return f"question.{parent.code}.{question.code}"


def option_message_id(options: OptionList, code: str) -> str:
    """The catalogue id of one option of a list labelled by the catalogues."""
    return f"option.{options.name}.{code}"


def section_message_id(section: Section) -> str:
    return f"section.{section.value}"


def question_label(question: Question, language: str, parent: Question | None = None) -> str:
    """The text of a question (or of a field of the entry ``parent``) in ``language``."""
    return translate(language, question_message_id(question, parent))


def option_label(options: OptionList, code: str, language: str) -> str:
    """The text of the option ``code`` of ``options`` in ``language``."""
    if code not in options.codes:
        raise ValueError(f"{code!r} is not an option of {options.name!r}")
    if options.label is not None:
        return options.label(language, code)
    return translate(language, option_message_id(options, code))


def section_label(section: Section, language: str) -> str:
    """The title of a section in ``language``."""
    return translate(language, section_message_id(section))
