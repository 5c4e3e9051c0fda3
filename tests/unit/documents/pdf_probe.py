"""Reading PDFs back in the documents tests: text, fonts and where text was drawn (pypdf)."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from twinplanner.documents import fonts


def render(fn: Callable, data: object, **kwargs: object) -> bytes:
    """Render a document into bytes."""
    out = io.BytesIO()
    fn(data, out, **kwargs)
    return out.getvalue()


def reader(pdf: bytes) -> PdfReader:
    """A pypdf reader over the bytes."""
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page, NFKC-normalised so shaped Arabic compares with plain letters."""
    return [unicodedata.normalize("NFKC", p.extract_text() or "") for p in reader(pdf).pages]


def text(pdf: bytes) -> str:
    """All the text, pages joined."""
    return "\n".join(page_texts(pdf))


def flat(pdf: bytes) -> str:
    """All the text with every run of white space (line breaks in cells) made one space."""
    return " ".join(text(pdf).split())


def raw_text(pdf: bytes) -> str:
    """All the text as stored (presentation forms kept)."""
    return "\n".join(p.extract_text() or "" for p in reader(pdf).pages)


def font_problems(pdf: bytes) -> list[str]:
    """Fonts of the file that are not embedded (no font file), one message per font."""
    problems = []
    for number, page in enumerate(reader(pdf).pages, start=1):
        resources = page.get("/Resources") or {}
        font_dict = resources.get("/Font") or {}
        for key, ref in font_dict.items():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if font.get("/Subtype") == "/Type0":
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                problems.append(f"page {number}: {key} {font.get('/BaseFont')} is not embedded")
    return problems


@dataclass(frozen=True)
class Drawn:
    """A piece of text drawn on a page, with its left edge, right edge and baseline."""

    page: int
    text: str
    left: float
    right: float
    y: float


_FONT_OF = {
    "DejaVuSans": fonts.SANS,
    "DejaVuSans-Bold": fonts.SANS_BOLD,
    "NotoNaskhArabic-Regular": fonts.ARABIC,
    "NotoNaskhArabic-Bold": fonts.ARABIC_BOLD,
}


def drawn(pdf: bytes) -> list[Drawn]:
    """Every text run drawn, with its extent measured in the embedded font's metrics."""
    fonts.register_fonts()
    result: list[Drawn] = []
    for number, page in enumerate(reader(pdf).pages, start=1):

        def visit(
            txt: str, cm: list, tm: list, font_dict: dict | None, size: float, number: int = number
        ) -> None:
            if not txt.strip() or font_dict is None:
                return
            base = str(font_dict.get("/BaseFont", "")).split("+")[-1]
            font = _FONT_OF.get(base, fonts.SANS)
            x = tm[4] * cm[0] + cm[4]
            y = tm[5] * cm[3] + cm[5]
            scale = abs(tm[0] * cm[0]) or 1.0
            width = stringWidth(txt.strip("\n"), font, size * scale)
            result.append(Drawn(number, txt, x, x + width, y))

        page.extract_text(visitor_text=visit)
    return result


def page_size(pdf: bytes) -> tuple[float, float]:
    """Width and height of the first page in points."""
    box = reader(pdf).pages[0].mediabox
    return float(box.width), float(box.height)
