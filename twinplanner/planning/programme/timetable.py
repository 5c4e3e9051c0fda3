"""Places matches, rehearsals and concerts around the kept events with OR-Tools CP-SAT."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from twinplanner.domain.enums import EventKind
from twinplanner.i18n import _, join_words, ngettext
from twinplanner.planning.programme.greedy import Greedy
from twinplanner.planning.programme.grid import GridModel
from twinplanner.planning.programme.model import TimetableModel, lower_bound
from twinplanner.planning.programme.rules import make_problem
from twinplanner.planning.programme.snapshot import ProgrammeSnapshot
from twinplanner.planning.programme.tasks import Plan, Task

# Share of the time limit the grid pass may take at most; the interval model gets the rest.
GRID_SHARE = 0.5
# The grid pass also ends after this share of the time limit without a better timetable: its
# own bound is weak, and the interval model proves (or improves) from there.
GRID_STALL = 0.05


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
    first_complete_seconds: float | None = None  # first timetable placing every task it can

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
    for t in tm.problem.plan.tasks:
        if t.key in tm.problem.reasons:
            unplaced.append(Unplaced(t, tm.problem.reasons[t.key]))
        elif found and solver.value(tm.placed[t.key]):
            venue = next(w.venue_id for w, lit in tm.lits[t.key] if solver.value(lit))
            begins = tm.problem.clock.at(solver.value(tm.start[t.key]))
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
        pool = tm.problem.pool(p.venue_id)
        free = free_at.setdefault(p.venue_id, {v: dt.datetime.min for v in pool})
        venue = next(v for v in pool if free[v] <= p.starts_at)  # the pool is never over-full
        free[venue] = tm.problem.clock.at(tm.problem.clock.ceil(p.ends_at))
        named.append(Placed(p.task, venue, p.starts_at, p.ends_at))
    return named


def _why_unplaced(tm: TimetableModel, t: Task) -> str:
    snap = tm.problem.snap
    s = snap.settings
    venues = sorted({snap.venue_by_id[w.venue_id].name for w in tm.problem.windows[t.key]})
    who = [snap.club_by_id[c].name for c in t.club_ids if c in snap.club_by_id]
    # Each condition wraps the reason so far, so that every language can order the clauses.
    names = ", ".join(venues[:3]) + (" …" if len(venues) > 3 else "")
    reason = _("no free time at {venues}").format(venues=names)
    if who:
        reason = ngettext(
            "{reason} when {clubs} is free", "{reason} when {clubs} are free", len(who)
        ).format(reason=reason, clubs=join_words(who))
    if t.kind == EventKind.MATCH.value:
        reason = _(
            "{reason} with {rest} min rest and at most {most} matches a day per team"
        ).format(reason=reason, rest=s.min_rest_minutes, most=s.max_matches_per_day)
    if t.after:
        reason = _("{reason} after what must come first").format(reason=reason)
    return _("{reason} around the events already in the programme").format(reason=reason)


class _Watch:
    """Follows both passes: progress, the first complete timetable, and when to stop."""

    def __init__(self, began: float, should_stop: Callable[[], bool] | None, placeable: int):
        self.began, self.should_stop, self.placeable = began, should_stop, placeable
        self.progress: list[tuple[float, float]] = []
        self.first_complete: float | None = None
        self.improved_at = 0.0

    def now(self) -> float:
        """Seconds since the solving began."""
        return time.perf_counter() - self.began

    def callback(self, cp: Any, placed: list[Any], good_enough: float) -> Any:
        """A CP-SAT callback that records each timetable and stops when good enough."""
        watch = self

        class _Callback(cp.CpSolverSolutionCallback):  # type: ignore[misc]
            def on_solution_callback(self) -> None:
                now = watch.now()
                watch.progress.append((now, self.objective_value))
                watch.improved_at = now
                if watch.first_complete is None and sum(map(self.value, placed)) == watch.placeable:
                    watch.first_complete = now
                if self.objective_value <= good_enough:
                    self.stop_search()

        return _Callback()

    def solve(self, solver: Any, model: Any, callback: Any, stall: float | None = None) -> int:
        """Solve, stopping on request (checked every 50 ms) or after ``stall`` seconds without
        a better timetable once there is one."""
        done = threading.Event()

        def guard() -> None:
            while not done.wait(0.05):
                asked = self.should_stop is not None and self.should_stop()
                stalled = (
                    stall is not None and self.progress and self.now() - self.improved_at > stall
                )
                if asked or stalled:
                    solver.stop_search()
                    return

        thread = threading.Thread(target=guard, name="timetable guard", daemon=True)
        thread.start()
        try:
            return int(solver.solve(model, callback))
        finally:
            done.set()
            thread.join()


def _solver(cp: Any, seconds: float, workers: int) -> Any:
    solver = cp.CpSolver()
    solver.parameters.max_time_in_seconds = max(seconds, 0.05)
    solver.parameters.num_workers = workers
    return solver


def solve_timetable(
    snap: ProgrammeSnapshot,
    plan: Plan,
    *,
    time_limit: float | None = None,
    relative_gap: float = 0.0,
    workers: int = 2,
    should_stop: Callable[[], bool] | None = None,
) -> TimetableResult:
    """Place the plan's tasks; stops at the optimum, the gap, the time limit or on request.

    Three steps: a greedy timetable (milliseconds); the grid pass (see ``grid``) starts from
    it, finds a good timetable fast and stops when it reaches the quick lower bound; the
    interval model starts from that, may still improve it off the grid, and proves how good
    it is.
    """
    if not plan.tasks:
        return TimetableResult((), (), "empty")
    began = time.perf_counter()
    limit = time_limit or snap.settings.time_limit_seconds
    problem = make_problem(snap, plan)
    bound = lower_bound(problem)
    good_enough = bound / (1 - relative_gap) if relative_gap < 1 else float("inf")
    watch = _Watch(began, should_stop, sum(1 for t in plan.tasks if problem.windows[t.key]))
    grid = GridModel(problem)
    grid.build()
    greedy = Greedy(problem, grid.windows).solve()
    grid.hint(greedy)
    cp = grid.cp
    first = _solver(cp, limit * GRID_SHARE, workers)
    stall = max(GRID_STALL * limit, 0.5)
    code = watch.solve(
        first, grid.model, watch.callback(cp, list(grid.placed.values()), good_enough), stall
    )
    tm = TimetableModel(problem)
    tm.build()
    chosen = grid.chosen(first) if code in (cp.OPTIMAL, cp.FEASIBLE) else greedy
    tm.hint(chosen)
    stopped = should_stop is not None and should_stop()
    if stopped:  # asked to stop: the timetable found so far, read back as it is
        tm.pin(chosen)
    solver = _solver(cp, limit - (time.perf_counter() - began), workers)
    solver.parameters.relative_gap_limit = relative_gap
    code = watch.solve(solver, tm.model, watch.callback(cp, list(tm.placed.values()), good_enough))
    names = {cp.OPTIMAL: "optimal", cp.FEASIBLE: "feasible", cp.INFEASIBLE: "infeasible"}
    status = names.get(code, "unknown")
    found = status in ("optimal", "feasible")
    objective = solver.objective_value if found else None
    best_bound = max(solver.best_objective_bound, bound) if found and not stopped else bound
    if stopped and found:
        status = "feasible"
    if objective is not None and objective <= bound:
        status = "optimal"  # the timetable reaches the lower bound: nothing can be better
    placed, unplaced = _read_back(tm, solver, status)
    return TimetableResult(
        tuple(placed),
        tuple(unplaced),
        status,
        objective,
        best_bound,
        time.perf_counter() - began,
        watch.progress[0][0] if watch.progress else None,
        tuple(watch.progress),
        watch.first_complete,
    )
