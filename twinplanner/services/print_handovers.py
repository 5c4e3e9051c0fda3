"""When and where a host brings guests to the programme and collects them again."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from twinplanner.documents.data import HandOver
from twinplanner.domain.enums import EventKind
from twinplanner.domain.rows import EventRow, PersonRow

if TYPE_CHECKING:
    from twinplanner.services.print_data import VisitSnapshot

# Events closer than this run into each other: the guests stay with the group in between.
JOIN_GAP = dt.timedelta(minutes=60)


def _blocks(events: list[EventRow]) -> list[list[EventRow]]:
    """A guest's events of one day, joined where the gap between them is short."""
    blocks: list[list[EventRow]] = []
    for event in sorted(events, key=lambda e: (e.starts_at, e.ends_at)):
        if blocks and event.starts_at - max(e.ends_at for e in blocks[-1]) <= JOIN_GAP:
            blocks[-1].append(event)
        else:
            blocks.append([event])
    return blocks


def _needs_lift(event: EventRow, person: PersonRow, snapshot: VisitSnapshot) -> bool:
    """Events during the guest's stay away from the host's home; arrival and departure are
    on the sheet apart, and free time with the hosts needs no lift."""
    arrival = person.arrival_at or snapshot.visit.arrival_at
    departure = person.departure_at or snapshot.visit.departure_at
    if event.kind == EventKind.FREE_TIME.value and event.venue_id is None:
        return False
    return event.starts_at > arrival and event.ends_at < departure


def handovers(
    guests: list[PersonRow], snapshot: VisitSnapshot, taking_part: dict[int, set[int]]
) -> tuple[HandOver, ...]:
    """For each day, when and where the host brings each guest and collects them again;
    guests going to the same place at the same time share one line."""
    grouped: dict[tuple[dt.datetime, str, str, str], list[str]] = defaultdict(list)
    for person in guests:
        days: dict[dt.date, list[EventRow]] = defaultdict(list)
        for event in snapshot.events:
            if person.id in taking_part.get(event.id, ()) and _needs_lift(event, person, snapshot):
                days[event.starts_at.date()].append(event)
        for events in days.values():
            for block in _blocks(events):
                first, last = block[0], max(block, key=lambda e: e.ends_at)
                bring_at = first.meeting_at or first.starts_at
                bring_to = first.meeting_point or first.venue_name
                collect_from = last.venue_name or last.meeting_point
                grouped[(bring_at, "bring", bring_to, first.title)].append(person.full_name)
                grouped[(last.ends_at, "collect", collect_from, last.title)].append(
                    person.full_name
                )
    return tuple(
        HandOver(at, action, place, tuple(names), title)
        for (at, action, place, title), names in sorted(grouped.items())
    )
