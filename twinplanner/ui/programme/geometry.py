"""Where things are on the timeline: days stacked downwards, venues across, time to pixels."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from twinplanner.domain.rows import EventRow

NO_VENUE = -1  # the column of events that have no venue
MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True)
class Column:
    """One venue column (``venue_id`` NO_VENUE for events without a venue)."""

    venue_id: int
    name: str


@dataclass(frozen=True)
class Slot:
    """A block's place: column, day, minutes from midnight, and its lane among overlaps."""

    event_id: int
    column: int
    day: int
    first: int  # minutes from midnight, clipped to the day shown
    last: int
    lane: int = 0
    lanes: int = 1


def venue_of_column(column: Column) -> int | None:
    """The venue id a column stands for (None for the no-venue column)."""
    return None if column.venue_id == NO_VENUE else column.venue_id


@dataclass
class Geometry:
    """Content coordinates (no scrolling, no header or ruler) of the days, hours and columns."""

    columns: Sequence[Column]
    days: Sequence[dt.date]
    first_minute: int = 8 * 60
    last_minute: int = 22 * 60
    px_per_hour: float = 48.0
    column_width: float = 140.0
    day_header: float = 26.0

    @property
    def day_height(self) -> float:
        """A day's band: its title line and its hours."""
        return self.day_header + (self.last_minute - self.first_minute) / 60 * self.px_per_hour

    @property
    def width(self) -> float:
        """Width of all columns."""
        return self.column_width * len(self.columns)

    @property
    def height(self) -> float:
        """Height of all days."""
        return self.day_height * len(self.days)

    def y_of(self, day: int, minute: float) -> float:
        """Content y of a minute of a day."""
        return (
            day * self.day_height
            + self.day_header
            + (minute - self.first_minute) / 60 * self.px_per_hour
        )

    def day_top(self, day: int) -> float:
        """Content y where a day's band starts."""
        return day * self.day_height

    def x_of(self, column: int) -> float:
        """Content x where a column starts."""
        return column * self.column_width

    def column_at(self, x: float) -> int:
        """The column under content x (clamped to the columns there are)."""
        return max(0, min(len(self.columns) - 1, int(x // self.column_width)))

    def moment_at(self, y: float) -> tuple[int, float]:
        """(day index, minute of day) under content y, clamped to the hours shown."""
        day = max(0, min(len(self.days) - 1, int(y // self.day_height)))
        inside = y - self.day_top(day) - self.day_header
        minute = self.first_minute + inside / self.px_per_hour * 60
        return day, max(float(self.first_minute), min(float(self.last_minute), minute))

    def datetime_of(self, day: int, minute: float) -> dt.datetime:
        """The moment of a day index and a minute of that day."""
        base = dt.datetime.combine(self.days[day], dt.time())
        return base + dt.timedelta(minutes=minute)

    def rect_of(self, slot: Slot) -> tuple[float, float, float, float]:
        """(x, y, width, height) of a block in content coordinates, lanes side by side."""
        lane_width = (self.column_width - 6) / slot.lanes
        x = self.x_of(slot.column) + 3 + slot.lane * lane_width
        top = self.y_of(slot.day, slot.first)
        bottom = self.y_of(slot.day, slot.last)
        return x, top, lane_width - 2, max(bottom - top, 6.0)


def snap(minute: float, step: int) -> int:
    """The minute rounded to the nearest multiple of ``step``."""
    return int(round(minute / step) * step)


def hour_range(events: Sequence[EventRow], day_start: dt.time, day_end: dt.time) -> tuple[int, int]:
    """The whole hours to show each day: the programme's day, widened to every event."""
    first = day_start.hour * 60 + day_start.minute
    last = day_end.hour * 60 + day_end.minute
    for e in events:
        first = min(first, e.starts_at.hour * 60 + e.starts_at.minute)
        if e.ends_at.date() > e.starts_at.date():
            last = MINUTES_PER_DAY
        else:
            last = max(last, e.ends_at.hour * 60 + e.ends_at.minute)
    first = int(math.floor(first / 60) * 60)
    last = min(int(math.ceil(last / 60) * 60), MINUTES_PER_DAY)
    return first, max(last, first + 60)


def days_of(
    arrival: dt.datetime, departure: dt.datetime, events: Sequence[EventRow]
) -> list[dt.date]:
    """Every day of the visit and any day an event lies on outside it, in order."""
    days = {
        arrival.date() + dt.timedelta(days=i)
        for i in range((departure.date() - arrival.date()).days + 1)
    }
    days |= {e.starts_at.date() for e in events}
    return sorted(days)


def slots(geometry: Geometry, events: Sequence[EventRow]) -> dict[int, Slot]:
    """Each event's block on its first day, overlapping blocks of a column put in lanes."""
    column_of = {c.venue_id: i for i, c in enumerate(geometry.columns)}
    day_of = {d: i for i, d in enumerate(geometry.days)}
    groups: dict[tuple[int, int], list[Slot]] = defaultdict(list)
    for e in events:
        day = day_of.get(e.starts_at.date())
        column = column_of.get(e.venue_id if e.venue_id is not None else NO_VENUE)
        if day is None or column is None:
            continue
        first = e.starts_at.hour * 60 + e.starts_at.minute
        same_day = e.ends_at.date() == e.starts_at.date()
        last = e.ends_at.hour * 60 + e.ends_at.minute if same_day else MINUTES_PER_DAY
        first = max(geometry.first_minute, min(first, geometry.last_minute - 5))
        last = max(first + 5, min(last, geometry.last_minute))
        groups[(column, day)].append(Slot(e.id, column, day, first, last))
    out: dict[int, Slot] = {}
    for group in groups.values():
        for cluster in _clusters(sorted(group, key=lambda s: (s.first, -s.last, s.event_id))):
            ends: list[int] = []  # end minute of the last block in each lane
            placed = []
            for s in cluster:
                lane = next((i for i, end in enumerate(ends) if end <= s.first), len(ends))
                if lane == len(ends):
                    ends.append(s.last)
                else:
                    ends[lane] = s.last
                placed.append((s, lane))
            for s, lane in placed:
                out[s.event_id] = Slot(
                    s.event_id, s.column, s.day, s.first, s.last, lane, len(ends)
                )
    return out


def _clusters(ordered: list[Slot]) -> list[list[Slot]]:
    """Runs of blocks that overlap one another directly or through a chain."""
    clusters: list[list[Slot]] = []
    end = -1
    for s in ordered:
        if not clusters or s.first >= end:
            clusters.append([s])
            end = s.last
        else:
            clusters[-1].append(s)
            end = max(end, s.last)
    return clusters
