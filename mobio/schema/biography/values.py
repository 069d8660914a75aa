"""The shapes answers take in GraphQL. They carry the grants of their page, like every
object with personal data, and each field checks them."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import read
from mobio.auth.grants import PERSON_GRANTS
from mobio.auth.guarded import Guarded

ANY_READER = tuple(PERSON_GRANTS)
"""The value's own fields admit every grant on a person; the directive of the question field
that holds the value decides (a value object exists only if that field was readable)."""


@strawberry.type(description="A preset answer: its code and its label.")
class ChoiceAnswer(Guarded):
    code: str | None = strawberry.field(default=None, directives=read(*ANY_READER))
    label: str | None = strawberry.field(
        default=None, directives=read(*ANY_READER), description="In the reader's language."
    )
    label_de: str | None = strawberry.field(
        default=None, directives=read(*ANY_READER), description="In German, for officials."
    )


@strawberry.type(description="Free text, stored as typed.")
class TextAnswer(Guarded):
    text: str | None = strawberry.field(default=None, directives=read(*ANY_READER))
    untranslated: bool | None = strawberry.field(
        default=None,
        directives=read(*ANY_READER),
        description="Always true: free text is shown as the writer typed it.",
    )
