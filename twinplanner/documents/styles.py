"""Sizes, colours, margins and paragraph styles of the documents, as data in one place."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from twinplanner.documents.fonts import SANS, SANS_BOLD, register_fonts

PAPERS: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}

MARGIN_SIDE = 15 * mm
MARGIN_TOP = 22 * mm  # room for the header
MARGIN_BOTTOM = 20 * mm  # room for the page number and the personal-data notice
HEADER_SIZE = 8.0
FOOTER_SIZE = 7.0


@dataclass(frozen=True, slots=True)
class Palette:
    """The few colours of the documents."""

    text: Color = HexColor("#1a1a1a")
    muted: Color = HexColor("#5c5c5c")
    accent: Color = HexColor("#1f4e79")
    rule: Color = HexColor("#9aa7b4")
    header_fill: Color = HexColor("#dce6f0")
    day_fill: Color = HexColor("#eef2f6")
    zebra: Color = HexColor("#f7f7f7")
    notice_fill: Color = HexColor("#fff4e5")


PALETTE = Palette()


@dataclass(frozen=True, slots=True)
class Sizes:
    """Font sizes in points."""

    title: float = 15.0
    heading: float = 11.5
    body: float = 9.5
    cell: float = 8.5
    small: float = 7.5


SIZES = Sizes()


@dataclass(frozen=True)
class Styles:
    """The paragraph styles every document uses."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    strong: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_muted: ParagraphStyle
    head: ParagraphStyle
    notice: ParagraphStyle


def paper_size(paper: str) -> tuple[float, float]:
    """The page size for 'a4' or 'letter'; anything else is refused with the choices."""
    try:
        return PAPERS[paper.lower()]
    except KeyError:
        raise ValueError(f"Unknown paper size {paper!r}: use one of {', '.join(PAPERS)}.") from None


def content_width(paper: str) -> float:
    """The width between the side margins."""
    return paper_size(paper)[0] - 2 * MARGIN_SIDE


def _style(
    name: str,
    font: str,
    size: float,
    *,
    leading: float | None = None,
    color: Color = PALETTE.text,
    before: float = 0,
    after: float = 0,
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=leading or round(size * 1.25, 1),
        textColor=color,
        alignment=TA_LEFT,
        spaceBefore=before,
        spaceAfter=after,
        splitLongWords=1,
    )


@functools.cache
def styles() -> Styles:
    """The shared styles (fonts registered on first use)."""
    register_fonts()
    return Styles(
        title=_style("tp-title", SANS_BOLD, SIZES.title, color=PALETTE.accent, after=2),
        subtitle=_style("tp-subtitle", SANS, SIZES.body, color=PALETTE.muted, after=6),
        heading=_style(
            "tp-heading", SANS_BOLD, SIZES.heading, color=PALETTE.accent, before=10, after=4
        ),
        body=_style("tp-body", SANS, SIZES.body, after=3),
        strong=_style("tp-strong", SANS_BOLD, SIZES.body, after=3),
        cell=_style("tp-cell", SANS, SIZES.cell),
        cell_bold=_style("tp-cell-bold", SANS_BOLD, SIZES.cell),
        cell_muted=_style("tp-cell-muted", SANS, SIZES.small, color=PALETTE.muted),
        head=_style("tp-head", SANS_BOLD, SIZES.small),
        notice=_style("tp-notice", SANS_BOLD, SIZES.body, leading=SIZES.body * 1.4),
    )
