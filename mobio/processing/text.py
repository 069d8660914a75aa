"""A text of the record in its two languages, so neither can be forgotten."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Language(StrEnum):
    """The languages the record is written in (German is the binding one for the authority)."""

    DE = "de"
    EN = "en"


@dataclass(frozen=True, slots=True)
class Text:
    """One passage of the record, written out in German and in English."""

    de: str
    en: str

    def in_(self, language: Language) -> str:
        return self.de if language is Language.DE else self.en
