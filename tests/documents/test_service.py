"""The document service: the content decides the type; refusals leave nothing behind."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Iterator

import pytest
from PIL import Image

from mobio.auth.grants import Grant
from mobio.documents import service
from mobio.documents.service import Uploader
from mobio.documents.tables import Document, DocumentCategory
from mobio.errors import MobioError
from mobio.settings import get_settings
from tests.documents.conftest import Backend
from tests.support import factories
from tests.support.files import (
    FAKE_PDF,
    HTML,
    SVG,
    damaged_heic,
    heic_bytes,
    image_bytes,
    pdf_bytes,
)

OWNER = frozenset({Grant.OWNER})
COUNSELLOR = frozenset({Grant.SOCIAL_COUNSELLING})


async def _chunks(data: bytes, size: int = 1000) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("MOBIO_MAX_UPLOAD_MB", "1")
    get_settings.cache_clear()
    yield
    monkeypatch.delenv("MOBIO_MAX_UPLOAD_MB")
    get_settings.cache_clear()


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (pdf_bytes(), "application/pdf"),
        (image_bytes("PNG"), "image/png"),
        (image_bytes("JPEG"), "image/jpeg"),
        (image_bytes("WEBP"), "image/webp"),
        (heic_bytes(), "image/jpeg"),
    ],
)
async def test_accepted_types_are_stored_with_the_type_of_their_content(
    backend: Backend, data: bytes, content_type: str
) -> None:
    # given a newcomer
    person = await factories.newcomer()
    # when they upload the file under a misleading name
    record = await service.upload(
        Uploader(person.account_id, OWNER),
        person.person_id,
        DocumentCategory.CV,
        "../../evil.exe",
        _chunks(data),
        store=backend.store,
    )
    # then the type comes from the content, the name is only displayed, the uploader recorded
    assert record.content_type == content_type
    assert record.file_name == ("evil.exe.jpg" if data[4:12] == b"ftypheic" else "evil.exe")
    assert record.uploaded_by == person.account_id
    assert record.uploaded_grant == "owner"
    assert await backend.visible() == [record.storage_key]
    assert [d.id for d in await service.list_documents(person.person_id, OWNER)] == [record.id]


async def test_images_are_re_encoded_without_their_metadata(backend: Backend) -> None:
    # given a JPEG carrying a payload in a comment
    person = await factories.newcomer()
    data = image_bytes("JPEG", comment=b"<script>payload</script>")
    assert b"payload" in data
    # when it is uploaded
    record = await service.upload(
        Uploader(person.account_id, OWNER),
        person.person_id,
        DocumentCategory.CV,
        "photo.jpg",
        _chunks(data),
        store=backend.store,
    )
    # then what is stored is a fresh encoding without the payload
    stored = await _stored(backend, record.storage_key)
    assert stored.startswith(b"\xff\xd8\xff")
    assert b"payload" not in stored


async def _stored(backend: Backend, key: str) -> bytes:
    return b"".join([chunk async for chunk in await backend.store.open(key)])


async def test_a_heic_photo_is_stored_as_jpeg_without_its_metadata(backend: Backend) -> None:
    # given an iPhone photo (HEIC) whose EXIF carries a payload
    person = await factories.newcomer()
    exif = Image.Exif()
    exif[0x010E] = "<script>payload</script>"  # ImageDescription
    data = heic_bytes(size=(32, 24), exif=exif.tobytes())
    assert b"payload" in data
    # when it is uploaded under its camera name
    record = await service.upload(
        Uploader(person.account_id, OWNER),
        person.person_id,
        DocumentCategory.CV,
        "IMG_0042.HEIC",
        _chunks(data),
        store=backend.store,
    )
    # then a browser-viewable JPEG of the same picture is stored, named .jpg, without metadata
    assert record.content_type == "image/jpeg"
    assert record.file_name == "IMG_0042.jpg"
    stored = await _stored(backend, record.storage_key)
    assert stored.startswith(b"\xff\xd8\xff")
    assert b"payload" not in stored
    assert len(stored) == record.size
    with Image.open(io.BytesIO(stored)) as image:
        assert (image.format, image.size) == ("JPEG", (32, 24))
        assert not image.getexif()


async def test_a_damaged_heic_is_refused_and_nothing_stored(backend: Backend) -> None:
    # given a file that starts like a HEIC photo but whose image data is garbage
    person = await factories.newcomer()
    data = damaged_heic()
    assert data[4:12] == b"ftypheic"
    # when it is uploaded
    with pytest.raises(MobioError) as refused:
        await service.upload(
            Uploader(person.account_id, OWNER),
            person.person_id,
            DocumentCategory.CV,
            "IMG_0043.heic",
            _chunks(data),
            store=backend.store,
        )
    # then it is refused as damaged, and neither an object nor a row is left
    assert str(refused.value.code) == "DOCUMENT_DAMAGED"
    assert await backend.everything() == []
    assert await Document.count() == 0


async def test_a_heic_over_the_pixel_cap_is_refused(
    backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a pixel cap below the photo's 8 x 6 pixels (a real 40-megapixel HEIC is slow to make)
    monkeypatch.setattr(service, "MAX_PIXELS", 47)
    person = await factories.newcomer()
    # when the photo is uploaded
    with pytest.raises(MobioError) as refused:
        await service.upload(
            Uploader(person.account_id, OWNER),
            person.person_id,
            DocumentCategory.CV,
            "IMG_0044.heic",
            _chunks(heic_bytes()),
            store=backend.store,
        )
    # then it is refused before it is decoded, and nothing is stored
    assert str(refused.value.code) == "DOCUMENT_IMAGE_TOO_LARGE"
    assert await backend.everything() == []
    assert await Document.count() == 0


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("IMG_0001.HEIC", "IMG_0001.jpg"),
        ("Scans/zeugnis.heif", "zeugnis.jpg"),
        ("photo", "photo.jpg"),
        ("already.JPG", "already.JPG"),
        ("photo.bin", "photo.bin.jpg"),
        (".heic", "document.jpg"),
        ("a" * 250 + ".heic", "a" * 196 + ".jpg"),
    ],
)
def test_a_converted_upload_is_named_for_its_stored_type(name: str, shown: str) -> None:
    assert service.display_name(name, converted=True) == shown


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (SVG, "DOCUMENT_TYPE_REFUSED"),
        (HTML, "DOCUMENT_TYPE_REFUSED"),
        (b"MZ\x90\x00 an exe renamed .pdf", "DOCUMENT_TYPE_REFUSED"),
        (FAKE_PDF, "DOCUMENT_DAMAGED"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "DOCUMENT_DAMAGED"),
        (heic_bytes()[:200], "DOCUMENT_DAMAGED"),
        (b"\x00\x00\x00\x18ftypavif" + b"\x00" * 64, "DOCUMENT_TYPE_REFUSED"),
        (pdf_bytes(pages=101), "DOCUMENT_TOO_MANY_PAGES"),
    ],
)
async def test_refused_content_leaves_nothing(backend: Backend, data: bytes, code: str) -> None:
    # given a newcomer
    person = await factories.newcomer()
    # when they upload something that is not an accepted document, named .pdf
    with pytest.raises(MobioError) as refused:
        await service.upload(
            Uploader(person.account_id, OWNER),
            person.person_id,
            DocumentCategory.CV,
            "certificate.pdf",
            _chunks(data),
            store=backend.store,
        )
    # then it is refused with its code, and nothing is stored anywhere
    assert str(refused.value.code) == code
    assert await backend.everything() == []
    assert await Document.count() == 0


async def test_an_oversize_upload_is_refused_while_streaming(
    backend: Backend, small_limit: None
) -> None:
    # given a limit of 1 MiB
    person = await factories.newcomer()
    # when 2 MiB arrive
    with pytest.raises(MobioError) as refused:
        await service.upload(
            Uploader(person.account_id, OWNER),
            person.person_id,
            DocumentCategory.CV,
            "big.pdf",
            _chunks(pdf_bytes() + b"\x00" * (2 * 1024 * 1024), 64 * 1024),
            store=backend.store,
        )
    # then it is refused, and nothing is stored
    assert str(refused.value.code) == "DOCUMENT_TOO_LARGE"
    assert await backend.everything() == []
    assert await Document.count() == 0


async def test_caseworkers_never_touch_miscellaneous(backend: Backend) -> None:
    # given a private document of the owner and a certificate
    person = await factories.newcomer()
    owner = Uploader(person.account_id, OWNER)
    private = await service.upload(
        owner,
        person.person_id,
        DocumentCategory.MISCELLANEOUS,
        "p.pdf",
        _chunks(pdf_bytes()),
        store=backend.store,
    )
    counsellor = Uploader(None, COUNSELLOR)
    # when a counsellor uploads to miscellaneous, lists, and deletes the private document
    with pytest.raises(MobioError) as upload_refused:
        await service.upload(
            counsellor,
            person.person_id,
            DocumentCategory.MISCELLANEOUS,
            "x.pdf",
            _chunks(pdf_bytes()),
            store=backend.store,
        )
    listed = await service.list_documents(person.person_id, COUNSELLOR)
    with pytest.raises(MobioError) as delete_refused:
        await service.delete(counsellor, person.person_id, private.id, store=backend.store)
    # then all three are refused or empty, and the private document stays
    assert str(upload_refused.value.code) == "FORBIDDEN"
    assert listed == []
    assert str(delete_refused.value.code) == "FORBIDDEN"
    assert await backend.held(private.storage_key)


async def test_packages_list_only_their_categories(backend: Backend) -> None:
    # given one document in every category
    person = await factories.newcomer()
    owner = Uploader(person.account_id, OWNER)
    for category in DocumentCategory:
        await service.upload(
            owner, person.person_id, category, "f.pdf", _chunks(pdf_bytes()), store=backend.store
        )

    async def seen(grant: Grant) -> set[str]:
        listed = await service.list_documents(person.person_id, frozenset({grant}))
        return {record.category.value for record in listed}

    # then each package sees exactly its categories
    assert await seen(Grant.LANGUAGE_SCHOOL) == {"language_certificate"}
    assert await seen(Grant.EMPLOYER) == {"cv", "work_reference"}
    assert await seen(Grant.CHAMBERS) == {
        "vocational_certificate",
        "work_reference",
        "school_certificate",
    }
    assert await seen(Grant.EMPLOYMENT) == {
        "school_certificate",
        "vocational_certificate",
        "language_certificate",
        "cv",
    }
    assert await seen(Grant.LANGUAGE_COURSE_COORDINATION) == set()
    assert await seen(Grant.INTEGRATION_OFFICE) == set()
    assert len(await seen(Grant.INTEGRATION_MANAGEMENT)) == len(DocumentCategory) - 1


async def test_delete_removes_the_object_from_the_store(backend: Backend) -> None:
    # given a stored document
    person = await factories.newcomer()
    owner = Uploader(person.account_id, OWNER)
    record = await service.upload(
        owner,
        person.person_id,
        DocumentCategory.CV,
        "cv.pdf",
        _chunks(pdf_bytes()),
        store=backend.store,
    )
    # when the owner deletes it
    assert await service.delete(owner, person.person_id, record.id, store=backend.store)
    # then neither the row nor the object remains
    assert await Document.count() == 0
    assert not await backend.held(record.storage_key)
    assert await backend.everything() == []
