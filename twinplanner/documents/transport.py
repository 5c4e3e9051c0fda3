"""The transport list for an event: who is collected where and when."""

from __future__ import annotations

from typing import BinaryIO

from reportlab.platypus import Flowable

from twinplanner.documents.blocks import Cell, body, data_table, key_values, title_block
from twinplanner.documents.data import TransportListData
from twinplanner.documents.labels import translation_for
from twinplanner.documents.layout import DocPart, build_pdf
from twinplanner.documents.styles import content_width


def transport_part(
    data: TransportListData, *, lang: str | None = None, paper: str = "a4"
) -> DocPart:
    """The transport list as a document part."""
    labels = translation_for(lang or data.language, data.visit.working_language)
    width = content_width(paper)
    title = labels("transport_title", what=data.title)
    story: list[Flowable] = [*title_block(title, data.visit.title, labels)]
    pairs: list[tuple[str, Cell]] = []
    if data.starts_at is not None:
        pairs.append((labels("date"), labels.date_time(data.starts_at)))
    pairs.append((labels("destination"), data.destination))
    if data.transport:
        pairs.append((labels("transport"), data.transport))
    people = sum(len(s.people) for s in data.stops)
    pairs.append((labels("people_count"), labels.number(people)))
    story.append(key_values(pairs, width, labels))
    header = [
        labels("time"),
        labels("pickup"),
        labels("district"),
        labels("contact"),
        labels("phone"),
        labels("who"),
        "☐",
    ]
    rows: list[list[Cell]] = [
        [
            labels.time(s.at) if s.at else "",
            s.place,
            s.district,
            s.contact,
            s.phone,
            "\n".join(s.people),
            "☐",
        ]
        for s in data.stops
    ]
    if rows:
        story.append(data_table(header, rows, (1.3, 3.3, 1.8, 2.7, 3.1, 3.4, 0.5), width, labels))
    else:
        story.append(body("–", labels))
    return DocPart(title, data.visit, labels, personal_data=True, story=story)


def render_transport(
    data: TransportListData, out: BinaryIO, *, lang: str | None = None, paper: str = "a4"
) -> None:
    """Write a transport list as a PDF."""
    build_pdf([transport_part(data, lang=lang, paper=paper)], out, paper=paper)
