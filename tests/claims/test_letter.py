"""The claim letter: a valid PDF in the person's language and German, with code and QR."""

from __future__ import annotations

import io
import re
from datetime import date

import pypdf
import pytest
import zxingcpp
from PIL import Image

from mobio.claims.letter import LetterContent, qr_code, render
from mobio.i18n import translate

CODE = "TPXT-KAKE-9SSC"


def _content(language: str) -> LetterContent:
    return LetterContent(
        "Amina Haddad", language, CODE, "https://mobio.test/claim", date(2027, 2, 24)
    )


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("language", ["de", "en", "fr", "ar", "fa"])
def test_the_letter_holds_the_code_and_both_languages(language: str) -> None:
    pdf = render(_content(language))
    assert pdf.startswith(b"%PDF-")
    text = _text(pdf)
    assert CODE in text
    assert "https://mobio.test/claim" in text
    assert "24.02.2027" in text
    assert translate("de", "page.claim_letter.title") in text


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_a_code_starting_with_digits_keeps_its_order_in_right_to_left_text(language: str) -> None:
    # The bidirectional algorithm moved "8495" behind the letters in an Arabic line.
    code = "8495-E5EQ-T2SF"
    content = LetterContent(
        "Amina Haddad", language, code, "https://mobio.test/claim", date(2027, 2, 24)
    )
    text = _text(render(content))
    assert set(re.findall(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", text)) == {code}
    assert "\u2066" not in text and "\u2069" not in text


def test_a_latin_language_reads_as_written() -> None:
    text = _text(render(_content("fr")))
    assert translate("fr", "page.claim_letter.title") in text


def test_arabic_is_set_with_a_font_that_has_its_letters() -> None:
    # The letters are shaped into presentation forms (U+FE70-U+FEFF), which need a font with
    # Arabic glyphs; a font without them would leave no such characters in the text layer.
    text = _text(render(_content("ar")))
    assert any("\ufe70" <= char <= "\ufeff" for char in text)


def test_the_qr_code_reads_back_as_the_claim_address_with_the_code() -> None:
    content = _content("en")
    png = io.BytesIO()
    qr_code(content.code_url).save(png, kind="png", scale=6, border=4)
    png.seek(0)
    results = zxingcpp.read_barcodes(Image.open(png))
    assert [result.text for result in results] == ["https://mobio.test/claim#TPXT-KAKE-9SSC"]
