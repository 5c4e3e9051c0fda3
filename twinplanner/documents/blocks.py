"""Building blocks shared by the documents: titles, headings, tables, key-value boxes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from twinplanner.documents.data import Contact, ProgrammeEvent
from twinplanner.documents.fonts import SANS, font_runs
from twinplanner.documents.labels import Labels
from twinplanner.documents.styles import PALETTE, styles
from twinplanner.documents.text import clean, has_rtl, para, text_width

Cell: TypeAlias = str | Flowable | list[Flowable]


PADDING = 3.0  # left and right padding of table cells


def table_style(commands: Sequence[tuple], *, rtl: bool = False) -> TableStyle:
    """A table style whose plain-text cells (even empty ones) use the embedded font and the
    cell style's size and colour, right-aligned in right-to-left documents."""
    st = styles().cell
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), SANS),
            ("FONTSIZE", (0, 0), (-1, -1), st.fontSize),
            ("LEADING", (0, 0), (-1, -1), st.leading),
            ("TEXTCOLOR", (0, 0), (-1, -1), st.textColor),
            ("ALIGN", (0, 0), (-1, -1), "RIGHT" if rtl else "LEFT"),
            *commands,
        ]
    )


def _plain(value: str, width: float) -> str | None:
    """The text itself when the table can draw it as it is: left-to-right, every glyph in the
    base font, each line fitting the column. Drawing it so is much cheaper than a paragraph."""
    st = styles().cell
    text = clean(value)
    if has_rtl(text):
        return None
    for line in text.split("\n"):
        runs = font_runs(line, st.fontName)
        if len(runs) > 1 or (runs and runs[0][1] != st.fontName):
            return None
        if text_width(line, st.fontName, st.fontSize) > width - 2 * PADDING - 0.5:
            return None
    return text


def _fitted(value: Cell, width: float, labels: Labels) -> Cell:
    """A body cell: plain text where it fits, else a wrapping paragraph."""
    if isinstance(value, str):
        plain = _plain(value, width)
        if plain is not None:
            return plain
    return cell(value, labels)


def title_block(title: str, subtitle: str, labels: Labels) -> list[Flowable]:
    """The document's title and a muted subtitle."""
    st = styles()
    return [para(title, st.title, rtl=labels.rtl), para(subtitle, st.subtitle, rtl=labels.rtl)]


def heading(text: str, labels: Labels) -> Flowable:
    """A section heading."""
    return para(text, styles().heading, rtl=labels.rtl)


def body(text: str, labels: Labels, *, strong: bool = False) -> Flowable:
    """A paragraph of running text."""
    st = styles()
    return para(text, st.strong if strong else st.body, rtl=labels.rtl)


def cell(value: Cell, labels: Labels, *, bold: bool = False, muted: bool = False) -> Cell:
    """A table cell: text becomes a paragraph that wraps in the column."""
    if not isinstance(value, str):
        return value
    st = styles()
    style = st.cell_bold if bold else st.cell_muted if muted else st.cell
    return para(value, style, rtl=labels.rtl)


def stacked(lines: Sequence[tuple[str, str]], labels: Labels) -> list[Flowable]:
    """Several short paragraphs in one cell; each line is (text, 'bold'|'muted'|'')."""
    return [
        cell(text, labels, bold=kind == "bold", muted=kind == "muted")  # type: ignore[misc]
        for text, kind in lines
        if text
    ]


