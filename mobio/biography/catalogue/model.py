"""How a question is defined. Each definition feeds storage, validation, labels, the GraphQL
field and its permission directive, so a question is written down exactly once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from mobio.packages import Package


class Section(StrEnum):
    """The sections of the questionnaire, in the order the newcomer sees them."""

    PERSONAL = "personal"
    FAMILY = "family"
    LANGUAGE = "language"
    EDUCATION = "education"
    OCCUPATION = "occupation"
    LIVING = "living"


class Subject(StrEnum):
    """Whose page a question is on: the newcomer's own, a partner's or a child's."""

    NEWCOMER = "newcomer"
    PARTNER = "partner"
    CHILD = "child"


class Kind(StrEnum):
    """The shape of an answer."""

    CHOICE = "choice"  # one code of the question's option list
    MULTI_CHOICE = "multi_choice"  # several codes of the option list
    TEXT = "text"  # free text, stored as typed and marked untranslated
    DATE = "date"
    NUMBER = "number"  # a whole number within [minimum, maximum]
    BOOLEAN = "boolean"
    ENTRIES = "entries"  # a repeatable group (courses, jobs): a list of records of fields


class Visibility(StrEnum):
    """Who besides the owner and the counselling teams reads a question."""

    BASIC = "basic"  # also the municipal integration office (personal data, basic facts)
    CASEWORK = "casework"  # social counselling and integration management only
    PRIVATE_HEALTH = "private_health"  # like CASEWORK; never in any package, whatever is set


@dataclass(frozen=True, slots=True)
class OptionList:
    """A named list of language-neutral codes; labels come from the catalogues or Babel."""

    name: str
    codes: tuple[str, ...]
    label: Callable[[str, str], str] | None = None
    """Label source other than the catalogues (e.g. Babel's country names): (language, code)."""


@dataclass(frozen=True, slots=True)
class Condition:
    """Ask a question only when an earlier answer of the same page has one of some codes."""

    question: str
    codes: frozenset[str]


@dataclass(frozen=True, slots=True)
class Question:
    """One question of the questionnaire."""

    code: str
    """Stable snake_case id: storage key, GraphQL field (camelCase), message id stem."""
    section: Section
    kind: Kind
    subjects: frozenset[Subject] = frozenset({Subject.NEWCOMER})
    options: OptionList | None = None
    visibility: Visibility = Visibility.CASEWORK
    packages: frozenset[Package] = frozenset()
    """Stakeholder packages that include this question on the newcomer's own page."""
    child_packages: frozenset[Package] = frozenset()
    """Packages that include it on a child's page (children's ages, childcare). A partner's
    page is in no package: the releases are the newcomer's, not the partner's."""
    write_once: bool = False
    """Personal page: the owner sets it once; afterwards only caseworkers change it."""
    shown_if: Condition | None = None
    max_length: int = 500
    minimum: int = 0
    maximum: int = 100
    fields: tuple[Question, ...] = field(default=())
    """The fields of one entry, for ENTRIES questions."""
    max_entries: int = 30

    @property
    def message_id(self) -> str:
        return f"question.{self.code}"
