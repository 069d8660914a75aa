"""The GraphQL type of a blank form (its PDF is downloaded from /forms/{id})."""

from __future__ import annotations

import datetime

import strawberry

from mobio.auth.directives import PUBLIC
from mobio.forms.service import FormRecord
from mobio.i18n import RTL_LANGUAGES

DOWNLOAD_PATH = "/forms/{id}"


@strawberry.type(
    description=(
        "A pre-printed certificate form (blank PDF) in one language. Not personal data; "
        "the query that lists forms is for logged-in accounts only."
    )
)
class Form:
    id: strawberry.ID = strawberry.field(directives=PUBLIC)
    title: str = strawberry.field(directives=PUBLIC)
    language: str = strawberry.field(
        directives=PUBLIC, description='Language code of the form, e.g. "de", "ar".'
    )
    description: str | None = strawberry.field(directives=PUBLIC)
    file_name: str = strawberry.field(directives=PUBLIC, description="For display and saving.")
    content_type: str = strawberry.field(directives=PUBLIC, description="Always a PDF.")
    size: int = strawberry.field(directives=PUBLIC, description="In bytes.")
    published_at: datetime.datetime = strawberry.field(directives=PUBLIC)

    @strawberry.field(directives=PUBLIC, description="Where to download it (with the session).")
    def download_path(self) -> str:
        return DOWNLOAD_PATH.format(id=self.id)

    @strawberry.field(directives=PUBLIC, description="Written right to left (Arabic, Farsi).")
    def right_to_left(self) -> bool:
        return self.language.split("-", 1)[0] in RTL_LANGUAGES

    @classmethod
    def build(cls, record: FormRecord) -> Form:
        return cls(
            id=strawberry.ID(str(record.id)),
            title=record.title,
            language=record.language,
            description=record.description,
            file_name=record.file_name,
            content_type=record.content_type,
            size=record.size,
            published_at=record.published_at,
        )
