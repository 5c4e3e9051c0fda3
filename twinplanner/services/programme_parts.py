"""Proposals for one part of the programme: the fixtures (matches) or the concert timetable."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from twinplanner.domain.enums import EventKind
from twinplanner.i18n import _
from twinplanner.planning.programme.proposal import Proposal, _event_of
from twinplanner.planning.programme.snapshot import ProgrammeSnapshot
from twinplanner.planning.programme.tasks import Plan, build_plan
from twinplanner.planning.programme.timetable import solve_timetable


class Part(StrEnum):
    """What the organiser asks the planner for."""

    FIXTURES = "fixtures"  # the matches of every category
    CONCERTS = "concerts"  # concerts that are not fixed and their rehearsals


_KINDS = {
    Part.FIXTURES: frozenset({EventKind.MATCH.value, EventKind.TOURNAMENT.value}),
    Part.CONCERTS: frozenset({EventKind.CONCERT.value, EventKind.REHEARSAL.value}),
}


def plan_part(snap: ProgrammeSnapshot, part: Part) -> Plan:
    """The planner's tasks of one part; the other part's movable events stay where they are."""
    plan = build_plan(snap)
    kinds = _KINDS[Part(part)]
    tasks = tuple(t for t in plan.tasks if t.kind in kinds)
    moving = {t.event_id for t in tasks if t.event_id is not None}
    kept = tuple(e for e in snap.events if e.id not in moving)
    return Plan(tasks, kept, plan.notes)


def propose_part(
    snap: ProgrammeSnapshot,
    part: Part,
    *,
    time_limit: float | None = None,
    should_stop: Callable[[], bool] | None = None,
    workers: int = 2,
) -> Proposal:
    """Like services.programme.propose_schedule, for one part, on a snapshot (no database)."""
    plan = plan_part(snap, part)
    result = solve_timetable(
        snap, plan, time_limit=time_limit, should_stop=should_stop, workers=workers
    )
    changes = []
    for i, placed in enumerate(result.placed):
        change = _event_of(snap, placed, -(i + 1))
        if change is not None:
            changes.append(change)
    notes = list(plan.notes)
    if not plan.tasks:
        notes.append(
            _("Nothing to plan: every match is already in the programme and fixed.")
            if Part(part) is Part.FIXTURES
            else _(
                "Nothing to plan: every concert or rehearsal is already in the programme and fixed."
            )
        )
    if result.status == "unknown":
        notes.append(_("The planner found no timetable within its time limit; try a longer limit."))
    return Proposal(snap.visit_id, tuple(changes), result.unplaced, tuple(notes), result)
