"""The CP-SAT model of a timetable: one start and one venue-and-day choice per task."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from twinplanner.domain.enums import EventKind
from twinplanner.planning.programme.snapshot import ProgrammeSnapshot
from twinplanner.planning.programme.tasks import Plan
from twinplanner.planning.programme.windows import (
    Clock,
    Window,
    WindowFinder,
    first_at_or_after,
    for_everyone,
    participants,
    union,
)

# An unplaced task costs this many days' worth of slots, so placing everything comes first.
UNPLACED_DAYS = 4


class TimetableModel:
    """Turns a plan into a CP-SAT model; ``build()`` states every rule and the objective."""

    def __init__(self, snap: ProgrammeSnapshot, plan: Plan) -> None:
        from ortools.sat.python import cp_model

        self.cp = cp_model
        self.snap, self.plan, self.s = snap, plan, snap.settings
        self.clock = Clock(
            dt.datetime.combine(snap.arrival_at.date(), dt.time()), self.s.slot_minutes
        )
        self.model = cp_model.CpModel()
        self.finder = WindowFinder(snap, plan, self.clock)
        self.pools = self.finder.pools
        self.task_by_key = {t.key: t for t in plan.tasks}
        self.people = {t.key: participants(snap, t) for t in plan.tasks}
        self.windows: dict[str, list[Window]] = {}
        self.reasons: dict[str, str] = {}
        self.start: dict[str, Any] = {}
        self.placed: dict[str, Any] = {}
        self.lits: dict[str, list[tuple[Window, Any]]] = {}
        self.size: dict[str, int] = {}
        self.day_costs: dict[tuple[int, int], list[tuple[Any, Any]]] = defaultdict(list)

    def pool(self, venue_id: int) -> tuple[int, ...]:
        """The venues a pool's first venue stands for (itself when it is no pool)."""
        return self.pools.get(venue_id, (venue_id,))

    def build(self) -> None:
        """Variables, rules, redundant bounds and the objective."""
        cp, m = self.cp, self.model
        for t in self.plan.tasks:
            wins, reason = self.finder.windows(t, self.people[t.key])
            self.windows[t.key] = wins
            self.size[t.key] = self.clock.slots(t.minutes)
            placed = m.NewBoolVar(f"placed {t.key}")
            self.placed[t.key] = placed
            if not wins:
                self.reasons[t.key] = reason or ""
                m.Add(placed == 0)
                self.start[t.key] = m.NewConstant(0)
                self.lits[t.key] = []
                continue
            domain = cp.Domain.FromIntervals([list(r) for r in union(w.ranges for w in wins)])
            start = m.NewIntVarFromDomain(domain, f"start {t.key}")
            self.start[t.key] = start
            lits = []
            for w in wins:
                lit = m.NewBoolVar(f"{t.key} v{w.venue_id} d{w.day}")
                allowed = cp.Domain.FromIntervals([list(r) for r in w.ranges])
                m.AddLinearExpressionInDomain(start, allowed).OnlyEnforceIf(lit)
                lits.append((w, lit))
            self.lits[t.key] = lits
            m.Add(sum(lit for _, lit in lits) == placed)
        self._venues()
        self._actors()
        self._matches()
        self._order()
        self._objective()

    def _venue_lit(self, key: str, venue_id: int) -> Any:
        lits = [lit for w, lit in self.lits[key] if w.venue_id == venue_id]
        if len(lits) == 1:
            return lits[0]
        at = self.model.NewBoolVar(f"{key} at v{venue_id}")
        self.model.Add(sum(lits) == at)
        return at

    def _blocks(self, spans: list[tuple[int, int]], name: str) -> list[Any]:
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
        """A venue holds one event at a time; a pool of P venues holds P."""
        by_venue: dict[int, list[Any]] = defaultdict(list)
        for t in self.plan.tasks:
            for venue_id in sorted({w.venue_id for w, _ in self.lits[t.key]}):
                lit = self._venue_lit(t.key, venue_id)
                by_venue[venue_id].append(
                    self.model.NewOptionalFixedSizeIntervalVar(
                        self.start[t.key], self.size[t.key], lit, f"{t.key} in v{venue_id}"
                    )
                )
        kept: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for e in self.plan.kept:
            if e.venue_id in by_venue:
                kept[e.venue_id].append(self.clock.span(e))
        for venue_id, intervals in by_venue.items():
            intervals += self._blocks(kept[venue_id], f"v{venue_id} taken")
            size = len(self.pool(venue_id))
            if size > 1:
                self.model.AddCumulative(intervals, [1] * len(intervals), size)
            elif len(intervals) > 1:
                self.model.AddNoOverlap(intervals)

    def _actor_groups(self) -> dict[tuple[tuple[str, ...], tuple[int, ...]], None]:
        """For each person and club: the tasks and kept events they take part in."""
        kept_people = self.finder.kept_people
        groups: dict[tuple[tuple[str, ...], tuple[int, ...]], None] = {}
        actors: set[tuple[str, int]] = set()
        for t in self.plan.tasks:
            actors |= {("p", p) for p in self.people[t.key]} | {("c", c) for c in t.club_ids}
        for kind, ident in sorted(actors):
            if kind == "p":
                tasks = tuple(t.key for t in self.plan.tasks if ident in self.people[t.key])
                kept = tuple(
                    e.id for e in self.plan.kept if ident in kept_people[e.id] or for_everyone(e)
                )
            else:
                tasks = tuple(t.key for t in self.plan.tasks if ident in t.club_ids)
                kept = tuple(e.id for e in self.plan.kept if ident in e.club_ids or for_everyone(e))
            if tasks and len(tasks) + len(kept) >= 2:
                groups[(tasks, kept)] = None
        everyone = tuple(e.id for e in self.plan.kept if for_everyone(e))
        for t in self.plan.tasks:  # a final whose teams are not known yet: still not over lunch
            if not self.people[t.key] and not t.club_ids and everyone:
                groups[((t.key,), everyone)] = None
        return groups

    def _venues_of(self, key: str) -> set[int]:
        return {v for w, _ in self.lits[key] for v in self.pool(w.venue_id)}

    def _actors(self) -> None:
        """Nobody in two places at once, with travel time between venues."""
        kept_by_id = {e.id: e for e in self.plan.kept}
        travel = self.snap.travel_minutes
        for task_keys, kept_ids in self._actor_groups():
            task_venues = set().union(*(self._venues_of(k) for k in task_keys))
            venues = task_venues | {
                kept_by_id[i].venue_id for i in kept_ids if kept_by_id[i].venue_id
            }
            intervals = []
            for k in task_keys:
                if not self.lits[k]:
                    continue
                own = self._venues_of(k)
                tail = max((travel(a, b) for a in own for b in venues), default=0)
                size = self.clock.slots(self.task_by_key[k].minutes + tail)
                intervals.append(
                    self.model.NewOptionalFixedSizeIntervalVar(
                        self.start[k], size, self.placed[k], f"{k} busy"
                    )
                )
            spans = []
            for i in kept_ids:
                e = kept_by_id[i]
                after = max((travel(e.venue_id, v) for v in task_venues), default=0)
                spans.append(self.clock.span(e, after))
            intervals += self._blocks(spans, "busy")
            if len(intervals) > 1:
                self.model.AddNoOverlap(intervals)

    def _matches(self) -> None:
        """Rest between a team's matches and at most N matches a day."""
        rest = self.s.min_rest_minutes
        match = EventKind.MATCH.value
        teams = sorted({c for t in self.plan.tasks if t.kind == match for c in t.club_ids})
        for cid in teams:
            games = [
                t
                for t in self.plan.tasks
                if t.kind == match and cid in t.club_ids and self.lits[t.key]
            ]
            kept = [e for e in self.plan.kept if e.kind == match and cid in e.club_ids]
            intervals = [
                self.model.NewOptionalFixedSizeIntervalVar(
                    self.start[t.key],
                    self.clock.slots(t.minutes + rest),
                    self.placed[t.key],
                    f"{t.key} rest",
                )
                for t in games
            ]
            intervals += self._blocks([self.clock.span(e, rest) for e in kept], f"c{cid} played")
            if len(intervals) > 1:
                self.model.AddNoOverlap(intervals)
            for k, day in enumerate(self.snap.days()):
                already = sum(1 for e in kept if e.starts_at.date() == day)
                on_day = [lit for t in games for w, lit in self.lits[t.key] if w.day == k]
                if on_day and len(on_day) + already > self.s.max_matches_per_day:
                    self.model.Add(sum(on_day) <= max(self.s.max_matches_per_day - already, 0))

    def _order(self) -> None:
        """What must come first ends first (group games before finals, rehearsals in order)."""
        for t in self.plan.tasks:
            for key, gap in t.after:
                if key not in self.start or not self.lits[t.key] or not self.lits[key]:
                    continue
                first = self.task_by_key[key]
                self.model.Add(
                    self.start[t.key] >= self.start[key] + self.clock.slots(first.minutes + gap)
                ).OnlyEnforceIf([self.placed[t.key], self.placed[key]])

    def _objective(self) -> None:
        """Everything placed first; then matches early in their day, rehearsals near what follows.

        Costs are non-negative per (task, venue, day) variables, zero unless that choice is
        taken, so the per-day packing bounds below can add them up.
        """
        per_day = self.clock.slots(24 * 60)
        terms = []
        for t in self.plan.tasks:
            terms.append(UNPLACED_DAYS * per_day * (1 - self.placed[t.key]))
            for w, lit in self.lits[t.key]:
                span = max(w.hi - w.lo, w.hi - w.base, 0)
                cost = self.model.NewIntVar(0, span, f"cost {t.key} v{w.venue_id} d{w.day}")
                if t.pull_to_next:  # a rehearsal: as close as possible to what it prepares
                    self.model.Add(cost >= w.hi - self.start[t.key]).OnlyEnforceIf(lit)
                else:  # early in its day, leaving the rest of the day for the programme
                    self.model.Add(cost >= self.start[t.key] - w.base).OnlyEnforceIf(lit)
                    self.day_costs[(w.venue_id, w.day)].append((cost, lit, t.key))
                self.model.Add(cost == 0).OnlyEnforceIf(lit.Not())
                terms.append(cost)
        self._packing_bounds()
        self.model.Minimize(sum(terms))

    def _packing_bounds(self) -> None:
        """Redundant cuts: n tasks in a pool of P venues on one day cost at least f(n).

        On one venue, the i-th task of the day (by start) starts no earlier than seq[i]: seq[0]
        is the first start any of them may take, seq[i + 1] the first one at or after
        seq[i] plus the shortest task. The n cheapest starts over P venues then cost
        f(n) = sum of (seq[i // P] - opening) for i < n, a convex function, written as its
        tangent lines. The windows already leave out the times around kept events (lunch,
        travel to it), so the bound knows that the morning ends at 11:15, not at 12:30; rest,
        stays and team limits are left out, so it stays valid.
        """
        for (venue_id, day), items in sorted(self.day_costs.items()):
            wins = [
                w
                for _, _, key in items
                for w, _ in self.lits[key]
                if (w.venue_id, w.day) == (venue_id, day)
            ]
            size = min(self.size[key] for _, _, key in items)
            starts = union(w.ranges for w in wins)
            base = wins[0].base
            seq: list[int] = []
            cur = first_at_or_after(starts, starts[0][0])
            while cur is not None:
                seq.append(cur - base)
                cur = first_at_or_after(starts, cur + size)
            pool = len(self.pool(venue_id))
            count = sum(lit for _, lit, _ in items)
            total = sum(cost for cost, _, _ in items)
            self.model.Add(count <= pool * len(seq))
            done = 0
            for r, offset in enumerate(seq):
                # f(n) >= f(P r) + offset * (n - P r) for every r
                self.model.Add(total >= done + offset * (count - pool * r))
                done += pool * offset
