"""The page frame: header with partnership and visit, 'page 2 of 5', personal-data footer.

Several documents can share one PDF (the combined file printed per kind): each starts on a
new page, and its pages are numbered and headed on their own. Pages are kept until the end
so that every page can say how many pages its document has.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from twinplanner.documents.data import VisitInfo
from twinplanner.documents.fonts import SANS, SANS_BOLD, register_fonts
from twinplanner.documents.labels import Labels
from twinplanner.documents.styles import (
    FOOTER_SIZE,
    HEADER_SIZE,
    MARGIN_BOTTOM,
    MARGIN_SIDE,
    MARGIN_TOP,
    PALETTE,
    paper_size,
)
from twinplanner.documents.text import draw_line


@dataclass(frozen=True)
class DocPart:
    """One document ready to print: its flowables and what its page frame says."""

    title: str
    visit: VisitInfo
    labels: Labels
    personal_data: bool
    story: list[Flowable] = field(default_factory=list, hash=False, compare=False)


class _StartDocument(Flowable):
    """Marks on the canvas the page where a document starts."""

    def __init__(self, part: DocPart) -> None:
        super().__init__()
        self.part = part
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Takes no room."""
        return 0, 0

    def draw(self) -> None:
        """Record the document's first page."""
        self.canv._tp_starts.append((self.canv.getPageNumber(), self.part))  # type: ignore[attr-defined]


class _FramedCanvas(Canvas):
    """A canvas that holds its pages back and draws each page's frame when all are known."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        # the default Helvetica would be named in every page and could not be embedded
        kwargs["initialFontName"] = kwargs.get("initialFontName") or SANS
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._tp_pages: list[dict] = []
        self._tp_starts: list[tuple[int, DocPart]] = []

    def showPage(self) -> None:  # noqa: N802
        """Keep the finished page; it is written in ``save``."""
        self._tp_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Draw the header and footer of every page, then write the file."""
        starts = sorted(self._tp_starts, key=lambda s: s[0])
        total = len(self._tp_pages)
        for index, state in enumerate(self._tp_pages):
            number = index + 1
            self.__dict__.update(state)
            current = [s for s in starts if s[0] <= number]
            if current:
                first, part = current[-1]
                following = [s[0] for s in starts if s[0] > first]
                last = (following[0] - 1) if following else total
                _decorate(self, part, number - first + 1, last - first + 1)
            Canvas.showPage(self)
        Canvas.save(self)


def _decorate(canv: Canvas, part: DocPart, page: int, pages: int) -> None:
    """Header (partnership, visit, dates) and footer (page of pages, personal-data notice)."""
    width, height = canv._pagesize  # type: ignore[attr-defined]
    labels = part.labels
    rtl = labels.rtl
    left, right = MARGIN_SIDE, width - MARGIN_SIDE
    start, end = (right, left) if rtl else (left, right)
    a_start, a_end = ("right", "left") if rtl else ("left", "right")
    half = (right - left) / 2 - 4
    canv.saveState()
    canv.setFillColor(PALETTE.muted)
    y = height - 12 * mm
    draw_line(
        canv,
        part.visit.partnership,
        start,
        y,
        font=SANS_BOLD,
        size=HEADER_SIZE,
        align=a_start,
        rtl=rtl,
        max_width=half,
    )
    draw_line(
        canv,
        part.visit.title,
        end,
        y,
        font=SANS,
        size=HEADER_SIZE,
        align=a_end,
        rtl=rtl,
        max_width=half,
    )
    period = labels.period(part.visit.arrival_at, part.visit.departure_at)
    draw_line(
        canv,
        period,
        end,
        y - HEADER_SIZE * 1.3,
        font=SANS,
        size=HEADER_SIZE - 1,
        align=a_end,
        rtl=rtl,
        max_width=half,
    )
    draw_line(
        canv,
        part.title,
        start,
        y - HEADER_SIZE * 1.3,
        font=SANS,
        size=HEADER_SIZE - 1,
        align=a_start,
        rtl=rtl,
        max_width=half,
    )
    canv.setStrokeColor(PALETTE.rule)
    canv.setLineWidth(0.5)
    canv.line(left, height - MARGIN_TOP + 4 * mm, right, height - MARGIN_TOP + 4 * mm)
    canv.line(left, MARGIN_BOTTOM - 5 * mm, right, MARGIN_BOTTOM - 5 * mm)
    y = MARGIN_BOTTOM - 9 * mm
    page_text = labels("page_of", page=labels.number(page), pages=labels.number(pages))
    draw_line(canv, page_text, end, y, font=SANS_BOLD, size=FOOTER_SIZE + 0.5, align=a_end, rtl=rtl)
    if part.personal_data:
        draw_line(
            canv,
            labels("personal_data"),
            start,
            y,
            font=SANS,
            size=FOOTER_SIZE,
            align=a_start,
            rtl=rtl,
            max_width=(right - left) - 30 * mm,
        )
    canv.restoreState()


def build_pdf(
    parts: Sequence[DocPart], out: BinaryIO, *, paper: str = "a4", title: str = ""
) -> None:
    """Write documents into one PDF, each starting on a new page and numbered on its own."""
    if not parts:
        raise ValueError("There is no document to print.")
    register_fonts()
    # Binary (Flate-only) streams: smaller files, and no slow ASCII85 pass in pure Python.
    rl_config.useA85 = 0
    size = paper_size(paper)
    doc = BaseDocTemplate(
        out,
        pagesize=size,
        leftMargin=MARGIN_SIDE,
        rightMargin=MARGIN_SIDE,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title or parts[0].title,
        author="TwinPlanner",
        creator="TwinPlanner",
        subject=parts[0].visit.title,
        invariant=1,
        initialFontName=SANS,
    )
    frame = Frame(
        MARGIN_SIDE,
        MARGIN_BOTTOM,
        size[0] - 2 * MARGIN_SIDE,
        size[1] - MARGIN_TOP - MARGIN_BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    story: list[Flowable] = []
    for index, part in enumerate(parts):
        if index:
            story.append(PageBreak())
        story.append(_StartDocument(part))
        story.extend(part.story)
    doc.build(story, canvasmaker=_FramedCanvas)
