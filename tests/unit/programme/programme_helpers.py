"""Small programme snapshots for the programme tests, with explicit defaults."""

from __future__ import annotations

import dataclasses
import datetime as dt

from twinplanner.planning.programme.snapshot import (
    ClubInfo,
    EventInfo,
    PersonInfo,
    ProgrammeSettings,
    ProgrammeSnapshot,
    VenueInfo,
)

DAY = dt.date(2027, 5, 13)
HALL, CHURCH, PITCH1, PITCH2 = 1, 2, 3, 4
CHOIR, ORCHESTRA, TEAM_A, TEAM_B = 10, 11, 20, 21


def at(hour: int, minute: int = 0, day: int = 0) -> dt.datetime:
    """A moment on the visit's n-th day."""
    return dt.datetime.combine(DAY + dt.timedelta(days=day), dt.time(hour, minute))


def event(eid: int, start: dt.datetime, end: dt.datetime, **values: object) -> EventInfo:
    """An event with a meeting point and a person responsible unless told otherwise."""
    base: dict[str, object] = dict(
        kind="excursion",
        title=f"Event {eid}",
        venue_id=HALL,
        meeting_point="Town square",
        responsible_id=1,
    )
    base.update(values)
    return EventInfo(eid, starts_at=start, ends_at=end, **base)  # type: ignore[arg-type]


def snapshot(*events: EventInfo, **values: object) -> ProgrammeSnapshot:
    """A three-day visit with two halls, two pitches, two ensembles, two teams and six people."""
    venues = (
        VenueInfo(HALL, "Town hall", "hall", 50, dt.time(8), dt.time(23)),
        VenueInfo(CHURCH, "St Mary's", "church", 200, dt.time(9), dt.time(22)),
        VenueInfo(PITCH1, "Pitch 1", "pitch", None, dt.time(9), dt.time(19)),
        VenueInfo(PITCH2, "Pitch 2", "pitch", None, dt.time(9), dt.time(19)),
    )
    clubs = (
        ClubInfo(CHOIR, "Liederkranz", "choir", "", 1, True),
        ClubInfo(ORCHESTRA, "Harmonie", "orchestra", "", 2, False),
        ClubInfo(TEAM_A, "SV U15", "sports_team", "U15", 1, True),
        ClubInfo(TEAM_B, "AS U15", "sports_team", "U15", 2, False),
    )
    persons = (
        PersonInfo(1, "Anna Weber", False, None, None, (CHOIR,)),
        PersonInfo(2, "Luc Martin", False, None, None, (ORCHESTRA,)),
        PersonInfo(3, "Jonas Brandt", True, None, None, (TEAM_A,)),
        PersonInfo(4, "Enzo Blanc", True, None, None, (TEAM_B,)),
        PersonInfo(5, "Marie Roux", False, at(15, 0, 1), None, ()),
        PersonInfo(6, "Paul Klein", False, None, None, (CHOIR, TEAM_A)),
    )
    base: dict[str, object] = dict(
        visit_id=1,
        title="Test visit",
        arrival_at=at(8),
        departure_at=at(18, 0, 2),
        events=tuple(events),
        venues=venues,
        clubs=clubs,
        persons=persons,
        travel=(),
        settings=ProgrammeSettings(),
    )
    base.update(values)
    return ProgrammeSnapshot(**base)  # type: ignore[arg-type]


def replace(snap: ProgrammeSnapshot, **values: object) -> ProgrammeSnapshot:
    """The snapshot with some fields changed."""
    return dataclasses.replace(snap, **values)  # type: ignore[arg-type]
