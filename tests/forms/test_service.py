"""The forms service: PDFs only, checked by content; the store follows the transaction."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from mobio import timeutil
from mobio.db.tables import ALL_TABLES
from mobio.db.unit_of_work import settle, unit_of_work
from mobio.errors import MobioError
from mobio.forms import service
from mobio.forms.blank import DEMO_FORMS, blank_pdf
from mobio.forms.service import FormRecord
from mobio.forms.tables import DESCRIPTION_LENGTH, TITLE_LENGTH, Form
from tests.documents.conftest import Backend
from tests.support.files import FAKE_PDF, HTML, SVG, image_bytes, pdf_bytes


async def _chunks(data: bytes, size: int = 1000) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


async def _publish(
    backend: Backend,
    language: str = "de",
    title: str = "Praktikumsbescheinigung",
    data: bytes | None = None,
    *,
    description: str | None = None,
) -> FormRecord:
    return await service.publish(
        None,
        title,
        language,
        description,
        "Vordruck.pdf",
        _chunks(pdf_bytes() if data is None else data),
        store=backend.store,
    )


async def _stored(backend: Backend, key: str) -> bytes:
    return b"".join([chunk async for chunk in await backend.store.open(key)])


class TestPublish:
    async def test_a_pdf_is_stored_as_sent(self, backend: Backend) -> None:
        # given a blank form drawn as a real PDF
        data = blank_pdf(DEMO_FORMS[0].page)
        # when an administrator publishes it with blanks around title and language
        record = await service.publish(
            None,
            "  Bescheinigung  Sprachkurs ",
            " DE ",
            "  Vom Kursträger auszufüllen. ",
            "C:\\Vordrucke\\Sprachkurs.pdf",
            _chunks(data),
            store=backend.store,
        )
        # then the very bytes are stored, as a PDF, and the texts are tidied
        assert (record.title, record.language) == ("Bescheinigung Sprachkurs", "de")
        assert record.description == "Vom Kursträger auszufüllen."
        assert record.file_name == "Sprachkurs.pdf"
        assert record.content_type == "application/pdf"
        assert record.size == len(data)
        assert await backend.visible() == [record.storage_key]
        assert await _stored(backend, record.storage_key) == data
        assert await service.find_published(record.id) == record

    @pytest.mark.parametrize(
        ("data", "code"),
        [
            (image_bytes("PNG"), "DOCUMENT_TYPE_REFUSED"),
            (image_bytes("JPEG"), "DOCUMENT_TYPE_REFUSED"),
            (image_bytes("WEBP"), "DOCUMENT_TYPE_REFUSED"),
            (SVG, "DOCUMENT_TYPE_REFUSED"),
            (HTML, "DOCUMENT_TYPE_REFUSED"),
            (b"", "DOCUMENT_TYPE_REFUSED"),
            (FAKE_PDF, "DOCUMENT_DAMAGED"),
        ],
        ids=["png", "jpeg", "webp", "svg", "html", "empty", "fake-pdf"],
    )
    async def test_anything_but_a_pdf_is_refused_and_nothing_stored(
        self, backend: Backend, data: bytes, code: str
    ) -> None:
        # when a file that is not a readable PDF is published under a .pdf name
        with pytest.raises(MobioError) as refused:
            await _publish(backend, data=data)
        # then it is refused, with a message asking for a PDF, and nothing is kept
        assert str(refused.value.code) == code
        if code == "DOCUMENT_TYPE_REFUSED":
            assert refused.value.message_id == "error.form_type_refused"
            assert "PDF" in refused.value.render("en")
        assert await backend.everything() == []
        assert await Form.count() == 0

    @pytest.mark.parametrize(
        ("title", "language", "description", "message_id"),
        [
            ("   ", "de", None, "error.form_title_invalid"),
            ("x" * (TITLE_LENGTH + 1), "de", None, "error.form_title_invalid"),
            ("Vordruck", "", None, "error.form_language_invalid"),
            ("Vordruck", "d", None, "error.form_language_invalid"),
            ("Vordruck", "deutsch", None, "error.form_language_invalid"),
            ("Vordruck", "de_DE", None, "error.form_language_invalid"),
            ("Vordruck", "de", "x" * (DESCRIPTION_LENGTH + 1), "error.form_description_too_long"),
        ],
    )
    async def test_bad_input_is_refused_before_the_file_is_read(
        self, backend: Backend, title: str, language: str, description: str | None, message_id: str
    ) -> None:
        # given a file whose stream records whether it was read
        read: list[bytes] = []

        async def chunks() -> AsyncIterator[bytes]:
            read.append(b"chunk")
            yield pdf_bytes()

        # when a form with a bad title, language or description is published
        with pytest.raises(MobioError) as refused:
            await service.publish(
                None, title, language, description, "f.pdf", chunks(), store=backend.store
            )
        # then it is refused with a translated message, before a byte is read or stored
        assert (str(refused.value.code), refused.value.message_id) == ("BAD_INPUT", message_id)
        assert refused.value.render("ar") != message_id
        assert read == []
        assert await backend.everything() == []
        assert await Form.count() == 0

    @pytest.mark.parametrize(
        ("given", "stored"), [("AR", "ar"), ("ti-ER", "ti-ER"), ("kmr", "kmr")]
    )
    async def test_language_codes_are_normalised(
        self, backend: Backend, given: str, stored: str
    ) -> None:
        record = await _publish(backend, given)
        assert record.language == stored

    async def test_a_rolled_back_publish_leaves_no_object(self, backend: Backend) -> None:
        # given a publish inside a request's transaction
        engine = ALL_TABLES[0]._meta.db
        async with unit_of_work() as unit:
            with pytest.raises(RuntimeError):
                async with engine.transaction():
                    record = await _publish(backend)
                    assert await backend.visible() == [record.storage_key]
                    # when the transaction fails after the form was stored
                    raise RuntimeError("a later step of the request failed")
            await settle(unit, committed=False)
        # then neither the row nor the stored object is left
        assert await Form.count() == 0
        assert await backend.everything() == []


class TestListPublished:
    async def test_by_language_with_all_languages_as_the_fallback(self, backend: Backend) -> None:
        # given forms in German (two), Arabic and Tigrinya (Eritrea), one of them withdrawn
        zeugnis = await _publish(backend, "de", "Zeugnis")
        praktikum = await _publish(backend, "de", "Praktikum")
        arabic = await _publish(backend, "ar", "شهادة عمل")
        tigrinya = await _publish(backend, "ti-ER", "Tigrinya form")
        withdrawn = await _publish(backend, "ar", "Withdrawn")
        await service.withdraw(withdrawn.id, store=backend.store)
        # when listing everything, by language, by primary tag, and in a language without forms
        everything = await service.list_published()
        german = await service.list_published("de")
        in_arabic = await service.list_published("AR")
        by_primary_tag = await service.list_published("ti")
        in_farsi = await service.list_published("fa")
        not_a_code = await service.list_published("???")
        # then the published ones come by language and title, the withdrawn never
        ordered = [arabic.id, praktikum.id, zeugnis.id, tigrinya.id]
        assert [r.id for r in everything] == ordered
        assert [r.id for r in german] == [praktikum.id, zeugnis.id]
        assert [r.id for r in in_arabic] == [arabic.id]
        assert [r.id for r in by_primary_tag] == [tigrinya.id]
        # and a language without forms (or no language at all) falls back to every form
        assert [r.id for r in in_farsi] == ordered
        assert [r.id for r in not_a_code] == ordered

    async def test_nothing_published_lists_nothing(self) -> None:
        assert await service.list_published("de") == []


class TestWithdraw:
    async def test_withdraw_keeps_the_row_and_removes_the_object(self, backend: Backend) -> None:
        # given a published form
        record = await _publish(backend)
        # when it is withdrawn (no request transaction: the object goes at once)
        withdrawn = await service.withdraw(record.id, store=backend.store)
        # then it is no longer published or listed, the row stays, the object is gone
        assert withdrawn.withdrawn_at is not None
        assert await service.find_published(record.id) is None
        found = await service.find(record.id)
        assert found is not None
        assert found.withdrawn_at is not None
        assert await service.list_published() == []
        assert not await backend.held(record.storage_key)
        # and it cannot be withdrawn twice
        with pytest.raises(MobioError) as again:
            await service.withdraw(record.id, store=backend.store)
        assert str(again.value.code) == "FORBIDDEN"

    async def test_a_rolled_back_withdrawal_keeps_the_object(self, backend: Backend) -> None:
        # given a published form
        record = await _publish(backend)
        engine = ALL_TABLES[0]._meta.db
        # when it is withdrawn in a transaction that then fails
        async with unit_of_work() as unit:
            with pytest.raises(RuntimeError):
                async with engine.transaction():
                    await service.withdraw(record.id, store=backend.store)
                    assert await backend.held(record.storage_key)  # not before the commit
                    raise RuntimeError("a later step of the request failed")
            await settle(unit, committed=False)
        # then the form is still published and its object still stored
        assert await service.find_published(record.id) is not None
        assert await backend.held(record.storage_key)

    async def test_an_unknown_form_is_refused(self, backend: Backend) -> None:
        record = await _publish(backend)
        await Form.delete().where(Form.id == record.id)
        with pytest.raises(MobioError) as refused:
            await service.withdraw(record.id, store=backend.store)
        assert str(refused.value.code) == "FORBIDDEN"
        assert await backend.held(record.storage_key)


async def test_timestamps_come_from_mobios_clock(backend: Backend) -> None:
    # given MoBio's clock moved three days ahead
    timeutil.travel(timedelta(days=3))
    # when a form is published and withdrawn
    record = await _publish(backend)
    withdrawn = await service.withdraw(record.id, store=backend.store)
    # then both moments are read from that clock
    ahead = timeutil.now() - timedelta(days=2)
    assert record.published_at > ahead
    assert withdrawn.withdrawn_at is not None
    assert withdrawn.withdrawn_at > ahead
