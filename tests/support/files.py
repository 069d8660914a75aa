"""Small real files for upload tests: a valid PDF, PNG and JPEG, and impostors."""

from __future__ import annotations

import io

import pypdf
from PIL import Image


def pdf_bytes(pages: int = 1) -> bytes:
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_bytes(image_format: str, *, comment: bytes = b"") -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (8, 6), (200, 30, 30))
    options = {"comment": comment} if comment and image_format == "JPEG" else {}
    image.save(out, format=image_format, **options)
    return out.getvalue()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
FAKE_PDF = b"%PDF-1.7\n" + b"garbage " * 200
