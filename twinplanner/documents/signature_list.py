"""Signature lists for grant reports: per event or day, a section per sending town, totals
per country and local versus invited, and lines for the organisers' certification."""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from twinplanner.documents.blocks import (
    Cell,
    body,
    data_table,
    gap,
    heading,
    keep,
    key_values,
    table_style,
    title_block,
)
from twinplanner.documents.data import Contact, SignatureListData, SignatureSection
from twinplanner.documents.labels import Labels, translation_for
from twinplanner.documents.layout import DocPart, build_pdf
from twinplanner.documents.styles import PALETTE, content_width, styles
from twinplanner.documents.text import para

SIGNING_ROW_HEIGHT = 9 * mm


def _section(
    section: SignatureSection, data: SignatureListData, width: float, labels: Labels
) -> list[Flowable]:
    town = labels(
        "participants_from", town=section.town, country=labels.country_name(section.country)
    )
    header: list[Cell] = [labels("number_short"), labels("name"), labels("town"), labels("country")]
    fractions = [0.8, 4.2, 3, 2.2]
    if data.show_age_band:
        header.append(labels("age_band"))
        fractions.append(2.3)
    header.append(labels("signature"))
    fractions.append(3.8)
    rows: list[list[Cell]] = []
    for number, row in enumerate(section.rows, start=1):
        cells: list[Cell] = [
            labels.number(number),
            row.name,
            row.town,
            labels.country_name(row.country),
        ]
        if data.show_age_band:
            cells.append(row.age_band)
        cells.append("")
        rows.append(cells)
    table = data_table(header, rows, fractions, width, labels, min_row_height=SIGNING_ROW_HEIGHT)
    return [heading(town, labels), table]


def _totals(data: SignatureListData, width: float, labels: Labels) -> Flowable:
    pairs: list[tuple[str, Cell]] = [
        (labels.country_name(code), labels.number(count))
        for code, count in data.totals_by_country().items()
    ]
    local, invited = data.local_and_invited()
    pairs += [
        (labels("local"), labels.number(local)),
        (labels("invited"), labels.number(invited)),
        (labels("total"), labels.number(local + invited)),
    ]
    return keep([heading(labels("totals"), labels), key_values(pairs, width * 0.75, labels)])


def _certification(data: SignatureListData, width: float, labels: Labels) -> Flowable:
    what = data.title or labels("day_of_visit")
    text = labels("certification", what=what, date=labels.date(data.day))
    towns = [s.town for s in data.sections]
    certifiers = list(data.certifiers) or [Contact("", town) for town in dict.fromkeys(towns)]
    st = styles()
    blocks = []
    for contact in certifiers:
        lines = [[para(labels("for_town", town=contact.town), st.cell_bold, rtl=labels.rtl)]]
        for label, value in (
            (labels("name"), contact.name),
            (labels("function"), ""),
            (labels("place_and_date"), ""),
            (labels("signature"), ""),
        ):
            lines.append([para(f"{label}: {value}", st.cell, rtl=labels.rtl)])
        inner = Table(lines, colWidths=[width / 2 - 8], rowHeights=[None] + [8 * mm] * 4)
        inner.setStyle(
            table_style(
                [
                    ("LINEBELOW", (0, 1), (-1, -1), 0.4, PALETTE.rule),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ]
            )
        )
        blocks.append(inner)
    rows = [blocks[i : i + 2] for i in range(0, len(blocks), 2)]
    for row in rows:
        while len(row) < 2:
            row.append("")
        if labels.rtl:
            row.reverse()
    grid = Table(rows, colWidths=[width / 2] * 2)
    grid.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return keep([heading(labels("signature"), labels), body(text, labels), gap(2), grid])


def signature_list_part(
    data: SignatureListData, *, lang: str | None = None, paper: str = "a4"
) -> DocPart:
    """The signature list as a document part."""
    labels = translation_for(lang or data.language, data.visit.working_language)
    width = content_width(paper)
    title = labels("signature_title")
    when = labels.date(data.day)
    if data.starts_at is not None:
        when = labels.join([when, labels.time(data.starts_at)])
    what = data.title or labels("day_of_visit")
    story: list[Flowable] = [*title_block(title, data.visit.title, labels)]
    story.append(
        key_values(
            [(labels("event"), what), (labels("date"), when), (labels("place"), data.place)],
            width,
            labels,
        )
    )
    for section in data.sections:
        story += _section(section, data, width, labels)
    story += [_totals(data, width, labels), _certification(data, width, labels)]
    return DocPart(f"{title}: {what}", data.visit, labels, personal_data=True, story=story)


def render_signature_list(
    data: SignatureListData, out: BinaryIO, *, lang: str | None = None, paper: str = "a4"
) -> None:
    """Write a signature list as a PDF."""
    build_pdf([signature_list_part(data, lang=lang, paper=paper)], out, paper=paper)
