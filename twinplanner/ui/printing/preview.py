"""Pictures of the first pages of a selection, made in the worker: the documents are laid out
by the printing service, then drawn with PDFium (pypdfium2) or, without it, poppler's pdftoppm."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QImage

from twinplanner.domain.errors import TwinPlannerError
from twinplanner.i18n import _
from twinplanner.services.printing import Document, PrintCancelled, write_documents

PAGES_SHOWN = 2
RENDER_DPI = 110  # sharp enough for a page about 420 pixels wide on a high-density screen


class PreviewUnavailable(TwinPlannerError):
    """Neither pypdfium2 nor pdftoppm is there to draw pages."""


@dataclass(frozen=True)
class PreviewResult:
    """The pictures of the first pages and the document each page belongs to."""

    images: tuple[QImage, ...]
    captions: tuple[str, ...]


def _pages_pdfium(pdf: bytes, limit: int) -> list[QImage]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for number in range(min(limit, len(document))):
            page = document[number]
            bitmap = page.render(scale=RENDER_DPI / 72, prefer_bgrx=True)
            # BGRX bytes are QImage's RGB32 on little-endian machines; copy() owns the pixels
            image = QImage(
                bytes(bitmap.buffer),
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGB32,
            ).copy()
            images.append(image)
            page.close()
        return images
    finally:
        document.close()


def _pages_pdftoppm(pdf: bytes, limit: int) -> list[QImage]:
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PreviewUnavailable(
            _(
                "No preview: install the Python package pypdfium2 (pip install pypdfium2) or "
                "poppler's pdftoppm (Debian: apt install poppler-utils). Printing works without it."
            )
        )
    with tempfile.TemporaryDirectory(prefix="twinplanner-preview-") as tmp:
        source = Path(tmp) / "preview.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            [
                tool,
                "-r",
                str(RENDER_DPI),
                "-f",
                "1",
                "-l",
                str(limit),
                "-png",
                str(source),
                str(Path(tmp) / "page"),
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
        return [QImage(str(path)) for path in sorted(Path(tmp).glob("page*.png"))]


def render_pages(pdf: bytes, limit: int = PAGES_SHOWN) -> list[QImage]:
    """The first ``limit`` pages of a PDF as images (worker thread: QImage, not QPixmap)."""
    try:
        import pypdfium2  # noqa: F401 - only asks whether it is there
    except ImportError:
        return _pages_pdftoppm(pdf, limit)
    return _pages_pdfium(pdf, limit)


def _pdf_of(
    kind: str, document: Document, lang: str | None, paper: str, cancel: threading.Event
) -> bytes:
    with tempfile.TemporaryDirectory(prefix="twinplanner-preview-") as tmp:
        result = write_documents({kind: [document]}, tmp, lang=lang, paper=paper, cancel=cancel)
        return result.kinds[0].files[0].read_bytes()


def make_preview(
    documents: Sequence[tuple[str, Document, str]],
    lang: str | None,
    paper: str,
    cancel: threading.Event,
    limit: int = PAGES_SHOWN,
) -> PreviewResult:
    """Lay out documents in order until ``limit`` pages are drawn; each given as (kind,
    document, caption). Pure apart from temporary files: runs in the worker."""
    images: list[QImage] = []
    captions: list[str] = []
    for kind, document, caption in documents:
        if len(images) >= limit:
            break
        if cancel.is_set():
            raise PrintCancelled(_("The preview was cancelled."))
        pages = render_pages(_pdf_of(kind, document, lang, paper, cancel), limit - len(images))
        images.extend(pages)
        captions.extend(caption for _page in pages)
    return PreviewResult(tuple(images), tuple(captions))
