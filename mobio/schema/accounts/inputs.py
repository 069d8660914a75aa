"""GraphQL inputs of the accounts domain."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import PUBLIC


@strawberry.input(description="A newcomer registers: address, password, language, consent.")
class RegisterInput:
    email: str = strawberry.field(directives=PUBLIC)
    password: str = strawberry.field(directives=PUBLIC)
    language: str = strawberry.field(
        directives=PUBLIC, description="Interface language; the consent document's language."
    )
    usage_consent_document_id: strawberry.ID = strawberry.field(
        directives=PUBLIC, description="The usage declaration the newcomer read and accepted."
    )
