"""The programme of the whole visit, day by day, in the two towns' languages side by side."""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from reportlab.platypus import Flowable, Table

from twinplanner.documents.blocks import Cell, band, data_table, table_style
from twinplanner.documents.data import ProgrammeData, ProgrammeEvent
from twinplanner.documents.labels import Labels, translation_for
from twinplanner.documents.layout import DocPart, build_pdf
from twinplanner.documents.programme_table import FRACTIONS, by_day
from twinplanner.documents.styles import content_width, styles
from twinplanner.documents.text import para


def _languages(data: ProgrammeData, lang: str | None) -> list[Labels]:
    """The first language (``lang`` when given) and the second, without repeats."""
    fallback = data.visit.working_language
    codes = [lang] if lang else []
    codes += [c for c in data.languages if c != lang]
    result: list[Labels] = []
    for code in codes or [fallback]:
        labels = translation_for(code, fallback)
        if labels not in result:
            result.append(labels)
    return result[:2]


def _each(
    langs: list[Labels], text: Callable[[Labels], str], style: str = "cell"
) -> list[Flowable]:
    """One paragraph per language, each aligned in its own direction; repeats are dropped."""
    st = getattr(styles(), style)
    muted = styles().cell_muted
    seen: list[str] = []
    cells: list[Flowable] = []
    for index, labels in enumerate(langs):
        value = text(labels)
        if value and value not in seen:
            seen.append(value)
            cells.append(para(value, st if index == 0 else muted, rtl=labels.rtl))
    return cells


def _side_by_side(langs: list[Labels], text: Callable[[Labels], str], width: float) -> Cell:
    """Two texts next to each other in one cell (a day heading in both languages)."""
    st = styles().cell_bold
    if len(langs) == 1:
        return [para(text(langs[0]), st, rtl=langs[0].rtl)]
    cells = [para(text(labels), st, rtl=labels.rtl) for labels in langs]
    if langs[0].rtl:
        cells.reverse()
    table = Table([cells], colWidths=[width / 2 - 4] * 2)
    table.setStyle(
        table_style(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [table]


def _event(event: ProgrammeEvent, langs: list[Labels]) -> list[Flowable]:
    first = langs[0]
    cells = [para(event.title, styles().cell_bold, rtl=first.rtl)]
    kinds = " · ".join(dict.fromkeys(lb.event_kind(event.kind) for lb in langs if event.kind))
    if event.public:
        kinds += " · " + " · ".join(dict.fromkeys(lb("public") for lb in langs))
    if kinds:
        cells.append(para(kinds.strip(" ·"), styles().cell_muted, rtl=first.rtl))
    if event.who:
        cells.append(para(event.who, styles().cell_muted, rtl=first.rtl))
    return cells


def _meeting(event: ProgrammeEvent, langs: list[Labels]) -> list[Flowable]:
    cells: list[Flowable] = []
    if event.meeting_at:
        meeting_at = event.meeting_at
        cells += _each(langs, lambda lb: lb("meet_at", time=lb.time(meeting_at)), "cell_bold")
    if event.meeting_point:
        cells.append(para(event.meeting_point, styles().cell, rtl=langs[0].rtl))
    if event.transport:
        cells.append(para(event.transport, styles().cell_muted, rtl=langs[0].rtl))
    return cells


def programme_part(data: ProgrammeData, *, lang: str | None = None, paper: str = "a4") -> DocPart:
    """The programme as a document part; ``lang`` becomes the first of its languages."""
    langs = _languages(data, lang)
    first = langs[0]
    width = content_width(paper)
    st = styles()
    title = " · ".join(dict.fromkeys(lb("programme_title") for lb in langs))
    story: list[Flowable] = [para(title, st.title, rtl=first.rtl)]
    for labels in langs:
        story.append(
            para(
                labels.period(data.visit.arrival_at, data.visit.departure_at),
                st.subtitle,
                rtl=labels.rtl,
            )
        )
    header = [
        _each(langs, lambda lb, k=k: lb(k), "head")
        for k in ("time", "event", "place", "meeting_point")
    ]
    rows: list[list[Cell]] = []
    bands: list[int] = []
    for day, events in by_day(data.events):
        bands.append(len(rows))
        rows.append(band(_side_by_side(langs, lambda lb, d=day: lb.date(d), width - 8), 4, first))
        for event in events:
            times = _each(langs, lambda lb, e=event: f"{lb.time(e.starts_at)}–{lb.time(e.ends_at)}")
            venue = [
                para(event.venue, st.cell, rtl=first.rtl),
                para(event.venue_address, st.cell_muted, rtl=first.rtl),
            ]
            rows.append([times, _event(event, langs), venue, _meeting(event, langs)])
    story.append(data_table(header, rows, FRACTIONS, width, first, band_rows=bands))
    return DocPart(title, data.visit, first, personal_data=False, story=story)


def render_programme(
    data: ProgrammeData, out: BinaryIO, *, lang: str | None = None, paper: str = "a4"
) -> None:
    """Write the programme as a PDF in its two languages (``lang`` first when given)."""
    build_pdf([programme_part(data, lang=lang, paper=paper)], out, paper=paper)
