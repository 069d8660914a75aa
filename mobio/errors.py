"""MoBio's own errors: a stable machine code and a message id rendered in the caller's language.

Services raise these; the GraphQL error formatter turns them into ``extensions.code`` and a
translated message. Any other exception is masked as INTERNAL.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ErrorCode(StrEnum):
    """Codes shared by every domain (each domain may add its own enum)."""

    INTERNAL = "INTERNAL"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    BAD_INPUT = "BAD_INPUT"
    CONFLICT = "CONFLICT"
    CSRF_FAILED = "CSRF_FAILED"
    QUERY_REJECTED = "QUERY_REJECTED"


@dataclass(frozen=True, slots=True)
class Text:
    """An error parameter shown in the reader's language (e.g. the label of a question)."""

    message_id: str


class MobioError(Exception):
    """An error the caller may see. ``message_id`` is a catalogue id; ``params`` fill it in."""

    def __init__(self, code: StrEnum, message_id: str, **params: object) -> None:
        super().__init__(message_id)
        self.code = code
        self.message_id = message_id
        self.params = params
        self.details: dict[str, MobioError] = {}
        """Errors per input field (e.g. every invalid answer of a save), shown beside this one."""
        self.extensions: dict[str, object] = {}
        """Facts the client needs to recover (e.g. the current version after a conflict)."""

    def render(self, language: str) -> str:
        """The message in ``language``, its :class:`Text` parameters translated too."""
        from mobio.i18n import translate  # i18n needs nothing from here; keep the edge one-way

        params = {
            name: translate(language, value.message_id) if isinstance(value, Text) else value
            for name, value in self.params.items()
        }
        return translate(language, self.message_id, **params)


def forbidden() -> MobioError:
    """The one answer for "no such thing" and "not yours": existence is never revealed."""
    return MobioError(ErrorCode.FORBIDDEN, "error.forbidden")


def unauthenticated() -> MobioError:
    return MobioError(ErrorCode.UNAUTHENTICATED, "error.unauthenticated")


def bad_input(message_id: str, **params: object) -> MobioError:
    return MobioError(ErrorCode.BAD_INPUT, message_id, **params)
