"""Places matches, rehearsals and concerts around the kept events with OR-Tools CP-SAT."""

from __future__ import annotations

import datetime as dt
import math
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from twinplanner.domain.enums import EventKind
from twinplanner.planning.programme.snapshot import EventInfo, ProgrammeSnapshot
from twinplanner.planning.programme.tasks import Plan, Task

# An unplaced task costs this many days' worth of slots, so placing everything comes first.
_UNPLACED_DAYS = 4


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


@dataclass
class _Window:
    venue_id: int
    day: int
    lo: int  # earliest start slot
    hi: int  # latest start slot
    base: int  # slot at which the venue opens that day, for "early in the day"


class _Builder:
    """Turns a plan into a CP-SAT model and reads the solution back."""

    def __init__(self, snap: ProgrammeSnapshot, plan: Plan) -> None:
        from ortools.sat.python import cp_model

        self.cp = cp_model
        self.snap = snap
        self.plan = plan
        self.s = snap.settings
        self.unit = self.s.slot_minutes
        self.origin = dt.datetime.combine(snap.arrival_at.date(), dt.time())
        self.model = cp_model.CpModel()
        self.people = {t.key: self._participants(t) for t in plan.tasks}
        self.windows: dict[str, list[_Window]] = {}
        self.reasons: dict[str, str] = {}
        self.start: dict[str, object] = {}
        self.placed: dict[str, object] = {}
        self.lits: dict[str, list[tuple[_Window, object]]] = {}
        self.size: dict[str, int] = {}
        self.members = self._venue_classes()

    def _venue_classes(self) -> dict[int, tuple[int, ...]]:
        """Interchangeable venues (same hours, size and kind, nothing kept there, no own travel
        times) form one class that the model treats as a pool; each pool is turned back into
        named venues after solving. Without this, four identical pitches make 24 symmetric
        copies of every timetable and the solver never proves the optimum."""
        used = {v for t in self.plan.tasks for v in t.venue_ids if v in self.snap.venue_by_id}
        special = {e.venue_id for e in self.plan.kept} | {a for a, _, _ in self.snap.travel}
        special |= {b for _, b, _ in self.snap.travel}
        pools: dict[object, list[int]] = defaultdict(list)
        for vid in sorted(used):
            v = self.snap.venue_by_id[vid]
            sig = ("own", vid) if vid in special else (v.kind, v.capacity, v.opens_at, v.closes_at)
            pools[sig].append(vid)
        return {ids[0]: tuple(ids) for ids in pools.values()}

    # ---- time ------------------------------------------------------------------------
    def floor(self, moment: dt.datetime) -> int:
        return math.floor((moment - self.origin).total_seconds() / 60 / self.unit)

    def ceil(self, moment: dt.datetime) -> int:
        return math.ceil((moment - self.origin).total_seconds() / 60 / self.unit)

    def at(self, slot: int) -> dt.datetime:
        return self.origin + dt.timedelta(minutes=slot * self.unit)

    def slots(self, minutes: int) -> int:
        return math.ceil(minutes / self.unit)

    def _participants(self, task: Task) -> frozenset[int]:
        ids = {p for p in task.person_ids if p in self.snap.person_by_id}
        for cid in task.club_ids:
            ids |= self.snap.members.get(cid, frozenset())
        return frozenset(ids)

    # ---- where and when each task may go ---------------------------------------------
    def task_windows(self, task: Task) -> list[_Window]:
        snap, s = self.snap, self.s
        people = [snap.person_by_id[p] for p in self.people[task.key]]
        stays = [snap.stay_of(p) for p in people]
        arrive = max((a for a, _ in stays), default=snap.arrival_at)
        leave = min((b for _, b in stays), default=snap.departure_at)
        minors = any(p.is_minor for p in people)
        duration = self.slots(task.minutes)
        reps = {r for r, ids in self.members.items() if set(ids) & set(task.venue_ids)}
        venues = [snap.venue_by_id[v] for v in sorted(reps)]
        fitting = [v for v in venues if v.capacity is None or v.capacity >= len(people)]
        windows: list[_Window] = []
        for k, day in enumerate(snap.days()):
            for v in fitting:
                opens = v.opens_at or s.day_start
                closes = v.closes_at or s.day_end
                day_open = dt.datetime.combine(day, opens)
                day_close = (
                    dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
                    if closes <= opens or closes == dt.time(23, 59, 59)
                    else dt.datetime.combine(day, closes)
                )
                # the programme's day (day_start to day_end) bounds what the planner places
                earliest = [day_open, arrive, dt.datetime.combine(day, s.day_start)]
                latest_end = [day_close, leave, dt.datetime.combine(day, s.day_end)]
                if task.not_before:
                    earliest.append(task.not_before)
                if task.deadline:
                    latest_end.append(task.deadline)
                if minors:
                    earliest.append(dt.datetime.combine(day, s.early_hour))
                    latest_end.append(dt.datetime.combine(day, s.late_hour))
                if task.start_window:
                    earliest.append(dt.datetime.combine(day, task.start_window[0]))
                lo = self.ceil(max(earliest))
                hi = self.floor(min(latest_end)) - duration
                if task.start_window:
                    hi = min(hi, self.floor(dt.datetime.combine(day, task.start_window[1])))
                if lo <= hi:
                    windows.append(
                        _Window(
                            v.id,
                            k,
                            lo,
                            hi,
                            self.ceil(max(day_open, dt.datetime.combine(day, s.day_start))),
                        )
                    )
        if not windows:
            self.reasons[task.key] = self._why_no_window(task, venues, fitting, people, minors)
        return windows

    def _why_no_window(
        self, task: Task, venues: list, fitting: list, people: list, minors: bool
    ) -> str:
        if not venues:
            return "there is no venue for it"
        if not fitting:
            biggest = max(v.capacity or 0 for v in venues)
            return f"no venue holds its {len(people)} people (the largest holds {biggest})"
        names = ", ".join(v.name for v in fitting[:3]) + (" …" if len(fitting) > 3 else "")
        limits = [f"{names} {'is' if len(fitting) == 1 else 'are'} open for {task.minutes} min"]
        if people:
            limits.append("everyone taking part is there")
        if minors:
            limits.append(f"it ends by {self.s.late_hour.strftime('%H:%M')} for the minors")
        if task.deadline:
            limits.append(f"it ends by {task.deadline.strftime('%a %d %b %H:%M')}")
        if task.start_window:
            a, b = task.start_window
            limits.append(f"it starts between {a.strftime('%H:%M')} and {b.strftime('%H:%M')}")
        return "there is no time on the visit's days when " + " and ".join(limits)

    # ---- the model ---------------------------------------------------------------------
    def build(self) -> None:
        cp, m = self.cp, self.model
        for t in self.plan.tasks:
            wins = self.task_windows(t)
            self.windows[t.key] = wins
            self.size[t.key] = self.slots(t.minutes)
            placed = m.NewBoolVar(f"placed {t.key}")
            self.placed[t.key] = placed
            if not wins:
                m.Add(placed == 0)
                self.start[t.key] = m.NewConstant(0)
                self.lits[t.key] = []
                continue
            domain = cp.Domain.FromIntervals([[w.lo, w.hi] for w in wins])
            start = m.NewIntVarFromDomain(domain, f"start {t.key}")
            self.start[t.key] = start
            lits = []
            for w in wins:
                lit = m.NewBoolVar(f"{t.key} v{w.venue_id} d{w.day}")
                m.Add(start >= w.lo).OnlyEnforceIf(lit)
                m.Add(start <= w.hi).OnlyEnforceIf(lit)
                lits.append((w, lit))
            self.lits[t.key] = lits
            m.Add(sum(lit for _, lit in lits) == placed)
        self._venues()
        self._actors()
        self._matches()
        self._order()
        self._objective()

    def _venue_lit(self, key: str, venue_id: int) -> object | None:
        lits = [lit for w, lit in self.lits[key] if w.venue_id == venue_id]
        if not lits:
            return None
        if len(lits) == 1:
            return lits[0]
        at = self.model.NewBoolVar(f"{key} at v{venue_id}")
        self.model.Add(sum(lits) == at)
        return at

    def _span(self, event: EventInfo, extra_minutes: int = 0) -> tuple[int, int]:
        """The slots a kept event blocks, with ``extra_minutes`` after it."""
        lo = self.floor(event.starts_at)
        hi = self.ceil(event.ends_at + dt.timedelta(minutes=extra_minutes))
        return lo, max(hi, lo + 1)

    def _blocks(self, spans: list[tuple[int, int]], name: str) -> list[object]:
        """Fixed intervals for kept events, overlapping ones merged (they may already clash)."""
        merged: list[list[int]] = []
        for lo, hi in sorted(spans):
            if merged and lo < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        return [
            self.model.NewFixedSizeIntervalVar(lo, hi - lo, f"{name} {lo}") for lo, hi in merged
        ]

    def _venues(self) -> None:
        by_venue: dict[int, list[object]] = defaultdict(list)
        for t in self.plan.tasks:
            for venue_id in {w.venue_id for w, _ in self.lits[t.key]}:
                lit = self._venue_lit(t.key, venue_id)
                by_venue[venue_id].append(
                    self.model.NewOptionalFixedSizeIntervalVar(
                        self.start[t.key], self.size[t.key], lit, f"{t.key} in v{venue_id}"
                    )
                )
        kept: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for e in self.plan.kept:
            if e.venue_id in by_venue:
                kept[e.venue_id].append(self._span(e))
        for venue_id, intervals in by_venue.items():
            intervals += self._blocks(kept[venue_id], f"v{venue_id} taken")
            pool = len(self.members.get(venue_id, (venue_id,)))
            if pool > 1:
                self.model.AddCumulative(intervals, [1] * len(intervals), pool)
            elif len(intervals) > 1:
                self.model.AddNoOverlap(intervals)

    def _everyone(self, e: EventInfo) -> bool:
        """A kept event naming nobody is for everyone (the reception, a meal)."""
        return not e.club_ids and not e.person_ids and e.kind != EventKind.FREE_TIME.value

    def _actors(self) -> None:
        """Nobody in two places at once, with travel time between venues."""
        kept_people = {e.id: self.snap.participants(e) for e in self.plan.kept}
        groups: dict[tuple[tuple[str, ...], tuple[int, ...]], None] = {}
        actors: set[tuple[str, int]] = set()
        for t in self.plan.tasks:
            actors |= {("p", p) for p in self.people[t.key]} | {("c", c) for c in t.club_ids}
        for kind, ident in actors:
            if kind == "p":
                tasks = tuple(t.key for t in self.plan.tasks if ident in self.people[t.key])
                kept = tuple(
                    e.id for e in self.plan.kept if ident in kept_people[e.id] or self._everyone(e)
                )
            else:
                tasks = tuple(t.key for t in self.plan.tasks if ident in t.club_ids)
                kept = tuple(
                    e.id for e in self.plan.kept if ident in e.club_ids or self._everyone(e)
                )
            if tasks and len(tasks) + len(kept) >= 2:
                groups[(tasks, kept)] = None
        everyone = tuple(e.id for e in self.plan.kept if self._everyone(e))
        for t in self.plan.tasks:  # a final whose teams are not known yet: still not over lunch
            if not self.people[t.key] and not t.club_ids and everyone:
                groups[((t.key,), everyone)] = None
        task_by_key = {t.key: t for t in self.plan.tasks}
        kept_by_id = {e.id: e for e in self.plan.kept}
        for task_keys, kept_ids in groups:
            venues = {
                v for k in task_keys for w, _ in self.lits[k] for v in self.members[w.venue_id]
            }
            venues |= {kept_by_id[i].venue_id for i in kept_ids if kept_by_id[i].venue_id}
            intervals = []
            for k in task_keys:
                if not self.lits[k]:
                    continue
                own = {v for w, _ in self.lits[k] for v in self.members[w.venue_id]}
                tail = max((self.snap.travel_minutes(a, b) for a in own for b in venues), default=0)
                size = self.slots(task_by_key[k].minutes + tail)
                intervals.append(
                    self.model.NewOptionalFixedSizeIntervalVar(
                        self.start[k], size, self.placed[k], f"{k} busy"
                    )
                )
            task_venues = {
                v for k in task_keys for w, _ in self.lits[k] for v in self.members[w.venue_id]
            }
            spans = []
            for i in kept_ids:
                e = kept_by_id[i]
                after = max(
                    (self.snap.travel_minutes(e.venue_id, v) for v in task_venues), default=0
                )
                spans.append(self._span(e, after))
            intervals += self._blocks(spans, "busy")
            if len(intervals) > 1:
                self.model.AddNoOverlap(intervals)

    def _matches(self) -> None:
        """Rest between a team's matches and at most N matches a day."""
        rest = self.s.min_rest_minutes
        days = self.snap.days()
        for cid in {
            c for t in self.plan.tasks if t.kind == EventKind.MATCH.value for c in t.club_ids
        }:
            games = [
                t
                for t in self.plan.tasks
                if t.kind == EventKind.MATCH.value and cid in t.club_ids and self.lits[t.key]
            ]
            kept = [
                e for e in self.plan.kept if e.kind == EventKind.MATCH.value and cid in e.club_ids
            ]
            intervals = [
                self.model.NewOptionalFixedSizeIntervalVar(
                    self.start[t.key],
                    self.slots(t.minutes + rest),
                    self.placed[t.key],
                    f"{t.key} rest",
                )
                for t in games
            ]
            intervals += self._blocks([self._span(e, rest) for e in kept], f"c{cid} played")
            if len(intervals) > 1:
                self.model.AddNoOverlap(intervals)
            for k, day in enumerate(days):
                already = sum(1 for e in kept if e.starts_at.date() == day)
                on_day = [lit for t in games for w, lit in self.lits[t.key] if w.day == k]
                if on_day and len(on_day) + already > self.s.max_matches_per_day:
                    self.model.Add(sum(on_day) <= max(self.s.max_matches_per_day - already, 0))

    def _order(self) -> None:
        for t in self.plan.tasks:
            for key, gap in t.after:
                if key not in self.start or not self.lits[t.key] or not self.lits[key]:
                    continue
                first = next(x for x in self.plan.tasks if x.key == key)
                self.model.Add(
                    self.start[t.key] >= self.start[key] + self.slots(first.minutes + gap)
                ).OnlyEnforceIf([self.placed[t.key], self.placed[key]])

    def _objective(self) -> None:
        """Everything placed first; then matches early in their day, rehearsals near what follows.

        Costs are non-negative per (task, venue, day) variables, zero unless that choice is
        taken, so the per-day packing bounds below can add them up.
        """
        per_day = self.slots(24 * 60)
        terms = []
        self.day_costs: dict[tuple[int, int], list[tuple[object, object]]] = defaultdict(list)
        for t in self.plan.tasks:
            terms.append(_UNPLACED_DAYS * per_day * (1 - self.placed[t.key]))
            for w, lit in self.lits[t.key]:
                span = max(w.hi - w.lo, w.hi - w.base, 0)
                cost = self.model.NewIntVar(0, span, f"cost {t.key} v{w.venue_id} d{w.day}")
                if t.pull_to_next:  # a rehearsal: as close as possible to what it prepares
                    self.model.Add(cost >= w.hi - self.start[t.key]).OnlyEnforceIf(lit)
                else:  # early in its day, leaving the rest of the day for the programme
                    self.model.Add(cost >= self.start[t.key] - w.base).OnlyEnforceIf(lit)
                    self.day_costs[(w.venue_id, w.day)].append((cost, lit))
                self.model.Add(cost == 0).OnlyEnforceIf(lit.Not())
                terms.append(cost)
        self._packing_bounds()
        self.model.Minimize(sum(terms))

    def _packing_bounds(self) -> None:
        """Redundant cuts: n tasks in a pool of P venues on one day cost at least f(n).

        On each venue, tasks packed back to back from opening (skipping events for everyone)
        start at offsets seq[0] <= seq[1] <= ...; the n cheapest starts over P venues cost
        f(n) = sum of seq[i // P] for i < n, a convex function, written as its tangent lines.
        Rest, stays and team limits are left out, so the bound stays valid; it lets the
        solver prove how early a day's matches can be.
        """
        everyone = [
            (self.floor(e.starts_at), self.ceil(e.ends_at))
            for e in self.plan.kept
            if self._everyone(e)
        ]
        tasks_of = {t.key: t for t in self.plan.tasks}
        for (venue_id, day), items in self.day_costs.items():
            wins = [
                w
                for key in self.lits
                for w, _ in self.lits[key]
                if w.venue_id == venue_id and w.day == day and not tasks_of[key].pull_to_next
            ]
            size = min(self.size[k] for k in self.lits for w, _ in self.lits[k] if w in wins)
            base = wins[0].base
            last = max(w.hi for w in wins)
            seq, cur = [], min(w.lo for w in wins)
            while cur <= last:
                clash = [b for a, b in everyone if cur < b and a < cur + size]
                if clash:
                    cur = max(clash)
                    continue
                seq.append(cur - base)
                cur += size
            pool = len(self.members.get(venue_id, (venue_id,)))
            count = sum(lit for _, lit in items)
            total = sum(cost for cost, _ in items)
            self.model.Add(count <= pool * len(seq))
            done = 0
            for r, offset in enumerate(seq):
                # f(n) >= f(P r) + offset * (n - P r) for every r
                self.model.Add(total >= done + offset * (count - pool * r))
                done += pool * offset

    # ---- reading back ----------------------------------------------------------------
    def result(self, solver: object, status_name: str) -> tuple[list[Placed], list[Unplaced]]:
        placed, unplaced = [], []
        for t in self.plan.tasks:
            if t.key in self.reasons:
                unplaced.append(Unplaced(t, self.reasons[t.key]))
            elif status_name in ("optimal", "feasible") and solver.Value(self.placed[t.key]):  # type: ignore[attr-defined]
                start = solver.Value(self.start[t.key])  # type: ignore[attr-defined]
                venue = next(w.venue_id for w, lit in self.lits[t.key] if solver.Value(lit))  # type: ignore[attr-defined]
                begins = self.at(start)
                placed.append(Placed(t, venue, begins, begins + dt.timedelta(minutes=t.minutes)))
            else:
                unplaced.append(Unplaced(t, self._why_unplaced(t)))
        placed.sort(key=lambda p: (p.starts_at, p.venue_id, p.task.key))
        return self._name_venues(placed), unplaced

    def _name_venues(self, placed: list[Placed]) -> list[Placed]:
        """Give each task of a pool one of its venues: by start time, the first one free."""
        free_at: dict[int, dict[int, dt.datetime]] = {}
        named = []
        for p in placed:
            pool = self.members.get(p.venue_id, (p.venue_id,))
            free = free_at.setdefault(p.venue_id, {v: dt.datetime.min for v in pool})
            venue = next(
                v for v in pool if free[v] <= p.starts_at
            )  # the pool's size is never exceeded
            free[venue] = p.starts_at + dt.timedelta(minutes=self.size[p.task.key] * self.unit)
            named.append(Placed(p.task, venue, p.starts_at, p.ends_at))
        return named

    def _why_unplaced(self, t: Task) -> str:
        venues = sorted({self.snap.venue_by_id[w.venue_id].name for w in self.windows[t.key]})
        who = [self.snap.club_by_id[c].name for c in t.club_ids if c in self.snap.club_by_id]
        parts = [f"no free time at {', '.join(venues[:3])}" + (" …" if len(venues) > 3 else "")]
        if who:
            parts.append(f"when {' and '.join(who)} {'is' if len(who) == 1 else 'are'} free")
        if t.kind == EventKind.MATCH.value:
            parts.append(
                f"with {self.s.min_rest_minutes} min rest and at most "
                f"{self.s.max_matches_per_day} matches a day per team"
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
    builder = _Builder(snap, plan)
    builder.build()
    cp = builder.cp
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

    code = solver.Solve(builder.model, _Watch())
    names = {cp.OPTIMAL: "optimal", cp.FEASIBLE: "feasible", cp.INFEASIBLE: "infeasible"}
    status = names.get(code, "unknown")
    placed, unplaced = builder.result(solver, status)
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
