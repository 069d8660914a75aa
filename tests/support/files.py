"""Small real files for upload tests: a valid PDF, PNG, JPEG and HEIC, and impostors."""

from __future__ import annotations

import io

import pypdf
from PIL import Image
from pillow_heif import register_heif_opener

register_heif_opener()  # lets Pillow write HEIF, as the service lets it read HEIF


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


def heic_bytes(*, size: tuple[int, int] = (8, 6), exif: bytes = b"") -> bytes:
    """A real HEIC photo (HEVC in a HEIF container, major brand "heic"), as iPhones take them."""
    out = io.BytesIO()
    image = Image.new("RGB", size, (200, 30, 30))
    options = {"exif": exif} if exif else {}
    image.save(out, format="HEIF", quality=80, **options)
    return out.getvalue()


def damaged_heic() -> bytes:
    """The head of a real HEIC (its magic and box layout) with the rest cut off and garbled."""
    real = heic_bytes()
    return real[:40] + b"\x00garbled" * 8


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
FAKE_PDF = b"%PDF-1.7\n" + b"garbage " * 200