def data_table(
    header: Sequence[Cell],
    rows: Sequence[Sequence[Cell]],
    fractions: Sequence[float],
    width: float,
    labels: Labels,
    *,
    band_rows: Sequence[int] = (),
    min_row_height: float | None = None,
) -> Table:
    """A table with a header repeated on every page, zebra rows and wrapping cells.

    ``band_rows`` are indexes into ``rows`` of full-width rows (a day heading): their first
    cell spans the table. Right-to-left documents get their columns mirrored.
    """
    st = styles()
    total = sum(fractions)
    widths = [width * f / total for f in fractions]
    head = [para(h, st.head, rtl=labels.rtl) if isinstance(h, str) else h for h in header]
    body_rows = [[_fitted(v, w, labels) for v, w in zip(row, widths, strict=False)] for row in rows]
    data = [head, *body_rows]
    rtl = labels.rtl
    if rtl:
        data = [list(reversed(r)) for r in data]
        widths = list(reversed(widths))
    heights = [None] + [min_row_height] * len(body_rows) if min_row_height else None
    table = Table(data, colWidths=widths, rowHeights=heights, repeatRows=1)
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), PALETTE.header_fill),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, PALETTE.accent),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, PALETTE.rule),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    bands = set(band_rows)
    for index in range(len(body_rows)):
        row = index + 1
        if index in bands:
            commands.append(("SPAN", (0, row), (-1, row)))
            commands.append(("BACKGROUND", (0, row), (-1, row), PALETTE.day_fill))
            if row < len(body_rows):  # a day heading never ends a page
                commands.append(("NOSPLIT", (0, row), (-1, row + 1)))
        elif index % 2:
            commands.append(("BACKGROUND", (0, row), (-1, row), PALETTE.zebra))
    table.setStyle(table_style(commands, rtl=rtl))
    return table


def band(value: Cell, columns: int, labels: Labels) -> list[Cell]:
    """A full-width row for ``data_table``'s ``band_rows``: the value, then empty cells."""
    text = cell(value, labels, bold=True)
    filler: list[Cell] = [""] * (columns - 1)
    # in a mirrored table the spanning cell must come first after mirroring
    return [*filler, text] if labels.rtl else [text, *filler]


def key_values(pairs: Sequence[tuple[str, Cell]], width: float, labels: Labels) -> Table:
    """A two-column box of labels and values."""
    widths = [width * 0.28, width * 0.72]
    rows = [[cell(k, labels, bold=True), _fitted(v, widths[1], labels)] for k, v in pairs]
    if labels.rtl:
        rows = [list(reversed(r)) for r in rows]
        widths = list(reversed(widths))
    table = Table(rows, colWidths=widths, hAlign="RIGHT" if labels.rtl else "LEFT")
    table.setStyle(
        table_style(
            rtl=labels.rtl,
            commands=[
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, PALETTE.rule),
            ],
        )
    )
    return table


def notice(text: str, width: float, labels: Labels) -> Table:
    """A boxed, tinted paragraph for what must not be missed."""
    table = Table([[para(text, styles().notice, rtl=labels.rtl)]], colWidths=[width])
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), PALETTE.notice_fill),
                ("BOX", (0, 0), (-1, -1), 0.8, PALETTE.accent),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def gap(height_mm: float = 3) -> Spacer:
    """Vertical space."""
    return Spacer(1, height_mm * mm)


def time_range(event: ProgrammeEvent, labels: Labels) -> str:
    """'14:00–16:00'."""
    return f"{labels.time(event.starts_at)}–{labels.time(event.ends_at)}"


def event_cell(event: ProgrammeEvent, labels: Labels) -> list[Flowable]:
    """Title, kind and who takes part."""
    kind = labels.event_kind(event.kind) if event.kind else ""
    if event.public:
        kind = f"{kind} · {labels('public')}" if kind else labels("public")
    return stacked([(event.title, "bold"), (kind, "muted"), (event.who, "muted")], labels)


def place_cell(event: ProgrammeEvent, labels: Labels) -> list[Flowable]:
    """Venue and its address."""
    return stacked([(event.venue, ""), (event.venue_address, "muted")], labels)


def meeting_cell(event: ProgrammeEvent, labels: Labels) -> list[Flowable]:
    """Meeting time and point, and the transport."""
    when = labels("meet_at", time=labels.time(event.meeting_at)) if event.meeting_at else ""
    return stacked([(when, "bold"), (event.meeting_point, ""), (event.transport, "muted")], labels)


def contacts_table(contacts: Sequence[Contact], width: float, labels: Labels) -> Table:
    """Name, town, phone and e-mail of each contact."""
    rows = [[c.name, c.town, c.phone, c.email] for c in contacts]
    header = [labels("name"), labels("town"), labels("phone"), labels("email")]
    return data_table(header, rows, (2.7, 1.9, 2.3, 4.1), width, labels)


def keep(flowables: Sequence[Flowable]) -> KeepTogether:
    """Keep a heading with what follows it."""
    return KeepTogether(list(flowables))
