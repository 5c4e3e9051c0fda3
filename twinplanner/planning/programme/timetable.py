"""Places matches, rehearsals and concerts around the kept events with OR-Tools CP-SAT."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from twinplanner.domain.enums import EventKind
from twinplanner.planning.programme.model import TimetableModel
from twinplanner.planning.programme.snapshot import ProgrammeSnapshot
from twinplanner.planning.programme.tasks import Plan, Task


@dataclass(frozen=True, slots=True)
class Placed:
    """A task given a venue and a time."""

    task: Task
    venue_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Unplaced:
    """A task that found no place, and why."""

    task: Task
    reason: str


@dataclass(frozen=True)
class TimetableResult:
    """What the solver found, with the figures that tell how good it is."""

    placed: tuple[Placed, ...]
    unplaced: tuple[Unplaced, ...]
    status: str  # "optimal", "feasible", "infeasible", "unknown", "empty"
    objective: float | None = None
    bound: float | None = None
    seconds: float = 0.0
    first_feasible_seconds: float | None = None
    progress: tuple[tuple[float, float], ...] = field(default=())  # (seconds, objective)

    @property
    def gap(self) -> float | None:
        """Relative distance between the timetable found and the best possible (0 = optimal)."""
        if self.objective is None or self.bound is None:
            return None
        return abs(self.objective - self.bound) / max(1.0, abs(self.objective))


def _read_back(tm: TimetableModel, solver: Any, status: str) -> tuple[list[Placed], list[Unplaced]]:
    """The placed and unplaced tasks of a solved model, pools turned into named venues."""
    placed, unplaced = [], []
    found = status in ("optimal", "feasible")
    for t in tm.plan.tasks:
        if t.key in tm.reasons:
            unplaced.append(Unplaced(t, tm.reasons[t.key]))
        elif found and solver.Value(tm.placed[t.key]):
            venue = next(w.venue_id for w, lit in tm.lits[t.key] if solver.Value(lit))
            begins = tm.clock.at(solver.Value(tm.start[t.key]))
            placed.append(Placed(t, venue, begins, begins + dt.timedelta(minutes=t.minutes)))
        else:
            unplaced.append(Unplaced(t, _why_unplaced(tm, t)))
    placed.sort(key=lambda p: (p.starts_at, p.venue_id, p.task.key))
    return _name_venues(tm, placed), unplaced


def _name_venues(tm: TimetableModel, placed: list[Placed]) -> list[Placed]:
    """Give each task of a pool one of its venues: by start time, the first one free."""
    free_at: dict[int, dict[int, dt.datetime]] = {}
    named = []
    for p in placed:
        pool = tm.pool(p.venue_id)
        free = free_at.setdefault(p.venue_id, {v: dt.datetime.min for v in pool})
        venue = next(v for v in pool if free[v] <= p.starts_at)  # the pool is never over-full
        free[venue] = tm.clock.at(tm.clock.ceil(p.ends_at))
        named.append(Placed(p.task, venue, p.starts_at, p.ends_at))
    return named


def _why_unplaced(tm: TimetableModel, t: Task) -> str:
    s, snap = tm.s, tm.snap
    venues = sorted({snap.venue_by_id[w.venue_id].name for w in tm.windows[t.key]})
    who = [snap.club_by_id[c].name for c in t.club_ids if c in snap.club_by_id]
    parts = [f"no free time at {', '.join(venues[:3])}" + (" …" if len(venues) > 3 else "")]
    if who:
        parts.append(f"when {' and '.join(who)} {'is' if len(who) == 1 else 'are'} free")
    if t.kind == EventKind.MATCH.value:
        parts.append(
            f"with {s.min_rest_minutes} min rest and at most "
            f"{s.max_matches_per_day} matches a day per team"
        )
    if t.after:
        parts.append("after what must come first")
    return " ".join(parts) + " around the events already in the programme"


def solve_timetable(
    snap: ProgrammeSnapshot,
    plan: Plan,
    *,
    time_limit: float | None = None,
    relative_gap: float = 0.0,
    workers: int = 2,
    should_stop: Callable[[], bool] | None = None,
) -> TimetableResult:
    """Place the plan's tasks; stops at the optimum, the gap, the time limit or on request."""
    if not plan.tasks:
        return TimetableResult((), (), "empty")
    began = time.perf_counter()
    tm = TimetableModel(snap, plan)
    tm.build()
    cp = tm.cp
    solver = cp.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit or snap.settings.time_limit_seconds
    solver.parameters.num_workers = workers
    solver.parameters.relative_gap_limit = relative_gap
    progress: list[tuple[float, float]] = []

    class _Watch(cp.CpSolverSolutionCallback):  # type: ignore[name-defined, misc]
        def on_solution_callback(self) -> None:
            progress.append((time.perf_counter() - began, self.ObjectiveValue()))
            if should_stop is not None and should_stop():
                self.StopSearch()

    code = solver.Solve(tm.model, _Watch())
    names = {cp.OPTIMAL: "optimal", cp.FEASIBLE: "feasible", cp.INFEASIBLE: "infeasible"}
    status = names.get(code, "unknown")
    placed, unplaced = _read_back(tm, solver, status)
    found = status in ("optimal", "feasible")
    return TimetableResult(
        tuple(placed),
        tuple(unplaced),
        status,
        solver.ObjectiveValue() if found else None,
        solver.BestObjectiveBound() if found else None,
        time.perf_counter() - began,
        progress[0][0] if progress else None,
        tuple(progress),
    )
