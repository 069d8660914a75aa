"""GraphQL types of claim letters: for the caseworkers who hand them over."""

from __future__ import annotations

import base64
import datetime

import strawberry

from mobio.auth.directives import read
from mobio.auth.grants import Grant
from mobio.auth.guarded import Guarded
from mobio.claims.service import ClaimLetter as ClaimLetterRecord

ASSISTING = (Grant.SOCIAL_COUNSELLING, Grant.INTEGRATION_MANAGEMENT)
LETTER_READERS = read(*ASSISTING)


@strawberry.type(
    description="A printable claim letter. The code in it is stored nowhere but as a hash: "
    "print it now; a new letter voids this one."
)
class ClaimLetter(Guarded):
    file_name: str | None = strawberry.field(default=None, directives=LETTER_READERS)
    content_type: str | None = strawberry.field(default=None, directives=LETTER_READERS)
    pdf_base64: str | None = strawberry.field(
        default=None, directives=LETTER_READERS, description="The PDF, base64-encoded."
    )
    expires_at: datetime.datetime | None = strawberry.field(default=None, directives=LETTER_READERS)

    @classmethod
    def build(cls, letter: ClaimLetterRecord, grants: frozenset[Grant]) -> ClaimLetter:
        return cls(
            grants=grants,
            file_name=letter.file_name,
            content_type="application/pdf",
            pdf_base64=base64.b64encode(letter.pdf).decode("ascii"),
            expires_at=letter.expires_at,
        )
