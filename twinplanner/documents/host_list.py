"""The host-family list for organisers and drivers: by district and name, and by guest."""

from __future__ import annotations

from typing import BinaryIO

from reportlab.platypus import Flowable, PageBreak

from twinplanner.documents.blocks import Cell, body, data_table, heading, stacked, title_block
from twinplanner.documents.data import HostListData, HostListEntry
from twinplanner.documents.labels import translation_for
from twinplanner.documents.layout import DocPart, build_pdf
from twinplanner.documents.styles import content_width
from twinplanner.domain.text import fold


def by_district(entries: tuple[HostListEntry, ...]) -> list[HostListEntry]:
    """Households sorted by district, then name (accents and case folded)."""
    return sorted(entries, key=lambda e: (fold(e.host.district), fold(e.host.name)))


def by_guest(entries: tuple[HostListEntry, ...]) -> list[tuple[str, HostListEntry]]:
    """Every guest with their household, sorted by the guest's name."""
    pairs = [(guest, entry) for entry in entries for guest in entry.guests]
    return sorted(pairs, key=lambda p: (fold(p[0]), fold(p[1].host.name)))


def host_list_part(data: HostListData, *, lang: str | None = None, paper: str = "a4") -> DocPart:
    """The host list as a document part."""
    labels = translation_for(lang or data.language, data.visit.working_language)
    width = content_width(paper)
    title = labels("host_list_title")
    guests = sum(len(e.guests) for e in data.entries)
    summary = labels(
        "households_guests_total",
        households=labels.number(len(data.entries)),
        guests=labels.number(guests),
    )
    story: list[Flowable] = [*title_block(title, summary, labels)]

    story.append(heading(labels("by_district"), labels))
    header = [
        labels("district"),
        labels("host"),
        labels("address"),
        labels("phone"),
        labels("guests"),
    ]
    rows: list[list[Cell]] = []
    for entry in by_district(data.entries):
        host = entry.host
        rows.append(
            [
                host.district,
                stacked([(host.name, "bold"), (host.members, "muted")], labels),
                host.address,
                host.phone,
                "\n".join(entry.guests) or "–",
            ]
        )
    story.append(data_table(header, rows, (2, 3.2, 3.6, 2.6, 3.4), width, labels))

    story += [PageBreak(), heading(labels("by_guest"), labels)]
    pairs = by_guest(data.entries)
    if pairs:
        header = [
            labels("guest"),
            labels("host"),
            labels("address"),
            labels("district"),
            labels("phone"),
        ]
        rows = [
            [guest, e.host.name, e.host.address, e.host.district, e.host.phone]
            for guest, e in pairs
        ]
        story.append(data_table(header, rows, (3.4, 3.2, 3.6, 2, 2.6), width, labels))
    else:
        story.append(body("–", labels))
    return DocPart(title, data.visit, labels, personal_data=True, story=story)


def render_host_list(
    data: HostListData, out: BinaryIO, *, lang: str | None = None, paper: str = "a4"
) -> None:
    """Write the host list as a PDF in the organisers' language."""
    build_pdf([host_list_part(data, lang=lang, paper=paper)], out, paper=paper)
