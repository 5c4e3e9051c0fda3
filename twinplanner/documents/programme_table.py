"""The day-by-day programme table shared by the itinerary and the programme."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.platypus import Table

from twinplanner.documents.blocks import (
    Cell,
    band,
    data_table,
    event_cell,
    meeting_cell,
    place_cell,
    time_range,
)
from twinplanner.documents.data import ProgrammeEvent
from twinplanner.documents.labels import Labels

FRACTIONS = (1.9, 4.1, 3.1, 3.2)


def by_day(events: Sequence[ProgrammeEvent]) -> list[tuple[dt.date, list[ProgrammeEvent]]]:
    """Events grouped by their day, in time order."""
    days: dict[dt.date, list[ProgrammeEvent]] = {}
    for event in sorted(events, key=lambda e: (e.starts_at, e.ends_at, e.title)):
        days.setdefault(event.starts_at.date(), []).append(event)
    return list(days.items())


def programme_table(events: Sequence[ProgrammeEvent], width: float, labels: Labels) -> Table:
    """Time, event, place and meeting point, with a heading row for each day."""
    header = [labels("time"), labels("event"), labels("place"), labels("meeting_point")]
    rows: list[list[Cell]] = []
    bands: list[int] = []
    for day, day_events in by_day(events):
        bands.append(len(rows))
        rows.append(band(labels.date(day), len(header), labels))
        for event in day_events:
            rows.append(
                [
                    time_range(event, labels),
                    event_cell(event, labels),
                    place_cell(event, labels),
                    meeting_cell(event, labels),
                ]
            )
    return data_table(header, rows, FRACTIONS, width, labels, band_rows=bands)
