"""A quick first pass: the timetable as yes/no choices of a start on a grid, for a hint.

Matches of one venue and day may only start where back-to-back packing puts them (9:00,
10:00, 11:00, 13:45, ... for one-hour matches around a lunch); rehearsals keep every start.
With a handful of starts a day, one yes/no variable per (task, start) is small, its linear
relaxation is strong, and CP-SAT finds good timetables in a fraction of the time the interval
model needs. Every rule of the full model holds here too, so its timetable is a valid start
(a hint) for the full model, which may still improve on it off the grid and proves the bound.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from twinplanner.planning.programme.model import start_cost, unplaced_cost
from twinplanner.planning.programme.rules import Problem, Resource
from twinplanner.planning.programme.windows import Window, on_grid, packed_starts, union

Choice = tuple[str, Window, int]  # task key, window, start slot


def grid_windows(problem: Problem) -> dict[str, list[Window]]:
    """Each task's windows with only the starts of back-to-back packing on its venue and day.

    Tasks that go early in the day (matches) are packed per venue and day; a rehearsal keeps
    all its starts, and so does a task that would be left with none.
    """
    groups: dict[tuple[int, int], list[tuple[str, Window]]] = defaultdict(list)
    for t in problem.plan.tasks:
        if not t.pull_to_next:
            for w in problem.windows[t.key]:
                groups[(w.venue_id, w.day)].append((t.key, w))
    grids = {
        where: packed_starts(
            union(w.ranges for _, w in items), min(problem.size[k] for k, _ in items)
        )
        for where, items in groups.items()
    }
    out: dict[str, list[Window]] = {}
    for t in problem.plan.tasks:
        wins = problem.windows[t.key]
        if t.pull_to_next:
            out[t.key] = wins
            continue
        kept = [g for w in wins if (g := on_grid(w, grids[(w.venue_id, w.day)])) is not None]
        out[t.key] = kept or wins
    return out


class GridModel:
    """One yes/no variable per task and possible start; the same rules as the full model."""

    def __init__(self, problem: Problem) -> None:
        from ortools.sat.python import cp_model

        self.cp = cp_model
        self.problem = problem
        self.model = cp_model.CpModel()
        self.x: dict[Choice, Any] = {}
        self.by_key: dict[str, list[Choice]] = defaultdict(list)
        self.placed: dict[str, Any] = {}
        self.ladder: dict[str, list[tuple[int, Any]]] = {}
        self.windows = grid_windows(problem)

    def build(self) -> None:
        """Choices that no kept event rules out, the rules, and the objective."""
        pb, m = self.problem, self.model
        blocked = self._blocked_choices()
        for key, wins in self.windows.items():
            for w in wins:
                for lo, hi in w.ranges:
                    for g in range(lo, hi + 1):
                        if (key, w, g) not in blocked:
                            self.x[(key, w, g)] = m.new_bool_var(
                                f"{key} d{w.day} v{w.venue_id} {g}"
                            )
                            self.by_key[key].append((key, w, g))
        for t in pb.plan.tasks:
            self.placed[t.key] = m.new_bool_var(f"placed {t.key}")
            m.add(sum(self.x[c] for c in self.by_key[t.key]) == self.placed[t.key])
        for r in pb.rules.resources:
            self._resource(r)
        for limit in pb.rules.day_limits:
            m.add(
                sum(self.x[c] for k in limit.keys for c in self.by_key[k] if c[1].day == limit.day)
                <= limit.most
            )
        for o in pb.rules.orders:
            self._order(o.later, o.first, o.gap)
        terms = [unplaced_cost(pb) * (1 - self.placed[t.key]) for t in pb.plan.tasks]
        terms += [start_cost(pb, k, w, g) * var for (k, w, g), var in self.x.items()]
        m.minimize(sum(terms))

    def _uses(self, r: Resource) -> list[tuple[Choice, int]]:
        out = []
        for u in r.uses:
            for c in self.by_key.get(u.key, ()):
                if u.venue_id is None or c[1].venue_id == u.venue_id:
                    out.append((c, u.length))
        return out

    def _blocked_choices(self) -> set[Choice]:
        """Starts whose use of some resource overlaps a kept event there."""
        pb = self.problem
        out: set[Choice] = set()
        for r in pb.rules.resources:
            if not r.blocked:
                continue
            for u in r.uses:
                for w in pb.windows[u.key]:
                    if u.venue_id is not None and w.venue_id != u.venue_id:
                        continue
                    for lo, hi in w.ranges:
                        for g in range(lo, hi + 1):
                            if any(g < b and a < g + u.length for a, b in r.blocked):
                                out.add((u.key, w, g))
        return out

    def _resource(self, r: Resource) -> None:
        """At every start, no more tasks running than the capacity."""
        uses = [(c, n) for c, n in self._uses(r) if c in self.x]
        for h in sorted({c[2] for c, _ in uses}):
            running = [self.x[c] for c, n in uses if c[2] <= h < c[2] + n]
            if len(running) > r.capacity:
                self.model.add(sum(running) <= r.capacity)

    def _by(self, key: str, slot: int) -> Any:
        """1 when the task has started at or before ``slot`` (a ladder of prefix sums)."""
        if key not in self.ladder:
            steps: dict[int, list[Any]] = defaultdict(list)
            for c in self.by_key[key]:
                steps[c[2]].append(self.x[c])
            rungs: list[tuple[int, Any]] = []
            for g in sorted(steps):
                rung = self.model.new_bool_var(f"{key} by {g}")
                below = rungs[-1][1] if rungs else 0
                self.model.add(rung == below + sum(steps[g]))
                rungs.append((g, rung))
            self.ladder[key] = rungs
        last = [rung for g, rung in self.ladder[key] if g <= slot]
        return last[-1] if last else 0

    def _order(self, later: str, first: str, gap: int) -> None:
        """By any time g, ``later`` has started only if ``first`` started by g - gap."""
        for g in sorted({c[2] for c in self.by_key[later]}):
            self.model.add(self._by(later, g) + self.placed[first] - self._by(first, g - gap) <= 1)

    def hint(self, chosen: dict[str, tuple[Window, int]]) -> None:
        """Start the search from a timetable on the grid (the greedy one)."""
        for (k, w, g), var in self.x.items():
            self.model.add_hint(var, chosen.get(k) == (w, g))
        for k, placed in self.placed.items():
            self.model.add_hint(placed, k in chosen)
        for k, rungs in self.ladder.items():
            for g, rung in rungs:
                self.model.add_hint(rung, k in chosen and chosen[k][1] <= g)

    def chosen(self, solver: Any) -> dict[str, tuple[Window, int]]:
        """The window and start of every placed task in the solver's timetable."""
        return {k: (w, g) for (k, w, g), var in self.x.items() if solver.value(var)}
