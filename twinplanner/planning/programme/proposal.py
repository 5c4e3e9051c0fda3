"""A proposed timetable: new and moved events the organiser accepts or drops; never silent."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from twinplanner.i18n import _
from twinplanner.planning.programme.conflicts import Conflict, check_programme, when
from twinplanner.planning.programme.snapshot import EventInfo, ProgrammeSnapshot
from twinplanner.planning.programme.tasks import build_plan
from twinplanner.planning.programme.timetable import (
    Placed,
    TimetableResult,
    Unplaced,
    solve_timetable,
)


class ChangeKind(StrEnum):
    """A proposed change adds an event or moves one the organiser left movable."""

    NEW = "new"
    MOVED = "moved"


@dataclass(frozen=True, slots=True)
class EventChange:
    """One line of a proposal; ``event`` is the event as it would be (negative id when new)."""

    kind: ChangeKind
    event: EventInfo
    previous: EventInfo | None = None

    def describe(self, venue_names: dict[int, str]) -> str:
        """'New: ...' or 'Moved: ... from ... to ...', in words."""

        def place(e: EventInfo) -> str:
            name = venue_names.get(e.venue_id, "") if e.venue_id else ""
            return f"{name + ', ' if name else ''}{when(e.starts_at, e.ends_at)}"

        if self.previous is None:
            return _("New: '{title}' at {place}").format(
                title=self.event.title, place=place(self.event)
            )
        return _("Moved: '{title}' from {old_place} to {new_place}").format(
            title=self.event.title, old_place=place(self.previous), new_place=place(self.event)
        )


@dataclass(frozen=True)
class Proposal:
    """What the planner proposes, what it could not place and why, and how good it is."""

    visit_id: int
    changes: tuple[EventChange, ...]
    unplaced: tuple[Unplaced, ...]
    notes: tuple[str, ...]
    result: TimetableResult

    def apply_to(
        self, snap: ProgrammeSnapshot, indices: set[int] | None = None
    ) -> ProgrammeSnapshot:
        """The programme as it would be with the chosen changes (all when ``indices`` is None)."""
        chosen = [c for i, c in enumerate(self.changes) if indices is None or i in indices]
        moved = {c.event.id: c.event for c in chosen if c.kind is ChangeKind.MOVED}
        events = [moved.get(e.id, e) for e in snap.events]
        events += [c.event for c in chosen if c.kind is ChangeKind.NEW]
        return snap.with_events(events)

    def conflicts_after(self, snap: ProgrammeSnapshot) -> list[Conflict]:
        """The conflicts the programme would have with every change accepted."""
        return check_programme(self.apply_to(snap))

    def lines(self, snap: ProgrammeSnapshot) -> list[str]:
        """The proposal in words, one line per change or unplaced item."""
        names = {v.id: v.name for v in snap.venues}
        out = [f"{i + 1}. {c.describe(names)}" for i, c in enumerate(self.changes)]
        out += [
            _("Not placed: '{title}': {reason}.").format(title=u.task.title, reason=u.reason)
            for u in self.unplaced
        ]
        out += list(self.notes)
        return out


def _event_of(snap: ProgrammeSnapshot, placed: Placed, new_id: int) -> EventChange | None:
    task = placed.task
    venue = snap.venue_by_id.get(placed.venue_id)
    if task.event_id is not None:
        old = snap.event_by_id[task.event_id]
        if (old.starts_at, old.ends_at, old.venue_id) == (
            placed.starts_at,
            placed.ends_at,
            placed.venue_id,
        ):
            return None
        new = dataclasses.replace(
            old, starts_at=placed.starts_at, ends_at=placed.ends_at, venue_id=placed.venue_id
        )
        return EventChange(ChangeKind.MOVED, new, old)
    event = EventInfo(
        id=new_id,
        kind=task.kind,
        title=task.title,
        starts_at=placed.starts_at,
        ends_at=placed.ends_at,
        venue_id=placed.venue_id,
        meeting_point=venue.name if venue else "",  # people meet at the venue unless told otherwise
        meeting_at=placed.starts_at - dt.timedelta(minutes=15) if venue else None,
        fixed=False,
        prepares_id=task.prepares_id,
        category=task.category,
        club_ids=task.club_ids,
        person_ids=task.person_ids,
    )
    return EventChange(ChangeKind.NEW, event)


def propose(
    snap: ProgrammeSnapshot,
    *,
    time_limit: float | None = None,
    relative_gap: float = 0.0,
    should_stop: Callable[[], bool] | None = None,
    workers: int = 2,
) -> Proposal:
    """Plan the matches, concerts and rehearsals of a visit around the events it keeps."""
    plan = build_plan(snap)
    result = solve_timetable(
        snap,
        plan,
        time_limit=time_limit,
        relative_gap=relative_gap,
        should_stop=should_stop,
        workers=workers,
    )
    changes = []
    for i, placed in enumerate(result.placed):
        change = _event_of(snap, placed, -(i + 1))
        if change is not None:
            changes.append(change)
    notes = list(plan.notes)
    if not plan.tasks:
        notes.append(
            _(
                "Nothing to plan: every match, concert and rehearsal is already in the "
                "programme and fixed."
            )
        )
    if result.status == "unknown":
        notes.append(_("The planner found no timetable within its time limit; try a longer limit."))
    return Proposal(snap.visit_id, tuple(changes), result.unplaced, tuple(notes), result)
