"""The host-family sheet: one per household, in the household's language."""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from twinplanner.documents.blocks import (
    Cell,
    band,
    body,
    contacts_table,
    data_table,
    heading,
    keep,
    key_values,
    title_block,
)
from twinplanner.documents.catalogue import MESSAGES
from twinplanner.documents.data import Guest, HostSheetData, Transfer
from twinplanner.documents.labels import Labels, translation_for
from twinplanner.documents.layout import DocPart, build_pdf
from twinplanner.documents.styles import content_width


def _when_where(transfer: Transfer | None, labels: Labels) -> str:
    if transfer is None:
        return labels("unknown")
    when = labels.date_time(transfer.at) if transfer.at else labels("unknown")
    return f"{when} · {labels.value(transfer.place)}" if transfer.place else when


def _health(guest: Guest, labels: Labels) -> tuple[str, str]:
    if not guest.health_shared:
        return labels("health_not_shared"), labels("health_not_shared")
    allergies = [guest.allergies] if guest.allergies else []
    if guest.animal_allergies:
        animals = labels.join(
            labels(f"species_{a}") if f"species_{a}" in MESSAGES else a
            for a in guest.animal_allergies
        )
        allergies.append(labels("animal_allergy", animals=animals))
    return guest.dietary_needs or labels("none"), labels.join(allergies) or labels("none")


def _guest_table(data: HostSheetData, width: float, labels: Labels) -> Flowable:
    header = [
        labels("name"),
        labels("age"),
        labels("languages"),
        labels("phone"),
        labels("dietary_needs"),
        labels("allergies"),
    ]
    rows: list[list[Cell]] = []
    for guest in data.guests:
        diet, allergies = _health(guest, labels)
        rows.append(
            [
                guest.name,
                labels.number(guest.age) if guest.age is not None else "",
                labels.languages(guest.languages),
                guest.phone,
                diet,
                allergies,
            ]
        )
    return data_table(header, rows, (3.4, 1, 2.6, 2.8, 2.6, 2.6), width, labels)


def _transfers(data: HostSheetData, labels: Labels) -> list[tuple[str, str]]:
    """The household's collection and return, and each guest who comes or goes apart."""
    pairs = [
        (labels("collect_guests_at"), _when_where(data.arrival, labels)),
        (labels("bring_guests_back"), _when_where(data.departure, labels)),
    ]
    for guest in data.guests:
        if guest.arrival is not None and guest.arrival != data.arrival:
            pairs.append(
                (
                    f"{labels.value(guest.name)}: {labels('arrival')}",
                    _when_where(guest.arrival, labels),
                )
            )
        if guest.departure is not None and guest.departure != data.departure:
            pairs.append(
                (
                    f"{labels.value(guest.name)}: {labels('departure')}",
                    _when_where(guest.departure, labels),
                )
            )
    return pairs


def _day_plan(data: HostSheetData, width: float, labels: Labels) -> Flowable:
    header = [labels("time"), labels("what"), labels("place"), labels("who"), labels("event")]
    rows: list[list[Cell]] = []
    bands: list[int] = []
    day = None
    for item in sorted(data.handovers, key=lambda h: (h.at, h.action, h.place)):
        if item.at.date() != day:
            day = item.at.date()
            bands.append(len(rows))
            rows.append(band(labels.date(day), len(header), labels))
        rows.append(
            [
                labels.time(item.at),
                labels(item.action),
                item.place,
                labels.join(item.guests),
                item.event,
            ]
        )
    return data_table(header, rows, (1.4, 1.6, 3.6, 3.4, 4), width, labels, band_rows=bands)


def host_sheet_part(data: HostSheetData, *, lang: str | None = None, paper: str = "a4") -> DocPart:
    """The host-family sheet as a document part."""
    labels = translation_for(lang or data.language, data.visit.working_language)
    width = content_width(paper)
    title = labels("host_sheet_title", host=data.host.name)
    subtitle = f"{data.host.address} · {data.host.phone}" if data.host.phone else data.host.address
    story: list[Flowable] = [*title_block(title, subtitle, labels)]
    story.append(heading(labels("your_guests"), labels))
    if data.guests:
        story.append(_guest_table(data, width, labels))
    else:
        story.append(body(labels("no_guests"), labels, strong=True))
    story.append(
        keep(
            [
                heading(labels("arrival_departure"), labels),
                key_values(_transfers(data, labels), width, labels),
            ]
        )
    )
    story.append(heading(labels("day_plan"), labels))
    if data.handovers:
        story.append(_day_plan(data, width, labels))
    else:
        story.append(body(labels("nothing_to_do"), labels))
    story.append(
        keep(
            [
                heading(labels("organiser_contacts"), labels),
                contacts_table(data.organisers, width, labels),
                Spacer(1, 2 * mm),
                body(labels("emergency_number", number=data.emergency_number), labels, strong=True),
            ]
        )
    )
    return DocPart(title, data.visit, labels, personal_data=True, story=story)


def render_host_sheet(
    data: HostSheetData, out: BinaryIO, *, lang: str | None = None, paper: str = "a4"
) -> None:
    """Write one household's sheet as a PDF; ``lang`` overrides the household's language."""
    build_pdf([host_sheet_part(data, lang=lang, paper=paper)], out, paper=paper)
