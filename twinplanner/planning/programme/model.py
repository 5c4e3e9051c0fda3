"""The CP-SAT interval model of a timetable: one start and one venue-and-day choice per task."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from twinplanner.planning.programme.rules import Problem, Resource
from twinplanner.planning.programme.windows import Window, packed_starts, union

# An unplaced task costs this many days' worth of slots, so placing everything comes first.
UNPLACED_DAYS = 4


def unplaced_cost(problem: Problem) -> int:
    """What leaving one task out costs in the objective."""
    return UNPLACED_DAYS * problem.clock.slots(24 * 60)


def start_cost(problem: Problem, key: str, window: Window, start: int) -> int:
    """Cost of a start on its own: slots after opening for a match, before the task's latest
    possible start for a rehearsal.

    Matches go early in their day, leaving the rest of the day for the programme (organisers
    plan excursions and meals in the afternoons, and the players' families come to watch in
    the morning). A rehearsal goes as close as possible to what it prepares: in the interval
    model its cost is the time between its end and the start of what follows (see
    ``TimetableModel._objective``); here, for the greedy and the grid pass, the distance to
    its latest possible start over the whole visit stands in for that. A rehearsal on the
    evening of the first day for a concert on the third was as cheap as one on the same day
    while this was measured within each day.
    """
    if problem.plan_task(key).pull_to_next:
        return problem.latest(key) - start
    return start - window.base


def lower_bound(problem: Problem) -> int:
    """A quick bound on the objective: the cheapest packed starts, one per task early in its day.

    Each such task takes a distinct packed position (see ``packed_starts``) of some venue
    and day; a task that finds none costs the unplaced price, which is more than any start.
    Rehearsals cost at least nothing. The grid pass stops as soon as it reaches this bound.
    """
    groups: dict[tuple[int, int], list[tuple[str, Window]]] = defaultdict(list)
    early = [t for t in problem.plan.tasks if not t.pull_to_next and problem.windows[t.key]]
    for t in early:
        for w in problem.windows[t.key]:
            groups[(w.venue_id, w.day)].append((t.key, w))
    positions = []
    for (venue_id, _), items in groups.items():
        size = min(problem.size[k] for k, _ in items)
        base = items[0][1].base
        seq = packed_starts(union(w.ranges for _, w in items), size)
        positions += [g - base for g in seq] * len(problem.pool(venue_id))
    positions.sort()
    missing = max(len(early) - len(positions), 0) + len(problem.reasons)
    return sum(positions[: len(early)]) + missing * unplaced_cost(problem)


class TimetableModel:
    """Turns a problem into a CP-SAT model; ``build()`` states every rule and the objective."""

    def __init__(self, problem: Problem) -> None:
        from ortools.sat.python import cp_model

        self.cp = cp_model
        self.problem = problem
        self.model = cp_model.CpModel()
        self.start: dict[str, Any] = {}
        self.placed: dict[str, Any] = {}
        self.lits: dict[str, list[tuple[Window, Any]]] = {}
        self.day_costs: dict[tuple[int, int], list[tuple[Any, Any, str]]] = defaultdict(list)
        self.costs: dict[tuple[str, Window], Any] = {}
        self.at_venue: dict[tuple[str, int], Any] = {}

    def build(self) -> None:
        """Variables, rules, redundant bounds and the objective."""
        cp, m, pb = self.cp, self.model, self.problem
        for t in pb.plan.tasks:
            wins = pb.windows[t.key]
            placed = m.new_bool_var(f"placed {t.key}")
            self.placed[t.key] = placed
            if not wins:
                m.add(placed == 0)
                self.start[t.key] = m.new_constant(0)
                self.lits[t.key] = []
                continue
            domain = cp.Domain.from_intervals([list(r) for r in union(w.ranges for w in wins)])
            start = m.new_int_var_from_domain(domain, f"start {t.key}")
            self.start[t.key] = start
            lits = []
            for w in wins:
                lit = m.new_bool_var(f"{t.key} v{w.venue_id} d{w.day}")
                allowed = cp.Domain.from_intervals([list(r) for r in w.ranges])
                m.add_linear_expression_in_domain(start, allowed).only_enforce_if(lit)
                lits.append((w, lit))
            self.lits[t.key] = lits
            m.add(sum(lit for _, lit in lits) == placed)
        for resource in pb.rules.resources:
            self._resource(resource)
        for limit in pb.rules.day_limits:
            on_day = [lit for k in limit.keys for w, lit in self.lits[k] if w.day == limit.day]
            m.add(sum(on_day) <= limit.most)
        for o in pb.rules.orders:
            m.add(self.start[o.later] >= self.start[o.first] + o.gap).only_enforce_if(
                [self.placed[o.later], self.placed[o.first]]
            )
        self._objective()

    def _presence(self, key: str, venue_id: int | None) -> Any:
        """The literal that says a task is placed (at the venue, when one is named)."""
        if venue_id is None:
            return self.placed[key]
        lits = [lit for w, lit in self.lits[key] if w.venue_id == venue_id]
        if len(lits) == 1:
            return lits[0]
        if (key, venue_id) not in self.at_venue:
            at = self.model.new_bool_var(f"{key} at v{venue_id}")
            self.model.add(sum(lits) == at)
            self.at_venue[(key, venue_id)] = at
        return self.at_venue[(key, venue_id)]

    def _resource(self, r: Resource) -> None:
        m = self.model
        intervals = [
            m.new_optional_fixed_size_interval_var(
                self.start[u.key], u.length, self._presence(u.key, u.venue_id), f"{u.key} {r.name}"
            )
            for u in r.uses
            if self.lits[u.key]
        ]
        intervals += [
            m.new_fixed_size_interval_var(lo, hi - lo, f"{r.name} {lo}") for lo, hi in r.blocked
        ]
        if r.capacity > 1:
            m.add_cumulative(intervals, [1] * len(intervals), r.capacity)
        elif len(intervals) > 1:
            m.add_no_overlap(intervals)

    def _objective(self) -> None:
        """Everything placed first; then each start's cost (see ``start_cost``).

        Costs are non-negative per (task, venue, day) variables, zero unless that choice is
        taken, so the per-day packing bounds below can add them up.
        """
        pb, m = self.problem, self.model
        terms = []
        for t in pb.plan.tasks:
            terms.append(unplaced_cost(pb) * (1 - self.placed[t.key]))
            nxt = pb.prepares.get(t.key) if t.pull_to_next else None
            for w, lit in self.lits[t.key]:
                span = max(w.hi - w.lo, w.hi - w.base, 0)
                if t.pull_to_next:
                    span = max(pb.latest(nxt[0]) if nxt else pb.latest(t.key), w.hi) - w.lo
                cost = m.new_int_var(0, span, f"cost {t.key} v{w.venue_id} d{w.day}")
                if nxt is not None:  # a rehearsal: the time between it and what it prepares
                    later, gap = nxt
                    m.add(cost >= self.start[later] - self.start[t.key] - gap).only_enforce_if(
                        [lit, self.placed[later]]
                    )
                    m.add(cost >= pb.latest(t.key) - self.start[t.key]).only_enforce_if(
                        [lit, self.placed[later].negated()]
                    )
                elif t.pull_to_next:  # what it prepares is fixed: its deadline bounds the windows
                    self.model.add(cost >= pb.latest(t.key) - self.start[t.key]).only_enforce_if(
                        lit
                    )
                else:
                    self.model.add(cost >= self.start[t.key] - w.base).only_enforce_if(lit)
                    self.day_costs[(w.venue_id, w.day)].append((cost, lit, t.key))
                self.model.add(cost == 0).only_enforce_if(lit.negated())
                self.costs[(t.key, w)] = cost
                terms.append(cost)
        self._packing_bounds()
        self.model.minimize(sum(terms))

    def _packing_bounds(self) -> None:
        """Redundant cuts: n tasks in a pool of P venues on one day cost at least f(n).

        On one venue, the i-th task of the day (by start) starts no earlier than seq[i] (see
        ``packed_starts``). The n cheapest starts over P venues then cost f(n) = sum of
        (seq[i // P] - opening) for i < n, a convex function, written as its tangent lines.
        The windows already leave out the times around kept events (lunch and the way
        there), so the bound knows that the morning ends at 11:15, not at 12:30; rest, stays
        and team limits are left out, so it stays valid.
        """
        pb = self.problem
        for (venue_id, day), items in sorted(self.day_costs.items()):
            wins = [
                w
                for _, _, key in items
                for w, _ in self.lits[key]
                if (w.venue_id, w.day) == (venue_id, day)
            ]
            size = min(pb.size[key] for _, _, key in items)
            base = wins[0].base
            seq = [start - base for start in packed_starts(union(w.ranges for w in wins), size)]
            pool = len(pb.pool(venue_id))
            count = sum(lit for _, lit, _ in items)
            total = sum(cost for cost, _, _ in items)
            self.model.add(count <= pool * len(seq))
            done = 0
            for r, offset in enumerate(seq):
                # f(n) >= f(P r) + offset * (n - P r) for every r
                self.model.add(total >= done + offset * (count - pool * r))
                done += pool * offset

    def _hinted_cost(
        self, key: str, w: Window, pick: tuple[Window, int], chosen: dict[str, tuple[Window, int]]
    ) -> int:
        nxt = self.problem.prepares.get(key) if self.problem.plan_task(key).pull_to_next else None
        if nxt is not None and nxt[0] in chosen:
            return chosen[nxt[0]][1] - pick[1] - nxt[1]
        return start_cost(self.problem, key, w, pick[1])

    def pin(self, chosen: dict[str, tuple[Window, int]]) -> None:
        """Allow only this timetable: task key -> (window, start slot); the rest unplaced."""
        for key, lits in self.lits.items():
            if lits:
                self.model.add(self.placed[key] == int(key in chosen))
        for key, (_, start) in chosen.items():
            self.model.add(self.start[key] == start)

    def hint(self, chosen: dict[str, tuple[Window, int]]) -> None:
        """Start the search from a timetable: task key -> (window, start slot).

        Every variable gets its value, so a timetable that keeps the rules is taken as the
        first solution at once.
        """
        m = self.model
        for key, lits in self.lits.items():
            if not lits:
                continue
            pick = chosen.get(key)
            m.add_hint(self.placed[key], pick is not None)
            if pick is not None:
                m.add_hint(self.start[key], pick[1])
            for w, lit in lits:
                taken = pick is not None and (pick[0].venue_id, pick[0].day) == (w.venue_id, w.day)
                m.add_hint(lit, taken)
                cost = self._hinted_cost(key, w, pick, chosen) if taken and pick else 0
                m.add_hint(self.costs[(key, w)], max(cost, 0))
            for (k, venue_id), at in self.at_venue.items():
                if k == key:
                    m.add_hint(at, pick is not None and pick[0].venue_id == venue_id)
