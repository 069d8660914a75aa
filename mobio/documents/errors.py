"""Errors of the document store."""

from __future__ import annotations

from enum import StrEnum

from mobio.errors import MobioError

MIB = 1024 * 1024


class DocumentErrorCode(StrEnum):
    DOCUMENT_TOO_LARGE = "DOCUMENT_TOO_LARGE"
    DOCUMENT_NOT_FOUND = "DOCUMENT_NOT_FOUND"
    DOCUMENT_TYPE_REFUSED = "DOCUMENT_TYPE_REFUSED"
    DOCUMENT_DAMAGED = "DOCUMENT_DAMAGED"
    DOCUMENT_TOO_MANY_PAGES = "DOCUMENT_TOO_MANY_PAGES"
    DOCUMENT_IMAGE_TOO_LARGE = "DOCUMENT_IMAGE_TOO_LARGE"


class TooLarge(MobioError):
    """The stream went past ``max_bytes``; nothing of it was kept."""

    def __init__(self, max_bytes: int) -> None:
        megabytes = max_bytes / MIB
        shown = int(megabytes) if megabytes.is_integer() else round(megabytes, 1)
        super().__init__(
            DocumentErrorCode.DOCUMENT_TOO_LARGE, "error.document_too_large", max_mb=shown
        )
        self.max_bytes = max_bytes


class NotFound(MobioError):
    """No document is stored under the key."""

    def __init__(self) -> None:
        super().__init__(DocumentErrorCode.DOCUMENT_NOT_FOUND, "error.document_not_found")


class TypeRefused(MobioError):
    """The content is none of the accepted types (PDF, JPEG, PNG, WebP, HEIC), whatever its
    name."""

    def __init__(self) -> None:
        super().__init__(DocumentErrorCode.DOCUMENT_TYPE_REFUSED, "error.document_type_refused")


class Damaged(MobioError):
    """The content starts like an accepted type but cannot be opened (or is encrypted)."""

    def __init__(self) -> None:
        super().__init__(DocumentErrorCode.DOCUMENT_DAMAGED, "error.document_damaged")


class TooManyPages(MobioError):
    def __init__(self, max_pages: int) -> None:
        super().__init__(
            DocumentErrorCode.DOCUMENT_TOO_MANY_PAGES,
            "error.document_too_many_pages",
            max_pages=max_pages,
        )


class ImageTooLarge(MobioError):
    def __init__(self, max_megapixels: int) -> None:
        super().__init__(
            DocumentErrorCode.DOCUMENT_IMAGE_TOO_LARGE,
            "error.document_image_too_large",
            max_megapixels=max_megapixels,
        )


class InvalidKey(ValueError):
    """A key not of the generated form: refused before any path or request is built.

    Keys come from the database, never from a caller, so this is a bug (or an attack) and
    deliberately not a ``MobioError``: the caller sees INTERNAL.
    """

    def __init__(self) -> None:
        super().__init__("malformed document key")
